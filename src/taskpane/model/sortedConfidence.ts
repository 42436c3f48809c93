// Sorting the table moves whole rows, the Confidence column with them: the
// futures drawn for the plan still hold, each figure now on its initiative's
// new row. The figures are indexed by row, so they are carried across by
// initiative key.

import { withConfidence, type Confidence } from '../../engine/confidence';
import type { Plan } from '../../engine/plan';

/**
 * `sorted` (the same initiatives as `before`, in the sorted row order) with `before`'s figures; undefined when
 * `before` has none, or an initiative cannot be followed (a key made unique by its row order, or one missing).
 */
export function confidenceAfterSort(before: Plan | undefined, sorted: Plan): Plan | undefined {
  const drawn = before?.confidence;
  if (!before || !drawn || before.assessments.length !== sorted.assessments.length) return undefined;
  const rowOf = new Map(before.assessments.map((a, i) => [a.initiative.key, i]));
  // Keys of repeated IDs or names are numbered in row order (read.ts): a sort may swap them.
  if (rowOf.size !== before.assessments.length || [...rowOf.keys()].some((key) => key.includes('#'))) return undefined;
  const rows = sorted.assessments.map((a) => rowOf.get(a.initiative.key));
  if (rows.some((row) => row === undefined)) return undefined;
  const confidence: Confidence = {
    draws: drawn.draws,
    shares: rows.map((row) => drawn.shares[row!] ?? 0),
    deciders: rows.map((row) => drawn.deciders[row!]),
  };
  return withConfidence(sorted, confidence);
}
