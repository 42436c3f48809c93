// What the optimal methods (one period and over horizons) say about how close
// their plan is to the best possible: one proven gap, one note when a limit
// stopped the search.

import { formatGap } from '../format';

/** The proven relative gap between a plan's objective and a bound on the best possible (0 when the bound is reached). */
export function provenGap(value: number, bound: number): number {
  if (bound <= value + 1e-9 * Math.max(1, Math.abs(value))) return 0;
  return value > 0 ? (bound - value) / value : 1;
}

/** The smallest of the bounds that are known, never below the plan's own value. */
export function bestBound(value: number, bounds: readonly (number | undefined)[]): number {
  const known = bounds.filter((b): b is number => b !== undefined && Number.isFinite(b));
  return Math.max(value, Math.min(...known));
}

/** The report's note when the search stopped at its limit before proving its plan within the gap asked for. */
export function limitNote(limit: string, gap: number, note: string | undefined): string {
  return `the ${limit} was reached: this is the best plan found, proven within ${formatGap(gap)} of the best possible${note ? `; ${note}` : ''}`;
}
