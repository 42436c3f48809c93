// The selection problem every method solves, and what a selection returns.
// Methods differ only in which open candidates they choose; the rules for
// gated, forced-in and forced-out candidates are shared here.

import { memoised } from '../memo';
import type { Decision, DeferralConstraint, OverrideChoice, Team, TeamShortfall } from '../types';

export type CandidateStatus = 'gated' | 'forced-in' | 'forced-out' | 'open';

export type Candidate = {
  /** Index of the assessment this candidate stands for. */
  index: number;
  status: CandidateStatus;
  priority: number;
  annualValue: number;
  demand: Record<string, number>;
};

export type SelectionProblem = {
  /** Candidates in rank order: forced-in first, then by priority score with the stated tie rule. */
  candidates: Candidate[];
  teams: Team[];
  inFlightLimit: number;
};

export type Selection = {
  /** One decision per candidate, in the problem's candidate order. */
  decisions: Decision[];
  binding: (DeferralConstraint | undefined)[];
};

export const EPSILON = 1e-9;

export function candidateStatus(committable: boolean, override: OverrideChoice | undefined): CandidateStatus {
  if (override === 'Out') return 'forced-out';
  if (!committable) return 'gated';
  return override === 'In' ? 'forced-in' : 'open';
}

/** Capacity left per team once `chosen` candidates are in. Negative when forced-in work overflows a team. */
export function remainingCapacity(problem: SelectionProblem, chosen: readonly boolean[]): Map<string, number> {
  const remaining = new Map(problem.teams.map((t) => [t.name, t.capacity]));
  problem.candidates.forEach((c, i) => {
    if (!chosen[i]) return;
    for (const [team, amount] of Object.entries(c.demand)) remaining.set(team, (remaining.get(team) ?? 0) - amount);
  });
  return remaining;
}

/** Makes the shortfall of a team by what is needed and what is left. */
export type ShortfallOf = (team: Team, needed: number, left: number) => TeamShortfall;

const newShortfall: ShortfallOf = (team, needed, left) => ({ team: team.name, needed, left, unit: team.unit });

/**
 * A maker that shares equal shortfalls within one selection. A team that has run out stays out down
 * the ranking, so thousands of deferrals are short of it by the same few amounts: at 10,000
 * initiatives, 14,000 shortfalls have 48 distinct values. Shared: never change one.
 */
export function sharedShortfalls(): ShortfallOf {
  const made = memoised((team: Team) => memoised((needed: number) => memoised((left: number) => newShortfall(team, needed, left))));
  return (team, needed, left) => made(team)(needed)(left);
}

/** Why `candidate` does not fit on top of what is left: the full teams and whether the in-flight limit is reached. */
export function bindingFor(
  candidate: Candidate,
  remaining: ReadonlyMap<string, number>,
  teams: readonly Team[],
  inFlight: number,
  inFlightLimit: number,
  shortfallOf: ShortfallOf = newShortfall,
): DeferralConstraint | undefined {
  // Allocated only for a deferral: most candidates down a long ranking are checked and fit.
  let shortfalls: TeamShortfall[] | undefined;
  for (const team of teams) {
    const needed = candidate.demand[team.name] ?? 0;
    const left = remaining.get(team.name) ?? 0;
    // A team the candidate does not need never holds it back, even when forced-in work has overflowed it.
    if (needed > 0 && needed > left + EPSILON) (shortfalls ??= []).push(shortfallOf(team, needed, Math.max(0, left)));
  }
  const limitReached = inFlight >= inFlightLimit;
  if (!limitReached && shortfalls === undefined) return undefined;
  return limitReached ? { teams: shortfalls ?? [], inFlightLimit } : { teams: shortfalls ?? [] };
}

export const deferral = (binding: DeferralConstraint): Decision =>
  binding.inFlightLimit !== undefined ? 'Deferred (in-flight limit)' : 'Deferred (capacity)';

/** The fixed part of every selection: gated rows are not ready, overrides are honoured. */
export function fixedDecision(status: CandidateStatus): Decision | undefined {
  switch (status) {
    case 'gated':
      return 'Not ready';
    case 'forced-out':
      return 'Forced out';
    case 'forced-in':
      return 'Forced in';
    case 'open':
      return undefined;
  }
}

/**
 * Decisions for a chosen set, with each unchosen open candidate's binding constraint
 * measured against the final plan. Used by every method that picks a set at once.
 */
export function decisionsForChosenSet(problem: SelectionProblem, chosen: readonly boolean[]): Selection {
  const remaining = remainingCapacity(problem, chosen);
  const inFlight = chosen.filter(Boolean).length;
  const decisions: Decision[] = [];
  const binding: (DeferralConstraint | undefined)[] = [];
  const shortfallOf = sharedShortfalls();
  problem.candidates.forEach((candidate, i) => {
    const fixed = fixedDecision(candidate.status);
    if (fixed) {
      decisions.push(fixed);
      binding.push(undefined);
      return;
    }
    if (chosen[i]) {
      decisions.push('Commit');
      binding.push(undefined);
      return;
    }
    const constraint = bindingFor(candidate, remaining, problem.teams, inFlight, problem.inFlightLimit, shortfallOf) ?? { teams: [] };
    decisions.push(deferral(constraint));
    binding.push(constraint);
  });
  return { decisions, binding };
}
