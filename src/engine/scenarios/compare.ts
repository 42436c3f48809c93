// Two plans side by side: what one commits and the other does not, committed
// value, what is in flight, and how full each team is. Pure: the plans are made
// in memory (nothing is written) and initiatives are matched by their key.

import { isCommitted } from '../changeImpact';
import type { Plan } from '../plan';
import { SETTING_SPECS } from '../settings';
import type { Decision, PlanEntry } from '../types';
import { SCENARIO_SETTING_LABELS, shownSetting } from './scenario';
import { normalise } from '../cells';
import { formatMoney, listWords } from '../format';

export type PlanFigures = {
  label: string;
  committed: number;
  committedValue: number;
  inFlight: number;
  inFlightLimit: number;
};

/** An initiative committed in one plan and not in the other, and what the other plan decided instead. */
export type OneSided = {
  key: string;
  name: string;
  annualValue: number | undefined;
  /** The decision in the plan that does not commit it, and the limit or teams that kept it out there. */
  otherDecision: Decision | undefined;
  otherReason: string;
};

export type TeamComparison = {
  team: string;
  unit: string;
  capacityA: number | undefined;
  capacityB: number | undefined;
  demandA: number;
  demandB: number;
  /** Demand as a share of capacity after the plan; undefined with no capacity for a positive demand, or no such team. */
  utilisationA: number | undefined;
  utilisationB: number | undefined;
};

/** An initiative both plans commit, starting in a different horizon in each ("the planning period" without horizons). */
export type StartChange = { key: string; name: string; startA: string; startB: string };

export type SettingDifference = { label: string; a: string | number; b: string | number };

export type ScenarioComparison = {
  a: PlanFigures;
  b: PlanFigures;
  currency: string;
  /** Committed in A, not in B; and the other way round. Each in A's (then B's) priority order. */
  onlyInA: OneSided[];
  onlyInB: OneSided[];
  teams: TeamComparison[];
  /** Settings that differ between the two plans, capacities included. */
  settings: SettingDifference[];
  /** Committed in both and starting at a different time, in A's priority order. */
  startChanges: StartChange[];
};

const figures = (plan: Plan, label: string): PlanFigures => ({
  label,
  committed: plan.summary.inFlight,
  committedValue: plan.summary.committedValue,
  inFlight: plan.changeImpact.inFlight.after,
  inFlightLimit: plan.settings.inFlightLimit,
});

function oneSided(from: Plan, other: Plan): OneSided[] {
  const otherByKey = new Map(other.entries.map((e) => [e.initiative.key, e]));
  return from.ranking
    .map((index) => from.entries[index]!)
    .filter((entry) => isCommitted(entry) && !isCommitted(otherByKey.get(entry.initiative.key) ?? { decision: 'Not ready' }))
    .map((entry) => {
      const there: PlanEntry | undefined = otherByKey.get(entry.initiative.key);
      return {
        key: entry.initiative.key,
        name: entry.initiative.name,
        annualValue: entry.initiative.annualValue,
        otherDecision: there?.decision,
        otherReason: there ? reasonOf(there) : 'not in this plan',
      };
    });
}

const startOf = (entry: PlanEntry): string => entry.schedule?.label ?? 'the planning period';

function startChanges(a: Plan, b: Plan): StartChange[] {
  const inB = new Map(b.entries.map((e) => [e.initiative.key, e]));
  return a.ranking
    .map((index) => a.entries[index]!)
    .flatMap((entry) => {
      const there = inB.get(entry.initiative.key);
      if (!there || !isCommitted(entry) || !isCommitted(there) || startOf(entry) === startOf(there)) return [];
      return [{ key: entry.initiative.key, name: entry.initiative.name, startA: startOf(entry), startB: startOf(there) }];
    });
}

/** In a few words, why a plan does not commit an initiative. */
function reasonOf(entry: PlanEntry): string {
  if (entry.decision === 'Forced out') {
    const by = entry.initiative.overrideScenario === undefined ? 'leadership' : `scenario "${entry.initiative.overrideScenario}"`;
    return `forced out by ${by}: ${entry.initiative.overrideReason ?? ''}`.trim();
  }
  if (entry.decision === 'Not ready') return entry.gate.gaps[0] ?? entry.gate.gate;
  return entry.bindingText || entry.decision;
}

function teams(a: Plan, b: Plan): TeamComparison[] {
  const names: string[] = [];
  for (const load of [...a.changeImpact.teamLoads, ...b.changeImpact.teamLoads]) {
    if (!names.some((n) => normalise(n) === normalise(load.team))) names.push(load.team);
  }
  const find = (plan: Plan, team: string) => plan.changeImpact.teamLoads.find((l) => normalise(l.team) === normalise(team));
  return names.map((team) => {
    const la = find(a, team);
    const lb = find(b, team);
    return {
      team,
      unit: la?.unit ?? lb?.unit ?? '',
      capacityA: la?.capacity,
      capacityB: lb?.capacity,
      demandA: la?.demandAfter ?? 0,
      demandB: lb?.demandAfter ?? 0,
      utilisationA: la?.utilisationAfter,
      utilisationB: lb?.utilisationAfter,
    };
  });
}

function settingDifferences(a: Plan, b: Plan, compared: TeamComparison[]): SettingDifference[] {
  const labels = [...SCENARIO_SETTING_LABELS, 'Scenario'];
  const differences: SettingDifference[] = [];
  for (const spec of SETTING_SPECS.filter((s) => labels.includes(s.label))) {
    const [va, vb] = [shownSetting(spec.label, a.settings), shownSetting(spec.label, b.settings)];
    if (va !== vb) differences.push({ label: spec.label, a: va, b: vb });
  }
  for (const t of compared) {
    if (t.capacityA !== t.capacityB) differences.push({ label: `Capacity: ${t.team}`, a: t.capacityA ?? 'no such team', b: t.capacityB ?? 'no such team' });
  }
  return differences;
}

/** Plan A against plan B, both made from the same Initiatives table. */
export function compareScenarios(a: Plan, b: Plan, labels: { a: string; b: string }): ScenarioComparison {
  const compared = teams(a, b);
  return {
    a: figures(a, labels.a),
    b: figures(b, labels.b),
    currency: a.settings.currency,
    onlyInA: oneSided(a, b),
    onlyInB: oneSided(b, a),
    teams: compared,
    settings: settingDifferences(a, b, compared),
    startChanges: startChanges(a, b),
  };
}

/** One sentence: what B commits that A does not and the other way round, and the difference in committed value. */
export function comparisonSentence(comparison: ScenarioComparison): string {
  const { a, b, currency } = comparison;
  if (comparison.onlyInA.length === 0 && comparison.onlyInB.length === 0) return `${b.label} commits the same initiatives as ${a.label}${startsClause(comparison)}.`;
  const delta = b.committedValue - a.committedValue;
  const value = delta === 0 ? 'the same committed value' : `${formatMoney(Math.abs(delta), currency)} a year ${delta > 0 ? 'more' : 'less'} committed`;
  const parts = [
    comparison.onlyInB.length > 0 ? `${listWords(comparison.onlyInB.map((o) => o.name))} ${comparison.onlyInB.length === 1 ? 'enters' : 'enter'}` : '',
    comparison.onlyInA.length > 0 ? `${listWords(comparison.onlyInA.map((o) => o.name))} ${comparison.onlyInA.length === 1 ? 'leaves' : 'leave'}` : '',
  ].filter((p) => p !== '');
  return `In ${b.label} against ${a.label}, ${parts.join(' and ')}: ${value}${startsClause(comparison)}.`;
}

/** "; Claims triage starts H1 instead of H2" (B against A), or how many start at another time; '' when none does. */
function startsClause(comparison: ScenarioComparison): string {
  const changes = comparison.startChanges;
  if (changes.length === 0) return '';
  if (changes.length === 1) return `; ${changes[0]!.name} starts ${changes[0]!.startB} instead of ${changes[0]!.startA}`;
  return `; ${changes.length} initiatives in both start at another time`;
}
