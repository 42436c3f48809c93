// The room's range of weights: each proposal the room keeps while agreeing the
// weights, and for each criterion the lowest and highest weight anyone
// proposed. Saved with the settings (the `… weight range` rows), How sure is
// the plan varies each weight within it.

import type { Weights, WeightRange } from '../../engine/types';

export type WeightRanges = Partial<Record<keyof Weights, WeightRange>>;

const CRITERIA: readonly (keyof Weights)[] = ['impact', 'readiness', 'friction'];

/** Each criterion's lowest and highest proposed weight; a criterion every proposal weighs the same has no range. */
export function roomRange(proposals: readonly Weights[]): WeightRanges {
  const ranges: WeightRanges = {};
  if (proposals.length < 2) return ranges;
  for (const criterion of CRITERIA) {
    const weights = proposals.map((p) => p[criterion]);
    const low = Math.min(...weights);
    const high = Math.max(...weights);
    if (high > low) ranges[criterion] = { low, high };
  }
  return ranges;
}

/** The range in words: "impact 40-60, readiness 20-30; friction the same in every proposal". */
export function roomRangeText(ranges: WeightRanges): string {
  const ranged = CRITERIA.filter((c) => ranges[c]).map((c) => `${c} ${ranges[c]!.low}-${ranges[c]!.high}`);
  const same = CRITERIA.filter((c) => !ranges[c]);
  if (ranged.length === 0) return 'every proposal weighs each criterion the same';
  return same.length === 0 ? ranged.join(', ') : `${ranged.join(', ')}; ${same.join(' and ')} the same in every proposal`;
}
