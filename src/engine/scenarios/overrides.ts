// A scenario's overrides as a plan input. The Override and Override reason
// columns are the user's cells and are never written: the scenario in force
// wins over them here, in the engine, and says so in the Why text.

import { qualified } from '../address';
import { normalise } from '../cells';
import type { Initiative, Issue, OverrideChoice } from '../types';
import type { Scenario, ScenarioOverride } from './scenario';

/** An initiative as an override names it. */
export type OverrideTarget = { id?: string; name: string };

/** An override in force for one initiative, with where it came from. */
export type OverrideInForce = OverrideTarget & { choice: OverrideChoice; reason: string };

/** With an ID, an override names the initiative of that ID (compared as IDs are: case, spacing and punctuation aside); without one, by name. */
export function overrideMatches(override: Pick<ScenarioOverride, 'id' | 'initiative'>, target: OverrideTarget): boolean {
  if (override.id !== undefined) return target.id !== undefined && normalise(override.id) === normalise(target.id);
  return normalise(override.initiative) === normalise(target.name);
}

const labelOf = (o: Pick<ScenarioOverride, 'id' | 'initiative'>): string => (o.id !== undefined && o.id !== o.initiative ? `${o.initiative} (${o.id})` : o.initiative);

/**
 * The initiatives with the scenario's overrides in place of the table's, each marked with the
 * scenario's name. An override that names no initiative of the table, or one already overridden
 * by the same scenario, is reported and left out.
 */
export function applyScenarioOverrides(initiatives: Initiative[], scenario: Scenario): { initiatives: Initiative[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const replaced = new Map<number, Initiative>();
  for (const override of scenario.overrides) {
    const index = initiatives.findIndex((i) => overrideMatches(override, i));
    const at = override.at;
    const where = at ? ` (${qualified(at.sheet, at.cell)})` : '';
    if (index < 0) {
      issues.push({
        code: 'scenario-override-unmatched',
        severity: 'warning',
        sheet: at?.sheet ?? '',
        ...(at ? { column: 'Override', cell: at.cell } : {}),
        message: `Scenario "${scenario.name}" overrides ${labelOf(override)}${where}, which is not in the Initiatives table; that override is left out.`,
      });
      continue;
    }
    if (replaced.has(index)) {
      issues.push({
        code: 'invalid-scenario',
        severity: 'warning',
        sheet: at?.sheet ?? '',
        ...(at ? { column: 'Override', cell: at.cell } : {}),
        message: `Scenario "${scenario.name}" overrides ${labelOf(override)} twice${where}; only the first one is used.`,
      });
      continue;
    }
    replaced.set(index, { ...initiatives[index]!, override: override.choice, overrideReason: override.reason, overrideScenario: scenario.name });
  }
  return { initiatives: replaced.size === 0 ? initiatives : initiatives.map((i, index) => replaced.get(index) ?? i), issues };
}

/** The overrides the table's Override column puts in force (an override without a reason is not one). */
export function tableOverrides(initiatives: readonly Initiative[]): OverrideInForce[] {
  return initiatives.flatMap((i) =>
    i.override && i.overrideReason ? [{ ...(i.id !== undefined ? { id: i.id } : {}), name: i.name, choice: i.override, reason: i.overrideReason }] : [],
  );
}

export type OverrideDifference = {
  initiative: string;
  id?: string;
  /** What the scenario decides; absent when only the table overrides this initiative (the table's then stands). */
  scenario?: { choice: OverrideChoice; reason: string };
  /** What the table's Override column says; absent when it says nothing. */
  table?: { choice: OverrideChoice; reason: string };
};

/**
 * Where the scenario's overrides and the table's differ: the scenario decides otherwise, or only
 * one of them decides. Overrides that agree (same choice and reason) are not listed.
 */
export function overrideDifferences(table: readonly OverrideInForce[], scenario: Scenario): OverrideDifference[] {
  const differences: OverrideDifference[] = [];
  for (const override of scenario.overrides) {
    const own = table.find((t) => overrideMatches(override, t));
    if (own && own.choice === override.choice && own.reason === override.reason) continue;
    differences.push({
      initiative: own?.name ?? override.initiative,
      ...(override.id !== undefined ? { id: override.id } : {}),
      scenario: { choice: override.choice, reason: override.reason },
      ...(own ? { table: { choice: own.choice, reason: own.reason } } : {}),
    });
  }
  for (const own of table) {
    if (scenario.overrides.some((o) => overrideMatches(o, own))) continue;
    differences.push({ initiative: own.name, ...(own.id !== undefined ? { id: own.id } : {}), table: { choice: own.choice, reason: own.reason } });
  }
  return differences;
}

/** The overrides in force with `scenario` (if any) over the table's: what a scenario saved now records. */
export function overridesInForce(table: readonly OverrideInForce[], scenario: Scenario | undefined): ScenarioOverride[] {
  const fromScenario = (scenario?.overrides ?? []).map(({ at: _at, ...o }) => o);
  const fromTable = table
    .filter((t) => !fromScenario.some((o) => overrideMatches(o, t)))
    .map((t): ScenarioOverride => ({ ...(t.id !== undefined ? { id: t.id } : {}), initiative: t.name, choice: t.choice, reason: t.reason }));
  return [...fromScenario, ...fromTable];
}
