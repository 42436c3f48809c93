// The `Decision log` sheet: one row appended per run, never rewritten.

import { normalise } from '../engine/cells';
import { DECISION_ORDER, type DecisionLogEntry } from '../engine/summary';
import { SheetBuilder, TEXT_FORMAT, withNumberMargin, wrappedRowHeights, type CellStyle, type LayoutCell, type SheetLayout } from './grid';
import { DECISION_LOG_SHEET, DECISION_LOG_TABLE, OWNER_MARK } from './names';

export const DECISION_LOG_HEADERS = [
  'Run at (UTC)',
  'Run by',
  'Planning period',
  'Scenario',
  'Selection method',
  'Weights',
  'In-flight limit',
  'Initiatives',
  ...DECISION_ORDER,
  'Committed value',
  'Utilisation after',
  'Overrides',
  'Input problems',
] as const;

export const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/** Whether a cell's format shows it as a date of the log (DATE_FORMAT, with or without its number margin). */
export const isDateFormat = (format: string | null | undefined): boolean => format != null && withNumberMargin(format) === withNumberMargin(DATE_FORMAT);

/** Excel's serial date for an ISO timestamp (days since 1899-12-30, UTC). */
export function excelSerial(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms / 86_400_000 + 25_569;
}

export function decisionLogRow(entry: DecisionLogEntry, currency: string): { values: LayoutCell[]; formats: string[] } {
  const money = `"${currency.replace(/"/g, '')}"#,##0`;
  return {
    values: [
      excelSerial(entry.runAt),
      entry.runBy,
      entry.planningPeriod,
      entry.scenario,
      entry.method,
      entry.weights,
      entry.inFlightLimit,
      entry.initiatives,
      ...DECISION_ORDER.map((d) => entry.counts[d]),
      entry.committedValue,
      entry.utilisation,
      entry.overrides,
      entry.problems,
    ],
    formats: [
      DATE_FORMAT,
      TEXT_FORMAT,
      TEXT_FORMAT,
      TEXT_FORMAT,
      TEXT_FORMAT,
      TEXT_FORMAT,
      '0',
      '0',
      ...DECISION_ORDER.map(() => '0'),
      money,
      TEXT_FORMAT,
      TEXT_FORMAT,
      '0',
      // Padded as the log sheet's first row is (SheetBuilder.build), so appended rows look the same.
    ].map((format) => withNumberMargin(format)),
  };
}

/**
 * Column widths in characters. The texts (Planning period, Weights, Utilisation after, Overrides: a reason for each
 * override) wrap in their columns rather than run under the next, so the columns are as wide as a short phrase; a
 * count's column is as wide as the longest word of its header, in bold ("(dependency)" was cut at 12). The log prints
 * one page wide: at 52% of full size, where its 20 columns were at 45%.
 */
export const DECISION_LOG_WIDTHS = [17, 10, 14, 12, 10, 14, 9, 10, 8, 8, 11, 11, 14, 14, 8, 8, 15, 22, 28, 9];

/** The look of every log row, the first and each appended one: its texts wrap in their columns, top-aligned. */
export const LOG_ROW_STYLE: CellStyle = 'wrap';

/** Where the log's header row sits on its sheet (zero-based). */
export const DECISION_LOG_HEADER_ROW = 3;

/** A new Decision log sheet holding its first row. Later runs append with `decisionLogRow`. */
export function decisionLogSheet(entry: DecisionLogEntry, currency: string): SheetLayout {
  const s = new SheetBuilder(DECISION_LOG_HEADERS.length);
  s.runAt = entry.runAt;
  s.row(['Decision log'], [], 'title');
  s.row([`${OWNER_MARK}: one row per run, with the settings in force and what was decided. Rows are only ever added.`], [TEXT_FORMAT], 'note');
  s.blank();
  s.row([...DECISION_LOG_HEADERS], [], 'header');
  const row = decisionLogRow(entry, currency);
  s.row(row.values, row.formats, LOG_ROW_STYLE);
  s.tables.push({ name: DECISION_LOG_TABLE, row: DECISION_LOG_HEADER_ROW, column: 0, rows: 2, columns: DECISION_LOG_HEADERS.length });
  return s.build(DECISION_LOG_SHEET, DECISION_LOG_WIDTHS, DECISION_LOG_HEADER_ROW + 1);
}

/** An appended log row as every adapter writes it: values and formats under the table's headers, its look, and its height. */
export type AlignedLogRow = {
  values: (LayoutCell | undefined)[];
  formats: (string | null)[];
  style: CellStyle;
  /** Points, when a text needs more than one line at the log's own widths; undefined for a one-line row. */
  height: number | undefined;
};

/**
 * The run's log row laid out under a Decision log table's `headers`: the user may move its columns or add
 * their own, so each value goes under its header, and undefined under a column the add-in does not know.
 * Every adapter appends this, so an appended row wraps and stands as tall as the sheet's first row does.
 */
export function logRowUnder(headers: readonly string[], row: { values: readonly LayoutCell[]; formats: readonly (string | null)[] }): AlignedLogRow {
  const index = new Map(DECISION_LOG_HEADERS.map((h, i) => [normalise(h), i]));
  const at = headers.map((h) => index.get(normalise(String(h))));
  const values = at.map((i) => (i === undefined ? undefined : (row.values[i] ?? null)));
  const widths = at.map((i) => (i === undefined ? 8.43 : DECISION_LOG_WIDTHS[i]!));
  const [height] = wrappedRowHeights([values.map((v) => v ?? null)], [{ row: 0, column: 0, columns: values.length, style: LOG_ROW_STYLE }], widths);
  return {
    values,
    formats: at.map((i) => (i === undefined ? null : (row.formats[i] ?? null))),
    style: LOG_ROW_STYLE,
    height: height?.points,
  };
}
