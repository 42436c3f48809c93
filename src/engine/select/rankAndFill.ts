// Rank and fill: walk the ranking and commit each initiative while every team's
// capacity and the in-flight limit still hold. The method Project Online's
// resource analysis uses; simple to explain, but no optimiser.
//
// With dependencies, an initiative goes in only with everything it requires:
// when some of it is not in the plan yet, the whole package (it and what it is
// missing) is tried at that point, and goes in only if all of it fits. Of a set
// of alternatives, the first in the ranking that goes in wins. The rules live
// in `fill` alone: the plan, the economics' lean re-runs and "what score would
// it need" all walk the ranking through it.

import { dependencyConstraint, EPSILON, fixedDecision, isRoadmap, namedCandidate, sharedShortfalls, type Candidate, type Selection, type SelectionProblem } from './problem';
import { fillRoadmap, rankAndFillRoadmap } from './roadmap';
import { blockNow as blockNowIn, linkView, settled, type Block, type LinkView } from './links';
import type { Decision, DeferralConstraint, TeamShortfall } from '../types';

/** Demand per team, in the problem's team order. */
const demandVector = (c: Candidate, teams: readonly string[]): number[] => teams.map((t) => c.demand[t] ?? 0);

/** True when `demand` fits in what is `left` of every team (a team it does not need never holds it back). */
function fitsTeams(demand: ArrayLike<number>, left: ArrayLike<number>): boolean {
  for (let t = 0; t < demand.length; t++) if (demand[t]! > 0 && demand[t]! > left[t]! + EPSILON) return false;
  return true;
}

const NOTHING: readonly number[] = [];

/** Called before each position of the walk with the capacity left and the count in flight (read, never kept). */
type Trace = (position: number, left: Float64Array, inFlight: number) => void;

type Record_ = { decisions: Decision[]; binding: (DeferralConstraint | undefined)[] };

/**
 * The walk itself. Returns what it commits per candidate; with `record`, also each decision and the
 * constraint that held each deferral back.
 */
function fill(original: SelectionProblem, record?: Record_, trace?: Trace): boolean[] {
  const problem = settled(original);
  const { candidates, inFlightLimit } = problem;
  const n = candidates.length;
  const teams = problem.teams.map((t) => t.name);
  const left = Float64Array.from(problem.teams, (t) => t.capacity);
  const committed = new Array<boolean>(n).fill(false);
  const view = linkView(problem);
  const shortfallOf = record ? sharedShortfalls() : undefined;
  const vectors = new Array<number[] | undefined>(n);
  const vectorOf = (p: number): number[] => (vectors[p] ??= demandVector(candidates[p]!, teams));
  let inFlight = 0;

  const decide = (p: number, decision: Decision, binding?: DeferralConstraint) => {
    if (!record) return;
    record.decisions[p] = decision;
    record.binding[p] = binding;
  };
  const take = (p: number) => {
    committed[p] = true;
    const demand = vectorOf(p);
    for (let t = 0; t < demand.length; t++) left[t]! -= demand[t]!;
    inFlight++;
    decide(p, candidates[p]!.status === 'forced-in' ? 'Forced in' : 'Commit');
  };
  /** The teams short for `members` together and the in-flight limit if it would be passed; undefined when all fit. */
  const shortOf = (members: readonly number[]): DeferralConstraint | undefined => {
    let total = vectorOf(members[0]!);
    if (members.length > 1) {
      total = [...total];
      for (let k = 1; k < members.length; k++) {
        const demand = vectorOf(members[k]!);
        for (let t = 0; t < total.length; t++) total[t]! += demand[t]!;
      }
    }
    const limitReached = inFlight + members.length > inFlightLimit;
    if (!limitReached && fitsTeams(total, left)) return undefined;
    if (!record) return { teams: [] };
    let shortfalls: TeamShortfall[] | undefined;
    problem.teams.forEach((team, t) => {
      if (total[t]! > 0 && total[t]! > left[t]! + EPSILON) (shortfalls ??= []).push(shortfallOf!(team, total[t]!, Math.max(0, left[t]!)));
    });
    return limitReached ? { teams: shortfalls ?? [], inFlightLimit } : { teams: shortfalls ?? [] };
  };
  const named = (p: number) => namedCandidate(candidates[p]!);
  const dependencyDeferral = (block: Block, shortfall?: DeferralConstraint, also?: readonly number[]) => dependencyConstraint(problem, block, shortfall, also);
  const blockNow = (p: number, linked: LinkView) => blockNowIn(problem, linked, committed, p);
  const missingOf = (p: number, linked: LinkView | undefined): readonly number[] => (linked ? linked.closure[p]!.filter((r) => !committed[r]) : NOTHING);

  /** Decides the open or forced-in candidate at `p` (a shared enabler may be left for its turn at the end). */
  const visit = (p: number, canWait: boolean): void => {
    const c = candidates[p]!;
    if (view) {
      const held = blockNow(p, view);
      if (held && 'alternative' in held) return decide(p, 'Excluded (alternative)', { teams: [], alternative: named(held.alternative) });
      if (held) return decide(p, 'Deferred (dependency)', dependencyDeferral(held.block));
    }
    const missing = missingOf(p, view);
    if (c.status === 'forced-in') {
      // Forced in takes its capacity whatever is left, and what it requires comes in with it.
      take(p);
      for (const r of missing) take(r);
      return;
    }
    const lead = view?.lead[p];
    if (canWait && lead !== undefined && !committed[lead] && !blockNow(lead, view!)) {
      // A shared enabler ranked with the initiative that needs it: in with it, or its own turn comes at the end.
      const members = [lead, ...missingOf(lead, view)];
      if (!shortOf(members)) {
        for (const m of members) take(m);
        return;
      }
      waiting.push(p);
      return;
    }
    single[0] = p;
    const alone = shortOf(single);
    if (alone) return decide(p, alone.inFlightLimit !== undefined ? 'Deferred (in-flight limit)' : 'Deferred (capacity)', alone);
    if (missing.length === 0) return take(p);
    const together = shortOf([p, ...missing]);
    if (together) return decide(p, 'Deferred (dependency)', dependencyDeferral({ position: missing[0]!, reason: 'does not fit' }, together, missing.slice(1)));
    take(p);
    for (const r of missing) take(r);
  };

  const single = [0];
  const waiting: number[] = [];
  for (let p = 0; p < n; p++) {
    trace?.(p, left, inFlight);
    if (committed[p]) continue;
    const fixed = fixedDecision(candidates[p]!.status);
    if (fixed && fixed !== 'Forced in') {
      decide(p, fixed);
      continue;
    }
    // A lean run (the economics' re-runs) past the in-flight limit: only a forced-in initiative can still go in.
    if (!record && inFlight + 1 > inFlightLimit && fixed !== 'Forced in') continue;
    visit(p, true);
  }
  trace?.(n, left, inFlight);
  for (const p of waiting) if (!committed[p]) visit(p, false);
  return committed;
}

/**
 * What rank and fill commits (per candidate), without the decisions and binding constraints:
 * the lean form the bottleneck economics re-run hundreds of times.
 */
export function rankAndFillCommitted(problem: SelectionProblem): boolean[] {
  return isRoadmap(problem) ? fillRoadmap(problem).committed : fill(problem);
}

/** The one entry point of rank and fill: over horizons when the problem has two or more, else for one planning period. */
export function rankAndFill(problem: SelectionProblem): Selection {
  if (isRoadmap(problem)) return rankAndFillRoadmap(problem);
  const count = problem.candidates.length;
  const record: Record_ = { decisions: new Array<Decision>(count), binding: new Array<DeferralConstraint | undefined>(count).fill(undefined) };
  fill(problem, record);
  return record;
}

/**
 * Rank and fill's answer to "what score would it need": for each deferred candidate, the committed
 * candidate it would have to be ranked above to fit, or undefined when it does not fit even first in line.
 * The capacity left before each position only shrinks down the ranking, so the last position where the
 * candidate still fits is found by bisection.
 */
export function rankAndFillOvertakes(problem: SelectionProblem): (position: number) => number | undefined {
  // On a roadmap, capacity left is per horizon and no longer shrinks in one order: not answered there.
  if (isRoadmap(problem)) return () => undefined;
  const n = problem.candidates.length;
  const teams = problem.teams.map((t) => t.name);
  const left = teams.map(() => new Float64Array(n + 1));
  const inFlight = new Int32Array(n + 1);
  fill(problem, undefined, (p, remaining, count) => {
    for (let t = 0; t < teams.length; t++) left[t]![p] = remaining[t]!;
    inFlight[p] = count;
  });
  const at = new Float64Array(teams.length);
  function fitsAt(demand: readonly number[], p: number): boolean {
    if (inFlight[p]! >= problem.inFlightLimit) return false;
    for (let t = 0; t < teams.length; t++) at[t] = left[t]![p]!;
    return fitsTeams(demand, at);
  }
  const forcedIn = problem.candidates.findIndex((c) => c.status !== 'forced-in');
  const first = forcedIn < 0 ? n : forcedIn;
  return (position) => {
    const demand = demandVector(problem.candidates[position]!, teams);
    if (position <= first || !fitsAt(demand, first)) return undefined;
    let low = first; // fits here
    let high = position; // does not fit here
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (fitsAt(demand, mid)) low = mid;
      else high = mid;
    }
    return low;
  };
}
