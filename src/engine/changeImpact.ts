// The before/after view of the committed plan: load per team, what changes for
// each committed initiative across five dimensions, who absorbs it, and what
// the plan is explicitly not doing now.

import { bindingText } from './explain';
import { formatPercent, formatQuantity, listWords } from './format';
import { CHANGE_IMPACTS, controlsMask, isPlaceholder, MISSING_LABELS, metricQuality, namedPerson, PRESENT_LABELS } from './scores';
import type { PlanEntry, Team, TeamLoad } from './types';

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
};

export const isCommitted = (entry: Pick<PlanEntry, 'decision'>): boolean => entry.decision === 'Commit' || entry.decision === 'Forced in';

export function level(rating: number | undefined): ChangeLevel {
  if (rating === undefined) return 'Unknown';
  return rating <= 2 ? 'Low' : rating <= 3.5 ? 'Medium' : 'High';
}

/** Demand before (every readable initiative starts) and after (the committed plan), per team. */
export function teamLoads(entries: PlanEntry[], teams: Team[]): TeamLoad[] {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const entry of entries) {
    if (entry.initiative.invalid) continue;
    const committed = isCommitted(entry);
    const demand = entry.initiative.demand;
    for (const team in demand) {
      const amount = demand[team]!;
      before.set(team, (before.get(team) ?? 0) + amount);
      if (committed) after.set(team, (after.get(team) ?? 0) + amount);
    }
  }
  const share = (demand: number, capacity: number) => (capacity > 0 ? demand / capacity : demand > 0 ? undefined : 0);
  return teams.map((t) => {
    const demandBefore = before.get(t.name) ?? 0;
    const demandAfter = after.get(t.name) ?? 0;
    return {
      team: t.name,
      unit: t.unit,
      capacity: t.capacity,
      demandBefore,
      demandAfter,
      utilisationBefore: share(demandBefore, t.capacity),
      utilisationAfter: share(demandAfter, t.capacity),
    };
  });
}

const orElse = (value: string | undefined, fallback: string): string => (isPlaceholder(value) ? fallback : value!);

function dimensions(entry: PlanEntry, teams: Map<string, Team>): CommittedChange['dimensions'] {
  const i = entry.initiative;
  const decision = orElse(i.decisionChanged, 'the decision it changes (not named yet)');
  const fn = orElse(i.function, 'The sponsoring function');
  const owner = namedPerson(i.owner).ok ? i.owner! : 'no single owner yet (gap)';
  const monitor = namedPerson(i.monitoringOwner).ok ? `${i.monitoringOwner} owns model health` : 'nobody owns model health yet (gap)';
  const metric = metricQuality(i.successMetric) === 'missing' ? 'no target set (gap)' : `target "${i.successMetric}"`;
  const proof = i.baselineMethod && i.baselineMethod !== 'None' ? `, proven by ${i.baselineMethod.toLowerCase()}` : ', with no comparison method yet (gap)';
  const mask = controlsMask(i);
  const present = PRESENT_LABELS[mask]!;
  const missing = MISSING_LABELS[mask]!;
  const uses = Object.entries(i.demand).map(([team, amount]) => {
    const t = teams.get(team);
    const ofCapacity = t && t.capacity > 0 ? ` (${formatPercent(amount / t.capacity)} of its capacity)` : '';
    return `${team} ${formatQuantity(amount, t?.unit ?? '')}${ofCapacity}`;
  });
  return [
    {
      dimension: 'Decision flow',
      before: `People decide ${decision} on judgement, with the rationale seldom recorded.`,
      after: `AI informs ${decision}; ${i.decisionLogging ? 'decisions and overrides are logged' : 'overrides are not logged yet (gap)'}.`,
    },
    {
      dimension: 'Accountability',
      before: `${fn} owns the outcome; no one owns an AI system.`,
      after: `${owner === i.owner ? `${owner} owns the outcome` : `Outcome: ${owner}`}; ${monitor}.`,
    },
    {
      dimension: 'Work measurement',
      before: 'Process metrics show what happened, not why.',
      after: i.instrumentation
        ? `Acceptance, overrides and rework are captured; ${metric}${proof}.`
        : `Not instrumented yet (gap); ${metric}${proof}.`,
    },
    {
      dimension: 'Risk management',
      before: 'Periodic reviews and manual sampling.',
      after:
        present.length > 0
          ? `Designed in: ${listWords(present)}${missing.length > 0 ? `; still missing: ${listWords(missing)}` : ''} (risk tier ${i.riskTier ?? 'not stated'}).`
          : `No operational controls yet: ${listWords(missing)} missing (risk tier ${i.riskTier ?? 'not stated'}).`,
    },
    {
      dimension: 'Capacity',
      before: 'No shared-team capacity set aside for it.',
      after: uses.length > 0 ? `Uses ${listWords(uses)}.` : 'Needs no capacity from the bottleneck teams.',
    },
  ];
}

function absorbedBy(entry: PlanEntry): string {
  const i = entry.initiative;
  const who: string[] = [];
  const fn = isPlaceholder(i.function) ? 'The frontline team' : `${i.function} frontline`;
  const ratings = [
    i.workloadShift !== undefined ? `workload ${i.workloadShift}/5` : undefined,
    i.decisionRightsShift !== undefined ? `decision rights ${i.decisionRightsShift}/5` : undefined,
    i.incentiveMisalignment !== undefined ? `incentives ${i.incentiveMisalignment}/5` : undefined,
  ].filter((r): r is string => r !== undefined);
  who.push(ratings.length > 0 ? `${fn} (${ratings.join(', ')})` : fn);
  const teams = Object.keys(i.demand);
  if (teams.length > 0) who.push(listWords(teams));
  const obligations = i.newObligations !== undefined ? ` (new obligations ${i.newObligations}/5)` : '';
  who.push(namedPerson(i.monitoringOwner).ok ? `${i.monitoringOwner}${obligations}` : `an operations owner still to be named${obligations}`);
  return who.join('; ');
}

function notDoingReason(entry: PlanEntry): string {
  switch (entry.decision) {
    case 'Forced out':
      return `Leadership took it out: ${entry.initiative.overrideReason ?? ''}`;
    case 'Deferred (capacity)':
    case 'Deferred (in-flight limit)':
      return bindingText(entry.binding) || 'A better combination used the capacity';
    default:
      return `${entry.gate.gate}: ${entry.gate.gaps.join('; ')}`;
  }
}

/** `ranking` lists entry indices in priority order; committed and not-doing lists follow it. */
export function changeImpact(entries: PlanEntry[], ranking: number[], teams: Team[], inFlightLimit: number): ChangeImpact {
  const teamByName = new Map(teams.map((t) => [t.name, t]));
  const ordered = ranking.map((i) => entries[i]!);
  const committed = ordered.filter(isCommitted);
  return {
    teamLoads: teamLoads(entries, teams),
    inFlight: { before: entries.filter((e) => !e.initiative.invalid).length, after: committed.length, limit: inFlightLimit },
    committed: committed.map((entry) => ({
      key: entry.initiative.key,
      name: entry.initiative.name,
      decision: entry.decision,
      gate: entry.gate.gate,
      dimensions: dimensions(entry, teamByName),
      absorbedBy: absorbedBy(entry),
      openGaps: entry.gate.gaps,
      changeImpacts: CHANGE_IMPACTS.map(({ key, label }) => ({ label, rating: entry.initiative[key], level: level(entry.initiative[key]) })),
    })),
    notDoing: ordered
      .filter((e) => !isCommitted(e))
      .map((entry) => ({ key: entry.initiative.key, name: entry.initiative.name, decision: entry.decision, reason: notDoingReason(entry) })),
  };
}
