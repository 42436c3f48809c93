// Which team binds: the teams (and the in-flight limit) that held back the initiatives deferred for
// capacity, with how many each held back, the most first; the team capacity table says it beside each team.

import type { Plan } from '../../engine/plan';

/** A team, or the in-flight limit, and how many deferred initiatives it held back. */
export type HeldBack = { by: string; count: number };

/** How the in-flight limit is named among the teams. */
export const IN_FLIGHT = 'the in-flight limit';

/**
 * Each deferred initiative counts once for every team short for it (and for the limit when that deferred it);
 * ties keep the Capacity table's order, the limit last. Empty when nothing was deferred for capacity.
 */
export function heldBackBy(plan: Plan): HeldBack[] {
  const counts = new Map<string, number>(plan.changeImpact.teamLoads.map((load) => [load.team, 0]));
  counts.set(IN_FLIGHT, 0);
  for (const entry of plan.entries) {
    if (entry.decision === 'Deferred (capacity)') for (const shortfall of entry.binding?.teams ?? []) counts.set(shortfall.team, (counts.get(shortfall.team) ?? 0) + 1);
    if (entry.decision === 'Deferred (in-flight limit)') counts.set(IN_FLIGHT, counts.get(IN_FLIGHT)! + 1);
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([by, count]) => ({ by, count }))
    .sort((a, b) => b.count - a.count);
}
