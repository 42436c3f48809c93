// The Optimal method over horizons: which initiatives and when, as one
// time-indexed model. A column x[p,h] is "p starts in horizon h", for every
// horizon from its earliest start to the last it can start in and still end
// in time. Rows: at most one start per initiative; each team's capacity and
// the in-flight limit in every horizon, counting what is running then; an
// initiative started by horizon k only if what it requires has started by k
// (so it is committed only with it, and never starts before it); at most one
// of two alternatives. Forced-in initiatives keep the horizon rank and fill
// gave them and take their capacity first.
//
// The objective (see docs/horizons.md):
//   Priority score: the priority score of each committed initiative, a start
//     one horizon later counting 1% less, so earlier starts are preferred;
//   Annual value: the value delivered within the horizons, taking the
//     horizons as one year: an initiative that ends after horizon e delivers
//     (H − e − 1) / H of its annual value.
// It starts from rank and fill's roadmap and keeps it when the solver does
// no better, so it is never worse than rank and fill on its own objective.

import type { Objective, SelectionReport } from '../types';
import { linkView, settled, staticBlock } from './links';
import type { OptimalOptions, OptimalOutcome } from './optimal';
import { isRoadmap, type Selection, type SelectionProblem } from './problem';
import { durationOf, earliestOf, emptyLoad, fillRoadmap, roadmapDecisions, roadmapRules } from './roadmap';
import { EXACT_UP_TO, mipInEngine } from './exactPath';
import { bestBound, limitNote, provenGap } from './gap';
import { solveSeconds, type Solver, type SolverRow, type SolverSolution } from './solver';

/** How much less a start one horizon later counts, on the priority-score objective. */
export const LATER_START_DISCOUNT = 0.01;

type Roadmap = SelectionProblem & { horizons: readonly string[] };

/** What the candidate at `p` adds to the objective when it starts in horizon `h`. */
export function startWorth(problem: Roadmap, p: number, h: number, objective: Objective): number {
  const c = problem.candidates[p]!;
  const H = problem.horizons.length;
  if (objective === 'Annual value') {
    const end = Math.min(H, h + durationOf(problem, p));
    return (c.annualValue * Math.max(0, H - end)) / H;
  }
  return c.priority * (1 - LATER_START_DISCOUNT * h);
}

/** The objective of a roadmap: each committed candidate's worth at its start. */
export function roadmapObjective(problem: Roadmap, starts: ArrayLike<number>, objective: Objective): number {
  let total = 0;
  for (let p = 0; p < problem.candidates.length; p++) if (starts[p]! >= 0) total += startWorth(problem, p, starts[p]!, objective);
  return total;
}

/** Annual value of what a roadmap commits. */
const committedValue = (problem: SelectionProblem, starts: ArrayLike<number>): number =>
  problem.candidates.reduce((sum, c, p) => sum + (starts[p]! >= 0 ? c.annualValue : 0), 0);

/** Why `starts` breaks a rule of the roadmap, in words; undefined when it keeps every rule. */
export function roadmapInfeasibility(original: Roadmap, starts: ArrayLike<number>): string | undefined {
  const problem = settled(original) as Roadmap;
  const H = problem.horizons.length;
  const view = linkView(problem);
  const forced = emptyLoad(problem);
  const open = emptyLoad(problem);
  const forcedRules = roadmapRules(problem, forced, view);
  const name = (p: number) => problem.candidates[p]!.name ?? `#${problem.candidates[p]!.index + 1}`;
  for (let p = 0; p < problem.candidates.length; p++) {
    const c = problem.candidates[p]!;
    const s = starts[p]!;
    if (c.status === 'forced-in' && s < 0) return 'a forced-in initiative was left out';
    if (s < 0) continue;
    if (c.status !== 'open' && c.status !== 'forced-in') return `an initiative that is ${c.status === 'gated' ? 'not ready' : 'forced out'} was committed`;
    if (s < earliestOf(problem, p)) return `${name(p)} would start before its earliest start`;
    if (c.status === 'open' && s + durationOf(problem, p) > H) return `${name(p)} would run past the last horizon`;
    if (c.status === 'forced-in') forcedRules.take(p, s);
    if (view) {
      const missing = view.closure[p]!.find((r) => starts[r]! < 0 || starts[r]! > s);
      if (missing !== undefined) return `${name(p)} would start without ${name(missing)}, which it requires, having started`;
      const alternative = view.alternatives[p]!.find((a) => starts[a]! >= 0);
      if (alternative !== undefined) return `${name(p)} and ${name(alternative)}, alternatives, would both be committed`;
    }
  }
  // Open initiatives share what forced-in ones leave, never less than nothing.
  for (let k = 0; k < open.left.length; k++) open.left[k] = Math.max(0, forced.left[k]!);
  const openRules = roadmapRules(problem, open, view);
  for (let p = 0; p < problem.candidates.length; p++) if (starts[p]! >= 0 && problem.candidates[p]!.status === 'open') openRules.take(p, starts[p]!);
  for (let h = 0; h < H; h++) {
    if (open.inFlight[h]! > Math.max(0, problem.inFlightLimit - forced.inFlight[h]!)) return `the plan would exceed the in-flight limit in ${problem.horizons[h]}`;
    for (let t = 0; t < problem.teams.length; t++) {
      const room = Math.max(0, forced.left[t * H + h]!);
      if (open.left[t * H + h]! < -1e-9 * Math.max(1, room)) return `the plan would need more of ${problem.teams[t]!.name} than its capacity in ${problem.horizons[h]}`;
    }
  }
  return undefined;
}

type RoadmapModel = {
  model: Parameters<Solver>[0];
  /** Candidate position and start of each column. */
  columns: { p: number; h: number }[];
};

/** The time-indexed model, with forced-in starts fixed at `forcedStarts`. */
function roadmapModel(problem: Roadmap, forcedStarts: ArrayLike<number>, objective: Objective, start: ArrayLike<number>, timeLimitSeconds: number, relativeGap: number): RoadmapModel {
  const H = problem.horizons.length;
  const view = linkView(problem);
  const forced = emptyLoad(problem);
  const rules = roadmapRules(problem, forced, view);
  let offset = 0;
  problem.candidates.forEach((c, p) => {
    if (c.status !== 'forced-in' || forcedStarts[p]! < 0) return;
    rules.take(p, forcedStarts[p]!);
    offset += startWorth(problem, p, forcedStarts[p]!, objective);
  });
  const columns: { p: number; h: number }[] = [];
  const columnsOf = new Map<number, number[]>();
  problem.candidates.forEach((c, p) => {
    if (c.status !== 'open') return;
    if (view && (staticBlock(problem, view, p) || view.alternatives[p]!.some((a) => problem.candidates[a]!.status === 'forced-in'))) return;
    let from = earliestOf(problem, p);
    // What it requires that is forced in has its start already.
    if (view) for (const r of view.closure[p]!) if (problem.candidates[r]!.status === 'forced-in') from = Math.max(from, forcedStarts[r]!);
    const own: number[] = [];
    for (let h = from; h + durationOf(problem, p) <= H; h++) {
      own.push(columns.length);
      columns.push({ p, h });
    }
    if (own.length > 0) columnsOf.set(p, own);
  });
  const rows: SolverRow[] = [];
  const upper = columns.map(() => 1);
  for (const own of columnsOf.values()) if (own.length > 1) rows.push({ indices: own, values: own.map(() => 1), upper: 1 });
  for (let k = 0; k < H; k++) {
    const running = columns.flatMap((col, j) => (col.h <= k && k < col.h + durationOf(problem, col.p) ? [j] : []));
    if (running.length === 0) continue;
    problem.teams.forEach((team, t) => {
      const indices: number[] = [];
      const values: number[] = [];
      for (const j of running) {
        const amount = problem.candidates[columns[j]!.p]!.demand[team.name] ?? 0;
        if (amount !== 0) {
          indices.push(j);
          values.push(amount);
        }
      }
      if (indices.length > 0) rows.push({ indices, values, upper: Math.max(0, forced.left[t * H + k]!) });
    });
    rows.push({ indices: running, values: running.map(() => 1), upper: Math.max(0, problem.inFlightLimit - forced.inFlight[k]!) });
  }
  if (view) {
    for (const [p, own] of columnsOf) {
      for (const r of view.closure[p]!) {
        if (problem.candidates[r]!.status === 'forced-in') continue;
        const required = columnsOf.get(r);
        if (!required) {
          for (const j of own) upper[j] = 0; // It needs something that can never start.
          continue;
        }
        // Started by k only if the requirement has started by k.
        for (let k = 0; k < H; k++) {
          const mine = own.filter((j) => columns[j]!.h <= k);
          if (mine.length === 0) continue;
          const theirs = required.filter((j) => columns[j]!.h <= k);
          rows.push({ indices: [...mine, ...theirs], values: [...mine.map(() => 1), ...theirs.map(() => -1)], upper: 0 });
        }
      }
      for (const a of view.alternatives[p]!) {
        const other = columnsOf.get(a);
        if (!other || a < p) continue;
        rows.push({ indices: [...own, ...other], values: [...own.map(() => 1), ...other.map(() => 1)], upper: 1 });
      }
    }
  }
  return {
    columns,
    model: {
      objective: columns.map(({ p, h }) => startWorth(problem, p, h, objective)),
      offset,
      lower: columns.map(() => 0),
      upper,
      integer: true,
      rows,
      timeLimitSeconds,
      relativeGap,
      start: columns.map(({ p, h }) => (start[p] === h ? 1 : 0)),
    },
  };
}

/** The starts a solver's values describe (forced-in ones as fixed), or undefined when a value is not 0 or 1. */
function startsFromValues(problem: Roadmap, built: RoadmapModel, forcedStarts: ArrayLike<number>, values: readonly number[]): Int32Array | undefined {
  if (values.length !== built.columns.length) return undefined;
  const starts = new Int32Array(problem.candidates.length).fill(-1);
  problem.candidates.forEach((c, p) => {
    if (c.status === 'forced-in') starts[p] = forcedStarts[p]!;
  });
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (!Number.isFinite(v)) return undefined;
    if (Math.abs(v - 1) <= 1e-6) {
      const { p, h } = built.columns[j]!;
      if (starts[p]! >= 0) return undefined;
      starts[p] = h;
    } else if (Math.abs(v) > 1e-6) return undefined;
  }
  return starts;
}

/**
 * Places, in rank order, every open candidate left out that still fits somewhere, with what it
 * requires in and no alternative in, at the earliest horizon it fits. Worth is never negative, so the
 * objective never falls; the solver is indifferent to a candidate worth 0 (value delivered after the
 * last horizon), and rank and fill is not.
 */
function topUp(problem: Roadmap, starts: Int32Array): Int32Array {
  const result = Int32Array.from(starts);
  const view = linkView(problem);
  const load = emptyLoad(problem);
  const rules = roadmapRules(problem, load, view);
  problem.candidates.forEach((_, p) => {
    if (result[p]! >= 0) rules.take(p, result[p]!);
  });
  problem.candidates.forEach((c, p) => {
    if (result[p]! >= 0 || c.status !== 'open') return;
    if (view && (view.closure[p]!.some((r) => result[r]! < 0) || view.alternatives[p]!.some((a) => result[a]! >= 0))) return;
    const h = rules.place([p], rules.firstStart([p]));
    if (h < 0) return;
    rules.take(p, h);
    result[p] = h;
  });
  return result;
}

/** A bound no roadmap can beat: every open candidate that can start somewhere, at its best start, with each horizon's in-flight room. */
function simpleRoadmapBound(problem: Roadmap, forcedStarts: ArrayLike<number>, objective: Objective): number {
  let total = 0;
  problem.candidates.forEach((c, p) => {
    if (c.status === 'forced-in' && forcedStarts[p]! >= 0) total += startWorth(problem, p, forcedStarts[p]!, objective);
    else if (c.status === 'open') {
      let best = 0;
      for (let h = earliestOf(problem, p); h + durationOf(problem, p) <= problem.horizons.length; h++) best = Math.max(best, startWorth(problem, p, h, objective));
      total += best;
    }
  });
  return total;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The Optimal method over horizons: the same outcome shape as for one planning period. */
export async function selectOptimalRoadmap(original: SelectionProblem, options: OptimalOptions, solver: Solver): Promise<OptimalOutcome> {
  if (!isRoadmap(original)) throw new Error('selectOptimalRoadmap needs two or more horizons');
  const started = options.clock();
  const problem = settled(original) as Roadmap;
  const { objective } = options;
  const rf = fillRoadmap(problem);
  const rfValue = roadmapObjective(problem, rf.start, objective);
  const rankAndFill = { value: rfValue, committedValue: committedValue(problem, rf.start) };
  const fallback = (reason: string): OptimalOutcome => {
    const selection = roadmapDecisions(problem, rf.start);
    return { selection, committed: Array.from(rf.start, (s) => s >= 0), report: { method: 'Rank and fill', note: `Optimal was chosen, but ${reason}; rank and fill was used instead.` }, solved: false };
  };

  const built = roadmapModel(problem, rf.start, objective, rf.start, options.timeLimitSeconds, options.relativeGap ?? 0.001);
  // Rank and fill and the model's making come out of the same time limit, so the whole step keeps it.
  built.model.timeLimitSeconds = solveSeconds(options.timeLimitSeconds, (options.clock() - started) / 1000);
  let starts: Int32Array = rf.start;
  let timedOut = false;
  let solverBound: number | undefined;
  let note: string | undefined;
  if (built.columns.length > 0) {
    let mip: SolverSolution;
    try {
      const engine = built.columns.length <= (options.exactUpTo ?? EXACT_UP_TO) ? mipInEngine(built.model) : {};
      mip = engine.solution ?? (await solver(engine.start ? { ...built.model, start: engine.start } : built.model));
    } catch (error) {
      return fallback(`the solver failed (${describeError(error)})`);
    }
    if (mip.status === 'infeasible') return fallback('the solver reported the caps impossible to meet, which they are not');
    if (mip.status === 'error') return fallback(`the solver failed (${mip.message ?? 'no reason given'})`);
    const answer = startsFromValues(problem, built, rf.start, mip.values);
    if (!answer) return fallback(mip.values.length === 0 ? 'the solver found no plan in its time limit' : 'the solver returned values that are not yes/no choices');
    const broken = roadmapInfeasibility(problem, answer);
    if (broken) return fallback(`the solver's plan failed the capacity check (${broken})`);
    starts = topUp(problem, answer);
    timedOut = mip.status === 'time-limit';
    solverBound = mip.bound;
    if (roadmapObjective(problem, starts, objective) < rfValue) {
      starts = rf.start;
      note = "the solver's plan scored below rank and fill, which is kept";
    }
  }
  const value = roadmapObjective(problem, starts, objective);
  const bound = bestBound(value, [solverBound, simpleRoadmapBound(problem, rf.start, objective)]);
  const gap = provenGap(value, bound);
  if (timedOut) note = limitNote(`${options.timeLimitSeconds} s time limit`, gap, note);
  const report: SelectionReport = {
    method: 'Optimal',
    ...(note ? { note } : {}),
    optimisation: {
      objective,
      value,
      bound,
      lpBound: undefined,
      gap,
      timedOut,
      committedValue: committedValue(problem, starts),
      rankAndFill,
      improvement: value - rfValue,
    },
  };
  const selection: Selection = roadmapDecisions(problem, starts);
  return { selection, committed: Array.from(starts, (s) => s >= 0), report, solved: true };
}
