// Selection over horizons: which initiatives, and when each starts. An
// initiative runs `duration` whole horizons from its start, needing its demand
// of every team in each of them, and counts against the in-flight limit in
// each. It never starts before its earliest start, nor before what it requires
// starts (a package that goes in together starts together).
//
// Rank and fill walks the ranking as with one planning period (the same rules
// for overrides, packages, alternatives and shared enablers: see
// rankAndFill.ts) and places each initiative at the earliest horizon where it
// fits for its whole run. What fits no horizon is deferred, naming what was
// full in the first horizon it could have started in. With one planning
// period none of this runs: rankAndFill.ts is unchanged.

import { capacityIn } from '../horizons';
import type { Decision, DeferralConstraint, StartReason, TeamShortfall } from '../types';
import { blockNow as blockNowIn, linkView, settled, staticBlock, type LinkView } from './links';
import {
  dependencyConstraint,
  EPSILON,
  fixedDecision,
  namedCandidate,
  sharedShortfalls,
  type Placement,
  type Selection,
  type SelectionProblem,
} from './problem';

const NOTHING: readonly number[] = [];

/** What is left of each team and of the in-flight limit in each horizon, as initiatives are placed. */
export type RoadmapLoad = {
  horizons: readonly string[];
  /** left[t * H + h]: capacity of team t left in horizon h. */
  left: Float64Array;
  /** Initiatives in flight per horizon. */
  inFlight: Int32Array;
  /** Start per candidate position, −1 when not placed. */
  start: Int32Array;
};

/** Whole horizons the candidate at `p` runs. */
export const durationOf = (problem: SelectionProblem, p: number): number => Math.max(1, Math.round(problem.candidates[p]!.duration ?? 1));
/** The first horizon the candidate at `p` may start in, by its own earliest start. */
export const earliestOf = (problem: SelectionProblem, p: number): number => Math.max(0, problem.candidates[p]!.earliest ?? 0);

export function emptyLoad(problem: SelectionProblem & { horizons: readonly string[] }): RoadmapLoad {
  const H = problem.horizons.length;
  const left = new Float64Array(problem.teams.length * H);
  problem.teams.forEach((team, t) => {
    for (let h = 0; h < H; h++) left[t * H + h] = capacityIn(team, h);
  });
  return { horizons: problem.horizons, left, inFlight: new Int32Array(H), start: new Int32Array(problem.candidates.length).fill(-1) };
}

/** The horizons `p` is active in when it starts at `h` (cut at the last horizon; only a forced-in run is ever cut). */
const lastActive = (load: RoadmapLoad, problem: SelectionProblem, p: number, h: number): number => Math.min(load.horizons.length, h + durationOf(problem, p));

/** The roadmap's rules, on one load: where a package may start, whether it fits, what is short, placing it. */
export function roadmapRules(problem: SelectionProblem, load: RoadmapLoad, view: LinkView | undefined) {
  const H = load.horizons.length;
  const teams = problem.teams;
  const limit = problem.inFlightLimit;

  /** The earliest common start of `members`: their earliest starts, and the starts of what they require that is placed. */
  const firstStart = (members: readonly number[]): number => {
    let first = 0;
    for (const m of members) {
      first = Math.max(first, earliestOf(problem, m));
      if (view) for (const r of view.closure[m]!) if (load.start[r]! >= 0) first = Math.max(first, load.start[r]!);
    }
    return first;
  };

  /** True when every member, started at `h`, ends within the horizons. */
  const endsInTime = (members: readonly number[], h: number): boolean => members.every((m) => h + durationOf(problem, m) <= H);

  /** The first horizon of the run from `h` where `members` do not fit, with what is short there; undefined when they fit. */
  const shortAt = (members: readonly number[], h: number, shortfallOf = sharedShortfalls()): DeferralConstraint | undefined => {
    if (!endsInTime(members, h)) return { teams: [], pastLast: load.horizons[H - 1]! };
    const end = Math.max(...members.map((m) => h + durationOf(problem, m)));
    for (let k = h; k < end; k++) {
      let count = 0;
      for (const m of members) if (k < h + durationOf(problem, m)) count++;
      let shortfalls: TeamShortfall[] | undefined;
      teams.forEach((team, t) => {
        let needed = 0;
        for (const m of members) if (k < h + durationOf(problem, m)) needed += problem.candidates[m]!.demand[team.name] ?? 0;
        const left = load.left[t * H + k]!;
        if (needed > 0 && needed > left + EPSILON) (shortfalls ??= []).push(shortfallOf(team, needed, Math.max(0, left)));
      });
      const limitReached = load.inFlight[k]! + count > limit;
      if (limitReached || shortfalls) {
        return { teams: shortfalls ?? [], ...(limitReached ? { inFlightLimit: limit } : {}), horizon: load.horizons[k]!, ...(k > h ? { runFrom: load.horizons[h]! } : {}) };
      }
    }
    return undefined;
  };

  /** Cheap check of `shortAt(...) === undefined`, allocating nothing. */
  const fitsAt = (members: readonly number[], h: number): boolean => {
    if (!endsInTime(members, h)) return false;
    for (const m of members) {
      const end = h + durationOf(problem, m);
      const demand = problem.candidates[m]!.demand;
      for (let k = h; k < end; k++) {
        let count = 0;
        for (const o of members) if (k >= h && k < h + durationOf(problem, o)) count++;
        if (load.inFlight[k]! + count > limit) return false;
        for (let t = 0; t < teams.length; t++) {
          const own = demand[teams[t]!.name] ?? 0;
          if (own <= 0) continue;
          let needed = 0;
          for (const o of members) if (k < h + durationOf(problem, o)) needed += problem.candidates[o]!.demand[teams[t]!.name] ?? 0;
          if (needed > load.left[t * H + k]! + EPSILON) return false;
        }
      }
    }
    return true;
  };

  /** The earliest horizon from `from` where `members` fit together, or −1. */
  const place = (members: readonly number[], from: number): number => {
    for (let h = from; h < H; h++) if (fitsAt(members, h)) return h;
    return -1;
  };

  /** Puts `p` on the roadmap from `h`: its demand and a slot in every horizon it runs. */
  const take = (p: number, h: number): void => {
    load.start[p] = h;
    const end = lastActive(load, problem, p, h);
    const demand = problem.candidates[p]!.demand;
    for (let k = h; k < end; k++) {
      load.inFlight[k]!++;
      teams.forEach((team, t) => {
        const amount = demand[team.name] ?? 0;
        if (amount !== 0) load.left[t * H + k]! -= amount;
      });
    }
  };

  /** Takes `p` off the roadmap again (the inverse of `take`). */
  const release = (p: number): void => {
    const h = load.start[p]!;
    if (h < 0) return;
    load.start[p] = -1;
    const end = lastActive(load, problem, p, h);
    const demand = problem.candidates[p]!.demand;
    for (let k = h; k < end; k++) {
      load.inFlight[k]!--;
      teams.forEach((team, t) => {
        const amount = demand[team.name] ?? 0;
        if (amount !== 0) load.left[t * H + k]! += amount;
      });
    }
  };

  return { firstStart, shortAt, fitsAt, place, take, release };
}

/**
 * Why the candidate at `p`, placed at `start` in a package whose earliest common start was `first`,
 * starts there: what was full in `first`, its own earliest start, a requirement's start, or the
 * initiative it goes in with.
 */
function reasonFor(
  problem: SelectionProblem,
  load: RoadmapLoad,
  view: LinkView | undefined,
  p: number,
  start: number,
  first: number,
  full: DeferralConstraint | undefined,
  lead: number | undefined,
): StartReason | undefined {
  if (start > first && full) return { kind: 'full', constraint: full };
  if (start === 0) return undefined;
  if (earliestOf(problem, p) === start) return { kind: 'earliest start' };
  const required = view?.closure[p]!.find((r) => load.start[r] === start);
  if (required !== undefined) return { kind: 'requirement', name: namedCandidate(problem.candidates[required]!).name };
  if (lead !== undefined && lead !== p) return { kind: 'with', name: namedCandidate(problem.candidates[lead]!).name };
  return undefined;
}

type Record_ = { decisions: Decision[]; binding: (DeferralConstraint | undefined)[]; placements: (Placement | undefined)[] };

/** Rank and fill over horizons; with `record`, every decision, deferral and placement. */
export function fillRoadmap(original: SelectionProblem & { horizons: readonly string[] }, record?: Record_): { committed: boolean[]; start: Int32Array } {
  const problem = settled(original) as SelectionProblem & { horizons: readonly string[] };
  const { candidates } = problem;
  const n = candidates.length;
  const load = emptyLoad(problem);
  const view = linkView(problem);
  const rules = roadmapRules(problem, load, view);
  const committed = new Array<boolean>(n).fill(false);
  const shortfallOf = sharedShortfalls();

  const decide = (p: number, decision: Decision, binding?: DeferralConstraint) => {
    if (!record) return;
    record.decisions[p] = decision;
    record.binding[p] = binding;
  };
  /** Places `members` at `h`, recording each one's start and why it is there. `lead`: the one the others go in with. */
  const takeAll = (members: readonly number[], h: number, first: number, lead?: number) => {
    const full = record && h > first ? rules.shortAt(members, first, shortfallOf) : undefined;
    for (const m of members) {
      rules.take(m, h);
      committed[m] = true;
    }
    for (const m of members) {
      decide(m, candidates[m]!.status === 'forced-in' ? 'Forced in' : 'Commit');
      if (record) {
        const reason = reasonFor(problem, load, view, m, h, first, full, members.length > 1 ? (lead ?? members[0]) : undefined);
        record.placements[m] = { start: h, first, ...(reason ? { reason } : {}) };
      }
    }
  };
  const blockNow = (p: number, linked: LinkView) => blockNowIn(problem, linked, committed, p);
  const missingOf = (p: number): readonly number[] => (view ? view.closure[p]!.filter((r) => !committed[r]) : NOTHING);
  const deferral = (c: DeferralConstraint): Decision => (c.inFlightLimit !== undefined ? 'Deferred (in-flight limit)' : 'Deferred (capacity)');

  const visit = (p: number, canWait: boolean): void => {
    const c = candidates[p]!;
    if (view) {
      const held = blockNow(p, view);
      if (held && 'alternative' in held) return decide(p, 'Excluded (alternative)', { teams: [], alternative: namedCandidate(candidates[held.alternative]!) });
      if (held) return decide(p, 'Deferred (dependency)', dependencyConstraint(problem, held.block));
    }
    const missing = missingOf(p);
    if (c.status === 'forced-in') {
      // Forced in takes its capacity whatever is left, at the first horizon it fits (else the first it may start).
      const members = [p, ...missing];
      const first = rules.firstStart(members);
      const h = rules.place(members, first);
      return takeAll(members, h < 0 ? Math.min(first, problem.horizons.length - 1) : h, first, p);
    }
    const lead = view?.lead[p];
    if (canWait && lead !== undefined && !committed[lead] && !blockNow(lead, view!)) {
      const members = [lead, ...missingOf(lead)];
      const first = rules.firstStart(members);
      const h = rules.place(members, first);
      if (h >= 0) return takeAll(members, h, first, lead);
      waiting.push(p);
      return;
    }
    const firstAlone = rules.firstStart([p]);
    const alone = rules.place([p], firstAlone);
    if (alone < 0) {
      const constraint = rules.shortAt([p], firstAlone, shortfallOf) ?? { teams: [] };
      return decide(p, deferral(constraint), constraint);
    }
    if (missing.length === 0) return takeAll([p], alone, firstAlone);
    const members = [p, ...missing];
    const first = rules.firstStart(members);
    const h = rules.place(members, first);
    if (h < 0) {
      const together = rules.shortAt(members, first, shortfallOf) ?? { teams: [] };
      return decide(p, 'Deferred (dependency)', dependencyConstraint(problem, { position: missing[0]!, reason: 'does not fit' }, together, missing.slice(1)));
    }
    takeAll(members, h, first, p);
  };

  const waiting: number[] = [];
  for (let p = 0; p < n; p++) {
    if (committed[p]) continue;
    const fixed = fixedDecision(candidates[p]!.status);
    if (fixed && fixed !== 'Forced in') {
      decide(p, fixed);
      continue;
    }
    visit(p, true);
  }
  for (const p of waiting) if (!committed[p]) visit(p, false);
  return { committed, start: load.start };
}

export function rankAndFillRoadmap(problem: SelectionProblem & { horizons: readonly string[] }): Selection {
  const count = problem.candidates.length;
  const record: Record_ = {
    decisions: new Array<Decision>(count),
    binding: new Array<DeferralConstraint | undefined>(count).fill(undefined),
    placements: new Array<Placement | undefined>(count).fill(undefined),
  };
  fillRoadmap(problem, record);
  return record;
}

/**
 * Decisions for a roadmap chosen at once (the Optimal method): each committed candidate's placement and
 * why it starts then, measured against the rest of the roadmap; each one left out, what keeps it out in
 * the first horizon it could have started in.
 */
export function roadmapDecisions(original: SelectionProblem & { horizons: readonly string[] }, starts: ArrayLike<number>): Selection {
  const problem = settled(original) as SelectionProblem & { horizons: readonly string[] };
  const { candidates, horizons } = problem;
  const view = linkView(problem);
  const load = emptyLoad(problem);
  const rules = roadmapRules(problem, load, view);
  candidates.forEach((_, p) => {
    if (starts[p]! >= 0) rules.take(p, starts[p]!);
  });
  const committed = (p: number) => starts[p]! >= 0;
  const shortfallOf = sharedShortfalls();
  const decisions: Decision[] = [];
  const binding: (DeferralConstraint | undefined)[] = [];
  const placements: (Placement | undefined)[] = [];
  candidates.forEach((c, p) => {
    const fixed = fixedDecision(c.status);
    if (committed(p) && (c.status === 'open' || c.status === 'forced-in')) {
      const start = starts[p]!;
      rules.release(p);
      const first = rules.firstStart([p]);
      const full = start > first ? (rules.shortAt([p], first, shortfallOf) ?? { teams: [], horizon: horizons[first]! }) : undefined;
      rules.take(p, start);
      const reason = reasonFor(problem, load, view, p, start, first, full, undefined);
      decisions.push(c.status === 'forced-in' ? 'Forced in' : 'Commit');
      binding.push(undefined);
      placements.push({ start, first, ...(reason ? { reason } : {}) });
      return;
    }
    placements.push(undefined);
    if (fixed && fixed !== 'Forced in') {
      decisions.push(fixed);
      binding.push(undefined);
      return;
    }
    const first = rules.firstStart([p]);
    const alone = rules.place([p], first) < 0 ? (rules.shortAt([p], first, shortfallOf) ?? { teams: [] }) : undefined;
    if (view) {
      const alternative = view.alternatives[p]!.find(committed);
      if (alternative !== undefined) {
        decisions.push('Excluded (alternative)');
        binding.push({ teams: [], alternative: namedCandidate(candidates[alternative]!) });
        return;
      }
      const missing = view.closure[p]!.find((r) => !committed(r));
      let block = staticBlock(problem, view, p);
      if (!block && missing !== undefined && !alone) {
        const clash = view.alternatives[missing]!.find(committed);
        block = clash !== undefined ? { position: missing, reason: 'alternative in the plan', alternative: clash } : { position: missing, reason: 'not in the plan' };
      }
      if (block) {
        decisions.push('Deferred (dependency)');
        binding.push(dependencyConstraint(problem, block));
        return;
      }
    }
    // It would fit on its own: a better combination used the room, in the first horizon it could start in.
    const constraint = alone ?? { teams: [], horizon: horizons[Math.min(first, horizons.length - 1)]! };
    decisions.push(constraint.inFlightLimit !== undefined ? 'Deferred (in-flight limit)' : 'Deferred (capacity)');
    binding.push(constraint);
  });
  return { decisions, binding, placements };
}
