// The selection problem as a 0-1 model, and the checks every answer must pass.
// Forced-in candidates are constants: they take their capacity first, and the
// open candidates share what is left (never less than nothing). Gated and
// forced-out candidates are not in the model at all.

import { EPSILON, type Candidate, type Selection, type SelectionProblem } from './problem';
import { linkView, settled, staticBlock } from './links';
import type { SolverModel, SolverRow } from './solver';
import type { Objective } from '../types';

export const objectiveOf = (candidate: Candidate, objective: Objective): number =>
  objective === 'Annual value' ? candidate.annualValue : candidate.priority;

/** True per candidate (problem order) that the selection commits, forced-in included. */
export const committedOf = (selection: Selection): boolean[] =>
  selection.decisions.map((d) => d === 'Commit' || d === 'Forced in');

export function planObjective(problem: SelectionProblem, committed: readonly boolean[], objective: Objective): number {
  let total = 0;
  problem.candidates.forEach((c, i) => {
    if (committed[i]) total += objectiveOf(c, objective);
  });
  return total;
}

export function committedValue(problem: SelectionProblem, committed: readonly boolean[]): number {
  let total = 0;
  problem.candidates.forEach((c, i) => {
    if (committed[i]) total += c.annualValue;
  });
  return total;
}

/** What the open candidates may share once forced-in work has taken its part (never below zero). */
export type Residual = { teams: Map<string, number>; inFlight: number };

export function residualLimits(problem: SelectionProblem): Residual {
  const teams = new Map(problem.teams.map((t) => [t.name, t.capacity]));
  let forcedIn = 0;
  for (const c of problem.candidates) {
    if (c.status !== 'forced-in') continue;
    forcedIn++;
    for (const [team, amount] of Object.entries(c.demand)) if (teams.has(team)) teams.set(team, teams.get(team)! - amount);
  }
  for (const [team, left] of teams) teams.set(team, Math.max(0, left));
  return { teams, inFlight: Math.max(0, problem.inFlightLimit - forcedIn) };
}

/** Candidate positions that are decision columns of the model. */
export const openPositions = (problem: SelectionProblem): number[] =>
  problem.candidates.flatMap((c, i) => (c.status === 'open' ? [i] : []));

export type SelectionModel = {
  model: SolverModel;
  /** Candidate position of each model column. */
  columns: number[];
  /** Team of each model row; undefined for the in-flight row. */
  rowTeams: (string | undefined)[];
};

export type ModelOptions = {
  objective: Objective;
  integer: boolean;
  timeLimitSeconds: number;
  relativeGap: number;
  /** Committed per candidate: a feasible plan the solver starts from. */
  start?: readonly boolean[];
};

export function selectionModel(problem: SelectionProblem, options: ModelOptions): SelectionModel {
  const columns = openPositions(problem);
  const residual = residualLimits(problem);
  const rows: SolverRow[] = [];
  const rowTeams: (string | undefined)[] = [];
  for (const team of problem.teams) {
    const indices: number[] = [];
    const values: number[] = [];
    columns.forEach((position, column) => {
      const amount = problem.candidates[position]!.demand[team.name] ?? 0;
      if (amount !== 0) {
        indices.push(column);
        values.push(amount);
      }
    });
    // A team no open candidate needs cannot bind; leaving its row out keeps the model small.
    if (indices.length === 0) continue;
    rows.push({ indices, values, upper: residual.teams.get(team.name) ?? 0 });
    rowTeams.push(team.name);
  }
  if (columns.length > 0) {
    rows.push({ indices: columns.map((_, k) => k), values: columns.map(() => 1), upper: residual.inFlight });
    rowTeams.push(undefined);
  }
  const upper = columns.map(() => 1);
  linkRows(problem, columns, rows, upper);
  const forcedIn = problem.candidates.filter((c) => c.status === 'forced-in');
  const model: SolverModel = {
    objective: columns.map((p) => objectiveOf(problem.candidates[p]!, options.objective)),
    offset: forcedIn.reduce((sum, c) => sum + objectiveOf(c, options.objective), 0),
    lower: columns.map(() => 0),
    upper,
    integer: options.integer,
    rows,
    timeLimitSeconds: options.timeLimitSeconds,
    relativeGap: options.relativeGap,
    ...(options.start ? { start: columns.map((p) => (options.start![p] ? 1 : 0)) } : {}),
  };
  return { model, columns, rowTeams };
}

/**
 * The dependency rules as rows after the caps: a column only with each open column it requires
 * (x_a − x_b ≤ 0, so a bundle's columns are equal), at most one of two alternatives (x_a + x_b ≤ 1).
 * A column whose requirement can never come in, or whose alternative is forced in, is fixed at 0.
 */
function linkRows(problem: SelectionProblem, columns: readonly number[], rows: SolverRow[], upper: number[]): void {
  const view = linkView(problem);
  if (!view) return;
  const columnOf = new Map(columns.map((position, column) => [position, column]));
  columns.forEach((p, k) => {
    if (staticBlock(problem, view, p) || view.alternatives[p]!.some((a) => problem.candidates[a]!.status === 'forced-in')) {
      upper[k] = 0;
      return;
    }
    for (const r of view.closure[p]!) {
      const required = columnOf.get(r);
      if (required !== undefined) rows.push({ indices: [k, required], values: [1, -1], upper: 0 });
    }
    for (const a of view.alternatives[p]!) {
      const other = columnOf.get(a);
      if (other !== undefined && a > p) rows.push({ indices: [k, other], values: [1, 1], upper: 1 });
    }
  });
}

const WHOLE = 1e-6;

/** The committed set a solver's values describe, or undefined when a value is not 0 or 1. */
export function committedFromValues(problem: SelectionProblem, columns: number[], values: readonly number[]): boolean[] | undefined {
  if (values.length !== columns.length) return undefined;
  const committed = problem.candidates.map((c) => c.status === 'forced-in');
  for (let k = 0; k < columns.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) return undefined;
    if (Math.abs(v - 1) <= WHOLE) committed[columns[k]!] = true;
    else if (Math.abs(v) > WHOLE) return undefined;
  }
  return committed;
}

/** Why `committed` breaks a rule of the problem, in words; undefined when it keeps every rule. */
export function infeasibility(original: SelectionProblem, committed: readonly boolean[]): string | undefined {
  const problem = settled(original);
  if (committed.length !== problem.candidates.length) return 'the answer does not cover every initiative';
  const residual = residualLimits(problem);
  const used = new Map<string, number>();
  let open = 0;
  for (let i = 0; i < problem.candidates.length; i++) {
    const c = problem.candidates[i]!;
    if (c.status === 'forced-in' && !committed[i]) return 'a forced-in initiative was left out';
    if (!committed[i] || c.status === 'forced-in') continue;
    if (c.status !== 'open') return `an initiative that is ${c.status === 'gated' ? 'not ready' : 'forced out'} was committed`;
    open++;
    for (const [team, amount] of Object.entries(c.demand)) used.set(team, (used.get(team) ?? 0) + amount);
  }
  for (const team of problem.teams) {
    const load = used.get(team.name) ?? 0;
    const room = residual.teams.get(team.name) ?? 0;
    if (load > room + EPSILON * Math.max(1, room)) return `the plan would need more of ${team.name} than its capacity`;
  }
  if (open > residual.inFlight) return 'the plan would exceed the in-flight limit';
  return linkBreach(problem, committed);
}

/** The first dependency rule `committed` breaks, in words. */
function linkBreach(problem: SelectionProblem, committed: readonly boolean[]): string | undefined {
  const view = linkView(problem);
  if (!view) return undefined;
  const name = (p: number) => problem.candidates[p]!.name ?? `#${problem.candidates[p]!.index + 1}`;
  for (let i = 0; i < committed.length; i++) {
    if (!committed[i]) continue;
    const missing = view.closure[i]!.find((r) => !committed[r]);
    if (missing !== undefined) return `${name(i)} would be committed without ${name(missing)}, which it requires`;
    const alternative = view.alternatives[i]!.find((a) => committed[a]);
    if (alternative !== undefined) return `${name(i)} and ${name(alternative)}, alternatives, would both be committed`;
  }
  return undefined;
}

/**
 * Commit, in rank order, every open candidate that still fits and adds no less than nothing.
 * The solver is indifferent to candidates worth 0 (an unknown annual value); rank and fill is not,
 * so room the optimum leaves idle goes to them in rank order. Never lowers the objective.
 */
export function topUp(original: SelectionProblem, committed: readonly boolean[], objective: Objective): boolean[] {
  const problem = settled(original);
  const view = linkView(problem);
  const result = [...committed];
  const residual = residualLimits(problem);
  const left = new Map(residual.teams);
  let slots = residual.inFlight;
  problem.candidates.forEach((c, i) => {
    if (!result[i] || c.status !== 'open') return;
    slots--;
    for (const [team, amount] of Object.entries(c.demand)) if (left.has(team)) left.set(team, left.get(team)! - amount);
  });
  problem.candidates.forEach((c, i) => {
    if (result[i] || c.status !== 'open' || slots < 1 || objectiveOf(c, objective) < 0) return;
    // With dependencies, only what needs nothing more and has no alternative in the plan.
    if (view && (view.closure[i]!.some((r) => !result[r]) || view.alternatives[i]!.some((a) => result[a]))) return;
    const fits = Object.entries(c.demand).every(([team, amount]) => amount <= 0 || !left.has(team) || amount <= left.get(team)! + EPSILON);
    if (!fits) return;
    result[i] = true;
    slots--;
    for (const [team, amount] of Object.entries(c.demand)) if (left.has(team)) left.set(team, left.get(team)! - amount);
  });
  return result;
}

/**
 * A bound on the best possible objective that needs no solver: each limit on its own, with
 * initiatives divisible (the in-flight limit takes the best few; a team fills its capacity by
 * objective per unit of demand). The smallest of these holds for every plan, so a stated gap
 * is always proven, even when the solver stops before it proves a bound of its own.
 */
export function simpleBound(problem: SelectionProblem, objective: Objective): number {
  const residual = residualLimits(problem);
  let forced = 0;
  const open: Candidate[] = [];
  for (const c of problem.candidates) {
    if (c.status === 'forced-in') forced += objectiveOf(c, objective);
    const fitsAlone = Object.entries(c.demand).every(([team, amount]) => amount <= 0 || !residual.teams.has(team) || amount <= residual.teams.get(team)! + EPSILON);
    if (c.status === 'open' && fitsAlone && objectiveOf(c, objective) > 0) open.push(c);
  }
  const worth = open.map((c) => objectiveOf(c, objective)).sort((a, b) => b - a);
  const bounds = [worth.slice(0, residual.inFlight).reduce((sum, v) => sum + v, 0)];
  for (const team of problem.teams) {
    let room = residual.teams.get(team.name) ?? 0;
    let total = 0;
    const users: { value: number; amount: number }[] = [];
    for (const c of open) {
      const amount = c.demand[team.name] ?? 0;
      if (amount > 0) users.push({ value: objectiveOf(c, objective), amount });
      else total += objectiveOf(c, objective);
    }
    users.sort((a, b) => b.value / b.amount - a.value / a.amount);
    for (const u of users) {
      if (room <= 0) break;
      const share = Math.min(1, room / u.amount);
      total += share * u.value;
      room -= share * u.amount;
    }
    bounds.push(total);
  }
  return forced + Math.min(...bounds);
}

/**
 * The part of a wanted plan that fits this problem: forced-in work, then each wanted open candidate
 * in rank order that still fits. A drawn future starts from the plan's own choice this way, though
 * its larger demands may no longer hold all of it.
 */
export function fitted(original: SelectionProblem, wanted: readonly boolean[], objective: Objective): boolean[] {
  const problem = settled(original);
  const candidates = problem.candidates.map((c, i) => (c.status === 'open' && !wanted[i] ? { ...c, status: 'forced-out' as const } : c));
  return topUp({ ...problem, candidates }, problem.candidates.map((c) => c.status === 'forced-in'), objective);
}
