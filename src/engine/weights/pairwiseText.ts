// The weights exercise in plain words: each answer as a sentence, and, when the
// answers disagree with each other, which ones and how.

import { CRITERIA, PAIRS, STRENGTH_WORDS, comparisonsOf, weightsFromComparisons, type Answer, type Answers, type Criterion, type Pair } from './pairwise';

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "Impact matters much more than readiness", "Impact and readiness matter equally". */
export function answerText(pair: Pair, answer: Answer): string {
  const { first, second } = PAIRS.find((p) => p.key === pair)!;
  if (answer === 0) return `${capital(first)} and ${second} matter equally`;
  const [more, less] = answer > 0 ? [first, second] : [second, first];
  return `${capital(more)} matters ${STRENGTH_WORDS[Math.abs(answer)]} than ${less}`;
}

/** The nearest word on the scale for a ratio of at least 1 (past 9 is still "far more"). */
function strengthOf(ratio: number): string {
  const step = Math.min(4, Math.max(0, Math.round((ratio - 1) / 2)));
  return STRENGTH_WORDS[step]!;
}

const times = (ratio: number): string => String(Math.round(ratio * 10) / 10);

/** How many times more `a` matters than `b` in the comparisons. */
function ratioBetween(answers: Answers, a: Criterion, b: Criterion): number {
  const comparisons = comparisonsOf(answers);
  const pair = PAIRS.find((p) => (p.first === a && p.second === b) || (p.first === b && p.second === a))!;
  return pair.first === a ? comparisons[pair.key] : 1 / comparisons[pair.key];
}

/** "impact matters more than friction", "friction matters a little more than impact", "impact matters as much as friction". */
function relation(a: Criterion, b: Criterion, ratio: number): string {
  if (Math.abs(Math.log(ratio)) < 1e-9) return `${a} matters as much as ${b}`;
  return ratio > 1 ? `${a} matters ${strengthOf(ratio)} than ${b}` : `${b} matters ${strengthOf(1 / ratio)} than ${a}`;
}

/**
 * When the answers disagree with each other (consistency ratio above 0.1), one sentence saying how:
 * two answers that chain (x over y, y over z) and the third that does not follow from them.
 * Of the chains the answers allow, the one the third answer contradicts most is shown.
 */
export function disagreementText(answers: Answers): string | undefined {
  if (weightsFromComparisons(comparisonsOf(answers)).consistent) return undefined;
  let worst: { x: Criterion; y: Criterion; z: Criterion; implied: number; actual: number; gap: number } | undefined;
  for (const x of CRITERIA) {
    for (const y of CRITERIA) {
      for (const z of CRITERIA) {
        if (x === y || y === z || x === z) continue;
        const xy = ratioBetween(answers, x, y);
        const yz = ratioBetween(answers, y, z);
        if (xy < 1 || yz < 1) continue;
        const implied = xy * yz;
        const actual = ratioBetween(answers, x, z);
        const gap = Math.abs(Math.log(implied) - Math.log(actual));
        if (!worst || gap > worst.gap + 1e-9) worst = { x, y, z, implied, actual, gap };
      }
    }
  }
  if (!worst) return undefined;
  const { x, y, z, implied, actual } = worst;
  const chain = `${relation(x, y, ratioBetween(answers, x, y))} and ${relation(y, z, ratioBetween(answers, y, z))}`;
  // The order turned round (or flattened) is said as it is; a mere difference of degree is said in numbers.
  if (implied < 1 + 1e-9 || actual < 1 + 1e-9) return `These answers disagree with each other: ${chain}, but ${relation(x, z, actual)}.`;
  return `These answers disagree with each other: ${chain}, which would make ${x} matter about ${times(implied)} times as much as ${z}, but the answer is ${strengthOf(actual)} (${times(actual)} times).`;
}
