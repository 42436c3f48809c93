// The Scenarios sheet: a table of scenarios (one row each: its settings and a
// column per team capacity) and, below it, a table of their overrides (one row
// per scenario and initiative), so names and reasons need no escaping and read
// as they are in plain Excel. The sheet is rebuilt from what it held plus one
// change: every row and column the user added or edited comes back as it was,
// bad values included (they stay reported, never silently dropped).

import { normalise } from '../engine/cells';
import { CAPACITY_PREFIX, capacityTeamOf } from '../engine/settings';
import { OVERRIDE_COLUMNS, SAVED_AT_COLUMN, SAVED_BY_COLUMN, SCENARIO_COLUMN, type ScenarioTables } from '../engine/scenarios/readScenarios';
import { SCENARIO_SETTING_LABELS, sameScenarioName, type Scenario } from '../engine/scenarios/scenario';
import type { CellValue, RawTable } from '../engine/types';
import { DATE_FORMAT, excelSerial } from './decisionLog';
import { SheetBuilder, TEXT_FORMAT, type LayoutCell, type SheetLayout } from './grid';
import { OWNER_MARK, SCENARIOS_SHEET, SCENARIOS_TABLE, SCENARIO_OVERRIDES_TABLE } from './names';

export type ScenarioChange = { kind: 'save'; scenario: Scenario } | { kind: 'delete'; name: string };

/** Zero-based row of the scenarios table's header. */
export const SCENARIOS_HEADER_ROW = 3;

type Row = Map<string, CellValue>;
type Block = { headers: string[]; rows: Row[] };

const TEXT_COLUMNS = new Set(['Scenario', 'Selection method', 'Optimise for', 'Planning period', SAVED_BY_COLUMN, ...OVERRIDE_COLUMNS].map(normalise));

/** A table's rows as header → value, so a row keeps its cells whatever columns move. */
function blockOf(table: RawTable | undefined): Block {
  if (!table) return { headers: [], rows: [] };
  const headers = table.headers.map(String);
  const rows = table.rows
    .filter((row) => row.some((cell) => cell !== '' && cell !== null && cell !== undefined))
    .map((row) => new Map(headers.map((h, i) => [h, row[i] ?? ''] as [string, CellValue])));
  return { headers, rows };
}

/** `wanted` headers first, in their order, then the table's other columns as they were (the user's own). */
function orderHeaders(wanted: string[], existing: string[]): string[] {
  const taken = new Set(wanted.map(normalise));
  return [...wanted, ...existing.filter((h) => !taken.has(normalise(h)))];
}

/** The value under `header` in a row, matching headers as the reader does (case and punctuation aside). */
const valueIn = (row: Row, header: string): CellValue => {
  for (const [h, v] of row) if (normalise(h) === normalise(header)) return v;
  return '';
};

const nameOf = (row: Row): string => String(valueIn(row, SCENARIO_COLUMN) ?? '');

function scenarioRow(scenario: Scenario, previous: Row | undefined): Row {
  const row: Row = new Map(previous ?? []);
  const put = (header: string, value: CellValue) => {
    for (const h of row.keys()) if (normalise(h) === normalise(header)) row.delete(h);
    row.set(header, value);
  };
  put(SCENARIO_COLUMN, scenario.name);
  for (const label of SCENARIO_SETTING_LABELS) put(label, scenario.settings[label] ?? '');
  for (const h of [...row.keys()]) if (capacityTeamOf(h) !== undefined) put(h, '');
  for (const [team, capacity] of Object.entries(scenario.capacities)) put(`${CAPACITY_PREFIX}${team}`, capacity);
  put(SAVED_AT_COLUMN, scenario.savedAt ? excelSerial(scenario.savedAt) : '');
  put(SAVED_BY_COLUMN, scenario.savedBy ?? '');
  return row;
}

function capacityHeaders(rows: Row[], existing: string[]): string[] {
  const headers: string[] = [];
  const add = (h: string) => capacityTeamOf(h) !== undefined && !headers.some((x) => normalise(x) === normalise(h)) && headers.push(h);
  existing.forEach(add);
  for (const row of rows) for (const [h, v] of row) if (v !== '') add(h);
  return headers;
}

function applyChange(scenarios: Block, overrides: Block, change: ScenarioChange): { scenarios: Block; overrides: Block } {
  const name = change.kind === 'save' ? change.scenario.name : change.name;
  const others = (rows: Row[]) => rows.filter((row) => !sameScenarioName(nameOf(row), name));
  let scenarioRows = others(scenarios.rows);
  let overrideRows = others(overrides.rows);
  if (change.kind === 'save') {
    // A scenario saved again keeps its place (and the user's notes beside it); a new one goes last.
    const previous = scenarios.rows.find((row) => sameScenarioName(nameOf(row), name));
    const row = scenarioRow(change.scenario, previous);
    scenarioRows = previous ? scenarios.rows.flatMap((r) => (r === previous ? [row] : sameScenarioName(nameOf(r), name) ? [] : [r])) : [...scenarioRows, row];
    overrideRows = [
      ...overrideRows,
      ...change.scenario.overrides.map(
        (o) =>
          new Map<string, CellValue>([
            ['Scenario', change.scenario.name],
            ['Initiative ID', o.id ?? ''],
            ['Initiative', o.initiative],
            ['Override', o.choice],
            ['Override reason', o.reason],
          ]),
      ),
    ];
  }
  const wantedScenarioHeaders = [SCENARIO_COLUMN, ...SCENARIO_SETTING_LABELS, ...capacityHeaders(scenarioRows, scenarios.headers), SAVED_AT_COLUMN, SAVED_BY_COLUMN];
  return {
    scenarios: { headers: orderHeaders(wantedScenarioHeaders, scenarios.headers), rows: scenarioRows },
    overrides: { headers: orderHeaders([...OVERRIDE_COLUMNS], overrides.headers), rows: overrideRows },
  };
}

/** Text stays text (a name like "=Board view" too); a blank number cell stays General so typing a number there works. */
function formatOf(header: string, value: CellValue): string | null {
  if (value === '') return TEXT_COLUMNS.has(normalise(header)) ? TEXT_FORMAT : null;
  if (typeof value === 'string') return TEXT_FORMAT;
  return normalise(header) === normalise(SAVED_AT_COLUMN) && typeof value === 'number' ? DATE_FORMAT : null;
}

function table(s: SheetBuilder, block: Block, name: string): void {
  const header = s.row([...block.headers], block.headers.map(() => TEXT_FORMAT), 'header');
  // An Excel table keeps at least one body row; a blank one reads as no scenario.
  const rows = block.rows.length > 0 ? block.rows : [new Map<string, CellValue>()];
  for (const row of rows) {
    const cells: LayoutCell[] = block.headers.map((h) => row.get(h) ?? valueIn(row, h));
    s.row(cells, block.headers.map((h, i) => formatOf(h, cells[i] as CellValue)));
  }
  s.tables.push({ name, row: header, column: 0, rows: rows.length + 1, columns: block.headers.length });
}

const widthOf = (header: string): number => {
  const key = normalise(header);
  if (key === normalise(SCENARIO_COLUMN)) return 28;
  if (key === 'overridereason') return 44;
  if (key === 'initiative' || key === 'planningperiod') return 26;
  return Math.min(30, Math.max(12, header.length + 2));
};

/** The Scenarios sheet as it was (`existing`, read through the port) with `change` made. */
export function scenariosSheet(existing: ScenarioTables, change: ScenarioChange, name = SCENARIOS_SHEET): SheetLayout {
  const { scenarios, overrides } = applyChange(blockOf(existing.scenarios), blockOf(existing.overrides), change);
  const width = Math.max(scenarios.headers.length, overrides.headers.length);
  const s = new SheetBuilder(width);
  s.row(['Scenarios'], [], 'title');
  s.row(
    [`${OWNER_MARK}. One row per saved scenario: its settings and each team's capacity (blank: the Capacity table's). Save, switch and compare them in the task pane.`],
    [TEXT_FORMAT],
    'note',
  );
  s.blank();
  table(s, scenarios, SCENARIOS_TABLE);
  s.blank();
  s.blank();
  s.row(['Overrides of each scenario'], [], 'section');
  s.row(['While a scenario is in force its overrides win over the Override column of the Initiatives table; that table is never changed.'], [TEXT_FORMAT], 'note');
  table(s, overrides, SCENARIO_OVERRIDES_TABLE);
  const widths = Array.from({ length: width }, (_, c) => Math.max(widthOf(scenarios.headers[c] ?? ''), widthOf(overrides.headers[c] ?? '')));
  return s.build(name, widths, 0);
}
