// Rank and fill: walk the ranking and commit each initiative while every team's
// capacity and the in-flight limit still hold. The method Project Online's
// resource analysis uses; simple to explain, but no optimiser.

import { bindingFor, deferral, EPSILON, fixedDecision, sharedShortfalls, type Selection, type SelectionProblem } from './problem';
import type { Decision, DeferralConstraint } from '../types';

/**
 * What rank and fill commits (per candidate), without the decisions and binding constraints:
 * the lean form the bottleneck economics re-run hundreds of times.
 */
export function rankAndFillCommitted(problem: SelectionProblem): boolean[] {
  const teams = problem.teams.map((t) => t.name);
  const left = problem.teams.map((t) => t.capacity);
  let inFlight = 0;
  return problem.candidates.map((c) => {
    if (c.status === 'gated' || c.status === 'forced-out') return false;
    const demand = teams.map((t) => c.demand[t] ?? 0);
    if (c.status === 'open') {
      if (inFlight >= problem.inFlightLimit) return false;
      for (let t = 0; t < demand.length; t++) if (demand[t]! > 0 && demand[t]! > left[t]! + EPSILON) return false;
    }
    for (let t = 0; t < demand.length; t++) left[t]! -= demand[t]!;
    inFlight++;
    return true;
  });
}

export function rankAndFill(problem: SelectionProblem): Selection {
  const remaining = new Map(problem.teams.map((t) => [t.name, t.capacity]));
  let inFlight = 0;
  const take = (demand: Record<string, number>) => {
    for (const team in demand) remaining.set(team, (remaining.get(team) ?? 0) - demand[team]!);
    inFlight++;
  };
  // Forced-in candidates come first in the ranking, so they take capacity before anything else.
  const count = problem.candidates.length;
  const decisions = new Array<Decision>(count);
  const binding = new Array<DeferralConstraint | undefined>(count).fill(undefined);
  const shortfallOf = sharedShortfalls();
  for (let position = 0; position < count; position++) {
    const candidate = problem.candidates[position]!;
    const fixed = fixedDecision(candidate.status);
    if (fixed === 'Forced in') take(candidate.demand);
    if (fixed) {
      decisions[position] = fixed;
      continue;
    }
    const constraint = bindingFor(candidate, remaining, problem.teams, inFlight, problem.inFlightLimit, shortfallOf);
    if (constraint) {
      decisions[position] = deferral(constraint);
      binding[position] = constraint;
    } else {
      take(candidate.demand);
      decisions[position] = 'Commit';
    }
  }
  return { decisions, binding };
}

/**
 * Rank and fill's answer to "what score would it need": for each deferred candidate, the committed
 * candidate it would have to be ranked above to fit, or undefined when it does not fit even first in line.
 * The capacity left before each position only shrinks down the ranking, so the last position where the
 * candidate still fits is found by bisection.
 */
export function rankAndFillOvertakes(problem: SelectionProblem): (position: number) => number | undefined {
  const n = problem.candidates.length;
  const teams = problem.teams.map((t) => t.name);
  const left = teams.map(() => new Float64Array(n + 1));
  const inFlight = new Int32Array(n + 1);
  const remaining = problem.teams.map((t) => t.capacity);
  let count = 0;
  for (let p = 0; p <= n; p++) {
    teams.forEach((_, t) => (left[t]![p] = remaining[t]!));
    inFlight[p] = count;
    if (p === n) break;
    const c = problem.candidates[p]!;
    const takes = c.status === 'forced-in' || (c.status === 'open' && fitsAt(c.demand, p));
    if (!takes) continue;
    count++;
    teams.forEach((team, t) => (remaining[t]! -= c.demand[team] ?? 0));
  }
  function fitsAt(demand: Record<string, number>, p: number): boolean {
    if (inFlight[p]! >= problem.inFlightLimit) return false;
    return teams.every((team, t) => {
      const needed = demand[team] ?? 0;
      return !(needed > 0 && needed > left[t]![p]! + EPSILON);
    });
  }
  const forcedIn = problem.candidates.findIndex((c) => c.status !== 'forced-in');
  const first = forcedIn < 0 ? n : forcedIn;
  return (position) => {
    const demand = problem.candidates[position]!.demand;
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
