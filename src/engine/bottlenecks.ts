// The economics of the bottlenecks: what one more unit of each team's capacity
// (and one more in-flight slot) would add to the plan, what each override
// costs, and what would bring each deferred initiative in. Every figure shown
// comes from re-running the plan's own method with the one change, so the
// numbers match the plan the room sees; LP shadow prices only decide which
// re-solves to spend time on when there are many, and stand in (labelled as
// estimates) for those a limit or the time budget leaves out.
//
// The steps are written once, as a generator that yields the plans it needs
// evaluated: rank and fill drives it synchronously, the solver asynchronously.

import { capacityText, deferredText, enablerText, overrideText } from './bottleneckText';
import { capacityIn } from './horizons';
import { withDependencies } from './dependencies';
import { liftedPosition, rankOrder, selectionProblem, type Ranked } from './ranking';
import { linkView } from './select/links';
import { byDisruption, cutRemedies, inFlightRemedy, overtakeRemedy, residualBesidePlan, scoreRemedy, type Remedy, type RemedyContext } from './remedies';
import { candidateStatus } from './select/problem';
import { formatGap, formatMoney, trim } from './format';
import { MIP_RELATIVE_GAP, selectOptimal, type Relaxation } from './select/optimal';
import type { Clock, Solver } from './select/solver';
import { EPSILON, isRoadmap, type SelectionProblem } from './select/problem';
import { rankAndFillCommitted, rankAndFillOvertakes } from './select/rankAndFill';
import { fillRoadmap } from './select/roadmap';
import { startWorth } from './select/roadmapOptimal';
import { objectiveOf, residualLimits } from './select/selectionModel';
import type { Decision, DeferralConstraint, DependencyReason, Objective, OverrideChoice, SelectionMethod } from './types';

export type CapacityFinding = {
  kind: 'team' | 'in-flight';
  /** Team name, or "In-flight limit". */
  name: string;
  /** The team's unit, or "initiative". */
  unit: string;
  /** How much more capacity the finding is about (one unit). */
  step: number;
  /** From re-running the method with the extra unit; false: only the LP estimate below. */
  exact: boolean;
  objectiveGain: number | undefined;
  valueGain: number | undefined;
  /** Initiatives the extra unit brings in, and any it pushes out, in rank order. */
  enters: string[];
  leaves: string[];
  /** LP relaxation shadow price per unit (optimal method). */
  shadowPrice?: number;
  /** Proven relative gap of the re-solve: 0 when proven best. */
  gap: number;
  /** On a roadmap, a team's finding is about one more unit in this horizon alone (the in-flight limit's holds in every one). */
  horizon?: string;
  /** On a roadmap: initiatives committed with and without the extra unit that start at another time, in rank order. */
  moves?: StartShift[];
  /** On a roadmap: what the extra unit changes in the value delivered within the horizons (see `deliveredValue`). */
  deliveredGain?: number;
  /** On a roadmap: the horizon each of `enters` starts in. */
  entersAt?: string[];
  text: string;
};

/** An initiative that starts at another time: "Claims triage moves from H2 to H1". */
export type StartShift = { name: string; from: string; to: string };

export type OverrideFinding = {
  key: string;
  name: string;
  choice: OverrideChoice;
  reason: string;
  objectiveWith: number;
  objectiveWithout: number | undefined;
  valueWith: number;
  valueWithout: number | undefined;
  /** Objective without the override minus with it: what the override costs the plan (negative: it gains). */
  cost: number | undefined;
  valueCost: number | undefined;
  /** What would change without the override. */
  enters: string[];
  leaves: string[];
  gap: number;
  text: string;
};

export type DemandCut = { team: string; unit: string; by: number; to: number };

export type ScoreNeeded = {
  /** What would have to rise: the priority score, or the annual value when the optimiser maximises value. */
  measure: Objective;
  now: number;
  /** Undefined when no value of the measure alone would bring it in. */
  needed: number | undefined;
  /** Rank and fill: the committed initiative it would have to overtake in the ranking. */
  overtakes?: string;
  gap: number;
};

/** What a dependency-deferred initiative waits for, or the alternative that keeps it out. */
export type WaitsFor = {
  /** The requirement it waits for; absent for `Excluded (alternative)`. */
  requirement?: string;
  reason?: DependencyReason;
  /** For a requirement not ready: its gate and what it lacks, as the gate says it. */
  gate?: string;
  /** The alternative in the plan (`Excluded (alternative)`, or the requirement's own alternative). */
  alternative?: string;
};

export type DeferredFinding = {
  key: string;
  name: string;
  decision: Decision;
  /** `Deferred (dependency)` and `Excluded (alternative)`: what it waits for; the demand cuts are then the whole package's. */
  waitsFor?: WaitsFor;
  /** The smallest verified cut in its demand that brings it in (empty when no cut alone does); for one waiting on a requirement, the whole package's shortfall. */
  demandCuts: DemandCut[];
  needsInFlightSlot: boolean;
  /** Absent when not analysed (see the notes). */
  scoreNeeded?: ScoreNeeded;
  /** Each single change that brings it in, checked by re-running the plan with it, least disruptive first. */
  remedies: Remedy[];
  /** Some change could not be checked (time budget, or not analysed): an empty `remedies` is then not "none". */
  unchecked: boolean;
  text: string;
};

/** A shared enabler the plan commits: what the plan loses without it, and how its cost is shared. */
export type EnablerFinding = {
  key: string;
  name: string;
  /** The committed initiatives that require it, directly or through a chain, in rank order. */
  unlocks: string[];
  /** Its own demand per team (only teams it needs). */
  demand: { team: string; unit: string; amount: number }[];
  /** Committed value and objective of the plan with it minus without it (re-run with it forced out); undefined when not worked out. */
  valueLost: number | undefined;
  objectiveLost: number | undefined;
  /** What changes without it. */
  enters: string[];
  leaves: string[];
  gap: number;
  text: string;
};

export type Bottlenecks = {
  /** The method the figures come from: the one that chose the plan. */
  method: SelectionMethod;
  objective: Objective;
  currency: string;
  baseObjective: number;
  baseValue: number;
  /** Most valuable first. */
  capacity: CapacityFinding[];
  overrides: OverrideFinding[];
  /** Shared enablers in the plan, the most valuable first (empty without dependencies). */
  enablers: EnablerFinding[];
  /** In rank order. */
  deferred: DeferredFinding[];
  /** What the figures mean and where they were limited, in words. */
  notes: string[];
};

/** How many deferred initiatives the findings list, highest-ranked first. */
export const LISTED = 50;

/** How many re-solves the optimal method spends, so a large portfolio still answers in seconds. */
export type EconomicsLimits = { teams: number; overrides: number; deferred: number; enablers?: number };
export const DEFAULT_LIMITS: EconomicsLimits = { teams: 8, overrides: 10, deferred: 10, enablers: 10 };

/** The plan the economics explain. */
export type EconomicsBase = {
  ranked: Ranked;
  problem: SelectionProblem;
  /** Committed per candidate of `problem`, forced-in included. */
  committed: readonly boolean[];
  binding: readonly (DeferralConstraint | undefined)[];
  decisions: readonly Decision[];
  method: SelectionMethod;
  objective: Objective;
  relaxation?: Relaxation;
  /** Proven gap of the plan itself (0 for rank and fill). */
  planGap: number;
  /** On a roadmap: the horizon each candidate of `problem` starts in, −1 when not committed. */
  starts?: ArrayLike<number>;
};

/** A plan to evaluate; `hint` is a feasible plan for it (committed per candidate), when one is known. */
export type EvaluationRequest = { problem: SelectionProblem; hint?: boolean[] };
/**
 * Committed per candidate of the request's problem, and the proven gap; on a roadmap, the start of each
 * (−1 when not committed). Undefined when it could not be evaluated.
 */
export type Evaluation = { committed: boolean[]; gap: number; starts?: ArrayLike<number> } | undefined;

export type EconomicsSteps = Generator<EvaluationRequest, Bottlenecks, Evaluation>;

/** What a plan adds up to. On a roadmap (with starts) the objective is the roadmap's own, and `starts` and `delivered` are set. */
type Totals = { objective: number; value: number; set: Set<number>; starts?: Map<number, number>; delivered?: number };

function totals(problem: SelectionProblem, committed: readonly boolean[], objective: Objective, starts?: ArrayLike<number>): Totals {
  const set = new Set<number>();
  let total = 0;
  let value = 0;
  const roadmap = isRoadmap(problem) && starts !== undefined;
  const at = roadmap ? new Map<number, number>() : undefined;
  let delivered = 0;
  problem.candidates.forEach((c, i) => {
    if (!committed[i]) return;
    set.add(c.index);
    value += c.annualValue;
    if (!roadmap) {
      total += objectiveOf(c, objective);
      return;
    }
    const h = Math.max(0, starts[i]!);
    at!.set(c.index, h);
    total += startWorth(problem, i, h, objective);
    delivered += deliveredValue(problem, i, h);
  });
  return { objective: total, value, set, ...(at ? { starts: at, delivered } : {}) };
}

/**
 * The value an initiative delivers within the roadmap's horizons, taken together as one year: what the
 * Optimal method maximises with `Optimise for: Annual value` (see roadmapOptimal.ts).
 */
const deliveredValue = (problem: SelectionProblem & { horizons: readonly string[] }, p: number, start: number): number => startWorth(problem, p, start, 'Annual value');

/**
 * The base problem with one override lifted, re-ranked as the engine would rank it: the lifted candidate
 * moves to where its score puts it and the others keep their order. Candidates other than the lifted one
 * are the base problem's own objects, so hundreds of overrides on a large portfolio cost one copy of the
 * candidate list each. An initiative forced in with what it requires takes those requirements' forcing
 * with it: the dependencies are worked out again without it.
 */
function problemWithoutOverride(base: EconomicsBase, index: number): SelectionProblem {
  const { ranked, problem } = base;
  const a = ranked.assessments[index]!;
  if (a.override === 'In' && (a.forcesIn?.length ?? 0) > 0) return problemWithoutPackage(ranked, index);
  // The problem's candidates are the ranking's, in its order.
  const candidates = problem.candidates.filter((c) => c.index !== index);
  const own = problem.candidates.find((c) => c.index === index)!;
  candidates.splice(liftedPosition(ranked, index), 0, { ...own, status: candidateStatus(a.gate.committable, undefined) });
  return { ...problem, candidates };
}

/** The whole portfolio re-ranked with a forced package's override lifted (rare: only forced packages pay for the sort). */
function problemWithoutPackage(ranked: Ranked, index: number): SelectionProblem {
  const assessments = ranked.assessments.map(({ forcedBy: _by, forcesIn: _in, ranksWith: _with, ...a }, i) => (i === index ? { ...a, override: undefined } : a));
  const { ranking, links } = withDependencies(assessments, rankOrder(assessments), [], '');
  return selectionProblem({ ...ranked, assessments, ranking, links });
}

/** `set` (assessment indices) as committed-per-candidate of `problem`. */
const asCommitted = (problem: SelectionProblem, set: ReadonlySet<number>): boolean[] => problem.candidates.map((c) => set.has(c.index));

export function* economicsSteps(base: EconomicsBase, limits: EconomicsLimits = DEFAULT_LIMITS): EconomicsSteps {
  const { ranked, problem, objective } = base;
  const currency = ranked.settings.currency;
  const names = ranked.assessments.map((a) => a.initiative.name);
  const position = new Map(ranked.ranking.map((index, rank) => [index, rank]));
  const inRankOrder = (set: Iterable<number>) => [...set].sort((a, b) => position.get(a)! - position.get(b)!).map((i) => names[i]!);
  const horizons = isRoadmap(problem) && base.starts ? problem.horizons : undefined;
  const before = totals(problem, base.committed, objective, horizons && base.starts);
  const notes: string[] = [];
  const exactMethod = base.method === 'Rank and fill';

  const compare = (variant: SelectionProblem, evaluation: Evaluation) => {
    if (!evaluation) return undefined;
    const after = totals(variant, evaluation.committed, objective, horizons && evaluation.starts);
    const entering = [...after.set].filter((i) => !before.set.has(i)).sort((a, b) => position.get(a)! - position.get(b)!);
    return {
      after,
      gap: evaluation.gap,
      enters: entering.map((i) => names[i]!),
      leaves: inRankOrder([...before.set].filter((i) => !after.set.has(i))),
      /** On a roadmap, the horizon each one entering starts in. */
      entersAt: horizons && after.starts ? entering.map((i) => horizons[after.starts!.get(i)!]!) : undefined,
    };
  };

  /** Committed with and without the change, starting at another time, in rank order. */
  const shifts = (after: Totals): StartShift[] => {
    if (!horizons || !before.starts || !after.starts) return [];
    const moved = [...after.starts].filter(([i, h]) => before.starts!.has(i) && before.starts!.get(i) !== h).map(([i]) => i);
    return moved
      .sort((a, b) => position.get(a)! - position.get(b)!)
      .map((i) => ({ name: names[i]!, from: horizons[before.starts!.get(i)!]!, to: horizons[after.starts!.get(i)!]! }));
  };

  /** What one more unit changed, as a capacity finding states it (undefined gains when the re-solve gave no answer). */
  const gainOf = (diff: ReturnType<typeof compare>) => ({
    exact: diff !== undefined,
    objectiveGain: diff && diff.after.objective - before.objective,
    valueGain: diff && diff.after.value - before.value,
    enters: diff?.enters ?? [],
    leaves: diff?.leaves ?? [],
    gap: diff?.gap ?? 0,
    ...(horizons && diff?.after.delivered !== undefined
      ? { moves: shifts(diff.after), deliveredGain: diff.after.delivered - before.delivered!, ...(diff.entersAt ? { entersAt: diff.entersAt } : {}) }
      : {}),
  });

  // One more unit of each team, and one more in-flight slot.
  const capacity: CapacityFinding[] = [];
  const prices = base.relaxation?.teamPrices;
  const teams = [...problem.teams].sort((a, b) => (prices ? (prices.get(b.name) ?? 0) - (prices.get(a.name) ?? 0) : 0));
  const resolved = exactMethod ? teams.length : Math.min(teams.length, limits.teams);
  if (horizons) {
    // On a roadmap, one more unit of a team in each horizon on its own: what it brings in, or brings forward.
    const cells = fullestFirst(problem, horizons, base.starts!);
    const worked = exactMethod ? cells.length : Math.min(cells.length, limits.teams * ROADMAP_CELLS_PER_TEAM);
    const found: { at: number; finding: CapacityFinding }[] = [];
    for (const [rank, { team, t, h }] of cells.entries()) {
      const common = { kind: 'team' as const, name: team.name, unit: team.unit, step: 1, horizon: horizons[h]! };
      const at = t * horizons.length + h;
      if (rank >= worked) {
        const finding = { ...common, exact: false, objectiveGain: undefined, valueGain: undefined, enters: [], leaves: [], gap: 0, text: '' };
        found.push({ at, finding: { ...finding, text: capacityText(finding, objective, currency) } });
        continue;
      }
      const byHorizon = horizons.map((_, k) => capacityIn(team, k) + (k === h ? 1 : 0));
      const variant = { ...problem, teams: problem.teams.map((x) => (x.name === team.name ? { ...x, byHorizon } : x)) };
      const diff = compare(variant, yield { problem: variant, hint: [...base.committed] });
      const finding = { ...common, ...gainOf(diff), text: '' };
      found.push({ at, finding: { ...finding, text: capacityText(finding, objective, currency) } });
    }
    // In the teams' and the horizons' order, so equal gains read H1 before H2 (the sort below is stable).
    capacity.push(...found.sort((a, b) => a.at - b.at).map((f) => f.finding));
    if (worked < cells.length) {
      notes.push(`Only the ${worked} fullest teams and horizons (the most of their capacity used by the plan) were re-solved; the other ${cells.length - worked} are not worked out.`);
    }
  }
  for (const [rank, team] of (horizons ? [] : teams).entries()) {
    const shadowPrice = prices ? (prices.get(team.name) ?? 0) : undefined;
    const common = { kind: 'team' as const, name: team.name, unit: team.unit, step: 1, ...(shadowPrice !== undefined ? { shadowPrice } : {}) };
    if (rank >= resolved) {
      const finding = { ...common, exact: false, objectiveGain: undefined, valueGain: undefined, enters: [], leaves: [], gap: 0, text: '' };
      capacity.push({ ...finding, text: capacityText(finding, objective, currency) });
      continue;
    }
    const variant = { ...problem, teams: problem.teams.map((t) => (t.name === team.name ? { ...t, capacity: t.capacity + 1 } : t)) };
    const diff = compare(variant, yield { problem: variant, hint: [...base.committed] });
    const finding = { ...common, ...gainOf(diff), text: '' };
    capacity.push({ ...finding, text: capacityText(finding, objective, currency) });
  }
  if (resolved < teams.length) {
    notes.push(`Only the ${resolved} teams with the highest LP shadow prices were re-solved; the other ${teams.length - resolved} show the LP estimate per unit.`);
  }
  let inFlightTrial: { variant: SelectionProblem; evaluation: Evaluation } | undefined;
  {
    const variant = { ...problem, inFlightLimit: problem.inFlightLimit + 1 };
    const evaluation = yield { problem: variant, hint: [...base.committed] };
    inFlightTrial = { variant, evaluation };
    const diff = compare(variant, evaluation);
    const finding = {
      kind: 'in-flight' as const,
      name: 'In-flight limit',
      unit: 'initiative',
      step: 1,
      ...gainOf(diff),
      ...(base.relaxation ? { shadowPrice: base.relaxation.inFlightPrice } : {}),
      text: '',
    };
    capacity.push({ ...finding, text: capacityText(finding, objective, currency) });
  }
  capacity.sort(
    (a, b) =>
      (b.objectiveGain ?? -Infinity) - (a.objectiveGain ?? -Infinity) ||
      (b.deliveredGain ?? -Infinity) - (a.deliveredGain ?? -Infinity) ||
      (b.valueGain ?? -Infinity) - (a.valueGain ?? -Infinity),
  );

  // What each override costs: the plan with it against the plan without it.
  const overrides: OverrideFinding[] = [];
  const overridden = ranked.ranking.filter((i) => ranked.assessments[i]!.override !== undefined);
  const overrideLimit = Math.min(overridden.length, limits.overrides);
  for (const index of overridden.slice(0, overrideLimit)) {
    const a = ranked.assessments[index]!;
    const common = { key: a.initiative.key, name: a.initiative.name, choice: a.override!, reason: a.initiative.overrideReason ?? '', objectiveWith: before.objective, valueWith: before.value };
    let finding: OverrideFinding;
    if (a.override === 'Out' && !a.gate.committable) {
      // Not ready anyway: lifting the override changes nothing.
      finding = { ...common, objectiveWithout: before.objective, valueWithout: before.value, cost: 0, valueCost: 0, enters: [], leaves: [], gap: 0, text: '' };
    } else {
      const variant = problemWithoutOverride(base, index);
      const diff = compare(variant, yield { problem: variant, hint: asCommitted(variant, before.set) });
      finding = {
        ...common,
        objectiveWithout: diff?.after.objective,
        valueWithout: diff?.after.value,
        cost: diff && diff.after.objective - before.objective,
        valueCost: diff && diff.after.value - before.value,
        enters: diff?.enters ?? [],
        leaves: diff?.leaves ?? [],
        gap: diff?.gap ?? 0,
        text: '',
      };
    }
    overrides.push({ ...finding, text: overrideText(finding, objective, currency) });
  }
  if (overrideLimit < overridden.length) notes.push(`Only the first ${overrideLimit} of ${overridden.length} overrides, in rank order, were costed.`);

  // What each shared enabler in the plan is worth: the plan re-run with it forced out.
  const enablers: EnablerFinding[] = [];
  const view = linkView(problem);
  if (view) {
    const shared = problem.candidates.flatMap((c, p) => (c.status === 'open' && base.committed[p] && view.dependants[p]!.some((d) => base.committed[d]) ? [p] : []));
    const limit = exactMethod ? LISTED : (limits.enablers ?? DEFAULT_LIMITS.enablers!);
    for (const p of shared.slice(0, limit)) {
      const c = problem.candidates[p]!;
      const dependants = view.dependants[p]!.filter((d) => base.committed[d]).sort((x, y) => x - y);
      const without = new Set(before.set);
      for (const q of [p, ...dependants]) without.delete(problem.candidates[q]!.index);
      const variant = { ...problem, candidates: problem.candidates.map((x, q) => (q === p ? { ...x, status: 'forced-out' as const } : x)) };
      const diff = compare(variant, yield { problem: variant, hint: asCommitted(variant, without) });
      const finding = {
        key: ranked.assessments[c.index]!.initiative.key,
        name: names[c.index]!,
        unlocks: dependants.map((d) => names[problem.candidates[d]!.index]!),
        demand: problem.teams.flatMap((t) => ((c.demand[t.name] ?? 0) > 0 ? [{ team: t.name, unit: t.unit, amount: c.demand[t.name]! }] : [])),
        valueLost: diff && before.value - diff.after.value,
        objectiveLost: diff && before.objective - diff.after.objective,
        enters: diff?.enters ?? [],
        leaves: diff?.leaves ?? [],
        gap: diff?.gap ?? 0,
      };
      enablers.push({ ...finding, text: enablerText(finding, currency) });
    }
    enablers.sort((x, y) => (y.valueLost ?? -Infinity) - (x.valueLost ?? -Infinity));
    if (limit < shared.length) notes.push(`Only the ${limit} highest-ranked of ${shared.length} shared enablers in the plan were valued.`);
  }

  // What would bring each deferred initiative in.
  const allDeferred = problem.candidates.flatMap((c, p) => (c.status === 'open' && !base.committed[p] ? [p] : []));
  // The room reads the top of the deferred list; in a portfolio of thousands the rest would be noise (and slow).
  const deferredPositions = allDeferred.slice(0, LISTED);
  // What it waits for answers these: no score or value of its own would bring it in.
  const linked = (p: number) => base.decisions[p] === 'Deferred (dependency)' || base.decisions[p] === 'Excluded (alternative)';
  const scored = deferredPositions.filter((p) => !linked(p));
  if (deferredPositions.length < allDeferred.length) {
    notes.push(`What it would take to get in is listed for the ${LISTED} highest-ranked of the ${allDeferred.length} deferred initiatives.`);
  }
  const needed = new Map<number, ScoreNeeded>();
  const remedies = new Map<number, Remedy[]>();
  const unchecked = new Set<number>();
  const ctx: RemedyContext = { problem, committed: base.committed, planned: before.set, nameOf: (i) => names[i]!, rankOf: (i) => position.get(i)! };
  const found = (p: number, more: readonly Remedy[]) => remedies.set(p, [...(remedies.get(p) ?? []), ...more]);
  if (exactMethod) {
    const overtake = rankAndFillOvertakes(problem);
    for (const p of scored) {
      const target = overtake(p);
      const c = problem.candidates[p]!;
      needed.set(p, {
        measure: 'Priority score',
        now: c.priority,
        needed: target === undefined ? undefined : problem.candidates[target]!.priority,
        ...(target !== undefined ? { overtakes: names[problem.candidates[target]!.index]! } : {}),
        gap: 0,
      });
      // A score above 100 is not one the scoring can give: no remedy.
      if (target !== undefined && problem.candidates[target]!.priority < 100) {
        const to = problem.candidates[target]!.priority;
        const search = yield* overtakeRemedy(ctx, p, target, to, names[problem.candidates[target]!.index]!);
        found(p, search.remedies);
      }
    }
  } else {
    const reduced = base.relaxation?.reducedCosts;
    const closest = [...scored]
      .sort((a, b) => (reduced ? (reduced.get(b) ?? 0) - (reduced.get(a) ?? 0) : 0) || a - b)
      .slice(0, limits.deferred);
    const residual = residualLimits(problem);
    for (const p of closest) {
      const c = problem.candidates[p]!;
      const now = objectiveOf(c, objective);
      const fitsAlone = residual.inFlight >= 1 && Object.entries(c.demand).every(([team, amount]) => amount <= 0 || !residual.teams.has(team) || amount <= residual.teams.get(team)! + EPSILON);
      if (!fitsAlone) {
        needed.set(p, { measure: objective, now, needed: undefined, gap: 0 });
        continue;
      }
      // Forced in, it leads the ranking, as the engine ranks every forced-in initiative.
      const variant = { ...problem, candidates: [{ ...c, status: 'forced-in' as const }, ...problem.candidates.filter((_, i) => i !== p)] };
      const evaluation = yield { problem: variant };
      if (!evaluation) continue;
      const withIt = totals(variant, evaluation.committed, objective).objective - now;
      const neededScore = Math.max(now, before.objective - withIt);
      needed.set(p, { measure: objective, now, needed: neededScore, gap: evaluation.gap });
      const remedy = scoreRemedy(ctx, variant, evaluation, p, now, neededScore);
      if (remedy) found(p, [remedy]);
    }
    for (const p of scored) if (!closest.includes(p)) unchecked.add(p);
    if (closest.length < scored.length) {
      notes.push(`The ${objective.toLowerCase()} each deferred initiative would need was re-solved for the ${closest.length} closest to getting in (of ${scored.length}); the others show the demand cut only.`);
    }
  }
  // The demand cuts and the in-flight slot, each re-run (the optimal method: for those it re-solved above).
  const residual = residualBesidePlan(problem, base.committed);
  for (const p of scored) {
    if (unchecked.has(p)) continue;
    const binding = base.binding[p];
    if (binding?.inFlightLimit === undefined) {
      const search = yield* cutRemedies(ctx, p, binding, residual);
      found(p, search.remedies);
      if (search.incomplete) unchecked.add(p);
    }
    if (binding?.inFlightLimit !== undefined && inFlightTrial) {
      const remedy = inFlightRemedy(ctx, inFlightTrial.variant, inFlightTrial.evaluation, p);
      if (remedy) found(p, [remedy]);
      if (!inFlightTrial.evaluation) unchecked.add(p);
    }
  }
  const deferred: DeferredFinding[] = deferredPositions.map((p) => {
    const c = problem.candidates[p]!;
    const binding = base.binding[p];
    const verified = [...(remedies.get(p) ?? [])].sort(byDisruption);
    const cut = verified.find((r) => r.kind === 'cut');
    const finding: DeferredFinding = {
      key: ranked.assessments[c.index]!.initiative.key,
      name: names[c.index]!,
      decision: base.decisions[p]!,
      demandCuts: linked(p) ? (binding?.teams ?? []).map((t) => ({ team: t.team, unit: t.unit, by: t.needed - t.left, to: t.left })) : cut?.kind === 'cut' ? cut.cuts : [],
      needsInFlightSlot: binding?.inFlightLimit !== undefined,
      ...(needed.has(p) ? { scoreNeeded: needed.get(p)! } : {}),
      ...(linked(p) ? { waitsFor: waitsFor(binding, ranked) } : {}),
      remedies: verified,
      unchecked: unchecked.has(p),
      text: '',
    };
    return { ...finding, text: deferredText(finding, currency) };
  });

  notes.unshift(
    exactMethod
      ? 'Each figure re-runs rank and fill with the one change, so it matches the plan shown.'
      : 'Each figure re-solves the optimal plan with the one change.',
  );
  if (exactMethod && capacity.some((f) => (f.objectiveGain ?? 0) < 0 || f.leaves.length > 0)) {
    notes.push('Rank and fill can lose value when capacity grows: an initiative higher in the ranking may now fit and crowd out smaller ones. The optimal method never does.');
  }
  if (!exactMethod && base.planGap > MIP_RELATIVE_GAP) {
    notes.push(`The plan itself is only proven within ${formatGap(base.planGap)} of the best possible (time limit), so these figures are rougher than usual.`);
  }
  return { method: base.method, objective, currency, baseObjective: before.objective, baseValue: before.value, capacity, overrides, enablers, deferred, notes };
}

/** How many team-horizon cells of a roadmap the optimal method re-solves per team it would re-solve with one planning period. */
const ROADMAP_CELLS_PER_TEAM = 2;

/**
 * Every team in every horizon, the fullest first (the share of its capacity the plan uses there; no
 * capacity left counts as full), then in the teams' and the horizons' order: where one more unit is most
 * likely to change the plan, so a limit on the re-solves spends them there.
 */
function fullestFirst(problem: SelectionProblem, horizons: readonly string[], starts: ArrayLike<number>) {
  const cells = problem.teams.flatMap((team, t) =>
    horizons.map((_, h) => {
      let used = 0;
      problem.candidates.forEach((c, p) => {
        const s = starts[p]!;
        if (s >= 0 && s <= h && h < s + Math.max(1, Math.round(c.duration ?? 1))) used += c.demand[team.name] ?? 0;
      });
      const cap = capacityIn(team, h);
      return { team, h, t, share: cap > 0 ? used / cap : used > 0 ? Infinity : 0 };
    }),
  );
  return cells.sort((a, b) => b.share - a.share || a.t - b.t || a.h - b.h);
}

/** What a dependency-deferred or excluded initiative waits for, from its binding constraint. */
function waitsFor(binding: DeferralConstraint | undefined, ranked: Ranked): WaitsFor {
  if (binding?.alternative) return { alternative: binding.alternative.name };
  const r = binding?.requirement;
  if (!r) return {};
  const gate = ranked.assessments[r.index]?.gate;
  return {
    requirement: r.name,
    reason: r.reason,
    ...(r.reason === 'not ready' && gate ? { gate: gate.gaps.length > 0 ? `${gate.gate}: ${gate.gaps[0]!}` : gate.gate } : {}),
    ...(r.alternative ? { alternative: r.alternative.name } : {}),
  };
}

function runSync(steps: EconomicsSteps, evaluate: (request: EvaluationRequest) => Evaluation): Bottlenecks {
  let step = steps.next(undefined as unknown as Evaluation);
  while (!step.done) step = steps.next(evaluate(step.value));
  return step.value;
}

async function runAsync(steps: EconomicsSteps, evaluate: (request: EvaluationRequest) => Promise<Evaluation>): Promise<Bottlenecks> {
  let step = steps.next(undefined as unknown as Evaluation);
  while (!step.done) step = steps.next(await evaluate(step.value));
  return step.value;
}

/** Rank and fill's economics: every figure from a re-run of rank and fill, synchronously. */
export function rankAndFillEconomics(base: EconomicsBase): Bottlenecks {
  return runSync(economicsSteps(base), ({ problem }) => {
    if (!isRoadmap(problem)) return { committed: rankAndFillCommitted(problem), gap: 0 };
    const { committed, start } = fillRoadmap(problem);
    return { committed, gap: 0, starts: start };
  });
}

export type EconomicsOptions = {
  /** Time limit of each re-solve. */
  timeLimitSeconds: number;
  /** Time for all the re-solves together; any left when it runs out are skipped, and the notes say so. */
  budgetSeconds: number;
  limits?: EconomicsLimits;
  clock: Clock;
  /** The most open candidates a re-solve leaves to the engine's exact path (see `OptimalOptions`). */
  exactUpTo?: number;
};

/**
 * The optimal method's economics: every figure from a re-solve to the plan's own tolerance,
 * starting from the plan itself where it is still feasible, within a time budget.
 */
export async function optimalEconomics(base: EconomicsBase, solver: Solver, options: EconomicsOptions): Promise<Bottlenecks> {
  const { clock } = options;
  const deadline = clock() + options.budgetSeconds * 1000;
  let skipped = 0;
  const bottlenecks = await runAsync(economicsSteps(base, options.limits), async ({ problem, hint }) => {
    const left = (deadline - clock()) / 1000;
    if (left < MIN_SOLVE_SECONDS) {
      skipped++;
      return undefined;
    }
    const timeLimitSeconds = Math.min(options.timeLimitSeconds, left);
    const exact = options.exactUpTo !== undefined ? { exactUpTo: options.exactUpTo } : {};
    const outcome = await selectOptimal(problem, { objective: base.objective, timeLimitSeconds, clock, relaxation: false, ...exact, ...(hint ? { hint } : {}) }, solver);
    if (!outcome.solved) return undefined;
    const starts = outcome.selection.placements?.map((placement) => placement?.start ?? -1);
    return { committed: outcome.committed, gap: outcome.report.optimisation?.gap ?? 0, ...(starts ? { starts } : {}) };
  });
  const tolerance = MIP_RELATIVE_GAP * Math.abs(bottlenecks.baseObjective);
  if (tolerance > 0) {
    const amount = base.objective === 'Annual value' ? formatMoney(tolerance, bottlenecks.currency) : `${trim(tolerance)} priority points`;
    bottlenecks.notes.push(`Like the plan, each re-solve is proven within ${formatGap(MIP_RELATIVE_GAP)} of its best, so a gain or cost under about ${amount} may be that tolerance rather than the change.`);
  }
  if (skipped > 0) {
    bottlenecks.notes.push(`The ${trim(options.budgetSeconds)} s allowed for these figures ran out: ${skipped} re-solve${skipped === 1 ? ' was' : 's were'} skipped, so those findings show the LP estimate or no figure.`);
  }
  return bottlenecks;
}

/** A re-solve with less time than this left in the budget is not started. */
const MIN_SOLVE_SECONDS = 0.05;
