// The priority order and the selection problem built from it. Forced-in
// initiatives come first, then every scored one by priority score with the
// stated tie rule, then rows that could not be read.

import { normalise } from './cells';
import { Memo } from './memo';
import { roadmapHorizons } from './horizons';
import { settled, type Links } from './select/links';
import { candidateStatus, type SelectionProblem } from './select/problem';
import type { Assessment, Initiative, Settings, Team } from './types';

export const TIE_RULE = 'Equal priority scores are ordered by higher annual value, then lower friction, then name A to Z.';

// The ranking's keys, in order: group (forced-in first, then everything scored, then rows that could
// not be read), priority score, annual value, friction, then the A-Z tie rule and row order.
const groupOf = (x: Assessment): number => (!x.scores ? 2 : (x.override === 'In' || x.forcedBy !== undefined) && x.gate.committable ? 0 : 1);
const priorityOf = (x: Assessment): number => x.scores?.priority ?? 0;
const valueOf = (x: Assessment): number => x.initiative.annualValue ?? -1;
const frictionOf = (x: Assessment): number => x.scores?.friction ?? 0;

/** The name as the A-Z rule compares it: case, spacing and accents folded ("Émission" sorts with the E's). Only ties need it. */
const foldName = (name: string): string => normalise(name.normalize('NFD').replace(/\p{M}/gu, ''));

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// -1, 0 or 1 rather than a difference: a comparator that returns a fractional difference allocates
// a number for each of the sort's 130,000 comparisons.
const compareNumbers = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

function byTieRule(x: Initiative, y: Initiative, foldedX: string, foldedY: string): number {
  return compareText(foldedX, foldedY) || compareText(x.name, y.name) || compareText(x.key, y.key) || x.rowIndex - y.rowIndex;
}

/** The numeric keys in order: group, then higher priority, higher value, lower friction. */
const compareKeys = (groupX: number, groupY: number, priorityX: number, priorityY: number, valueX: number, valueY: number, frictionX: number, frictionY: number): number =>
  groupX - groupY || compareNumbers(priorityY, priorityX) || compareNumbers(valueY, valueX) || compareNumbers(frictionX, frictionY);

/** Total and deterministic: row order decides only between rows identical in every other key. */
export function compareRank(x: Assessment, y: Assessment): number {
  return (
    compareKeys(groupOf(x), groupOf(y), priorityOf(x), priorityOf(y), valueOf(x), valueOf(y), frictionOf(x), frictionOf(y)) ||
    byTieRule(x.initiative, y.initiative, foldName(x.initiative.name), foldName(y.initiative.name))
  );
}

/** Assessment indices in priority order, by `compareRank`. */
export function rankOrder(assessments: readonly Assessment[]): number[] {
  const n = assessments.length;
  // The numeric keys are worked out once per initiative, in typed arrays: sorting 10,000 rows
  // compares them about 130,000 times, and nearly every comparison ends at the priority score.
  const group = new Int8Array(n);
  const priority = new Float64Array(n);
  const value = new Float64Array(n);
  const friction = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = assessments[i]!;
    group[i] = groupOf(x);
    priority[i] = priorityOf(x);
    value[i] = valueOf(x);
    friction[i] = frictionOf(x);
  }
  const folded = new Array<string | undefined>(n);
  const foldedName = (i: number): string => (folded[i] ??= foldName(assessments[i]!.initiative.name));
  const compare = (a: number, b: number): number =>
    compareKeys(group[a]!, group[b]!, priority[a]!, priority[b]!, value[a]!, value[b]!, friction[a]!, friction[b]!) ||
    byTieRule(assessments[a]!.initiative, assessments[b]!.initiative, foldedName(a), foldedName(b));
  return sortByBuckets(n, group, priority, compare);
}

/** Priority scores have one decimal: 1,001 buckets per group cover 0 to 100. */
const BUCKETS_PER_GROUP = 1001;
/** `groupOf`'s groups: forced in, scored, unreadable. */
const GROUPS = 3;

/**
 * 0..n-1 in `compare`'s order. Rows are first dealt into buckets by group and priority score in
 * tenths, best first, then each bucket is sorted with `compare`. A row in an earlier bucket never
 * comes after one in a later bucket by `compare` (the bucket only coarsens its first two keys), so
 * the result is exactly `compare`'s order; a sort of 10,000 rows then makes about a fifth of the
 * comparisons, each of which is a call.
 */
function sortByBuckets(n: number, group: Int8Array, priority: Float64Array, compare: (a: number, b: number) => number): number[] {
  const bucket = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const tenths = Math.round(priority[i]! * 10);
    // A score outside 0-100 or not a number is never produced; if one were, the plain sort is still right.
    if (!(tenths >= 0 && tenths < BUCKETS_PER_GROUP)) return Array.from({ length: n }, (_, k) => k).sort(compare);
    bucket[i] = group[i]! * BUCKETS_PER_GROUP + (BUCKETS_PER_GROUP - 1 - tenths);
  }
  const starts = new Int32Array(GROUPS * BUCKETS_PER_GROUP + 1);
  for (let i = 0; i < n; i++) starts[bucket[i]! + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const order = new Array<number>(n);
  const next = starts.slice(0, -1);
  for (let i = 0; i < n; i++) order[next[bucket[i]!]!++] = i;
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to - from <= 1) continue;
    if (to - from <= 16) {
      // Insertion sort: buckets are a handful of rows.
      for (let k = from + 1; k < to; k++) {
        const row = order[k]!;
        let j = k - 1;
        while (j >= from && compare(order[j]!, row) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = row;
      }
    } else {
      const sorted = order.slice(from, to).sort(compare);
      for (let k = from; k < to; k++) order[k] = sorted[k - from]!;
    }
  }
  return order;
}

/** What a selection needs from an assessed portfolio. */
export type Ranked = { assessments: Assessment[]; ranking: number[]; teams: Team[]; settings: Settings; links?: Links | undefined; memo?: Memo };

export function selectionProblem(ranked: Ranked): SelectionProblem {
  const horizons = roadmapHorizons(ranked.settings);
  const problem: SelectionProblem = {
    candidates: ranked.ranking.map((index) => {
      const a = ranked.assessments[index]!;
      return {
        index,
        status: candidateStatus(a.gate.committable, a.override ?? (a.forcedBy !== undefined ? 'In' : undefined)),
        priority: a.scores?.priority ?? 0,
        annualValue: a.initiative.annualValue ?? 0,
        demand: a.initiative.demand,
        name: a.initiative.name,
        duration: horizons ? a.initiative.duration : undefined,
        earliest: horizons ? a.initiative.earliestStart : undefined,
      };
    }),
    teams: ranked.teams,
    inFlightLimit: ranked.settings.inFlightLimit,
    // A plan keeps no memo: its problem (for the economics of an optimal plan) gets one of its own.
    memo: ranked.memo ?? new Memo(),
    ...(horizons ? { horizons } : {}),
  };
  // Overrides the dependencies cannot honour are settled here, so every method sees the same statuses.
  return ranked.links ? settled({ ...problem, links: ranked.links }) : problem;
}

/**
 * Where the initiative at `index` ranks once its override is lifted: its position among the others, which
 * keep their order (so the ranking without the override is the others with it put back there). A
 * forced-in initiative moves from the head of the ranking to where its score puts it. Found by bisection
 * over the ranking as it is, so lifting an override copies neither the assessments nor the ranking.
 */
export function liftedPosition(ranked: Ranked, index: number): number {
  const lifted = { ...ranked.assessments[index]!, override: undefined };
  const at = ranked.ranking.indexOf(index);
  // The k-th of the others: the ranking with `index` left out.
  const other = (k: number): Assessment => ranked.assessments[ranked.ranking[at === -1 || k < at ? k : k + 1]!]!;
  let low = 0;
  let high = at === -1 ? ranked.ranking.length : ranked.ranking.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareRank(other(mid), lifted) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
