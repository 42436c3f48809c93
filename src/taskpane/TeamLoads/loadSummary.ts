// The team-load picture in one sentence: what a screen reader hears for the chart.

import { formatPercent } from '../../engine/format';
import type { TeamLoad } from '../../engine/types';

const share = (value: number | undefined) => (value === undefined ? 'no capacity' : formatPercent(value));

/** "Team load as a share of capacity, before and after the plan: Legal 150% then 90%; Security 80% then 80%." */
export function loadSummary(loads: readonly TeamLoad[]): string {
  if (loads.length === 0) return 'No team has a capacity, so there is no team load to draw.';
  const teams = loads.map((l) => `${l.team} ${share(l.utilisationBefore)} then ${share(l.utilisationAfter)}`);
  const over = loads.filter((l) => l.utilisationAfter !== undefined && l.utilisationAfter > 1 + 1e-9).map((l) => l.team);
  const full = over.length > 0 ? ` Over capacity after the plan: ${over.join(', ')}.` : '';
  return `Team load as a share of capacity, before and after the plan: ${teams.join('; ')}.${full}`;
}
