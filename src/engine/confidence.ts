// How sure is the plan. Every figure the room argues about is an estimate, so
// the plan is drawn again in many futures: each initiative's value from a
// triangular distribution over its range (low, value, high), each team demand
// scaled by up to the demand overrun, each weight within the room's range. Each
// future is re-scored, re-ranked and re-selected by the method that chose the
// plan, with its gates, overrides and dependencies; an initiative's confidence
// is the share of futures that commit it (the core index of Robust Portfolio
// Modeling, Liesiö, Mild and Salo 2007). The draws are seeded, so the same
// workbook always gives the same figures.

import { withDependencies } from './dependencies';
import { formatMoney, formatPercent, formatQuantity, trim } from './format';
import type { Plan } from './plan';
import { rankOrder, selectionProblem, type Ranked } from './ranking';
import { priorityScore, valueShare, FACTORS, FIRST_POINT, IMPACT_POINTS } from './scores';
import type { SelectionProblem } from './select/problem';
import type { Assessment, Initiative, Settings, Weights, WeightRange } from './types';
import { DEFAULT_CONFIDENCE_DRAWS } from './settings';

/** At this share or more an initiative is core: safe to start now. */
export const CORE_AT = 0.9;
/** At this share or less it is outside: no likely future commits it. */
export const OUTSIDE_AT = 0.1;
/** The seed of every run's draws: the same workbook, the same futures. */
export const CONFIDENCE_SEED = 20070101;

export type ConfidenceBand = 'core' | 'borderline' | 'outside';

export const bandOf = (share: number): ConfidenceBand => (share >= CORE_AT - 1e-12 ? 'core' : share <= OUTSIDE_AT + 1e-12 ? 'outside' : 'borderline');

/** The estimate of an initiative's own that most moves whether it is committed. */
export type Decider =
  | { kind: 'value'; low: number; high: number }
  | { kind: 'demand'; team: string; amount: number; most: number; unit: string }
  | { kind: 'weight'; criterion: keyof Weights; low: number; high: number };

export type Confidence = {
  /** How many futures were drawn. */
  draws: number;
  /** Per assessment index: the share of futures that commit it, 0 to 1. */
  shares: number[];
  /** Per assessment index: for a borderline initiative, the estimate that would settle it best (absent when none of its own does). */
  deciders: (Decider | undefined)[];
};

const CRITERIA: readonly (keyof Weights)[] = ['impact', 'readiness', 'friction'];

/** What `uncertaintyStated` reads: a plan or an assessed portfolio, with its table's columns when it has them. */
type StatedIn = Pick<Ranked, 'assessments' | 'settings'> & { table?: Pick<NonNullable<Plan['table']>, 'columns'> | undefined };

/** True when the workbook states some uncertainty: a value range, a demand overrun or a weight range. */
export function uncertaintyStated(ranked: StatedIn): boolean {
  const { settings } = ranked;
  if ((settings.demandOverrun ?? 0) > 0) return true;
  if (CRITERIA.some((c) => settings.weightRanges?.[c] !== undefined)) return true;
  // A range needs both its columns: a table without them states none, and its rows need no look.
  const columns = ranked.table?.columns.inputs;
  if (columns && (columns.valueLow === undefined || columns.valueHigh === undefined)) return false;
  return ranked.assessments.some((a) => a.initiative.valueLow !== undefined && a.initiative.valueHigh !== undefined);
}

/** How many futures a run draws: none when no uncertainty is stated or the setting is 0. */
export function drawsWanted(ranked: StatedIn): number {
  if (!uncertaintyStated(ranked)) return 0;
  return Math.max(0, Math.floor(ranked.settings.confidenceDraws ?? DEFAULT_CONFIDENCE_DRAWS));
}

/** A small seeded generator (mulberry32): uniform numbers in [0, 1), the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The inverse of the triangular distribution's CDF at `u`: low, mode and high as given, exact when the range has no width. */
export function triangular(low: number, mode: number, high: number, u: number): number {
  if (!(high > low)) return mode;
  const width = high - low;
  const split = (mode - low) / width;
  const value = u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
  return Math.min(high, Math.max(low, value));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** What each draw needs of the plan: the ranked portfolio and, per assessment, the teams it asks of. */
type Base = Ranked & { sheet: string };

/**
 * The draws, one future at a time: `next` draws a future and gives its selection problem; `record`
 * takes which of its candidates the method committed. Front ends drive it synchronously (rank and
 * fill) or awaiting a solver between draws, and may stop early: the figures are over the futures recorded.
 */
export class ConfidenceDraws {
  readonly total: number;
  private readonly random: () => number;
  private readonly committed: Float64Array;
  /** Per assessment and factor: the sum of the factor's draw position (0 to 1), over all futures and over those that commit it. */
  private readonly factorSum: Float64Array;
  private readonly factorCommitted: Float64Array;
  private readonly factors: number;
  /** The current future's draw positions, per assessment and factor. */
  private readonly positions: Float64Array;
  private done = 0;
  private readonly largestInvalid: boolean[];

  constructor(
    private readonly base: Base,
    draws: number,
    seed = CONFIDENCE_SEED,
  ) {
    this.total = draws;
    this.random = seededRandom(seed);
    const n = base.assessments.length;
    this.committed = new Float64Array(n);
    // Factors: the value, each team's demand, each criterion's weight.
    this.factors = 1 + base.teams.length + CRITERIA.length;
    this.factorSum = new Float64Array(n * this.factors);
    this.factorCommitted = new Float64Array(n * this.factors);
    this.positions = new Float64Array(n * this.factors);
    this.largestInvalid = base.assessments.map((a) => a.initiative.invalid);
  }

  get recorded(): number {
    return this.done;
  }

  /** Draws the next future and returns its selection problem, built as the plan's was. */
  next(): SelectionProblem {
    const { base, random, positions, factors } = this;
    const { settings, teams } = base;
    const overrun = settings.demandOverrun ?? 0;
    // A fixed number of draws per future whatever is stated, so a range added to one row leaves every other row's draws as they were.
    const weightPositions = CRITERIA.map(() => random());
    const weights: Weights = { ...settings.weights };
    CRITERIA.forEach((c, k) => {
      const range: WeightRange | undefined = settings.weightRanges?.[c];
      if (range) weights[c] = range.low + weightPositions[k]! * (range.high - range.low);
    });
    const drawnSettings: Settings = { ...settings, weights };
    const n = base.assessments.length;
    const values = new Array<number | undefined>(n);
    const demands = new Array<Record<string, number> | undefined>(n);
    let largest = 0;
    for (let i = 0; i < n; i++) {
      const initiative = base.assessments[i]!.initiative;
      const u = random();
      const value = initiative.annualValue;
      const drawn =
        value !== undefined && initiative.valueLow !== undefined && initiative.valueHigh !== undefined ? triangular(initiative.valueLow, value, initiative.valueHigh, u) : value;
      values[i] = drawn;
      positions[i * factors] = u;
      if (!this.largestInvalid[i] && drawn !== undefined && drawn > largest) largest = drawn;
      let demand: Record<string, number> | undefined;
      for (let t = 0; t < teams.length; t++) {
        const v = random();
        positions[i * factors + 1 + t] = v;
        const team = teams[t]!.name;
        const amount = initiative.demand[team];
        if (overrun > 0 && amount !== undefined && amount > 0) (demand ??= { ...initiative.demand })[team] = amount * (1 + overrun * v);
      }
      demands[i] = demand;
      for (let k = 0; k < CRITERIA.length; k++) positions[i * factors + 1 + teams.length + k] = weightPositions[k]!;
    }
    const assessments: Assessment[] = base.assessments.map((a, i) => drawnAssessment(a, values[i], demands[i], largest, drawnSettings));
    const { ranking, links } = withDependencies(assessments, rankOrder(assessments), [], base.sheet);
    return selectionProblem({ assessments, ranking, teams, settings: drawnSettings, links });
  }

  /** Records which candidates of the last drawn problem were committed (problem order). */
  record(problem: SelectionProblem, committed: readonly boolean[]): void {
    const { factors, positions } = this;
    problem.candidates.forEach((candidate, k) => {
      const i = candidate.index;
      const yes = committed[k] === true;
      if (yes) this.committed[i]! += 1;
      for (let f = 0; f < factors; f++) {
        const p = positions[i * factors + f]!;
        this.factorSum[i * factors + f]! += p;
        if (yes) this.factorCommitted[i * factors + f]! += p;
      }
    });
    this.done++;
  }

  /** The figures over the futures recorded so far. */
  result(): Confidence {
    const { base, done } = this;
    const shares = base.assessments.map((_, i) => (done === 0 ? 0 : this.committed[i]! / done));
    const deciders = base.assessments.map((a, i) => (bandOf(shares[i]!) === 'borderline' ? this.decider(a, i, this.committed[i]!) : undefined));
    return { draws: done, shares, deciders };
  }

  /**
   * The factor whose draw most separates the futures that commit an initiative from those that do
   * not: the difference of its mean draw position between the two (from −1 to 1). Only factors that
   * vary count, and a difference under 0.15 settles nothing.
   */
  private decider(a: Assessment, i: number, yes: number): Decider | undefined {
    const { base, factors, done } = this;
    const no = done - yes;
    if (yes === 0 || no === 0) return undefined;
    const { initiative } = a;
    const { settings, teams } = base;
    const candidates: { factor: number; decider: Decider }[] = [];
    if (initiative.valueLow !== undefined && initiative.valueHigh !== undefined && initiative.valueHigh > initiative.valueLow) {
      candidates.push({ factor: 0, decider: { kind: 'value', low: initiative.valueLow, high: initiative.valueHigh } });
    }
    const overrun = settings.demandOverrun ?? 0;
    teams.forEach((team, t) => {
      const amount = initiative.demand[team.name];
      if (overrun > 0 && amount !== undefined && amount > 0) {
        candidates.push({ factor: 1 + t, decider: { kind: 'demand', team: team.name, amount, most: amount * (1 + overrun), unit: team.unit } });
      }
    });
    CRITERIA.forEach((criterion, k) => {
      const range = settings.weightRanges?.[criterion];
      if (range && range.high > range.low) candidates.push({ factor: 1 + teams.length + k, decider: { kind: 'weight', criterion, ...range } });
    });
    let best: { decider: Decider; strength: number } | undefined;
    for (const { factor, decider } of candidates) {
      const all = this.factorSum[i * factors + factor]!;
      const inPlan = this.factorCommitted[i * factors + factor]!;
      const strength = Math.abs(inPlan / yes - (all - inPlan) / no);
      if (strength >= 0.15 && (!best || strength > best.strength)) best = { decider, strength };
    }
    return best?.decider;
  }
}

/** An assessment in a drawn future: its value and demands as drawn, its impact and priority re-scored. */
function drawnAssessment(a: Assessment, value: number | undefined, demand: Record<string, number> | undefined, largest: number, settings: Settings): Assessment {
  const changedValue = value !== a.initiative.annualValue;
  const initiative: Initiative = changedValue || demand ? { ...a.initiative, annualValue: value, ...(demand ? { demand } : {}) } : a.initiative;
  if (!a.scores) return { ...a, initiative };
  // Impact's first factor is the value, relative to the largest: re-scored the way scores.ts sums it.
  const { points } = a.scores;
  let sum = 0;
  sum += value === undefined ? 0 : IMPACT_POINTS.annualValue * valueShare(value, largest);
  for (let f = FIRST_POINT.impact + 1; f < FIRST_POINT.impact + FACTORS.impact.length; f++) sum += points[f]!;
  const impact = round1(Math.min(100, Math.max(0, sum)));
  const priority = priorityScore(impact, a.scores.readiness, a.scores.friction, settings);
  return { ...a, initiative, scores: { ...a.scores, impact, priority } };
}

export type DrawOptions = {
  /** Told after each future with how many are done, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Asked before each future: true stops the draws, and the figures are over the futures drawn so far. */
  cancelled?: () => boolean;
};

/** Runs every draw with a selection that needs no waiting (rank and fill). */
export function drawConfidenceSync(
  base: Base,
  draws: number,
  select: (problem: SelectionProblem) => boolean[],
  options: DrawOptions = {},
): Confidence {
  const run = new ConfidenceDraws(base, draws);
  for (let d = 0; d < draws; d++) {
    if (options.cancelled?.()) break;
    const problem = run.next();
    run.record(problem, select(problem));
    options.onProgress?.(d + 1, draws);
  }
  return run.result();
}

/** Runs every draw with a selection that may wait for a solver (the optimal method). */
export async function drawConfidence(
  base: Base,
  draws: number,
  select: (problem: SelectionProblem) => boolean[] | Promise<boolean[]>,
  options: DrawOptions = {},
): Promise<Confidence> {
  const run = new ConfidenceDraws(base, draws);
  for (let d = 0; d < draws; d++) {
    if (options.cancelled?.()) break;
    const problem = run.next();
    run.record(problem, await select(problem));
    options.onProgress?.(d + 1, draws);
  }
  return run.result();
}

/** What would settle a borderline initiative, in words: "its value range $0.8M-$3M decides it". */
export function deciderText(decider: Decider | undefined, currency: string): string {
  if (!decider) return "no estimate of its own decides it: it turns on the other initiatives' estimates";
  switch (decider.kind) {
    case 'value':
      return `its value range ${formatMoney(decider.low, currency)}-${formatMoney(decider.high, currency)} decides it`;
    case 'demand':
      return `what it needs of ${decider.team} (${formatQuantity(decider.amount, decider.unit)}, up to ${formatQuantity(decider.most, decider.unit)} with the overrun) decides it`;
    case 'weight':
      return `the ${decider.criterion} weight (${trim(decider.low)}-${trim(decider.high)}) decides it`;
  }
}

/** The Why's sentence on how sure the plan is of an initiative. */
export function confidenceSentence(share: number, draws: number, decider: Decider | undefined, currency: string): string {
  const band = bandOf(share);
  const base = `How sure: ${band}, committed in ${formatPercent(share)} of ${draws} futures drawn from the stated ranges`;
  return band === 'borderline' ? `${base}; ${deciderText(decider, currency)}.` : `${base}.`;
}

/** The plan with its confidence figures: each entry's Why says its band (rows that could not be read say nothing more). */
export function withConfidence(plan: Plan, confidence: Confidence): Plan {
  if (confidence.draws === 0) return plan;
  const entries = plan.entries.map((entry, i) => {
    if (!entry.scores) return entry;
    const sentence = confidenceSentence(confidence.shares[i] ?? 0, confidence.draws, confidence.deciders[i], plan.settings.currency);
    return { ...entry, why: `${entry.why} ${sentence}` };
  });
  return { ...plan, entries, confidence };
}

/** What the draws need of a plan (or of an assessed portfolio). */
export const drawBase = (plan: Pick<Plan, 'assessments' | 'ranking' | 'teams' | 'settings' | 'links' | 'table'>): Base => ({
  assessments: plan.assessments,
  ranking: plan.ranking,
  teams: plan.teams,
  settings: plan.settings,
  links: plan.links,
  sheet: plan.table?.sheet ?? '',
});
