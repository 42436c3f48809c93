/** "8 of 10 in-flight places used", or over horizons "at most 8 of 10 in-flight places used in any one horizon". */
export function inFlightText(summary: Summary, settings: Settings): string {
  const used = `${summary.inFlight} of ${summary.inFlightLimit} in-flight places used`;
  return roadmapHorizons(settings) ? `at most ${used} in any one horizon` : used;
}

// Counts, committed value and the decision log entry for one run.

import { roadmapHorizons } from './horizons';
import { isCommitted } from './changeImpact';
import { formatPercent } from './format';
import { GATE_ORDER } from './gates';
import type { Decision, Gate, Issue, OverrideChoice, PlanEntry, SelectionReport, Settings, TeamLoad } from './types';

export const DECISION_ORDER: Decision[] = [
  'Commit',
  'Forced in',
  'Deferred (capacity)',
  'Deferred (in-flight limit)',
  'Deferred (dependency)',
  'Excluded (alternative)',
  'Not ready',
  'Forced out',
];

export type OverrideRecord = {
  name: string;
  choice: OverrideChoice;
  reason: string;
  applied: boolean;
  decision: Decision;
  /** The scenario the override comes from, when not the table's Override column. */
  scenario?: string;
};

export type Summary = {
  initiatives: number;
  byGate: Record<Gate, number>;
  byDecision: Record<Decision, number>;
  committedValue: number;
  requestedValue: number;
  /** Initiatives in flight as the limit counts them: over a roadmap, the most in any one horizon. */
  inFlight: number;
  inFlightLimit: number;
  overrides: OverrideRecord[];
  errors: number;
  warnings: number;
};

export type DecisionLogEntry = {
  runAt: string;
  runBy: string;
  planningPeriod: string;
  /** The scenario in force, '' for none. */
  scenario: string;
  method: string;
  weights: string;
  inFlightLimit: number;
  initiatives: number;
  counts: Record<Decision, number>;
  committedValue: number;
  utilisation: string;
  overrides: string;
  problems: number;
};

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function summarise(entries: PlanEntry[], settings: Settings, issues: Issue[], inFlight: number): Summary {
  const byGate = zeroes(GATE_ORDER);
  const byDecision = zeroes(DECISION_ORDER);
  let committedValue = 0;
  let requestedValue = 0;
  const overrides: OverrideRecord[] = [];
  for (const entry of entries) {
    byGate[entry.gate.gate]++;
    byDecision[entry.decision]++;
    const value = entry.initiative.annualValue ?? 0;
    if (!entry.initiative.invalid) requestedValue += value;
    if (isCommitted(entry)) committedValue += value;
    const { override, overrideReason, overrideScenario, name } = entry.initiative;
    if (override && overrideReason) {
      overrides.push({
        name,
        choice: override,
        reason: overrideReason,
        applied: entry.override === override,
        decision: entry.decision,
        ...(overrideScenario === undefined ? {} : { scenario: overrideScenario }),
      });
    }
  }
  return {
    initiatives: entries.length,
    byGate,
    byDecision,
    committedValue,
    requestedValue,
    inFlight,
    inFlightLimit: settings.inFlightLimit,
    overrides,
    errors: issues.filter((i) => i.severity !== 'warning').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}

export const utilisationText = (loads: TeamLoad[]): string =>
  loads.map((l) => `${l.team} ${l.utilisationAfter === undefined ? 'over (no capacity)' : formatPercent(l.utilisationAfter)}`).join('; ');

export function decisionLogEntry(
  summary: Summary,
  loads: TeamLoad[],
  settings: Settings,
  selection: SelectionReport,
  run: { at: string; by?: string },
  scenarioChanges: string[] = [],
): DecisionLogEntry {
  const { impact, readiness, friction } = settings.weights;
  return {
    runAt: run.at,
    runBy: run.by ?? '',
    // A roadmap's horizons in the period's cell, so the log's columns stay as they are in workbooks logged before.
    planningPeriod: roadmapHorizons(settings) ? `${settings.planningPeriod} (horizons ${settings.horizons!.join(', ')})` : settings.planningPeriod,
    // The log records the settings in force: where they no longer agree with the scenario named, it says how.
    scenario: scenarioChanges.length > 0 ? `${settings.scenario}, changed since it was saved: ${scenarioChanges.join('; ')}` : settings.scenario,
    method: selection.note ? `${selection.method} (${selection.note})` : selection.method,
    weights: `Impact ${impact} / Readiness ${readiness} / Friction ${friction}`,
    inFlightLimit: settings.inFlightLimit,
    initiatives: summary.initiatives,
    counts: summary.byDecision,
    committedValue: summary.committedValue,
    utilisation: utilisationText(loads),
    overrides: summary.overrides
      .map((o) => `${o.name}: ${o.choice}${o.scenario === undefined ? '' : ` (scenario "${o.scenario}")`}${o.applied ? '' : ' (not applied)'} - ${o.reason}`)
      .join('; '),
    problems: summary.errors,
  };
}
