// Agreeing the weights: three questions for the room, each "which matters
// more, and how much", turned into weights by the analytic hierarchy process
// (AHP): the geometric mean of each row of the comparison matrix, and Saaty's
// consistency ratio to say whether the answers agree with each other.

import type { Weights } from '../types';

export type Criterion = keyof Weights;
export const CRITERIA: readonly Criterion[] = ['impact', 'readiness', 'friction'];

export type Pair = 'impactReadiness' | 'impactFriction' | 'readinessFriction';
export const PAIRS: readonly { key: Pair; first: Criterion; second: Criterion }[] = [
  { key: 'impactReadiness', first: 'impact', second: 'readiness' },
  { key: 'impactFriction', first: 'impact', second: 'friction' },
  { key: 'readinessFriction', first: 'readiness', second: 'friction' },
];

/**
 * One answer as a signed step on the usual 1-9 scale: 0 is "equally", 1 to 4 say the pair's first
 * criterion matters a little more (3), more (5), much more (7) or far more (9); -1 to -4 say the same of the second.
 */
export type Answer = -4 | -3 | -2 | -1 | 0 | 1 | 2 | 3 | 4;
export type Answers = Record<Pair, Answer>;

export const EQUAL_ANSWERS: Answers = { impactReadiness: 0, impactFriction: 0, readinessFriction: 0 };

/** The words of each step, 0 to 4. */
export const STRENGTH_WORDS = ['equally', 'a little more', 'more', 'much more', 'far more'] as const;

/** How many times more the pair's first criterion matters than its second: 1, 3, 5, 7, 9 or their reciprocals. */
export const ratioOf = (answer: Answer): number => (answer >= 0 ? 2 * answer + 1 : 1 / (2 * -answer + 1));

/** Saaty's random index for three criteria: the consistency index of answers picked at random. */
export const RANDOM_INDEX_3 = 0.58;
/** Above this consistency ratio the answers disagree with each other too much to trust the weights. */
export const CONSISTENCY_LIMIT = 0.1;

/** Each pair's ratio: how many times more its first criterion matters than its second. */
export type Comparisons = Record<Pair, number>;

export type WeightsProposal = {
  /** Each criterion's exact share, summing to 1. */
  shares: Record<Criterion, number>;
  /** Whole numbers summing to 100, by ROUNDING_RULE. */
  weights: Weights;
  consistencyRatio: number;
  /** The consistency ratio is at most 0.1. */
  consistent: boolean;
};

export const ROUNDING_RULE =
  'Each share of 100 is rounded down; the points still missing go one each to the largest remainders, and equal remainders go to friction first, then readiness, then impact.';

/** The full reciprocal comparison matrix in CRITERIA order. */
function matrixOf(c: Comparisons): number[][] {
  const m: number[][] = CRITERIA.map((row) => CRITERIA.map((column) => (row === column ? 1 : 0)));
  for (const { key, first, second } of PAIRS) {
    const i = CRITERIA.indexOf(first);
    const j = CRITERIA.indexOf(second);
    m[i]![j] = c[key];
    m[j]![i] = 1 / c[key];
  }
  return m;
}

/** Whole numbers summing to `total` by the largest remainder, ties as ROUNDING_RULE says. */
export function wholeShares(shares: Record<Criterion, number>, total = 100): Weights {
  const tieOrder: Record<Criterion, number> = { friction: 0, readiness: 1, impact: 2 };
  const parts = CRITERIA.map((criterion) => {
    const exact = shares[criterion] * total;
    // Floating-point noise must not decide a tie: 33.333333333333336 and 33.33333333333333 are the same third.
    const floor = Math.floor(exact + 1e-9);
    return { criterion, floor, remainder: Math.round((exact - floor) * 1e9) / 1e9 };
  });
  let missing = total - parts.reduce((sum, p) => sum + p.floor, 0);
  const order = [...parts].sort((a, b) => b.remainder - a.remainder || tieOrder[a.criterion] - tieOrder[b.criterion]);
  for (const part of order) {
    if (missing <= 0) break;
    part.floor++;
    missing--;
  }
  return Object.fromEntries(parts.map((p) => [p.criterion, p.floor])) as Weights;
}

/** Weights from the three comparisons: the geometric mean of each row, and how consistent the comparisons are. */
export function weightsFromComparisons(comparisons: Comparisons): WeightsProposal {
  for (const { key } of PAIRS) {
    const ratio = comparisons[key];
    if (!(Number.isFinite(ratio) && ratio > 0)) throw new Error(`The ${key} comparison must be a positive number, not ${ratio}.`);
  }
  const m = matrixOf(comparisons);
  const means = m.map((row) => Math.cbrt(row[0]! * row[1]! * row[2]!));
  const sum = means[0]! + means[1]! + means[2]!;
  const w = means.map((g) => g / sum);
  // λmax estimated as the mean of (A·w)_i / w_i; for three criteria the geometric mean is the principal eigenvector, so this is exact.
  const lambda = m.reduce((total, row, i) => total + (row[0]! * w[0]! + row[1]! * w[1]! + row[2]! * w[2]!) / w[i]!, 0) / 3;
  const consistencyIndex = Math.max(0, (lambda - 3) / 2);
  const consistencyRatio = consistencyIndex < 1e-12 ? 0 : consistencyIndex / RANDOM_INDEX_3;
  const shares = { impact: w[0]!, readiness: w[1]!, friction: w[2]! };
  return { shares, weights: wholeShares(shares), consistencyRatio, consistent: consistencyRatio <= CONSISTENCY_LIMIT };
}

export const comparisonsOf = (answers: Answers): Comparisons => ({
  impactReadiness: ratioOf(answers.impactReadiness),
  impactFriction: ratioOf(answers.impactFriction),
  readinessFriction: ratioOf(answers.readinessFriction),
});

export const weightsFromAnswers = (answers: Answers): WeightsProposal => weightsFromComparisons(comparisonsOf(answers));
