// The three weights as the room reads them: shares of the priority score that
// sum to 100. The score divides by the weights' total, so weights and their
// shares rank alike; moving one share rebalances the other two in proportion.

import type { Weights } from '../../engine/types';

export const WEIGHT_KEYS = ['impact', 'readiness', 'friction'] as const satisfies readonly (keyof Weights)[];

/** Whole percentages that sum to 100 (largest remainders get the spare points); all 0 when every weight is 0. */
export function sharesOf(weights: Weights): Weights {
  const total = WEIGHT_KEYS.reduce((sum, key) => sum + Math.max(0, weights[key]), 0);
  if (total <= 0) return { impact: 0, readiness: 0, friction: 0 };
  return roundTo100(WEIGHT_KEYS.map((key) => (Math.max(0, weights[key]) / total) * 100));
}

function roundTo100(exact: number[]): Weights {
  const whole = exact.map(Math.floor);
  const spare = 100 - whole.reduce((a, b) => a + b, 0);
  // The largest remainders first; ties to the earlier weight, so the result does not depend on sort stability.
  const order = exact.map((x, i) => ({ i, rest: x - whole[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let n = 0; n < spare; n++) whole[order[n % 3]!.i]!++;
  return { impact: whole[0]!, readiness: whole[1]!, friction: whole[2]! };
}

/**
 * Set one weight's share to `share` percent; the other two share the rest in the proportion they had
 * (evenly when both were 0). The result always sums to 100.
 */
export function withShare(weights: Weights, key: keyof Weights, share: number): Weights {
  const target = Math.min(100, Math.max(0, Math.round(share)));
  const current = sharesOf(weights);
  const others = WEIGHT_KEYS.filter((k) => k !== key);
  const otherTotal = others.reduce((sum, k) => sum + current[k], 0);
  const rest = 100 - target;
  const exact = WEIGHT_KEYS.map((k) => {
    if (k === key) return target;
    return otherTotal > 0 ? (current[k] / otherTotal) * rest : rest / 2;
  });
  const rounded = roundTo100(exact);
  // Rounding must never move the share the user set.
  const drift = rounded[key] - target;
  if (drift !== 0) {
    rounded[key] = target;
    const biggest = others[0]! && rounded[others[0]!] >= rounded[others[1]!] ? others[0]! : others[1]!;
    rounded[biggest] += drift;
  }
  return rounded;
}

/** One slider moved step by step: the weights before its first step, and what its last step made. */
export type ShareMove = { key: keyof Weights; from: Weights; made: Weights };

const sameWeights = (a: Weights, b: Weights): boolean => WEIGHT_KEYS.every((k) => a[k] === b[k]);

/**
 * `withShare` for a slider dragged or arrowed one step at a time. Each step rebalances from the weights before
 * the move began, not from the last step's rounded shares: otherwise rounding sends every point to the same
 * weight (50/30/20 arrowed up to 60 gave 60/20/20, not 60/24/16). A move of another slider, or weights changed
 * elsewhere (Undo, a scenario), starts a new move.
 */
export function moveShare(move: ShareMove | undefined, weights: Weights, key: keyof Weights, share: number): ShareMove {
  const from = move && move.key === key && sameWeights(move.made, weights) ? move.from : weights;
  return { key, from, made: withShare(from, key, share) };
}
