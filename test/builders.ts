// Builders for tests: an initiative row in the SPEC's words, tables as adapters deliver them.

import type { CellValue, Initiative, RawTable } from '../src/engine/types';

/** Input column headers in the SPEC's spelling. */
export type RowSpec = Partial<Record<
  | 'ID' | 'Initiative' | 'Owner' | 'Function' | 'AI type' | 'Annual value' | 'Strategic fit' | 'Decision changed'
  | 'Success metric' | 'Baseline method' | 'Decision rights shift' | 'Workload shift' | 'Incentive misalignment'
  | 'New obligations' | 'Integration complexity' | 'Data rights' | 'Data quality' | 'Data availability'
  | 'Instrumentation' | 'Decision logging' | 'Monitoring owner' | 'Incident process' | 'Risk tier'
  | 'Phase requested' | 'Override' | 'Override reason', CellValue>> & Record<string, CellValue>;

/** A scale-ready, well-described initiative; override what the test is about. */
export function readyRow(overrides: RowSpec = {}): RowSpec {
  return {
    ID: 'X-1',
    Initiative: 'Invoice matching',
    Owner: 'Marco Ruiz',
    Function: 'Finance operations',
    'AI type': 'Automation',
    'Annual value': 1_000_000,
    'Strategic fit': 4,
    'Decision changed': 'Three-way match of invoices',
    'Success metric': 'Auto-match 70% of invoices',
    'Baseline method': 'A/B test',
    'Decision rights shift': 2,
    'Workload shift': 2,
    'Incentive misalignment': 2,
    'New obligations': 2,
    'Integration complexity': 2,
    'Data rights': 'Yes',
    'Data quality': 4,
    'Data availability': 4,
    Instrumentation: 'Yes',
    'Decision logging': 'Yes',
    'Monitoring owner': 'Lena Fischer',
    'Incident process': 'Yes',
    'Risk tier': 'Low',
    'Phase requested': 'Scale',
    Override: '',
    'Override reason': '',
    ...overrides,
  };
}

/** A table whose headers are the union of the rows' keys, in first-seen order. Missing cells are blank. */
export function table(rows: RowSpec[], options: { sheet?: string; name?: string; headers?: string[]; origin?: { row: number; column: number } } = {}): RawTable {
  const headers = options.headers ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    sheet: options.sheet ?? 'Portfolio',
    name: options.name ?? 'Initiatives',
    headers,
    rows: rows.map((r) => headers.map((h) => r[h] ?? '')),
    origin: options.origin ?? { row: 0, column: 0 },
  };
}

export function capacity(teams: Record<string, CellValue>, unit = 'weeks'): RawTable {
  return {
    sheet: 'Capacity',
    name: 'Capacity',
    headers: ['Team', 'Capacity', 'Unit'],
    rows: Object.entries(teams).map(([team, cap]) => [team, cap, unit]),
    origin: { row: 0, column: 0 },
  };
}

export function settingsTable(values: Record<string, CellValue>): RawTable {
  return {
    sheet: 'Prioritisation settings',
    name: 'PrioritisationSettings',
    headers: ['Setting', 'Value'],
    rows: Object.entries(values).map(([k, v]) => [k, v]),
    origin: { row: 3, column: 0 },
  };
}

export const NOW = '2026-11-23T10:00:00.000Z';

/** A clock that never moves, for the engine's time limits: in a test only the solver's own limit can run out. */
export const STILL_CLOCK = (): number => 0;

/** `readyRow` as the engine reads it: a scale-ready initiative for tests of scores, gates and explanations. */
export function readyInitiative(overrides: Partial<Initiative> = {}): Initiative {
  return {
    rowIndex: 0,
    key: 'id:x1',
    name: 'Invoice matching',
    id: 'X-1',
    owner: 'Marco Ruiz',
    function: 'Finance operations',
    aiType: 'Automation',
    annualValue: 1_000_000,
    strategicFit: 4,
    decisionChanged: 'Three-way match of invoices',
    successMetric: 'Auto-match 70% of invoices',
    baselineMethod: 'A/B test',
    decisionRightsShift: 2,
    workloadShift: 2,
    incentiveMisalignment: 2,
    newObligations: 2,
    integrationComplexity: 2,
    dataRights: 'Yes',
    dataQuality: 4,
    dataAvailability: 4,
    instrumentation: true,
    decisionLogging: true,
    monitoringOwner: 'Lena Fischer',
    incidentProcess: true,
    riskTier: 'Low',
    phaseRequested: 'Scale',
    demand: {},
    invalid: false,
    ...overrides,
  };
}

/** An initiative with nothing known but its name: every input blank. */
export function unknownInitiative(name = 'Blank idea'): Initiative {
  return { rowIndex: 0, key: `name:${name.toLowerCase()}`, name, demand: {}, invalid: false };
}

/** A ready initiative with its own name and no ID, so several can share one table. */
export function named(name: string, overrides: RowSpec = {}): RowSpec {
  return readyRow({ ID: '', Initiative: name, ...overrides });
}

/** A whole workbook as the engine reads it: initiative rows, team capacities (weeks) and optional settings. */
export function workbook(
  rows: RowSpec[],
  teams: Record<string, number> = {},
  settings?: Record<string, CellValue>,
): { initiatives: RawTable; capacity: RawTable; settings?: RawTable } {
  return { initiatives: table(rows), capacity: capacity(teams), ...(settings ? { settings: settingsTable(settings) } : {}) };
}
