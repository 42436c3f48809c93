// What moved between two plans of the same portfolio: the changes a room asks
// about after someone edits a capacity or a rating. Initiatives are followed by
// their key (the ID, else the name), so a sort or a new row does not read as
// everything moving; one whose ID or name was just retyped is still followed.

import { isCommitted } from './changeImpact';
import { formatMoney, formatPercent, listWords } from './format';
import type { Plan } from './plan';
import type { Decision, Gate, Issue, PlanEntry } from './types';

export type RankMove = {
  key: string;
  name: string;
  /** Priority before and after; undefined when unranked (unreadable row, or not in that plan). */
  from: number | undefined;
  to: number | undefined;
};

export type DecisionChange = { key: string; name: string; from: Decision | undefined; to: Decision };
export type GateChange = { key: string; name: string; from: Gate; to: Gate };
export type LoadChange = { team: string; unit: string; from: number | undefined; to: number | undefined };
/** Committed in both plans of a roadmap, starting in another horizon now ("starts H1 instead of H2"). */
export type StartMove = { key: string; name: string; from: string; to: string; earlier: boolean };

export type PlanDiff = {
  /** Every initiative whose priority changed, biggest move first. */
  moves: RankMove[];
  /** Now committed (Commit or Forced in), and not before. */
  entered: DecisionChange[];
  /** Committed before, and not now. */
  left: DecisionChange[];
  gates: GateChange[];
  /**
   * Committed before and now, starting in another horizon, in the new plan's rank order. Only when both
   * plans have horizons: switching horizons on or off moves every start, and says nothing about any one.
   */
  starts: StartMove[];
  /** Teams whose utilisation after the plan changed (by at least half a percentage point). */
  loads: LoadChange[];
  committedValue: { from: number; to: number };
  /** Initiatives in one plan and not the other (rows added or removed). */
  added: string[];
  removed: string[];
  /**
   * Input problems the plan before did not have: often the reason for what moved (a capacity typed as text
   * counts as 0), or for nothing moving (an override without a reason is ignored).
   */
  problems: Issue[];
};

const LOAD_EPSILON = 0.005;

/** A cell address in a message ("Portfolio!AD5", "'Q1 plan'!B2"): a row deleted above moves it, not the problem. */
const ADDRESS = /(?:'[^']+'|[^\s!'"(]+)!\$?[A-Z]{1,3}\$?\d+/g;
const problemKey = (issue: Issue): string => `${issue.code}|${issue.message.replace(ADDRESS, '#')}`;

function newProblems(previous: Plan, next: Plan): Issue[] {
  const had = new Set(previous.issues.map(problemKey));
  return next.issues.filter((issue) => !had.has(problemKey(issue)));
}

const byKey = (plan: Plan): Map<string, PlanEntry> => new Map(plan.entries.map((entry) => [entry.initiative.key, entry]));

const nameOf = (entry: PlanEntry): string => entry.initiative.name.trim().toLowerCase();

/**
 * Each new entry's entry in the plan before. By key first; then, among those left, by name (the room changed
 * the ID) and, in a table of as many rows as before, by row (the room renamed an initiative that has no ID):
 * otherwise an edited ID reads as one initiative removed and another added, and its leaving the plan goes unsaid.
 */
function follow(previous: Plan, next: Plan): Map<PlanEntry, PlanEntry> {
  const before = byKey(previous);
  const matched = new Map<PlanEntry, PlanEntry>();
  const taken = new Set<PlanEntry>();
  const match = (entry: PlanEntry, old: PlanEntry) => {
    matched.set(entry, old);
    taken.add(old);
  };
  for (const entry of next.entries) {
    const old = before.get(entry.initiative.key);
    if (old) match(entry, old);
  }
  if (matched.size === next.entries.length || taken.size === previous.entries.length) return matched;
  /** Pairs what is left on both sides that gives the same answer to `on`, the first of each first. */
  const pairBy = (on: (entry: PlanEntry) => string | number, may: (entry: PlanEntry) => boolean = () => true) => {
    const waiting = new Map<string | number, PlanEntry[]>();
    for (const old of previous.entries) {
      if (taken.has(old) || !may(old)) continue;
      const same = waiting.get(on(old));
      if (same) same.push(old);
      else waiting.set(on(old), [old]);
    }
    for (const entry of next.entries) {
      const old = matched.has(entry) || !may(entry) ? undefined : waiting.get(on(entry))?.shift();
      if (old) match(entry, old);
    }
  };
  pairBy(nameOf);
  // Only rows without an ID: with one, a new ID and a new name in a row is another initiative typed over it.
  const noId = (entry: PlanEntry) => entry.initiative.id === undefined;
  if (previous.table?.rowCount === next.table?.rowCount) pairBy((entry) => entry.initiative.rowIndex, noId);
  return matched;
}

/** How far an initiative moved, for ordering: unranked counts as below the last rank. */
const distance = (move: RankMove, bottom: number): number => Math.abs((move.from ?? bottom) - (move.to ?? bottom));

/** How many of `ranks` (ascending) are below `rank` (ranked higher): a binary search, as a deletion may be thousands of rows. */
function above(ranks: readonly number[], rank: number): number {
  let low = 0;
  let high = ranks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranks[middle]! < rank) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Rank moves, leaving out the one-place shifts a row deleted or added above causes: after Claims triage is
 * deleted from 7th place, everything below it is "up 1 place", which tells the room nothing.
 */
function rankMoves(before: Map<PlanEntry, PlanEntry>, previous: Plan, after: Plan): RankMove[] {
  const followed = new Set(before.values());
  const ranksOf = (entries: PlanEntry[]) => entries.flatMap((e) => (e.priority === undefined ? [] : [e.priority])).sort((a, b) => a - b);
  const removed = ranksOf(previous.entries.filter((e) => !followed.has(e)));
  const added = ranksOf(after.entries.filter((e) => !before.has(e)));
  const moves: RankMove[] = [];
  for (const entry of after.entries) {
    const old = before.get(entry);
    if (!old || old.priority === entry.priority) continue;
    const shiftedOnly = old.priority !== undefined && entry.priority !== undefined && entry.priority === old.priority - above(removed, old.priority) + above(added, entry.priority);
    if (shiftedOnly) continue;
    moves.push({ key: entry.initiative.key, name: entry.initiative.name, from: old.priority, to: entry.priority });
  }
  const bottom = after.entries.length + 1;
  return moves.sort((a, b) => distance(b, bottom) - distance(a, bottom) || (a.to ?? bottom) - (b.to ?? bottom));
}

function loadChanges(previous: Plan, next: Plan): LoadChange[] {
  const old = new Map(previous.changeImpact.teamLoads.map((load) => [load.team, load]));
  return next.changeImpact.teamLoads.flatMap((load) => {
    const was = old.get(load.team);
    if (!was) return [];
    const from = was.utilisationAfter;
    const to = load.utilisationAfter;
    const same = from === undefined || to === undefined ? from === to : Math.abs(from - to) < LOAD_EPSILON;
    return same ? [] : [{ team: load.team, unit: load.unit, from, to }];
  });
}

export function planDiff(previous: Plan, next: Plan): PlanDiff {
  const before = follow(previous, next);
  const followed = new Set(before.values());
  const entered: DecisionChange[] = [];
  const left: DecisionChange[] = [];
  const gates: GateChange[] = [];
  const starts: StartMove[] = [];
  for (const entry of next.entries) {
    const { key, name } = entry.initiative;
    const old = before.get(entry);
    if (!old) continue;
    if (isCommitted(entry) && !isCommitted(old)) entered.push({ key, name, from: old.decision, to: entry.decision });
    if (!isCommitted(entry) && isCommitted(old)) left.push({ key, name, from: old.decision, to: entry.decision });
    if (old.gate.gate !== entry.gate.gate) gates.push({ key, name, from: old.gate.gate, to: entry.gate.gate });
    if (isCommitted(entry) && isCommitted(old) && entry.schedule && old.schedule && entry.schedule.label !== old.schedule.label) {
      starts.push({ key, name, from: old.schedule.label, to: entry.schedule.label, earlier: entry.schedule.start < old.schedule.start });
    }
  }
  const rank = new Map(next.ranking.map((index, r) => [next.entries[index]!.initiative.key, r]));
  starts.sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return {
    moves: rankMoves(before, previous, next),
    entered,
    left,
    gates,
    starts,
    loads: loadChanges(previous, next),
    committedValue: { from: previous.summary.committedValue, to: next.summary.committedValue },
    added: next.entries.filter((e) => !before.has(e)).map((e) => e.initiative.name),
    removed: previous.entries.filter((e) => !followed.has(e)).map((e) => e.initiative.name),
    problems: newProblems(previous, next),
  };
}

export const isUnchanged = (diff: PlanDiff): boolean =>
  diff.moves.length === 0 &&
  diff.entered.length === 0 &&
  diff.left.length === 0 &&
  diff.gates.length === 0 &&
  diff.starts.length === 0 &&
  diff.loads.length === 0 &&
  diff.added.length === 0 &&
  diff.removed.length === 0 &&
  diff.committedValue.from === diff.committedValue.to;

/** "Claims triage enters", "Claims triage and Fraud scoring enter", "3 initiatives enter". */
function namesVerb(changes: { name: string }[], singular: string, plural: string): string {
  if (changes.length > 3) return `${changes.length} initiatives ${plural}`;
  return `${listWords(changes.map((c) => c.name))} ${changes.length === 1 ? singular : plural}`;
}

const named = (names: string[]): { name: string }[] => names.map((name) => ({ name }));

/** "Legal now at 83%"; a team left with no capacity and some demand has no percentage to be at. */
const loadText = (load: LoadChange): string => (load.to === undefined ? `${load.team} now needed with no capacity` : `${load.team} now at ${formatPercent(load.to)}`);

/** The one plain sentence the pane shows after a re-run: "Claims triage enters the plan; Legal now at 100%." */
export function whatMovedSentence(diff: PlanDiff, currency: string): string {
  if (isUnchanged(diff)) return 'Nothing in the plan changed.';
  // Rows added to or deleted from the table come first, by name: a deleted row that was committed leaves the
  // plan without a line of its own, so this is where the room hears of it.
  const rows = [
    ...(diff.added.length ? [namesVerb(named(diff.added), 'is new in the table', 'are new in the table')] : []),
    ...(diff.removed.length ? [namesVerb(named(diff.removed), 'is no longer in the table', 'are no longer in the table')] : []),
  ];
  const parts: string[] = [];
  if (diff.entered.length) parts.push(`${namesVerb(diff.entered, 'enters', 'enter')} the plan`);
  if (diff.left.length) parts.push(`${namesVerb(diff.left, 'leaves', 'leave')} the plan`);
  if (diff.gates.length) {
    parts.push(diff.gates.length === 1 ? `${diff.gates[0]!.name} is now ${diff.gates[0]!.to}` : `${diff.gates.length} gates changed`);
  }
  if (diff.starts.length) {
    const [only] = diff.starts;
    parts.push(diff.starts.length === 1 ? `${only!.name} starts ${only!.to} instead of ${only!.from}` : `${diff.starts.length} initiatives start at another time`);
  }
  parts.push(...diff.loads.slice(0, 3).map(loadText));
  const { from, to } = diff.committedValue;
  if (from !== to) parts.push(`committed value ${to > from ? 'up' : 'down'} ${formatMoney(Math.abs(to - from), currency)} to ${formatMoney(to, currency)}`);
  if (parts.length === 0) parts.push(rows.length ? 'the plan itself is the same' : `${namesVerb(diff.moves, 'changes', 'change')} rank; the plan itself is the same`);
  const sentence = [...rows, ...parts].join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
