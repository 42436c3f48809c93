// How the plan was chosen and what its bottlenecks are worth, for the terminal.

import { capacityLines } from '../engine/bottleneckText';
import { formatGap, formatMoney, trim } from '../engine/format';
import type { Plan } from '../engine/plan';

export function bottlenecksText(plan: Plan): string[] {
  const lines: string[] = [];
  const o = plan.selection.optimisation;
  const money = (n: number) => formatMoney(n, plan.settings.currency);
  if (o) {
    const show = (n: number) => (o.objective === 'Annual value' ? money(n) : trim(n));
    lines.push('', `Optimal plan (maximising ${o.objective.toLowerCase()})`);
    lines.push(`  Objective ${show(o.value)}; best proven bound ${show(o.bound)}; LP relaxation ${o.lpBound === undefined ? 'n/a' : show(o.lpBound)}; proven gap ${formatGap(o.gap)}.`);
    lines.push(`  Rank and fill on the same data: ${show(o.rankAndFill.value)} (${money(o.rankAndFill.committedValue)} committed); this plan: ${show(o.value)} (${money(o.committedValue)} committed).`);
  }
  const b = plan.bottlenecks;
  if (!b) return lines;
  lines.push('', `Bottlenecks (${b.method.toLowerCase()})`);
  for (const line of capacityLines(b.capacity)) lines.push(`  ${line}`);
  for (const f of b.overrides) lines.push(`  ${f.text}`);
  if (b.enablers.length > 0) lines.push('', 'What each shared enabler is worth');
  for (const f of b.enablers) lines.push(`  ${f.text}`);
  if (b.deferred.length > 0) lines.push('', 'What would bring each deferred initiative in');
  for (const f of b.deferred) lines.push(`  ${f.text}`);
  for (const note of b.notes) lines.push(`  Note: ${note}`);
  return lines;
}
