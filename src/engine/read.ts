// From a raw table to initiatives and issues. zod checks the table's shape at
// this boundary; the cell readers do the rest. A bad cell invalidates its row
// only: every other row is still read.

import { z } from 'zod';
import { a1, qualified } from './address';
import { normalise, plainText, quantity, text, type CellReader } from './cells';
import { INPUT_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, demandHeader, inputKeyOf, outputKeyOf, type InputKey, type OutputKey } from './columns';
import type { CellValue, Initiative, Issue, IssueCode, RawTable, Team } from './types';

// zod checks the table's envelope. Walking 300,000 cells through zod would cost more than the
// whole engine, so each cell's shape is checked by `toCell` in the same pass that reads it.
const rawTableSchema = z.object({
  sheet: z.string(),
  name: z.string(),
  headers: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((h) => (h === null ? '' : String(h)))),
  rows: z.custom<unknown[][]>((rows) => Array.isArray(rows) && rows.every(Array.isArray), 'rows must be arrays of cells'),
  origin: z.object({ row: z.number().int().min(0), column: z.number().int().min(0) }),
});

/** What an adapter handed us, in the engine's cell shapes: null and undefined are blank; anything else is unreadable. */
function toCell(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

export type ColumnMap = {
  inputs: Partial<Record<InputKey, number>>;
  outputs: Partial<Record<OutputKey, number>>;
  /** Team name (as the Capacity table spells it) to column index. */
  demand: Record<string, number>;
  /** Multiplier stated in the value column's header: "Annual value ($M)" means 1.2 is 1,200,000. */
  valueMultiplier: number;
};

// A unit in brackets after a header: "Data quality (1-5)", "Annual value ($M)", "Value [£000s]".
const HEADER_UNIT = /^(.*?)\s*[([]([^)\]]*)[)\]]\s*$/;

function headerUnit(header: string): { base: string; unit: string } | undefined {
  const match = HEADER_UNIT.exec(header);
  return match?.[1] ? { base: match[1], unit: match[2] ?? '' } : undefined;
}

/** 1e6 for "$M", "m", "millions"; 1e3 for "k", "000s", "thousands"; 1e9 for "bn". */
export function unitMultiplier(unit: string): number {
  const u = unit.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(m|mm|mn|mio|millions?)$/.test(u)) return 1e6;
  if (/^(k|000s?|thousands?)$/.test(u)) return 1e3;
  if (/^(b|bn|billions?)$/.test(u)) return 1e9;
  return 1;
}

/** Amounts in a "($M)" column: plain numbers are scaled, text with its own suffix ("$1.2M") is not. */
const scaleAmount = (cell: CellValue, value: number, multiplier: number): number =>
  multiplier === 1 || (typeof cell === 'string' && /[kmb]|thousand|million|billion/i.test(cell)) ? value : value * multiplier;

export type InitiativesRead = {
  initiatives: Initiative[];
  columns: ColumnMap;
  issues: Issue[];
  /** False when nothing can be planned from this table (no name column, no rows, unusable shape). */
  usable: boolean;
};

export function mapColumns(table: RawTable, teams: Team[]): { columns: ColumnMap; issues: Issue[] } {
  const columns: ColumnMap = { inputs: {}, outputs: {}, demand: {}, valueMultiplier: 1 };
  const issues: Issue[] = [];
  const teamByName = new Map(teams.map((t) => [normalise(t.name), t.name]));
  table.headers.forEach((header, index) => {
    const where = a1(table.origin.row, table.origin.column + index);
    const unit = inputKeyOf(header) === undefined ? headerUnit(header) : undefined;
    const input = inputKeyOf(header) ?? (unit ? inputKeyOf(unit.base) : undefined);
    if (input === 'annualValue' && unit && columns.inputs.annualValue === undefined) columns.valueMultiplier = unitMultiplier(unit.unit);
    const output = outputKeyOf(header);
    const demand = demandHeader(header);
    const team = teamByName.get(normalise(demand.team)) ?? (unit ? teamByName.get(normalise(demandHeader(unit.base).team)) : undefined);
    const target = input
      ? { map: columns.inputs as Record<string, number>, key: input as string }
      : output
        ? { map: columns.outputs as Record<string, number>, key: output as string }
        : team !== undefined
          ? { map: columns.demand, key: team }
          : undefined;
    if (!target) {
      if (demand.explicit && normalise(demand.team) !== '') {
        issues.push({
          code: 'demand-column-without-team',
          severity: 'warning',
          sheet: table.sheet,
          column: header,
          cell: where,
          message: `Column "${header}" (${qualified(table.sheet, where)}) asks for capacity from "${demand.team}", which is not a team in the Capacity table; add the team there or its demand is not capped.`,
        });
      }
      return;
    }
    if (target.map[target.key] !== undefined) {
      issues.push({
        code: 'duplicate-column',
        severity: 'warning',
        sheet: table.sheet,
        column: header,
        cell: where,
        message: `Column "${header}" (${qualified(table.sheet, where)}) repeats a column already found to its left; only the first one is used.`,
      });
      return;
    }
    target.map[target.key] = index;
  });
  for (const column of INPUT_COLUMNS) {
    if (columns.inputs[column.key] !== undefined || OPTIONAL_COLUMNS.includes(column.key)) continue;
    const required = REQUIRED_COLUMNS.includes(column.key);
    issues.push({
      code: required ? 'missing-required-column' : 'missing-column',
      severity: required ? 'fatal' : 'warning',
      sheet: table.sheet,
      column: column.header,
      message: required
        ? `Table ${table.name} on ${table.sheet} has no "${column.header}" column (or "Name", "Use case"); add one so each initiative has a name.`
        : `Table ${table.name} has no "${column.header}" column; it is treated as unknown for every initiative.`,
    });
  }
  for (const team of teams) {
    if (columns.demand[team.name] !== undefined) continue;
    issues.push({
      code: 'team-without-demand-column',
      severity: 'warning',
      sheet: table.sheet,
      column: team.name,
      message: `The Capacity table lists ${team.name}, but ${table.name} has no "${team.name}" demand column; no initiative is counted against it.`,
    });
  }
  return { columns, issues };
}

/** Position of each input column in `INPUT_COLUMNS`: a row's readings are kept in an array in that order. */
const SLOT = Object.fromEntries(INPUT_COLUMNS.map((c, i) => [c.key, i])) as Record<InputKey, number>;

/** The sheet row of a table body row (zero-based, as `a1` takes it). */
const sheetRowOf = (table: RawTable, rowIndex: number): number => table.origin.row + 1 + rowIndex;

function cellIssue(table: RawTable, rowIndex: number, code: IssueCode, column: number, message: (where: string) => string): Issue {
  const cell = a1(sheetRowOf(table, rowIndex), table.origin.column + column);
  return {
    code,
    severity: code === 'duplicate-id' || code === 'override-without-reason' ? 'warning' : 'error',
    sheet: table.sheet,
    column: table.headers[column],
    cell,
    rowIndex,
    message: message(qualified(table.sheet, cell)),
  };
}

function unreadable(table: RawTable, rowIndex: number, column: number, shown: string, expected: string, isNumber: boolean): Issue {
  const header = table.headers[column] ?? '';
  return cellIssue(table, rowIndex, isNumber ? 'out-of-range' : 'unreadable-cell', column, (where) => `${header} in ${where} is ${shown}; expected ${expected}.`);
}

export function readInitiatives(rawTable: RawTable, teams: Team[]): InitiativesRead {
  const shape = rawTableSchema.safeParse(rawTable);
  if (!shape.success) {
    return {
      initiatives: [],
      columns: { inputs: {}, outputs: {}, demand: {}, valueMultiplier: 1 },
      usable: false,
      issues: [{ code: 'missing-table', severity: 'fatal', sheet: String(rawTable?.sheet ?? ''), message: 'The initiatives table could not be read: its rows are not a grid of cells.' }],
    };
  }
  const table = shape.data as RawTable;
  const { columns, issues } = mapColumns(table, teams);
  if (issues.some((i) => i.severity === 'fatal')) return { initiatives: [], columns, issues, usable: false };

  const readers = INPUT_COLUMNS.flatMap((column, slot) => {
    const index = columns.inputs[column.key];
    return index === undefined
      ? []
      : [{ reader: column.reader as CellReader<unknown>, plain: column.reader === text, slot, index, isValue: column.key === 'annualValue' }];
  });
  // Two plain arrays, walked by position: the row loop reads them 50,000 times at 10,000 rows.
  const demandTeams = Object.keys(columns.demand);
  const demandIndices = demandTeams.map((team) => columns.demand[team]!);
  const nameColumn = columns.inputs.name!;
  const initiatives: Initiative[] = [];
  const keys = new Set<string>();
  const firstRowOfId = new Map<string, number>();
  const values: unknown[] = new Array(INPUT_COLUMNS.length);
  // A row's unreadable cells: one list serves every row, its issues are copied out at the row's end.
  const rowIssues: Issue[] = [];
  // Requires and Excludes name other rows, so they are resolved once every row is read.
  const references: RowReferences[] = [];

  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex++) {
    const row = table.rows[rowIndex] as unknown[];
    // Readings in INPUT_COLUMNS order; an array keeps this hot loop free of dynamic property writes.
    // One array serves every row (each reader writes its slot, read or not); the readings are copied
    // into the initiative below.
    rowIssues.length = 0;
    let anyContent = false;
    let nameUnreadable = false;
    for (let r = 0; r < readers.length; r++) {
      const { reader, plain, slot, index, isValue } = readers[r]!;
      const cell = toCell(row[index]);
      if (cell === undefined) {
        values[slot] = undefined;
        rowIssues.push(unreadable(table, rowIndex, index, 'an object', reader.expected, false));
        anyContent = true;
        continue;
      }
      // Free text is read without a result object (see plainText); an unreadable one falls through for its message.
      if (plain) {
        const value = plainText(cell);
        if (value !== null) {
          values[slot] = value;
          if (value !== undefined) anyContent = true;
          continue;
        }
      }
      const read = reader.read(cell);
      // A reader says blank exactly when the cell is blank: the row has content otherwise.
      if (read.kind !== 'blank') anyContent = true;
      values[slot] = read.kind === 'value' ? (isValue ? scaleAmount(cell, read.value as number, columns.valueMultiplier) : read.value) : undefined;
      if (read.kind === 'error') {
        rowIssues.push(unreadable(table, rowIndex, index, read.shown, read.expected, typeof cell === 'number'));
        if (index === nameColumn) nameUnreadable = true;
      }
    }
    const demand: Record<string, number> = {};
    for (let d = 0; d < demandTeams.length; d++) {
      const team = demandTeams[d]!;
      const index = demandIndices[d]!;
      const cell = toCell(row[index]) ?? '';
      const read = quantity.read(cell);
      if (read.kind !== 'blank') anyContent = true;
      if (read.kind === 'value') {
        if (read.value > 0) demand[team] = read.value;
      } else if (read.kind === 'error') rowIssues.push(unreadable(table, rowIndex, index, read.shown, `${read.expected} (demand on ${team})`, typeof cell === 'number'));
    }
    if (!anyContent) continue; // A wholly blank row is a gap in the table, not an initiative.

    const name = values[SLOT.name] as string | undefined;
    if (name === undefined && !nameUnreadable) {
      rowIssues.push(cellIssue(table, rowIndex, 'missing-name', nameColumn, (where) => `The row at ${where} has no initiative name; name it so it can be planned.`));
    }
    const id = values[SLOT.id] as string | undefined;
    const foldedId = id === undefined ? undefined : normalise(id);
    let firstWithId = false;
    if (foldedId !== undefined) {
      const first = firstRowOfId.get(foldedId);
      firstWithId = first === undefined;
      if (first === undefined) firstRowOfId.set(foldedId, sheetRowOf(table, rowIndex));
      else {
        issues.push(cellIssue(table, rowIndex, 'duplicate-id', columns.inputs.id!, (where) => `ID "${id}" in ${where} is already used on row ${first + 1}; give each initiative its own ID.`));
      }
    }
    let override = values[SLOT.override] as Initiative['override'];
    const overrideReason = values[SLOT.overrideReason] as string | undefined;
    if (override && !overrideReason) {
      const choice = override;
      issues.push(
        cellIssue(table, rowIndex, 'override-without-reason', columns.inputs.override!, (where) =>
          `Override "${choice}" in ${where} has no reason, so it is ignored; write the reason in the Override reason column.`,
        ),
      );
      override = undefined;
    }
    const displayName = name ?? `Row ${sheetRowOf(table, rowIndex) + 1}`;
    // The key scenarios and the plan diff follow between runs. The first row with an ID cannot clash
    // with any other key (folded IDs have no "#"), so only names and repeats are checked: a set of
    // 10,000 keys cost more than the rest of the row.
    let key = foldedId !== undefined ? `id:${foldedId}` : `name:${normalise(displayName)}`;
    if (!firstWithId) {
      // A repeated ID's plain key went to its first row; a name's may still be free.
      const base = key;
      let n = 1;
      if (foldedId !== undefined) key = `${base}#${++n}`;
      while (keys.has(key)) key = `${base}#${++n}`;
      keys.add(key);
    }
    for (const issue of rowIssues) issues.push(issue);
    initiatives.push({
      rowIndex,
      key,
      name: displayName,
      id,
      owner: values[SLOT.owner] as string | undefined,
      function: values[SLOT.function] as string | undefined,
      aiType: values[SLOT.aiType] as Initiative['aiType'],
      annualValue: values[SLOT.annualValue] as number | undefined,
      strategicFit: values[SLOT.strategicFit] as number | undefined,
      decisionChanged: values[SLOT.decisionChanged] as string | undefined,
      successMetric: values[SLOT.successMetric] as string | undefined,
      baselineMethod: values[SLOT.baselineMethod] as Initiative['baselineMethod'],
      decisionRightsShift: values[SLOT.decisionRightsShift] as number | undefined,
      workloadShift: values[SLOT.workloadShift] as number | undefined,
      incentiveMisalignment: values[SLOT.incentiveMisalignment] as number | undefined,
      newObligations: values[SLOT.newObligations] as number | undefined,
      integrationComplexity: values[SLOT.integrationComplexity] as number | undefined,
      dataRights: values[SLOT.dataRights] as Initiative['dataRights'],
      dataQuality: values[SLOT.dataQuality] as number | undefined,
      dataAvailability: values[SLOT.dataAvailability] as number | undefined,
      instrumentation: values[SLOT.instrumentation] as boolean | undefined,
      decisionLogging: values[SLOT.decisionLogging] as boolean | undefined,
      monitoringOwner: values[SLOT.monitoringOwner] as string | undefined,
      incidentProcess: values[SLOT.incidentProcess] as boolean | undefined,
      riskTier: values[SLOT.riskTier] as Initiative['riskTier'],
      phaseRequested: values[SLOT.phaseRequested] as Initiative['phaseRequested'],
      demand,
      override,
      overrideReason,
      invalid: rowIssues.length > 0,
    });
    const requiresText = values[SLOT.requires] as string | undefined;
    const excludesText = values[SLOT.excludes] as string | undefined;
    if (requiresText !== undefined || excludesText !== undefined) references.push({ at: initiatives.length - 1, requiresText, excludesText });
  }
  if (references.length > 0) resolveReferences(table, columns, initiatives, references, issues);

  if (initiatives.length === 0) {
    issues.push({
      code: 'empty-table',
      severity: 'fatal',
      sheet: table.sheet,
      message: `Table ${table.name} on ${table.sheet} has no initiatives yet; add one row per initiative.`,
    });
    return { initiatives, columns, issues, usable: false };
  }
  return { initiatives, columns, issues, usable: true };
}

type RowReferences = { at: number; requiresText?: string; excludesText?: string };

/** The references of a Requires or Excludes cell: IDs or names separated by commas or semicolons. */
export const splitReferences = (cell: string): string[] =>
  cell
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Turns the Requires and Excludes cells into initiative keys. A reference to no initiative, to the
 * row itself, or to one the row both requires and excludes is a problem naming its cell; that
 * reference is ignored and the rest of the row is planned as usual.
 */
function resolveReferences(table: RawTable, columns: ColumnMap, initiatives: Initiative[], references: RowReferences[], issues: Issue[]): void {
  // IDs win over names: "B7" finds the initiative whose ID is B7 before one named "B7".
  const byId = new Map<string, Initiative>();
  const byName = new Map<string, Initiative>();
  for (const initiative of initiatives) {
    if (initiative.id !== undefined && !byId.has(normalise(initiative.id))) byId.set(normalise(initiative.id), initiative);
    if (!byName.has(normalise(initiative.name))) byName.set(normalise(initiative.name), initiative);
  }
  const problem = (rowIndex: number, column: number, message: (where: string) => string): void => {
    issues.push({ ...cellIssue(table, rowIndex, 'bad-reference', column, message), severity: 'warning' });
  };
  const resolve = (initiative: Initiative, cell: string, column: number, header: string): Initiative[] => {
    const found: Initiative[] = [];
    for (const reference of splitReferences(cell)) {
      const target = byId.get(normalise(reference)) ?? byName.get(normalise(reference));
      if (target === undefined) {
        problem(initiative.rowIndex, column, (where) => `${header} in ${where} names "${reference}", which is no initiative's ID or name; that reference is ignored.`);
      } else if (target === initiative) {
        problem(initiative.rowIndex, column, (where) => `${header} in ${where} names the initiative itself ("${reference}"); that reference is ignored.`);
      } else if (!found.includes(target)) found.push(target);
    }
    return found;
  };
  const requiresColumn = columns.inputs.requires;
  const excludesColumn = columns.inputs.excludes;
  for (const { at, requiresText, excludesText } of references) {
    const initiative = initiatives[at]!;
    const requires = requiresText !== undefined && requiresColumn !== undefined ? resolve(initiative, requiresText, requiresColumn, table.headers[requiresColumn] ?? 'Requires') : [];
    const excludes = excludesText !== undefined && excludesColumn !== undefined ? resolve(initiative, excludesText, excludesColumn, table.headers[excludesColumn] ?? 'Excludes') : [];
    const both = requires.filter((target) => excludes.includes(target));
    for (const target of both) {
      problem(initiative.rowIndex, excludesColumn!, (where) => `${table.headers[excludesColumn!] ?? 'Excludes'} in ${where} names ${target.name}, which the row also requires; it can't be both, so neither is kept.`);
    }
    const kept = (list: Initiative[]) => list.filter((target) => !both.includes(target)).map((target) => target.key);
    const requiredKeys = kept(requires);
    const excludedKeys = kept(excludes);
    if (requiredKeys.length > 0) initiative.requires = requiredKeys;
    if (excludedKeys.length > 0) initiative.excludes = excludedKeys;
  }
}

export type CapacityRead = { teams: Team[]; issues: Issue[] };

/** The Capacity table: Team, Capacity, Unit. A capacity that cannot be read counts as 0 so nothing is over-committed. */
export function readCapacity(rawTable: RawTable | undefined, overrides: Record<string, number> = {}): CapacityRead {
  if (!rawTable) return { teams: [], issues: [] };
  const issues: Issue[] = [];
  const find = (...names: string[]) => rawTable.headers.findIndex((h) => names.includes(normalise(String(h))));
  const teamColumn = find('team', 'teamname', 'bottleneck', 'sharedteam');
  const capacityColumn = find('capacity', 'capacityperperiod', 'available');
  const unitColumn = find('unit', 'units');
  if (teamColumn < 0 || capacityColumn < 0) {
    issues.push({
      code: 'missing-required-column',
      severity: 'warning',
      sheet: rawTable.sheet,
      message: `The Capacity table on ${rawTable.sheet} needs Team and Capacity columns; no team caps are applied.`,
    });
    return { teams: [], issues };
  }
  const overrideByTeam = new Map(Object.entries(overrides).map(([team, value]) => [normalise(team), value]));
  const teams: Team[] = [];
  rawTable.rows.forEach((row, rowIndex) => {
    const nameRead = text.read(toCell(row[teamColumn]) ?? '');
    if (nameRead.kind !== 'value') return;
    const name = nameRead.value;
    const capacityCell = a1(rawTable.origin.row + 1 + rowIndex, rawTable.origin.column + capacityColumn);
    if (teams.some((t) => normalise(t.name) === normalise(name))) {
      issues.push({
        code: 'duplicate-team',
        severity: 'warning',
        sheet: rawTable.sheet,
        column: rawTable.headers[teamColumn],
        cell: a1(rawTable.origin.row + 1 + rowIndex, rawTable.origin.column + teamColumn),
        message: `Team ${name} appears twice in the Capacity table; only its first row is used.`,
      });
      return;
    }
    const unit = unitColumn >= 0 ? String(row[unitColumn] ?? '').trim() : '';
    const override = overrideByTeam.get(normalise(name));
    const read = quantity.read(toCell(row[capacityColumn]) ?? '');
    let capacity = 0;
    if (override !== undefined) capacity = override;
    else if (read.kind === 'value') capacity = read.value;
    else {
      issues.push({
        code: 'invalid-capacity',
        severity: 'warning',
        sheet: rawTable.sheet,
        column: rawTable.headers[capacityColumn],
        cell: capacityCell,
        message:
          read.kind === 'blank'
            ? `${name} has no capacity in ${qualified(rawTable.sheet, capacityCell)}; it counts as 0 until it is filled in.`
            : `${name}'s capacity in ${qualified(rawTable.sheet, capacityCell)} is ${read.shown}; expected ${read.expected}. It counts as 0 until fixed.`,
      });
    }
    teams.push({ name, capacity, unit });
  });
  return { teams, issues };
}
