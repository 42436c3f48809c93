// The plan as a finance reader wants it on a terminal: decisions by count,
// committed value, team utilisation before and after, the top of the ranking,
// and every input problem with its cell.

import { qualified } from '../engine/address';
import { formatMoney, formatPercent, formatQuantity } from '../engine/format';
import type { Plan } from '../engine/plan';
import { DECISION_ORDER, inFlightText } from '../engine/summary';
import { bottlenecksText } from './bottlenecksText';

const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

export function summaryText(plan: Plan, top = 10): string {
  const lines: string[] = [];
  const { summary, settings } = plan;
  const money = (n: number) => formatMoney(n, settings.currency);
  lines.push(`Plan for ${settings.planningPeriod}: ${summary.initiatives} initiatives, ${plan.selection.method.toLowerCase()}${plan.selection.note ? ` (${plan.selection.note})` : ''}.`);
  lines.push('');
  lines.push('Decisions');
  for (const d of DECISION_ORDER) if (summary.byDecision[d] > 0) lines.push(`  ${pad(d, 28)}${padLeft(String(summary.byDecision[d]), 5)}`);
  lines.push(`  Committed value ${money(summary.committedValue)} of ${money(summary.requestedValue)} requested; ${inFlightText(summary, settings)}.`);
  if (plan.changeImpact.teamLoads.length > 0) {
    lines.push('');
    lines.push('Team capacity        capacity    before   after');
    for (const l of plan.changeImpact.teamLoads) {
      const share = (u: number | undefined) => padLeft(u === undefined ? 'n/a' : formatPercent(u), 8);
      lines.push(`  ${pad(l.team, 18)}${padLeft(formatQuantity(l.capacity, l.unit), 10)}${share(l.utilisationBefore)}${share(l.utilisationAfter)}`);
    }
  }
  const ranked = plan.ranking.map((i) => plan.entries[i]!).filter((e) => e.priority !== undefined).slice(0, top);
  if (ranked.length > 0) {
    lines.push('');
    lines.push(`Top ${ranked.length} by priority`);
    for (const e of ranked) {
      lines.push(`  ${padLeft(String(e.priority), 3)}. ${pad(e.initiative.name, 34)} ${padLeft(e.scores!.priority.toFixed(1), 5)}  ${pad(e.gate.gate, 13)} ${e.decision}`);
    }
  }
  lines.push(...bottlenecksText(plan));
  const problems = plan.issues;
  if (problems.length > 0) {
    lines.push('');
    lines.push(`Input problems (${problems.length})`);
    for (const p of problems) {
      const where = p.cell ? qualified(p.sheet, p.cell) : p.sheet || 'workbook';
      // One line each: a header or a cell broken across lines (Alt+Enter) is quoted on one.
      lines.push(`  ${p.severity === 'warning' ? 'warning' : 'error  '} ${where}: ${p.message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
  }
  return lines.join('\n');
}
