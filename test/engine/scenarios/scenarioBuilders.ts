// Builders for the Scenarios sheet's tables as an adapter reads them.

import type { ScenarioTables } from '../../../src/engine/scenarios/readScenarios';
import type { CellValue, RawTable } from '../../../src/engine/types';

export type ScenarioRow = Record<string, CellValue>;
export type OverrideRow = { Scenario: CellValue; 'Initiative ID'?: CellValue; Initiative?: CellValue; Override: CellValue; 'Override reason'?: CellValue };

function rawTable(name: string, rows: Record<string, CellValue>[], origin: { row: number; column: number }, headers?: string[]): RawTable {
  const columns = headers ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { sheet: 'Scenarios', name, headers: columns, rows: rows.map((r) => columns.map((h) => r[h] ?? '')), origin };
}

/** The scenarios table at A4 and the overrides table below it, as the Scenarios sheet lays them out. */
export function scenarioTables(scenarios: ScenarioRow[], overrides: OverrideRow[] = [], headers: { scenarios?: string[]; overrides?: string[] } = {}): ScenarioTables {
  return {
    scenarios: rawTable('PrioritiserScenarios', scenarios, { row: 3, column: 0 }, headers.scenarios ?? (scenarios.length === 0 ? ['Scenario'] : undefined)),
    overrides: rawTable('PrioritiserScenarioOverrides', overrides as Record<string, CellValue>[], { row: 20, column: 0 }, headers.overrides ?? ['Scenario', 'Initiative ID', 'Initiative', 'Override', 'Override reason']),
  };
}
