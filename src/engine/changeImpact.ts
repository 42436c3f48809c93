// The before/after view of the committed plan: load per team, what changes for
// each committed initiative across five dimensions, who absorbs it, and what
// the plan is explicitly not doing now.

import { capacityIn } from './horizons';
import { joinedGaps } from './explain';
import { formatPercent, formatQuantity, listWords } from './format';
import { memoised, Memo } from './memo';
import { CHANGE_IMPACT_RATINGS, CHANGE_IMPACTS, controlsMask, isPlaceholder, MISSING_LABELS, metricQuality, namedPerson, PRESENT_LABELS } from './scores';
import type { BaselineMethod, PlanEntry, RiskTier, Team, TeamLoad } from './types';

export const DIMENSIONS = ['Decision flow', 'Accountability', 'Work measurement', 'Risk management', 'Capacity'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type ChangeLevel = 'Low' | 'Medium' | 'High' | 'Unknown';
export type RatedChange = { label: string; rating: number | undefined; level: ChangeLevel };

export type CommittedChange = {
  key: string;
  name: string;
  decision: PlanEntry['decision'];
  gate: PlanEntry['gate']['gate'];
  dimensions: { dimension: Dimension; before: string; after: string }[];
  absorbedBy: string;
  openGaps: string[];
  changeImpacts: RatedChange[];
};

export type NotDoing = { key: string; name: string; decision: PlanEntry['decision']; reason: string };

export type ChangeImpact = {
  teamLoads: TeamLoad[];
  inFlight: { before: number; after: number; limit: number };
  committed: CommittedChange[];
  notDoing: NotDoing[];
  /** The committed plan's dependencies: each committed initiative that requires others, in rank order (empty when none does). */
  dependencies: PlanDependency[];
};

/** A committed initiative and what it requires, all of which the plan commits too. */
export type PlanDependency = { name: string; requires: string[] };

/** The dependencies of the committed plan, read from the Requires column's keys. */
function planDependencies(entries: PlanEntry[], ranking: number[]): PlanDependency[] {
  if (!entries.some((e) => (e.initiative.requires?.length ?? 0) > 0)) return [];
  const nameOf = new Map(entries.map((e) => [e.initiative.key, e.initiative.name]));
  const result: PlanDependency[] = [];
  for (const index of ranking) {
    const entry = entries[index]!;
    const requires = entry.initiative.requires ?? [];
    if (requires.length > 0 && isCommitted(entry)) result.push({ name: entry.initiative.name, requires: requires.map((key) => nameOf.get(key) ?? key) });
  }
  return result;
}

export const isCommitted = (entry: Pick<PlanEntry, 'decision'>): boolean => entry.decision === 'Commit' || entry.decision === 'Forced in';

export function level(rating: number | undefined): ChangeLevel {
  if (rating === undefined) return 'Unknown';
  return rating <= 2 ? 'Low' : rating <= 3.5 ? 'Medium' : 'High';
}

const share = (demand: number, capacity: number): number | undefined => (capacity > 0 ? demand / capacity : demand > 0 ? undefined : 0);

/**
 * Demand before (every readable initiative starts) and after (the committed plan), per team. On a
 * roadmap (`horizons`), over the whole roadmap: demand times the horizons it runs, against the
 * capacity of every horizon together (the Roadmap sheet has them horizon by horizon).
 */
export function teamLoads(entries: PlanEntry[], teams: Team[], horizons?: readonly string[]): TeamLoad[] {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const entry of entries) {
    if (entry.initiative.invalid) continue;
    const committed = isCommitted(entry);
    const demand = entry.initiative.demand;
    const runs = horizons ? (entry.initiative.duration ?? 1) : 1;
    const ran = horizons && entry.schedule ? Math.min(entry.schedule.duration, horizons.length - entry.schedule.start) : runs;
    for (const team in demand) {
      const amount = demand[team]!;
      before.set(team, (before.get(team) ?? 0) + amount * runs);
      if (committed) after.set(team, (after.get(team) ?? 0) + amount * ran);
    }
  }
  return teams.map((t) => {
    const demandBefore = before.get(t.name) ?? 0;
    const demandAfter = after.get(t.name) ?? 0;
    const capacity = horizons ? horizons.reduce((sum, _, h) => sum + capacityIn(t, h), 0) : t.capacity;
    return {
      team: t.name,
      unit: t.unit,
      capacity,
      demandBefore,
      demandAfter,
      utilisationBefore: share(demandBefore, capacity),
      utilisationAfter: share(demandAfter, capacity),
    };
  });
}

// The texts below are the Change impact sheet's bulk: five before/after pairs for each committed
// initiative. Most depend on one or two values that repeat across a portfolio (the decision
// changed, the function, the controls in place), so each distinct text is built once a run (asked
// through the run's memo) and shared.

type DimensionChange = CommittedChange['dimensions'][number];

const orElse = (value: string | undefined, fallback: string): string => (isPlaceholder(value) ? fallback : value!);

const decisionFlow = (decisionChanged: string | undefined): readonly [DimensionChange, DimensionChange] => {
  const decision = orElse(decisionChanged, 'the decision it changes (not named yet)');
  const before = `People decide ${decision} on judgement, with the rationale seldom recorded.`;
  const change = (logged: string): DimensionChange => ({ dimension: 'Decision flow', before, after: `AI informs ${decision}; ${logged}.` });
  return [change('overrides are not logged yet (gap)'), change('decisions and overrides are logged')];
};

const accountabilityBefore = (fn: string | undefined) => `${orElse(fn, 'The sponsoring function')} owns the outcome; no one owns an AI system.`;
const ownsOutcome = (owner: string) => `${owner} owns the outcome`;
const NO_OWNER = 'no single owner yet (gap)';
/** "; Ana Silva owns model health." — the end of the Accountability after text. */
const modelHealth = (monitoringOwner: string | undefined) =>
  namedPerson(monitoringOwner).ok ? `; ${monitoringOwner} owns model health.` : '; nobody owns model health yet (gap).';

const WORK_MEASUREMENT_BEFORE = 'Process metrics show what happened, not why.';
// Every baseline method and risk tier (and none stated) has its place: a Record keeps the lists complete.
const BASELINE_INDEX: Record<BaselineMethod, number> = { 'A/B test': 0, 'Matched cohorts': 1, 'Before/after': 2, None: 3 };
const BASELINES = [...(Object.keys(BASELINE_INDEX) as BaselineMethod[]), undefined];
const baselineIndex = (method: BaselineMethod | undefined): number => (method === undefined ? BASELINES.length - 1 : BASELINE_INDEX[method]);
/** Per success metric, the Work measurement change for each instrumentation and baseline method, made when first asked for. */
const workMeasurements = (_successMetric: string | undefined) => new Array<DimensionChange | undefined>(2 * BASELINES.length);

function workMeasurement(i: PlanEntry['initiative'], memo: Memo): DimensionChange {
  const variant = (i.instrumentation ? BASELINES.length : 0) + baselineIndex(i.baselineMethod);
  return (memo.of(workMeasurements)(i.successMetric)[variant] ??= workMeasurementOf(i.successMetric, i.instrumentation === true, i.baselineMethod));
}

function workMeasurementOf(successMetric: string | undefined, instrumented: boolean, baseline: BaselineMethod | undefined): DimensionChange {
  const metric = metricQuality(successMetric) === 'missing' ? 'no target set (gap)' : `target "${successMetric}"`;
  const proof = baseline && baseline !== 'None' ? `, proven by ${baseline.toLowerCase()}` : ', with no comparison method yet (gap)';
  const after = instrumented ? `Acceptance, overrides and rework are captured; ${metric}${proof}.` : `Not instrumented yet (gap); ${metric}${proof}.`;
  return { dimension: 'Work measurement', before: WORK_MEASUREMENT_BEFORE, after };
}

const RISK_TIER_INDEX: Record<RiskTier, number> = { Low: 0, Medium: 1, High: 2 };
const RISK_TIERS = [...(Object.keys(RISK_TIER_INDEX) as RiskTier[]), undefined];
const riskTierIndex = (tier: RiskTier | undefined): number => (tier === undefined ? RISK_TIERS.length - 1 : RISK_TIER_INDEX[tier]);
/** Per combination of controls in place (the mask) and risk tier. */
const riskManagement: DimensionChange[] = [];
for (let mask = 0; mask < PRESENT_LABELS.length; mask++) {
  for (const tier of RISK_TIERS) {
    const present = PRESENT_LABELS[mask]!;
    const missing = MISSING_LABELS[mask]!;
    const tierText = `(risk tier ${tier ?? 'not stated'})`;
    riskManagement.push({
      dimension: 'Risk management',
      before: 'Periodic reviews and manual sampling.',
      after:
        present.length > 0
          ? `Designed in: ${listWords(present)}${missing.length > 0 ? `; still missing: ${listWords(missing)}` : ''} ${tierText}.`
          : `No operational controls yet: ${listWords(missing)} missing ${tierText}.`,
    });
  }
}

const NO_CAPACITY_NEEDED: DimensionChange = { dimension: 'Capacity', before: 'No shared-team capacity set aside for it.', after: 'Needs no capacity from the bottleneck teams.' };

type CapacityUse = (team: string, amount: number) => string;

/** "Legal 2 weeks (13% of its capacity)", once per team and amount in a run (capacities change between runs). */
function capacityUses(teams: Map<string, Team>): CapacityUse {
  const byTeam = new Map<string, (amount: number) => string>();
  return (team, amount) => {
    let use = byTeam.get(team);
    if (use === undefined) {
      const t = teams.get(team);
      use = memoised((n: number) => `${team} ${formatQuantity(n, t?.unit ?? '')}${t && t.capacity > 0 ? ` (${formatPercent(n / t.capacity)} of its capacity)` : ''}`);
      byTeam.set(team, use);
    }
    return use(amount);
  };
}

/**
 * The initiative's teams as the pieces of a list ("Legal, Security and Data engineering") pushed onto
 * `parts`, for a text made with one join: each team's capacity use when `capacityUse` is given, else
 * its name. `teams` is how many there are. The demand is walked itself, so no list of teams is made.
 */
function pushTeams(parts: string[], demand: Record<string, number>, teams: number, capacityUse?: CapacityUse): void {
  let k = 0;
  for (const team in demand) {
    if (k > 0) parts.push(k === teams - 1 ? ' and ' : ', ');
    parts.push(capacityUse ? capacityUse(team, demand[team]!) : team);
    k++;
  }
}

/** "Uses Legal 2 weeks (13% of its capacity) and Security 1 week (5% of its capacity)." */
function capacityAfter(demand: Record<string, number>, teams: number, capacityUse: CapacityUse): string {
  const parts = ['Uses '];
  pushTeams(parts, demand, teams, capacityUse);
  parts.push('.');
  return parts.join('');
}

/** `teams`: how many teams the initiative needs (the entries of its demand). */
function dimensions(i: PlanEntry['initiative'], teams: number, capacityUse: CapacityUse, memo: Memo): CommittedChange['dimensions'] {
  const owner = memo.of(namedPerson)(i.owner).ok ? i.owner! : NO_OWNER;
  return [
    memo.of(decisionFlow)(i.decisionChanged)[i.decisionLogging ? 1 : 0]!,
    {
      dimension: 'Accountability',
      before: memo.of(accountabilityBefore)(i.function),
      after: `${owner === i.owner ? memo.of(ownsOutcome)(owner) : `Outcome: ${NO_OWNER}`}${memo.of(modelHealth)(i.monitoringOwner)}`,
    },
    workMeasurement(i, memo),
    riskManagement[controlsMask(i, memo) * RISK_TIERS.length + riskTierIndex(i.riskTier)]!,
    teams > 0 ? { dimension: 'Capacity', before: NO_CAPACITY_NEEDED.before, after: capacityAfter(i.demand, teams, capacityUse) } : NO_CAPACITY_NEEDED,
  ];
}

const frontline = (fn: string | undefined) => (isPlaceholder(fn) ? 'The frontline team' : `${fn} frontline`);

/** "Finance frontline (workload 3/5, incentives 2/5); Legal and Security; Ana Silva (new obligations 4/5)". */
function absorbedBy(i: PlanEntry['initiative'], teams: number, memo: Memo): string {
  const ratings: string[] = [];
  if (i.workloadShift !== undefined) ratings.push(`workload ${i.workloadShift}/5`);
  if (i.decisionRightsShift !== undefined) ratings.push(`decision rights ${i.decisionRightsShift}/5`);
  if (i.incentiveMisalignment !== undefined) ratings.push(`incentives ${i.incentiveMisalignment}/5`);
  const parts = [memo.of(frontline)(i.function)];
  if (ratings.length > 0) parts.push(` (${ratings.join(', ')})`);
  if (teams > 0) {
    parts.push('; ');
    pushTeams(parts, i.demand, teams);
  }
  parts.push('; ', memo.of(namedPerson)(i.monitoringOwner).ok ? i.monitoringOwner! : 'an operations owner still to be named');
  if (i.newObligations !== undefined) parts.push(` (new obligations ${i.newObligations}/5)`);
  return parts.join('');
}

/** The change impact at position `k` of `CHANGE_IMPACTS`, one shared object per rating. */
const ratedChange = (k: number) => memoised((rating: number | undefined): RatedChange => ({ label: CHANGE_IMPACTS[k]!.label, rating, level: level(rating) }));

function notDoingReason(entry: PlanEntry, memo: Memo): string {
  switch (entry.decision) {
    case 'Forced out':
      return `Leadership took it out: ${entry.initiative.overrideReason ?? ''}`;
    case 'Deferred (capacity)':
    case 'Deferred (in-flight limit)':
      return entry.bindingText || 'A better combination used the capacity';
    case 'Deferred (dependency)':
    case 'Excluded (alternative)':
      return entry.bindingText;
    default:
      return memo.of(gateReason)(entry.gate);
  }
}

/** "Blocked: Name one accountable owner (...)": gate results are shared, so each is worded once a run. */
const gateReason = (gate: PlanEntry['gate']): string => `${gate.gate}: ${joinedGaps(gate.gaps)}`;

function committedChange(entry: PlanEntry, capacityUse: CapacityUse, memo: Memo): CommittedChange {
  const i = entry.initiative;
  let teams = 0;
  for (const _team in i.demand) teams++;
  return {
    key: i.key,
    name: i.name,
    decision: entry.decision,
    gate: entry.gate.gate,
    dimensions: dimensions(i, teams, capacityUse, memo),
    absorbedBy: absorbedBy(i, teams, memo),
    openGaps: entry.gate.gaps,
    changeImpacts: CHANGE_IMPACT_RATINGS.map((ratingOf, k) => memo.of(ratedChange)(k)(ratingOf(i))),
  };
}

/** `ranking` lists entry indices in priority order; committed and not-doing lists follow it. `memo` is the run's. */
export function changeImpact(entries: PlanEntry[], ranking: number[], teams: Team[], inFlightLimit: number, memo = new Memo(), horizons?: readonly string[]): ChangeImpact {
  const capacityUse = capacityUses(new Map(teams.map((t) => [t.name, t])));
  const committed: CommittedChange[] = [];
  const notDoing: NotDoing[] = [];
  // The ranking lists every entry, unreadable rows last.
  let readable = 0;
  for (const index of ranking) {
    const entry = entries[index]!;
    if (!entry.initiative.invalid) readable++;
    if (isCommitted(entry)) committed.push(committedChange(entry, capacityUse, memo));
    else notDoing.push({ key: entry.initiative.key, name: entry.initiative.name, decision: entry.decision, reason: notDoingReason(entry, memo) });
  }
  return {
    teamLoads: teamLoads(entries, teams, horizons),
    // On a roadmap the limit holds in each horizon: "after" is the most in flight in any one.
    inFlight: { before: readable, after: horizons ? mostInFlight(entries, horizons.length) : committed.length, limit: inFlightLimit },
    committed,
    notDoing,
    dependencies: planDependencies(entries, ranking),
  };
}

/** The most committed initiatives running in any one horizon of a roadmap. */
function mostInFlight(entries: readonly PlanEntry[], count: number): number {
  const running = new Array<number>(count).fill(0);
  for (const entry of entries) {
    const schedule = entry.schedule;
    if (!schedule || !isCommitted(entry)) continue;
    for (let h = schedule.start; h < Math.min(count, schedule.start + schedule.duration); h++) running[h]!++;
  }
  return Math.max(0, ...running);
}
