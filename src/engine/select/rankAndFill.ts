// Rank and fill: walk the ranking and commit each initiative while every team's
// capacity and the in-flight limit still hold. The method Project Online's
// resource analysis uses; simple to explain, but no optimiser.

import { bindingFor, deferral, fixedDecision, type Selection, type SelectionProblem } from './problem';
import type { Decision, DeferralConstraint } from '../types';

export function rankAndFill(problem: SelectionProblem): Selection {
  const remaining = new Map(problem.teams.map((t) => [t.name, t.capacity]));
  let inFlight = 0;
  const take = (demand: Record<string, number>) => {
    for (const [team, amount] of Object.entries(demand)) remaining.set(team, (remaining.get(team) ?? 0) - amount);
    inFlight++;
  };
  // Forced-in candidates come first in the ranking, so they take capacity before anything else.
  const decisions: Decision[] = [];
  const binding: (DeferralConstraint | undefined)[] = [];
  for (const candidate of problem.candidates) {
    const fixed = fixedDecision(candidate.status);
    if (fixed === 'Forced in') take(candidate.demand);
    if (fixed) {
      decisions.push(fixed);
      binding.push(undefined);
      continue;
    }
    const constraint = bindingFor(candidate, remaining, problem.teams, inFlight, problem.inFlightLimit);
    if (constraint) {
      decisions.push(deferral(constraint));
      binding.push(constraint);
    } else {
      take(candidate.demand);
      decisions.push('Commit');
      binding.push(undefined);
    }
  }
  return { decisions, binding };
}
