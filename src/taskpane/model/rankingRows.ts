// The ranking as the room questions it: one row per ranked initiative with its
// value, gate, decision and what held it back, and the filter and search over
// them. Plain functions, so the pane's list stays a thin view and the filter is
// tested without React.

import { formatMoney } from '../../engine/format';
import type { Plan } from '../../engine/plan';
import type { Decision, Gate, PlanEntry } from '../../engine/types';

/** The decisions grouped as the room asks about them. */
export type DecisionGroup = 'committed' | 'deferred' | 'not-ready' | 'forced-out';

export const DECISION_GROUP: Record<Decision, DecisionGroup> = {
  Commit: 'committed',
  'Forced in': 'committed',
  'Deferred (capacity)': 'deferred',
  'Deferred (in-flight limit)': 'deferred',
  'Deferred (dependency)': 'deferred',
  'Excluded (alternative)': 'deferred',
  'Not ready': 'not-ready',
  'Forced out': 'forced-out',
};

export const GROUP_LABEL: Record<DecisionGroup, string> = {
  committed: 'Committed',
  deferred: 'Deferred',
  'not-ready': 'Not ready',
  'forced-out': 'Forced out',
};

export type RankingRow = {
  key: string;
  /** Position in the ranking, 1 first. */
  priority: number;
  name: string;
  score: number;
  /** Annual value in the reporting currency, as the plan formats money; undefined when the row states none. */
  value: string | undefined;
  gate: Gate;
  decision: Decision;
  group: DecisionGroup;
  /** Deferred or not ready: the team, limit, requirement or gate that held it back (the details' own words). */
  heldBy: string | undefined;
  /** Why it sits where it does when that is not its score: forced in or out, or ranked up with what requires it. */
  placement: string | undefined;
  /** The teams it asks time of, for the team filter. */
  teams: string[];
  /** The name folded for search. */
  folded: string;
};

export type RankingFilter = {
  group: DecisionGroup | 'all';
  gate: Gate | 'all';
  team: string | 'all';
  search: string;
};

export const NO_FILTER: RankingFilter = { group: 'all', gate: 'all', team: 'all', search: '' };

/** Case and accents folded, spacing collapsed: "émission " finds "Emission". */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const reasonOf = (entry: PlanEntry): string => {
  const reason = entry.initiative.overrideReason?.trim();
  const scenario = entry.initiative.overrideScenario ? ` (scenario ${entry.initiative.overrideScenario})` : '';
  return `${reason ? `: ${reason}` : ''}${scenario}`;
};

/** Why a row sits where it does when its score alone does not say. */
export function placementOf(entry: PlanEntry): string | undefined {
  if (entry.decision === 'Forced in') {
    if (entry.forcedBy) return `Listed first: forced in because ${entry.forcedBy} requires it.`;
    return `Listed first: forced in by leadership${reasonOf(entry)}.`;
  }
  if (entry.decision === 'Forced out') return `Kept out by leadership${reasonOf(entry)}; ranked by its score.`;
  if (entry.override === 'In' && !entry.gate.committable) return `Forced in by leadership, but not ready, so ranked by its score.`;
  if (entry.ranksWith) return `Ranked up beside ${entry.ranksWith}, which requires it.`;
  return undefined;
}

/** What held a deferred or not-ready initiative back, in the details' words. */
export function heldByOf(entry: PlanEntry): string | undefined {
  const group = DECISION_GROUP[entry.decision];
  if (group !== 'deferred' && group !== 'not-ready') return undefined;
  if (entry.bindingText) return entry.bindingText;
  if (entry.decision === 'Not ready') return `Gate: ${entry.gate.gate}`;
  return undefined;
}

/** Every ranked initiative (rows that could not be read have no rank), in priority order. */
export function rankingRows(plan: Plan): RankingRow[] {
  const currency = plan.settings.currency;
  const rows: RankingRow[] = [];
  for (const index of plan.ranking) {
    const entry = plan.entries[index]!;
    if (entry.priority === undefined || !entry.scores) continue;
    const { initiative } = entry;
    rows.push({
      key: initiative.key,
      priority: entry.priority,
      name: initiative.name,
      score: entry.scores.priority,
      value: initiative.annualValue === undefined ? undefined : formatMoney(initiative.annualValue, currency),
      gate: entry.gate.gate,
      decision: entry.decision,
      group: DECISION_GROUP[entry.decision],
      heldBy: heldByOf(entry),
      placement: placementOf(entry),
      teams: Object.keys(initiative.demand).filter((team) => (initiative.demand[team] ?? 0) > 0),
      folded: fold(initiative.name),
    });
  }
  return rows;
}

/** The rows the filter keeps, in ranking order; search matches any part of the name. */
export function filterRows(rows: readonly RankingRow[], filter: RankingFilter): RankingRow[] {
  const search = fold(filter.search);
  return rows.filter(
    (row) =>
      (filter.group === 'all' || row.group === filter.group) &&
      (filter.gate === 'all' || row.gate === filter.gate) &&
      (filter.team === 'all' || row.teams.includes(filter.team)) &&
      (search === '' || row.folded.includes(search)),
  );
}

export type FilterChoices = {
  groups: { group: DecisionGroup; count: number }[];
  gates: { gate: Gate; count: number }[];
  teams: string[];
};

const GATE_ORDER: Gate[] = ['Scale-ready', 'Pilot-ready', 'Learning-only', 'Blocked', 'Invalid input'];
const GROUP_ORDER: DecisionGroup[] = ['committed', 'deferred', 'not-ready', 'forced-out'];

/** The choices worth offering: only decisions and gates some row has, teams A to Z (the plan's teams first). */
export function filterChoices(rows: readonly RankingRow[], planTeams: readonly string[] = []): FilterChoices {
  const groups = new Map<DecisionGroup, number>();
  const gates = new Map<Gate, number>();
  const teams = new Set<string>();
  for (const row of rows) {
    groups.set(row.group, (groups.get(row.group) ?? 0) + 1);
    gates.set(row.gate, (gates.get(row.gate) ?? 0) + 1);
    row.teams.forEach((t) => teams.add(t));
  }
  const known = planTeams.filter((t) => teams.has(t));
  const others = [...teams].filter((t) => !planTeams.includes(t)).sort((a, b) => a.localeCompare(b));
  return {
    groups: GROUP_ORDER.filter((g) => groups.has(g)).map((group) => ({ group, count: groups.get(group)! })),
    gates: GATE_ORDER.filter((g) => gates.has(g)).map((gate) => ({ gate, count: gates.get(gate)! })),
    teams: [...known, ...others],
  };
}

/** "12 of 500 shown" or "500 initiatives". */
export function shownText(shown: number, total: number): string {
  if (shown === total) return `${total} ${total === 1 ? 'initiative' : 'initiatives'}`;
  return `${shown} of ${total} shown`;
}
