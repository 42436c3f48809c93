// The priority order and the selection problem built from it. Forced-in
// initiatives come first, then every scored one by priority score with the
// stated tie rule, then rows that could not be read.

import { normalise } from './cells';
import { candidateStatus, type SelectionProblem } from './select/problem';
import type { Assessment, Settings, Team } from './types';

export const TIE_RULE = 'Equal priority scores are ordered by higher annual value, then lower friction, then name A to Z.';

/** Sort keys for the ranking, computed once per initiative rather than once per comparison. */
export type RankKey = { group: number; priority: number; value: number; friction: number; folded: string | undefined; name: string; key: string; row: number };

export function rankKey(x: Assessment): RankKey {
  return {
    // Forced-in first, then everything scored, then rows that could not be read.
    group: !x.scores ? 2 : x.override === 'In' && x.gate.committable ? 0 : 1,
    priority: x.scores?.priority ?? 0,
    value: x.initiative.annualValue ?? -1,
    friction: x.scores?.friction.value ?? 0,
    folded: undefined,
    name: x.initiative.name,
    key: x.initiative.key,
    row: x.initiative.rowIndex,
  };
}

/** The name as the A-Z rule compares it: case, spacing and accents folded ("Émission" sorts with the E's). Only ties need it. */
function folded(k: RankKey): string {
  return (k.folded ??= normalise(k.name.normalize('NFD').replace(/\p{M}/gu, '')));
}

/** Total and deterministic: row order decides only between rows identical in every other key. */
export function compareRank(a: RankKey, b: RankKey): number {
  return (
    a.group - b.group ||
    b.priority - a.priority ||
    b.value - a.value ||
    a.friction - b.friction ||
    compareText(folded(a), folded(b)) ||
    compareText(a.name, b.name) ||
    compareText(a.key, b.key) ||
    a.row - b.row
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Assessment indices in priority order. */
export function rankOrder(assessments: readonly Assessment[]): number[] {
  const keys = assessments.map(rankKey);
  return assessments.map((_, i) => i).sort((a, b) => compareRank(keys[a]!, keys[b]!));
}

/** What a selection needs from an assessed portfolio. */
export type Ranked = { assessments: Assessment[]; ranking: number[]; teams: Team[]; settings: Settings };

export function selectionProblem(ranked: Ranked): SelectionProblem {
  return {
    candidates: ranked.ranking.map((index) => {
      const a = ranked.assessments[index]!;
      return {
        index,
        status: candidateStatus(a.gate.committable, a.override),
        priority: a.scores?.priority ?? 0,
        annualValue: a.initiative.annualValue ?? 0,
        demand: a.initiative.demand,
      };
    }),
    teams: ranked.teams,
    inFlightLimit: ranked.settings.inFlightLimit,
  };
}

/**
 * The same portfolio with one override lifted: the assessment loses its override and,
 * when it was forced in, moves from the head of the ranking to where its score puts it.
 */
export function withoutOverride(ranked: Ranked, index: number): Ranked {
  const assessments = ranked.assessments.map((a, i) => (i === index ? { ...a, override: undefined } : a));
  const rest = ranked.ranking.filter((i) => i !== index);
  const key = rankKey(assessments[index]!);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareRank(rankKey(assessments[rest[mid]!]!), key) < 0) low = mid + 1;
    else high = mid;
  }
  return { ...ranked, assessments, ranking: [...rest.slice(0, low), index, ...rest.slice(low)] };
}
