// "What it would take" for a deferred initiative, checked: each single change
// (a cut in its demand, a higher score, one more in-flight slot) is applied to
// the selection problem and the plan is re-run with the plan's own method. A
// change is offered only when the initiative then goes in, and says what else
// enters or leaves. A cut never goes to nothing: a team it needs stays needed.
//
// Written as a generator that yields the problems it needs evaluated, like the
// rest of the economics (bottlenecks.ts), so rank and fill runs it synchronously
// and the solver asynchronously.

import { EPSILON, type SelectionProblem } from './select/problem';
import type { DeferralConstraint } from './types';

/** A verified change: what it is, and what the re-run plan does besides bringing the initiative in. */
export type Remedy = (
  | { kind: 'cut'; cuts: { team: string; unit: string; by: number; to: number }[] }
  | { kind: 'score'; from: number; to: number; overtakes?: string }
  | { kind: 'in-flight'; limit: number }
) & {
  /** Others that enter with it, and those that leave, in rank order. */
  enters: string[];
  leaves: string[];
  /** Proven gap of the re-run (0 for rank and fill). */
  gap: number;
};

/** What a re-run did: committed per candidate of the variant; undefined when it could not be worked out. */
export type Trial = { committed: readonly boolean[]; gap: number } | undefined;

/** What the generator asks for: the variant problem to plan, and a plan known to be feasible for it. */
export type TrialRequest = { problem: SelectionProblem; hint?: boolean[] };

export type RemedyContext = {
  problem: SelectionProblem;
  /** The plan, committed per candidate. */
  committed: readonly boolean[];
  /** The plan's committed initiatives (assessment indices): what every trial is compared with. */
  planned: ReadonlySet<number>;
  /** Position → name, in rank order compare. */
  nameOf: (assessmentIndex: number) => string;
  rankOf: (assessmentIndex: number) => number;
};

export type RemedySearch = {
  remedies: Remedy[];
  /** Some re-run could not be worked out (a time budget): "none" would not be proven. */
  incomplete: boolean;
};

/** Capacity each team has left beside the whole plan. */
export function residualBesidePlan(problem: SelectionProblem, committed: readonly boolean[]): Map<string, number> {
  const left = new Map(problem.teams.map((t) => [t.name, t.capacity]));
  problem.candidates.forEach((c, i) => {
    if (!committed[i]) return;
    for (const [team, amount] of Object.entries(c.demand)) if (left.has(team)) left.set(team, left.get(team)! - amount);
  });
  return left;
}

/** The variant with candidate `p`'s demand on some teams set lower. */
function withDemand(problem: SelectionProblem, p: number, to: ReadonlyMap<string, number>): SelectionProblem {
  const c = problem.candidates[p]!;
  const demand = { ...c.demand };
  for (const [team, amount] of to) demand[team] = amount;
  return { ...problem, candidates: problem.candidates.map((x, i) => (i === p ? { ...c, demand } : x)) };
}

/** Round a cut target down to a quarter unit, so the advice is a number the room can type. */
const quarterDown = (x: number): number => Math.floor(x * 4 + EPSILON) / 4;

/**
 * The cuts to try: first only the teams that held it back, each to what it had left at the initiative's
 * turn (the smallest cut; others may have to leave), then every team it needs to what the whole plan
 * leaves (so nothing else has to move). A cut to nothing is never one: a team it needs stays needed.
 */
function cutTargets(ctx: RemedyContext, p: number, binding: DeferralConstraint | undefined, residual: ReadonlyMap<string, number>): Map<string, number>[] {
  const c = ctx.problem.candidates[p]!;
  const targets: Map<string, number>[] = [];
  const atTurn = new Map<string, number>();
  for (const t of binding?.teams ?? []) atTurn.set(t.team, quarterDown(Math.max(0, t.left)));
  if (atTurn.size > 0 && [...atTurn.values()].every((to) => to > EPSILON)) targets.push(atTurn);
  const beside = new Map<string, number>();
  for (const team of ctx.problem.teams) {
    const need = c.demand[team.name] ?? 0;
    if (need <= 0) continue;
    const left = quarterDown(Math.max(0, residual.get(team.name) ?? 0));
    if (need > left + EPSILON) beside.set(team.name, left);
  }
  const same = atTurn.size === beside.size && [...atTurn].every(([team, to]) => beside.get(team) === to);
  if (beside.size > 0 && [...beside.values()].every((to) => to > EPSILON) && !same) targets.push(beside);
  return targets;
}

/** What moved between the plan and a trial, `p` itself aside; undefined when `p` is not in. */
function movesOf(ctx: RemedyContext, variant: SelectionProblem, trial: Trial, p: number): { enters: string[]; leaves: string[]; gap: number } | undefined {
  if (!trial) return undefined;
  const target = ctx.problem.candidates[p]!.index;
  const before = ctx.planned;
  const after = new Set<number>();
  trial.committed.forEach((inPlan, i) => {
    if (inPlan) after.add(variant.candidates[i]!.index);
  });
  if (!after.has(target)) return undefined;
  const named = (set: number[]) => set.sort((a, b) => ctx.rankOf(a) - ctx.rankOf(b)).map(ctx.nameOf);
  return {
    enters: named([...after].filter((i) => i !== target && !before.has(i))),
    leaves: named([...before].filter((i) => !after.has(i))),
    gap: trial.gap,
  };
}

/** The demand cuts that bring candidate `p` in, each re-run; the plan as the hint where it still holds. */
export function* cutRemedies(
  ctx: RemedyContext,
  p: number,
  binding: DeferralConstraint | undefined,
  residual: ReadonlyMap<string, number>,
): Generator<TrialRequest, RemedySearch, Trial> {
  const remedies: Remedy[] = [];
  let incomplete = false;
  const c = ctx.problem.candidates[p]!;
  const units = new Map(ctx.problem.teams.map((t) => [t.name, t.unit]));
  for (const to of cutTargets(ctx, p, binding, residual)) {
    const variant = withDemand(ctx.problem, p, to);
    const trial = yield { problem: variant, hint: [...ctx.committed] };
    if (!trial) incomplete = true;
    const moves = movesOf(ctx, variant, trial, p);
    if (!moves) continue;
    const cuts = [...to].map(([team, amount]) => ({ team, unit: units.get(team) ?? '', by: (c.demand[team] ?? 0) - amount, to: amount }));
    remedies.push({ kind: 'cut', cuts, ...moves });
    // The smallest cut that pushes nothing out is the answer: a bigger one is not worth listing.
    if (moves.leaves.length === 0) break;
  }
  return { remedies, incomplete };
}

/** One more in-flight slot (the economics' own re-run of it): a remedy when it brings `p` in. */
export function inFlightRemedy(ctx: RemedyContext, variant: SelectionProblem, trial: Trial, p: number): Remedy | undefined {
  const moves = movesOf(ctx, variant, trial, p);
  return moves && { kind: 'in-flight', limit: variant.inFlightLimit, ...moves };
}

/**
 * Rank and fill with `p` ranked just above the committed candidate at `target`, as a higher score
 * would rank it: a remedy saying what that does.
 */
export function* overtakeRemedy(ctx: RemedyContext, p: number, target: number, to: number, overtakes: string): Generator<TrialRequest, RemedySearch, Trial> {
  const moved = ctx.problem.candidates[p]!;
  const candidates = ctx.problem.candidates.filter((_, i) => i !== p);
  candidates.splice(target, 0, { ...moved, priority: to });
  const variant = { ...ctx.problem, candidates };
  const trial = yield { problem: variant };
  const moves = movesOf(ctx, variant, trial, p);
  return { remedies: moves ? [{ kind: 'score', from: moved.priority, to, overtakes, ...moves }] : [], incomplete: !trial };
}

/** A remedy found from a trial already run (the optimal method's forced-in re-solve). */
export function scoreRemedy(ctx: RemedyContext, variant: SelectionProblem, trial: Trial, p: number, from: number, to: number): Remedy | undefined {
  const moves = movesOf(ctx, variant, trial, p);
  return moves && { kind: 'score', from, to, ...moves };
}

/** Nothing else moves first, then the fewest leaving; cuts before scores before slots on a tie. */
export function byDisruption(a: Remedy, b: Remedy): number {
  const order = { cut: 0, score: 1, 'in-flight': 2 };
  return a.leaves.length - b.leaves.length || order[a.kind] - order[b.kind];
}
