// The `Decision log` sheet: one row appended per run, never rewritten.

import { normalise } from '../engine/cells';
import { DECISION_ORDER, type DecisionLogEntry } from '../engine/summary';
import { SheetBuilder, TEXT_FORMAT, type LayoutCell, type SheetLayout } from './grid';
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
    ],
  };
}

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
  s.row(row.values, row.formats);
  s.tables.push({ name: DECISION_LOG_TABLE, row: DECISION_LOG_HEADER_ROW, column: 0, rows: 2, columns: DECISION_LOG_HEADERS.length });
  return s.build(DECISION_LOG_SHEET, [17, 14, 16, 18, 16, 34, 9, 10, 8, 9, 12, 12, 12, 12, 9, 10, 15, 40, 50, 10], DECISION_LOG_HEADER_ROW + 1);
}

/**
 * The run's log row laid out under a Decision log table's `headers`: the user may move its columns or add
 * their own, so each value goes under its header, and undefined under a column the add-in does not know.
 */
export function logRowUnder(headers: readonly string[], row: { values: readonly LayoutCell[]; formats: readonly (string | null)[] }): { values: (LayoutCell | undefined)[]; formats: (string | null)[] } {
  const index = new Map(DECISION_LOG_HEADERS.map((h, i) => [normalise(h), i]));
  const at = headers.map((h) => index.get(normalise(String(h))));
  return {
    values: at.map((i) => (i === undefined ? undefined : (row.values[i] ?? null))),
    formats: at.map((i) => (i === undefined ? null : (row.formats[i] ?? null))),
  };
}
