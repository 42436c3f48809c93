// Reading the Scenarios sheet's two tables back: one row per scenario, and one
// row per override a scenario makes. zod checks every cell at this boundary; a
// bad cell is reported with its address and left out, and the rest is read.

import { z } from 'zod';
import { a1, qualified } from '../address';
import { INPUT_COLUMNS } from '../columns';
import { isBlank, normalise, showCell, text } from '../cells';
import { capacityTeamOf, capacityValue, NO_HORIZONS } from '../settings';
import type { CellValue, Issue, IssueCode, OverrideChoice, RawTable } from '../types';
import { SCENARIO_SETTING_LABELS, scenarioSpec, sameScenarioName, type Scenario, type ScenarioOverride } from './scenario';

/** The Scenarios sheet's tables, as an adapter reads them; either may be absent. */
export type ScenarioTables = { scenarios: RawTable | undefined; overrides: RawTable | undefined };

export const NO_SCENARIO_TABLES: ScenarioTables = { scenarios: undefined, overrides: undefined };

export const SCENARIO_COLUMN = 'Scenario';
export const SAVED_AT_COLUMN = 'Saved at (UTC)';
export const SAVED_BY_COLUMN = 'Saved by';
export const OVERRIDE_COLUMNS = ['Scenario', 'Initiative ID', 'Initiative', 'Override', 'Override reason'] as const;

export type ScenariosRead = {
  scenarios: Scenario[];
  /** Every problem found on the sheet. */
  issues: Issue[];
  /** The problems of each scenario, by its name as the sheet spells it. */
  issuesByScenario: Record<string, Issue[]>;
};

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]).transform((v): CellValue => (v === null || v === undefined ? '' : v));
const tableSchema = z.object({
  sheet: z.string(),
  name: z.string(),
  headers: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((h) => (h === null ? '' : String(h)))),
  rows: z.array(z.array(cellSchema)),
  origin: z.object({ row: z.number().int().min(0), column: z.number().int().min(0) }),
});

const overrideReader = INPUT_COLUMNS.find((c) => c.key === 'override')!.reader;

type Where = { table: RawTable; rowIndex: number; column: number };
const cellOf = ({ table, rowIndex, column }: Where): string => a1(table.origin.row + 1 + rowIndex, table.origin.column + column);

function issueAt(where: Where, code: IssueCode, message: (place: string) => string): Issue {
  const cell = cellOf(where);
  return { code, severity: 'warning', sheet: where.table.sheet, column: where.table.headers[where.column], cell, message: message(qualified(where.table.sheet, cell)) };
}

/** The sheet's serial date (days since 1899-12-30, UTC) as an ISO timestamp, or text as it is. */
function savedAtOf(cell: CellValue): string | undefined {
  if (typeof cell === 'number' && Number.isFinite(cell)) return new Date(Math.round((cell - 25_569) * 86_400_000)).toISOString();
  return typeof cell === 'string' && cell.trim() !== '' ? cell.trim() : undefined;
}

function parseTable(raw: RawTable | undefined, what: string, issues: Issue[]): RawTable | undefined {
  if (!raw) return undefined;
  const parsed = tableSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  issues.push({ code: 'invalid-scenario', severity: 'warning', sheet: String(raw.sheet ?? ''), message: `The ${what} table could not be read: its rows are not a grid of cells.` });
  return undefined;
}

const columnOf = (table: RawTable, header: string): number => table.headers.findIndex((h) => normalise(h) === normalise(header));

/** The Horizons a scenario carries, as its cell shows them: the labels, or `None` for one planning period. */
const horizonsCell = (labels: readonly string[]): string => (labels.length === 0 ? NO_HORIZONS : labels.join(', '));

function readScenarioRow(table: RawTable, rowIndex: number, nameColumn: number, issues: Issue[]): Scenario | undefined {
  const row = table.rows[rowIndex]!;
  const where = (column: number): Where => ({ table, rowIndex, column });
  const name = text.read(row[nameColumn] ?? '');
  if (name.kind !== 'value') {
    if (row.some((cell) => !isBlank(cell))) {
      issues.push(issueAt(where(nameColumn), 'invalid-scenario', (place) => `The scenario row at ${place} has no name, so it is left out; name it to use it.`));
    }
    return undefined;
  }
  const scenario: Scenario = { name: name.value, settings: {}, capacities: {}, overrides: [] };
  table.headers.forEach((header, column) => {
    const cell = row[column] ?? '';
    if (column === nameColumn || isBlank(cell)) return;
    const label = SCENARIO_SETTING_LABELS.find((l) => normalise(l) === normalise(header));
    const team = label ? undefined : capacityTeamOf(header);
    const schema = label ? scenarioSpec(label).schema : team ? capacityValue : undefined;
    if (!schema) {
      if (normalise(header) === normalise(SAVED_AT_COLUMN)) scenario.savedAt = savedAtOf(cell);
      if (normalise(header) === normalise(SAVED_BY_COLUMN)) scenario.savedBy = String(cell).trim();
      return; // any other column is the user's own note
    }
    const parsed = schema.safeParse(typeof cell === 'boolean' ? String(cell) : cell);
    if (!parsed.success) {
      const expected = label ? scenarioSpec(label).expected : 'a number of at least 0';
      issues.push(issueAt(where(column), 'invalid-scenario', (place) => `${header} of scenario "${name.value}" in ${place} is ${showCell(cell)}; expected ${expected}. The scenario leaves it as it is in force.`));
    } else if (label) scenario.settings[label] = Array.isArray(parsed.data) ? horizonsCell(parsed.data) : (parsed.data as string | number);
    else scenario.capacities[team!] = parsed.data as number;
  });
  const weights = (['Impact weight', 'Readiness weight', 'Friction weight'] as const).map((l) => scenario.settings[l]);
  if (weights.every((w) => w === 0)) {
    issues.push(issueAt(where(nameColumn), 'invalid-scenario', () => `Scenario "${name.value}" sets all three weights to 0, so nothing could be ranked; its weights are left out.`));
    for (const l of ['Impact weight', 'Readiness weight', 'Friction weight'] as const) delete scenario.settings[l];
  }
  return scenario;
}

function readOverrideRow(table: RawTable, rowIndex: number, columns: number[], issues: Issue[]): { scenario: string; override: ScenarioOverride; where: Where } | undefined {
  const row = table.rows[rowIndex]!;
  const [scenarioColumn, idColumn, nameColumn, choiceColumn, reasonColumn] = columns as [number, number, number, number, number];
  const cell = (column: number): CellValue => (column < 0 ? '' : (row[column] ?? ''));
  const where = (column: number): Where => ({ table, rowIndex, column: Math.max(0, column) });
  if (columns.every((c) => isBlank(cell(c)))) return undefined;
  const scenario = text.read(cell(scenarioColumn));
  const id = text.read(cell(idColumn));
  const name = text.read(cell(nameColumn));
  const choice = overrideReader.read(cell(choiceColumn));
  const reason = text.read(cell(reasonColumn));
  const label = id.kind === 'value' ? id.value : name.kind === 'value' ? name.value : undefined;
  const problem = (column: number, message: (place: string) => string) => void issues.push(issueAt(where(column), 'invalid-scenario', message));
  if (scenario.kind !== 'value') return problem(scenarioColumn, (place) => `The override at ${place} names no scenario, so it is left out.`);
  if (label === undefined) return problem(idColumn, (place) => `The override of scenario "${scenario.value}" at ${place} names no initiative (ID or name), so it is left out.`);
  if (choice.kind !== 'value') {
    const shown = choice.kind === 'error' ? `is ${choice.shown}` : 'is blank';
    return problem(choiceColumn, (place) => `The override of ${label} in scenario "${scenario.value}" (${place}) ${shown}; expected In or Out. It is left out.`);
  }
  if (reason.kind !== 'value') {
    return problem(reasonColumn, (place) => `The override of ${label} in scenario "${scenario.value}" (${place}) has no reason, so it is left out; write the reason beside it.`);
  }
  const override: ScenarioOverride = {
    ...(id.kind === 'value' ? { id: id.value } : {}),
    initiative: name.kind === 'value' ? name.value : label,
    choice: choice.value as OverrideChoice,
    reason: reason.value,
    at: { sheet: table.sheet, cell: cellOf(where(choiceColumn)) },
  };
  return { scenario: scenario.value, override, where: where(scenarioColumn) };
}

/** Every scenario on the sheet, its overrides attached, and what could not be read. */
export function readScenarios(tables: ScenarioTables): ScenariosRead {
  const issues: Issue[] = [];
  const issuesByScenario: Record<string, Issue[]> = {};
  const scenarios: Scenario[] = [];
  const table = parseTable(tables.scenarios, 'scenarios', issues);
  if (table) {
    const nameColumn = columnOf(table, SCENARIO_COLUMN);
    if (nameColumn < 0) {
      issues.push({ code: 'missing-required-column', severity: 'warning', sheet: table.sheet, message: `The scenarios table on ${table.sheet} has no "${SCENARIO_COLUMN}" column, so no scenario can be read.` });
    } else {
      table.rows.forEach((_, rowIndex) => {
        const own: Issue[] = [];
        const scenario = readScenarioRow(table, rowIndex, nameColumn, own);
        issues.push(...own);
        if (!scenario) return;
        if (scenarios.some((s) => sameScenarioName(s.name, scenario.name))) {
          issues.push(issueAt({ table, rowIndex, column: nameColumn }, 'duplicate-scenario', (place) => `Scenario "${scenario.name}" in ${place} repeats a name above it; only the first one is used.`));
          return;
        }
        scenarios.push(scenario);
        issuesByScenario[scenario.name] = own;
      });
    }
  }
  const overrides = parseTable(tables.overrides, 'scenario overrides', issues);
  if (overrides) {
    const columns = OVERRIDE_COLUMNS.map((h) => columnOf(overrides, h));
    if (columns[0]! < 0 || columns[3]! < 0 || (columns[1]! < 0 && columns[2]! < 0)) {
      issues.push({
        code: 'missing-required-column',
        severity: 'warning',
        sheet: overrides.sheet,
        message: `The scenario overrides table on ${overrides.sheet} needs the columns ${OVERRIDE_COLUMNS.join(', ')}; no scenario override can be read.`,
      });
    } else {
      overrides.rows.forEach((_, rowIndex) => {
        const own: Issue[] = [];
        const read = readOverrideRow(overrides, rowIndex, columns, own);
        const owner = read ? scenarios.find((s) => sameScenarioName(s.name, read.scenario)) : undefined;
        if (read && !owner) {
          own.push(issueAt(read.where, 'unknown-scenario', (place) => `The override at ${place} belongs to scenario "${read.scenario}", which is not in the scenarios table; it is left out.`));
        }
        issues.push(...own);
        if (owner && read) owner.overrides.push(read.override);
        else if (own.length > 0 && read === undefined) {
          const named = scenarios.find((s) => sameScenarioName(s.name, String(overrides.rows[rowIndex]?.[columns[0]!] ?? '')));
          if (named) issuesByScenario[named.name]!.push(...own);
        }
      });
    }
  }
  return { scenarios, issues, issuesByScenario };
}
