// The workbook port over an .xlsx package, for the command: `read` reads the
// tables a run needs from their sheets' XML; `write` checks everything first
// (the table is the one that was read, the output columns have room, the sheet
// names are ours) and only then edits the parts it changes. Saving is the
// session's step (session.ts).

import { qualified } from '../../engine/address';
import { normalise } from '../../engine/cells';
import type { LayoutCell } from '../../layout/grid';
import { noRoadmapSheet } from '../../layout/roadmapSheet';
import { placeOutputColumns, recordedOutputs, recordEdits, type OutputColumnPlacement } from '../../layout/ownedColumns';
import type { SettingsEdits } from '../../layout/settingsEdits';
import { meaningColumn } from '../../layout/settingsSheet';
import { inputFingerprint } from '../../engine/fingerprint';
import { isColumnMappingTable } from '../../engine/columnMapping';
import { findFxRatesTable } from '../../engine/currency';
import { numberColumnIndices } from '../../engine/headers';
import { listWords } from '../../engine/format';
import type { Plan } from '../../engine/plan';
import { readSettings } from '../../engine/settings';
import { capacityTableAmong } from '../../layout/capacityTable';
import type { RawTable } from '../../engine/types';
import { logRowUnder } from '../../layout/decisionLog';
import { inDateSystem1904 } from '../../layout/dateSystem';
import { columnLetters } from '../../engine/address';
import { HIGHLIGHTS_BY_COLUMN, type OutputColumnsLayout } from '../../layout/outputColumns';
import { DECISION_LOG_TABLE, INITIATIVES_TABLE, isAddinTable, SCENARIO_OVERRIDES_TABLE, SCENARIOS_TABLE } from '../../layout/names';
import { nextFreeSheetName } from '../../layout/names';
import { planSettingsSheet, type PlanLayout } from '../../layout/planLayout';
import { changedProblem, DEFAULT_SHEET_NAMES, lockedStructureProblem, mergedOutputProblem, nameTakenProblem, protectedProblem, userColumnProblem } from '../../port/problems';
import type { RenamedSheet, SheetRole, TableInfo, WorkbookPort, WorkbookSnapshot, WriteOptions, WriteOutcome } from '../../port/workbookPort';
import { formatRange, overlaps } from '../exceljs/range';
import { cellXml, highlightsXml } from './render';
import { growDimension, splitSheet, setCell, setWidths, shiftRowsDown, styleAt, topPriority, withHighlights, withoutHighlights, withRowHeight, writeCells, writeCellsTo, type CellWrites } from './editSheet';
import { XmlBytes } from './xmlBytes';
import { paperSizeOf } from './pageSetup';
import { geometryOf, resizedTablePart, type TableGeometry, type TablePart } from './tables';
import type { ReadTable, SurgicalWorkbook } from './workbook';

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

/** `resting`: 1-based sheet columns of the prioritiser's columns this run does not write (OutputColumnPlacement.resting), blanked. */
type Placement = { columns: number[]; appended: number; geometry: TableGeometry; headers: string[]; resting: number[] };

const NOT_IN_A_FILE = 'The command changes a workbook file only by running the plan; do this in Excel with the add-in.';

export function surgicalPort(book: SurgicalWorkbook): WorkbookPort {
  const read = (name: string, options: { formats?: boolean } = {}) => {
    const table = book.findTable(name);
    // The number columns' formats are read: a number formatted as euros is euros, one formatted as a date is no number.
    return table && book.readTable(table, options.formats ? { formatColumns: numberColumnIndices(table.columns) } : {});
  };
  const settingsTable = () => {
    const part = book.settingsTable();
    return part && book.readTable(part);
  };
  // The check before a write fingerprints the table again; a table unchanged since the read is the very same object.
  const fingerprints = new WeakMap<RawTable, string>();
  const fingerprintOf = (raw: RawTable): string => {
    let fingerprint = fingerprints.get(raw);
    if (fingerprint === undefined) fingerprints.set(raw, (fingerprint = inputFingerprint(raw)));
    return fingerprint;
  };
  const initiativesTable = (settings: RawTable | undefined, options: { formats?: boolean } = {}) => {
    const wanted = readSettings(settings).settings.initiativesTable;
    return read(wanted, options) ?? read(INITIATIVES_TABLE, options);
  };

  /** The Column mapping and FX rates tables, found by name or headers among the tables besides the initiatives. */
  function userTables(initiatives: TablePart | undefined): Pick<WorkbookSnapshot, 'columnMapping' | 'fxRates'> {
    const others = book.tables().filter((t) => t.path !== initiatives?.path);
    const mapping = others.find((t) => isColumnMappingTable(t.name, t.columns));
    const fx = findFxRatesTable(others.filter((t) => t !== mapping), (t) => t.name, (t) => t.columns);
    const columnMapping = mapping && book.readTable(mapping)?.raw;
    const fxRates = fx && book.readTable(fx)?.raw;
    return { ...(columnMapping ? { columnMapping } : {}), ...(fxRates ? { fxRates } : {}) };
  }

  function tableInfo(table: TablePart): TableInfo | undefined {
    const found = book.readTable(table);
    if (!found) return undefined;
    return { name: table.name, sheet: table.sheet.name, rows: found.raw.rows.length, columns: found.raw.headers.length, headers: found.raw.headers };
  }

  /** The first cell of `box` holding something, row by row (1-based), or undefined when all are empty. */
  function firstFilled(table: TablePart, box: { top: number; bottom: number; left: number; right: number }): { row: number; column: number } | undefined {
    const { values } = book.block(table.sheet, box);
    for (const [r, row] of values.entries()) {
      const c = row.findIndex((v) => v !== '');
      if (c !== -1) return { row: box.top + r, column: box.left + c };
    }
    return undefined;
  }

  function placeOutputs({ table, geometry, cellsRight }: ReadTable, owned: OutputColumnPlacement, layout: OutputColumnsLayout): Placement | { problem: string } {
    if (geometry.headerRow === undefined) return { problem: `Table ${table.name} has no header row, so its output columns cannot be found or added; turn on its header row in Excel (Table Design > Header Row).` };
    let next = geometry.right + 1;
    const columns = layout.keys.map((_, k) => {
      const at = owned.existing[k];
      return at === undefined ? next++ : geometry.left + at;
    });
    const appended = next - geometry.right - 1;
    // A merged block reaching an output column's cells: writing there would change the user's merged cell.
    const toZeroBased = (box: { top: number; left: number; bottom: number; right: number }) => ({ top: box.top - 1, left: box.left - 1, bottom: box.bottom - 1, right: box.right - 1 });
    const resting = owned.resting.map((r) => geometry.left + r.index);
    const written = [...columns, ...resting].map((c) => c - 1);
    const merged = mergedOutputProblem(table.sheet.name, book.merges(table.sheet).map(toZeroBased), { top: geometry.top - 1, bottom: geometry.bottom - 1 }, written, [...owned.headers, ...owned.resting.map((r) => r.header)]);
    if (merged) return { problem: merged.message };
    if (appended === 0) return { columns, appended, geometry, headers: owned.headers, resting };
    const area = { top: geometry.top, bottom: geometry.bottom, left: geometry.right + 1, right: next - 1 };
    const where = qualified(table.sheet.name, formatRange(area));
    const missing = listWords(owned.headers.filter((_, k) => owned.existing[k] === undefined));
    if (area.right > MAX_COLUMNS) return { problem: `Table ${table.name} ends too close to Excel's last column to add ${missing}; move the table left.` };
    const neighbour = book.tables().find((t) => t.sheet.path === table.sheet.path && t.path !== table.path && overlaps(geometryOf(t) ?? area, area));
    const filled = neighbour || !cellsRight ? undefined : firstFilled(table, area);
    if (neighbour || filled) {
      const data = filled ? `data (${qualified(table.sheet.name, `${columnLetters(filled.column - 1)}${filled.row}`)} first)` : '';
      return {
        problem: `The cells to the right of table ${table.name} (${where}) hold ${neighbour ? `table ${neighbour.name}` : data}, and the output columns ${missing} need them; move that ${neighbour ? 'table' : 'data'} or insert ${appended} empty columns after the table, then run again.`,
      };
    }
    return { columns, appended, geometry, headers: owned.headers, resting };
  }

  function writeOutputs(table: TablePart, layout: OutputColumnsLayout, placement: Placement): void {
    const styles = book.styles();
    const { geometry, columns } = placement;
    const xml = book.sheetXml(table.sheet);
    // The header row's new cells; the body's are made as the rows are written (bodyCells).
    const writes: CellWrites = new Map();
    const firstNew = geometry.right + 1;
    const headerStyle = styleAt(xml, geometry.headerRow!, geometry.right - 1);
    const widths = new Map<number, number>();
    const added: string[] = [];
    columns.forEach((column, k) => {
      if (column < firstNew) return;
      // The new header looks like its neighbours (a user's header fill, font or wrap).
      setCell(writes, geometry.headerRow!, column - 1, cellXml(`${columnLetters(column - 1)}${geometry.headerRow}`, placement.headers[k]!, headerStyle, book.sharedString)!);
      widths.set(column, layout.widths[k]!);
      added.push(placement.headers[k]!);
    });
    // Each column keeps the look its first cell has, with the output's number format.
    const cellStyles = columns.map((column, k) => styles.withNumberFormat(styleAt(xml, geometry.firstBodyRow, column - 1), layout.formats[k] ?? null));
    const letters = columns.map((c) => columnLetters(c - 1));
    const restingStyles = placement.resting.map((column) => styleAt(xml, geometry.firstBodyRow, column - 1));
    const restingLetters = placement.resting.map((column) => columnLetters(column - 1));
    // The body's cells are made row by row as the sheet is written, and dropped once written.
    const bodyCells = (row: number): Map<number, string> => {
      const values = layout.values[row - geometry.firstBodyRow];
      const cells = new Map<number, string>();
      columns.forEach((column, k) => cells.set(column - 1, cellXml(`${letters[k]}${row}`, values?.[k] ?? null, cellStyles[k]!, book.sharedString) ?? ''));
      // A column of the prioritiser's this run does not write keeps its header and look, not a stale result.
      restingStyles.forEach((style, j) => cells.set(placement.resting[j]! - 1, cellXml(`${restingLetters[j]}${row}`, null, style, book.sharedString) ?? ''));
      return cells;
    };
    const bodyRows = geometry.lastBodyRow - geometry.firstBodyRow + 1;
    const rows = [...writes.keys(), ...Array.from({ length: bodyRows }, (_, i) => geometry.firstBodyRow + i)];
    const parts = splitSheet(xml);
    const right = geometry.right + placement.appended;
    const head = growDimension(setWidths(parts.head, widths), right, geometry.bottom);
    let tail = parts.tail;
    let formats = '';
    // A previous run's formats go first, all of them, so ours are numbered after the user's alone and a rerun numbers them the same.
    for (const key of layout.keys) {
      const rules = HIGHLIGHTS_BY_COLUMN[key];
      if (rules) tail = withoutHighlights(tail, rules);
    }
    let priority = topPriority(tail) + 1;
    layout.keys.forEach((key, k) => {
      const rules = HIGHLIGHTS_BY_COLUMN[key];
      if (!rules) return;
      const made = highlightsXml({ row: geometry.firstBodyRow - 1, column: columns[k]! - 1, rows: bodyRows, rules }, styles, priority);
      formats += made.xml;
      priority = made.next;
    });
    // Written as bytes: the sheet of a large table is never one string.
    const out = new XmlBytes(xml.length + bodyRows * (columns.length + placement.resting.length) * 128);
    out.write(head);
    writeCellsTo(parts.body, { rows, cellsOf: (row) => writes.get(row) ?? bodyCells(row) }, out.write);
    out.write(withHighlights(tail, formats));
    book.pkg.put(table.sheet.path, out.result());
    const box = { top: geometry.top, left: geometry.left, bottom: geometry.bottom, right };
    book.pkg.put(table.path, resizedTablePart(book.pkg.text(table.path)!, box, table.totalsRow, added));
  }

  function appendLogRow(sheetName: string, row: PlanLayout['logRow']): void {
    const sheet = book.sheetNamed(sheetName)!;
    const styles = book.styles();
    const onSheet = book.tables().filter((t) => t.sheet.path === sheet.path);
    const log = onSheet.find((t) => t.name.toLowerCase().startsWith(DECISION_LOG_TABLE.toLowerCase())) ?? onSheet[0];
    const geometry = log && geometryOf(log);
    let xml = book.sheetXml(sheet);
    const writes: CellWrites = new Map();
    if (!log || !geometry) {
      const at = book.block(sheet, { top: 1, bottom: 1, left: 1, right: 1 }).lastRow + 1;
      row.values.forEach((value, i) => setCell(writes, at, i, cellXml(`${columnLetters(i)}${at}`, value, styles.cellFormat(row.formats[i] ?? null), book.sharedString) ?? ''));
      book.pkg.put(sheet.path, writeCells(xml, writes));
      return;
    }
    const at = geometry.bottom + 1;
    const next = book.block(sheet, { top: at, bottom: at, left: 1, right: MAX_COLUMNS }).values[0];
    // Notes a user typed just under the log move down a row rather than being overwritten.
    if (next?.some((v) => v !== '')) xml = shiftRowsDown(xml, at);
    // Each value under its header: a log the user rearranged, or made before a column was added, still lines up.
    const headers = (book.block(sheet, { top: geometry.top, bottom: geometry.top, left: geometry.left, right: geometry.right }).values[0] ?? []).map((h) => String(h));
    const under = logRowUnder(headers, row);
    under.values.forEach((value, i) => {
      if (value === undefined) return;
      const column = geometry.left - 1 + i;
      setCell(writes, at, column, cellXml(`${columnLetters(column)}${at}`, value, styles.cellFormat(under.formats[i] ?? null, under.style), book.sharedString) ?? '');
    });
    const written = writeCells(xml, writes);
    book.pkg.put(sheet.path, growDimension(under.height === undefined ? written : withRowHeight(written, at, under.height), geometry.right, at));
    book.pkg.put(log.path, resizedTablePart(book.pkg.text(log.path)!, { top: geometry.top, left: geometry.left, bottom: at, right: geometry.right }, log.totalsRow, []));
  }

  /** The header-row cell where a settings table's What it means column would be (settingsEdits' `beside`). */
  function meaningHeaderBeside({ table, geometry }: ReadTable): unknown {
    const column = geometry.left + meaningColumn(geometry.right - geometry.left + 1);
    return book.block(table.sheet, { top: geometry.top, bottom: geometry.top, left: column, right: column }).values[0]?.[0];
  }

  /** The settings table edited as `edits` says: values set in place, rows added at its end (as in every adapter). */
  function editSettings(settings: ReadTable, edits: SettingsEdits): void {
    if (edits.updates.length === 0 && edits.appended.length === 0) return;
    const { table, geometry, raw } = settings;
    const value = raw.headers.findIndex((h) => normalise(h) === 'value');
    const styles = book.styles();
    let xml = book.sheetXml(table.sheet);
    const writes: CellWrites = new Map();
    const put = (row: number, column: number, cell: LayoutCell, format: string) =>
      setCell(writes, row, column, cellXml(`${columnLetters(column)}${row}`, cell, styles.cellFormat(format), book.sharedString) ?? '');
    for (const update of edits.updates) put(geometry.firstBodyRow + update.rowIndex, geometry.left - 1 + value, update.value, update.format);
    let bottom = geometry.bottom;
    for (const row of edits.appended) {
      bottom++;
      // A note the user typed just under the table moves down a row rather than being overwritten.
      const next = book.block(table.sheet, { top: bottom, bottom, left: 1, right: MAX_COLUMNS }).values[0];
      if (next?.some((v) => v !== '')) xml = shiftRowsDown(xml, bottom);
      for (const cell of row) put(bottom, geometry.left - 1 + cell.column, cell.value, cell.format);
    }
    book.pkg.put(table.sheet.path, growDimension(writeCells(xml, writes), geometry.right, bottom));
    if (bottom !== geometry.bottom) book.pkg.put(table.path, resizedTablePart(book.pkg.text(table.path)!, { top: geometry.top, left: geometry.left, bottom, right: geometry.right }, table.totalsRow, []));
  }

  /** The name to write a sheet under: `wanted` when free or already ours; otherwise the next free name, or undefined. */
  function sheetNameFor(wanted: string, nextFree: boolean): string | undefined {
    const available = (name: string) => {
      const sheet = book.sheetNamed(name);
      return !sheet || book.isOurs(sheet);
    };
    if (available(wanted)) return wanted;
    return nextFree ? nextFreeSheetName(wanted, available) : undefined;
  }

  return {
    async read(): Promise<WorkbookSnapshot> {
      const settings = settingsTable();
      const initiatives = initiativesTable(settings?.raw, { formats: true });
      const capacityPart = capacityTableAmong(book.tables(), (t) => ({ name: t.name, sheet: t.sheet.name, headers: t.columns }), initiatives?.table.name ?? INITIATIVES_TABLE);
      const capacity = capacityPart && book.readTable(capacityPart);
      return {
        initiatives: initiatives?.raw,
        capacity: capacity?.raw,
        settings: settings?.raw,
        fingerprint: initiatives ? fingerprintOf(initiatives.raw) : '',
        tables: book
          .tables()
          .filter((t) => t.path !== initiatives?.table.path && t.path !== settings?.table.path && !isAddinTable(t.name))
          .flatMap((t) => tableInfo(t) ?? []),
        scenarios: { scenarios: read(SCENARIOS_TABLE)?.raw, overrides: read(SCENARIO_OVERRIDES_TABLE)?.raw },
        ...userTables(initiatives?.table),
      };
    },

    async write(plan: Plan, planLayout: PlanLayout, expectedFingerprint: string, options: WriteOptions = {}): Promise<WriteOutcome> {
      const layout = book.workbook.date1904 ? inDateSystem1904(planLayout) : planLayout;
      const settings = settingsTable();
      const initiatives = initiativesTable(settings?.raw);
      if (!initiatives || fingerprintOf(initiatives.raw) !== expectedFingerprint) return { ok: false, problem: changedProblem() };
      if (book.isProtected(initiatives.table.sheet)) return { ok: false, problem: protectedProblem(initiatives.table.sheet.name) };
      const owned = placeOutputColumns(initiatives.raw.headers, layout.outputs, recordedOutputs(settings?.raw), options.userColumns);
      if ('userColumns' in owned) return { ok: false, problem: userColumnProblem(initiatives.raw, owned.userColumns) };
      const placement = placeOutputs(initiatives, owned, layout.outputs);
      if ('problem' in placement) return { ok: false, problem: { kind: 'unsupported', message: placement.problem } };

      // A run without a log (a live re-run) neither makes nor appends to the Decision log, as in every adapter.
      const logged = options.log !== false;
      // Without horizons, the product's own Roadmap sheet of an earlier run is cleared (noRoadmapSheet); a user's is no concern.
      const oldRoadmap = book.sheetNamed(options.sheetNames?.roadmap ?? DEFAULT_SHEET_NAMES.roadmap);
      const roadmap = layout.roadmap ?? (oldRoadmap && book.isOurs(oldRoadmap) ? noRoadmapSheet(plan) : undefined);
      const roles: SheetRole[] = ['changeImpact', ...(logged ? (['decisionLog'] as const) : []), ...(settings ? [] : (['settings'] as const)), ...(roadmap ? (['roadmap'] as const) : [])];
      const names: Partial<Record<SheetRole, string>> = {};
      const renamed: RenamedSheet[] = [];
      for (const role of roles) {
        const wanted = options.sheetNames?.[role] ?? DEFAULT_SHEET_NAMES[role];
        const used = sheetNameFor(wanted, options.whenNameTaken === 'next-free');
        if (used === undefined) return { ok: false, problem: nameTakenProblem(wanted, role) };
        const existing = book.sheetNamed(used);
        if (existing && book.isProtected(existing)) return { ok: false, problem: protectedProblem(existing.name) };
        // As Excel refuses to add a sheet to a workbook whose structure is protected, so does the file (a rerun rebuilds its sheets in place).
        if (!existing && book.structureLocked) return { ok: false, problem: lockedStructureProblem(used) };
        names[role] = used;
        if (used !== wanted) renamed.push({ wanted, used });
      }

      // Read before the outputs are written: A4 in Europe, Letter in America, as the user prints.
      book.paperSize = paperSizeOf(book.sheetXml(initiatives.table.sheet));
      writeOutputs(initiatives.table, layout.outputs, placement);
      book.putSheet(names.changeImpact!, layout.changeImpact);
      if (names.decisionLog) {
        const log = book.sheetNamed(names.decisionLog);
        if (log && book.isOurs(log)) {
          appendLogRow(log.name, layout.logRow);
          // The footer names the latest run; a log made before page setups gets one.
          if (layout.decisionLogSheet.pageSetup) book.setPageSetup(log.name, layout.decisionLogSheet.pageSetup);
        } else book.putSheet(names.decisionLog, layout.decisionLogSheet);
      }
      // The record of the output columns the prioritiser made: in the settings sheet it makes, or its table's own row.
      if (names.settings) book.putSheet(names.settings, planSettingsSheet(plan, owned.record));
      else if (settings) editSettings(settings, recordEdits(settings.raw, owned.record, meaningHeaderBeside(settings)));
      if (names.roadmap && roadmap) book.putSheet(names.roadmap, roadmap);

      const sheetsWritten = [initiatives.table.sheet.name, names.changeImpact!, ...(names.decisionLog ? [names.decisionLog] : []), ...(names.settings ? [names.settings] : []), ...(names.roadmap ? [names.roadmap] : [])];
      return { ok: true, sheetsWritten, ...(renamed.length > 0 ? { renamed } : {}) };
    },

    saveSettings: () => Promise.reject(new Error(NOT_IN_A_FILE)),
    saveColumnMapping: () => Promise.reject(new Error(NOT_IN_A_FILE)),
    insertSample: () => Promise.reject(new Error(NOT_IN_A_FILE)),
    createTableFromSelection: async () => ({ ok: false as const, message: 'A workbook file has no selection: create the Initiatives table in Excel (Insert > Table) and name it Initiatives.' }),
    useTable: () => Promise.reject(new Error(NOT_IN_A_FILE)),
    // Nothing is on screen in a workbook file: there is no cell to select.
    selectCell: async () => undefined,
    sortByPriority: () => Promise.reject(new Error('Sorting by priority is done in Excel (the task pane); a workbook file keeps its row order.')),
    changeScenarios: () => Promise.reject(new Error(NOT_IN_A_FILE)),
    writeScenarioComparison: () => Promise.reject(new Error(NOT_IN_A_FILE)),
  };
}
