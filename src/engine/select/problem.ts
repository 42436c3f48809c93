// The selection problem every method solves, and what a selection returns.
// Methods differ only in which open candidates they choose; the rules for
// gated, forced-in and forced-out candidates are shared here.

import { memoised, type Memo } from '../memo';
import type { Decision, DeferralConstraint, OverrideChoice, StartReason, Team, TeamShortfall } from '../types';
import { linkView, settled, staticBlock, type Block, type Links } from './links';

export type CandidateStatus = 'gated' | 'forced-in' | 'forced-out' | 'open';

export type Candidate = {
  /** Index of the assessment this candidate stands for. */
  index: number;
  status: CandidateStatus;
  priority: number;
  annualValue: number;
  demand: Record<string, number>;
  /** The initiative's name, for deferrals that name it (a requirement, an alternative). */
  name?: string;
  /** With horizons: whole horizons it runs (default 1), its demand needed in each. */
  duration?: number;
  /** With horizons: the index of the first horizon it may start in (default 0). */
  earliest?: number;
};

export type SelectionProblem = {
  /** Candidates in rank order: forced-in first, then by priority score with the stated tie rule. */
  candidates: Candidate[];
  teams: Team[];
  inFlightLimit: number;
  /** What candidates require and their alternatives (by `Candidate.index`); absent when none do. */
  links?: Links;
  /**
   * The run's memo (memo.ts), shared by the problems derived from this one (the economics' re-runs):
   * what the links say by position is worked out there once per candidate list. Without it, on every call.
   */
  memo?: Memo;
  /**
   * The roadmap's horizon labels, two or more: every method then also chooses when each initiative
   * starts (see roadmap.ts). Absent: one planning period.
   */
  horizons?: readonly string[];
};

/** When a committed candidate starts, the first horizon it could have started in, and why it starts then. */
export type Placement = { start: number; first: number; reason?: StartReason };

export type Selection = {
  /** One decision per candidate, in the problem's candidate order. */
  decisions: Decision[];
  binding: (DeferralConstraint | undefined)[];
  /** With horizons: per candidate, where a committed one is placed (undefined for the others). */
  placements?: (Placement | undefined)[];
};

/** True when the problem plans two or more horizons. */
export const isRoadmap = (problem: Pick<SelectionProblem, 'horizons'>): problem is { horizons: readonly string[] } =>
  problem.horizons !== undefined && problem.horizons.length >= 2;

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

/** A candidate as a deferral names it. */
export const namedCandidate = (c: Candidate): { index: number; name: string } => ({ index: c.index, name: c.name ?? `#${c.index + 1}` });

/** A `Deferred (dependency)` constraint naming the requirement of `block`, with the package's shortfalls if any. */
export function dependencyConstraint(problem: SelectionProblem, block: Block, shortfall?: DeferralConstraint, also: readonly number[] = []): DeferralConstraint {
  const { candidates } = problem;
  return {
    teams: shortfall?.teams ?? [],
    ...(shortfall?.inFlightLimit !== undefined ? { inFlightLimit: shortfall.inFlightLimit } : {}),
    requirement: {
      ...namedCandidate(candidates[block.position]!),
      reason: block.reason,
      ...(block.alternative !== undefined ? { alternative: namedCandidate(candidates[block.alternative]!) } : {}),
      ...(also.length > 0 ? { also: also.map((p) => namedCandidate(candidates[p]!)) } : {}),
    },
  };
}

/**
 * Decisions for a chosen set, with each unchosen open candidate's binding constraint
 * measured against the final plan. Used by every method that picks a set at once.
 */
export function decisionsForChosenSet(original: SelectionProblem, chosen: readonly boolean[]): Selection {
  const problem = settled(original);
  const view = linkView(problem);
  const remaining = remainingCapacity(problem, chosen);
  const inFlight = chosen.filter(Boolean).length;
  const decisions: Decision[] = [];
  const binding: (DeferralConstraint | undefined)[] = [];
  const shortfallOf = sharedShortfalls();
  problem.candidates.forEach((candidate, i) => {
    const fixed = fixedDecision(candidate.status);
    if (fixed && !(fixed === 'Forced in' && !chosen[i])) {
      decisions.push(fixed);
      binding.push(undefined);
      return;
    }
    if (chosen[i]) {
      decisions.push('Commit');
      binding.push(undefined);
      return;
    }
    const alone = bindingFor(candidate, remaining, problem.teams, inFlight, problem.inFlightLimit, shortfallOf);
    if (view) {
      const alternative = view.alternatives[i]!.find((a) => chosen[a]);
      if (alternative !== undefined) {
        decisions.push('Excluded (alternative)');
        binding.push({ teams: [], alternative: namedCandidate(problem.candidates[alternative]!) });
        return;
      }
      const missing = view.closure[i]!.find((r) => !chosen[r]);
      // A requirement whose alternative is in the plan keeps it out whatever room there is: that is the reason,
      // before any shortfall of its own. One merely left out of the plan is the reason only when it would fit.
      const clash = view.closure[i]!.find((r) => !chosen[r] && view.alternatives[r]!.some((a) => chosen[a]));
      const block =
        staticBlock(problem, view, i) ??
        (clash !== undefined ? missingBlock(view, chosen, clash) : missing !== undefined && !alone ? missingBlock(view, chosen, missing) : undefined);
      if (block) {
        decisions.push('Deferred (dependency)');
        binding.push(dependencyConstraint(problem, block));
        return;
      }
    }
    const constraint = alone ?? { teams: [] };
    decisions.push(deferral(constraint));
    binding.push(constraint);
  });
  return { decisions, binding };
}

/** Why a requirement left out of a chosen set is out: its alternative is in, or the plan simply does not hold it. */
function missingBlock(view: NonNullable<ReturnType<typeof linkView>>, chosen: readonly boolean[], missing: number): Block {
  const clash = view.alternatives[missing]!.find((a) => chosen[a]);
  return clash !== undefined ? { position: missing, reason: 'alternative in the plan', alternative: clash } : { position: missing, reason: 'not in the plan' };
}
