// The scenario the settings name, applied to the initiatives as the table reads them.

import type { Initiative, Issue } from '../types';
import { applyScenarioOverrides } from './overrides';
import { readScenarios, type ScenarioTables } from './readScenarios';
import { findScenario, type Scenario } from './scenario';

/** The initiatives under the scenario in force (`name`; '' for none), and the problems of that scenario only. */
export function withScenario(
  initiatives: Initiative[],
  tables: ScenarioTables | undefined,
  name: string,
  settingsSheet: string,
): { initiatives: Initiative[]; issues: Issue[]; scenario?: Scenario } {
  if (name.trim() === '') return { initiatives, issues: [] };
  const read = readScenarios(tables ?? { scenarios: undefined, overrides: undefined });
  const scenario = findScenario(read.scenarios, name);
  if (!scenario) {
    return {
      initiatives,
      issues: [
        {
          code: 'unknown-scenario',
          severity: 'warning',
          sheet: settingsSheet,
          column: 'Value',
          message: `The settings put scenario "${name}" in force, but the Scenarios sheet has no scenario of that name; the table's own overrides are used.`,
        },
      ],
    };
  }
  const applied = applyScenarioOverrides(initiatives, scenario);
  return { initiatives: applied.initiatives, issues: [...(read.issuesByScenario[scenario.name] ?? []), ...applied.issues], scenario };
}
