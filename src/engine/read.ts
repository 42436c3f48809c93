// From a raw table to initiatives and issues. zod checks the table's shape at
// this boundary; the cell readers do the rest. A bad cell invalidates its row
// only: every other row is still read.

import { z } from 'zod';
import { a1, qualified } from './address';
import { CURRENCY_CODES, formatKind, formatSuffix, isBlank, normalise, plainText, quantity, ratingOn, readsText, scale, showCell, shownAs, text, type CellRead, type CellReader } from './cells';
import { Memo } from './memo';
import { INPUT_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ROADMAP_COLUMNS, demandHeader, inputColumn, inputKeyOf, outputKeyOf, type InputKey, type OutputKey } from './columns';
import { demandTeamOf, demandUnitOf, headerWords, recogniseHeader } from './headers';
import { horizonIndex, horizonMeant, horizonOfDate, horizonOfMonthText } from './horizons';
import { convertValues, formatCurrency, plainAmountText, statedCurrency, type MoneyField, type MoneyRead, type ValueCurrency } from './currency';
import { listWords } from './format';
import type { CellValue, Initiative, Issue, IssueCode, RawTable, Team } from './types';
import { uncalculatedAt, uncalculatedIssues } from './uncalculated';

// zod checks the table's envelope. Walking 300,000 cells through zod would cost more than the
// whole engine, so each cell's shape is checked by `toCell` in the same pass that reads it.
const rawTableSchema = z.object({
  sheet: z.string(),
  name: z.string(),
  headers: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((h) => (h === null ? '' : String(h)))),
  rows: z.custom<unknown[][]>((rows) => Array.isArray(rows) && rows.every(Array.isArray), 'rows must be arrays of cells'),
  origin: z.object({ row: z.number().int().min(0), column: z.number().int().min(0) }),
  formats: z.custom<string[][]>((formats) => Array.isArray(formats) && formats.every(Array.isArray), 'formats must be arrays of texts').optional(),
  uncalculated: z.array(z.object({ row: z.number().int().min(0), column: z.number().int().min(0) })).optional(),
  date1904: z.boolean().optional(),
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
  /** How each input column was found: its exact name, its words, or the Column mapping. */
  how: Partial<Record<InputKey, ColumnHow>>;
  /** The table's headers used for nothing: the user's own columns. */
  unrecognised: string[];
};

export type ColumnHow = 'exact' | 'words' | 'mapped';

/**
 * One row of the Column mapping table: the contract column and the table header it reads (blank: none), and where
 * its Header cell is when it was read from the workbook (none for the command's --map), so a problem names it.
 */
export type ColumnMappingEntry = { column: string; header: string; at?: { sheet: string; cell: string } };

/** A blank column map, for a table that could not be read. */
export const emptyColumnMap = (): ColumnMap => ({ inputs: {}, outputs: {}, demand: {}, valueMultiplier: 1, how: {}, unrecognised: [] });

// A unit in brackets after a header: "Data quality (1-5)", "Annual value ($M)", "Value [£000s]".
const HEADER_UNIT = /^(.*?)\s*[([]([^)\]]*)[)\]]\s*$/;
// A money unit after a comma, a spaced dash or "in" at a header's end: "Annual value, $M", "Value - EURm", "Benefit in £m".
const TRAILING_UNIT = /^(.*?\S)\s*(?:,|\s[-–—]|\sin)\s+(\S.*)$/i;
// A currency with its scale as a header's last word: "Annual value $m", "Benefit €k", "Value USDm".
const CURRENCY_SCALE_WORD = new RegExp(`^(.*\\S)\\s+((?:[$€£¥₹]|${CURRENCY_CODES.join('|')})\\s?(?:k|m|mm|mn|mln|bn)|(?:k|m|mm|mn|mln|bn)\\s?(?:[$€£¥₹]|${CURRENCY_CODES.join('|')}))$`, 'i');

/**
 * The unit a header states, and the header without it. Line breaks typed in a header (Alt+Enter) count as spaces.
 * Besides a unit in brackets, a money unit written after the words ("Annual value, $M", "Benefit in £m",
 * "Annual value $m") is one too, so its plain numbers are never read as whole amounts.
 */
function headerUnit(header: string): { base: string; unit: string } | undefined {
  const flat = header.replace(/\s+/g, ' ').trim();
  const bracket = HEADER_UNIT.exec(flat);
  if (bracket?.[1]) return { base: bracket[1], unit: bracket[2] ?? '' };
  const trailing = TRAILING_UNIT.exec(flat) ?? CURRENCY_SCALE_WORD.exec(flat);
  const unit = trailing?.[2];
  return unit && (unitMultiplier(unit) !== 1 || statedCurrency(unit) !== undefined) && unit.length <= 20 ? { base: trailing[1]!, unit } : undefined;
}

const CODE_AT_END = new RegExp(`^(?:${CURRENCY_CODES.join('|')})|(?:${CURRENCY_CODES.join('|')})$`, 'i');
const THOUSANDS = /^(?:k|t|tsd|000s?|thousands?)$/;
const MILLIONS = /^(?:m|mm|mn|mln|mio|millions?)$/;
const BILLIONS = /^(?:b|bn|bln|mrd|billions?)$/;
// Indian amounts: a lakh is 100,000 and a crore 10,000,000 ("INR crore", "₹ Cr").
const LAKHS = /^(?:lakhs?|lacs?)$/;
const CRORES = /^(?:cr|crores?)$/;
/** A dollar sign and the letters that say whose dollar: "US$m" is "m". */
const DOLLAR = /(?:us|au|a|ca|c|hk|nz|s)?\$/g;

/**
 * 1e6 for "$M", "USD m", "EURm", "mln", "millions"; 1e3 for "k", "€000s", "T€" (German thousands), "thousands";
 * 1e9 for "bn". The scale may stand among other words of the unit ("annual, $k"); two scales say none.
 */
export function unitMultiplier(unit: string): number {
  // A lone letter in brackets, "Annual value (b)", is a footnote's marker as often as billions: billions say "bn" or "$b".
  if (/^\s*b\s*$/i.test(unit)) return 1;
  const scales = new Set(
    unit
      .toLowerCase()
      .split(/[\s,;/]+/)
      .map((word) => word.replace(DOLLAR, '').replace(/[^a-z0-9]/g, '').replace(CODE_AT_END, ''))
      .flatMap((word) =>
        MILLIONS.test(word) ? [1e6] : THOUSANDS.test(word) ? [1e3] : BILLIONS.test(word) ? [1e9] : LAKHS.test(word) ? [1e5] : CRORES.test(word) ? [1e7] : [],
      ),
  );
  return scales.size === 1 ? [...scales][0]! : 1;
}

/**
 * The scale a rating header states, when it is not 1-5: "(1-10)", "(0 to 100)", "(1–3)", "(score /10)", "(out of 10)"
 * ("/10" and "out of 10" run from 0, as a share does). Undefined for none, or for a range that is no scale.
 */
export function ratingRange(header: string): [number, number] | undefined {
  const range = /[([][^)\]]*?(\d+)\s*(?:-|–|to)\s*(\d+)[^)\]]*[)\]]/i.exec(header);
  const outOf = range ? undefined : /[([][^)\]]*?(?:\/|out of)\s*(\d+)\s*[)\]]/i.exec(header);
  const [low, high] = range ? [Number(range[1]), Number(range[2])] : outOf ? [0, Number(outOf[1])] : [1, 5];
  return low < high && high <= 100 && !(low === 1 && high === 5) ? [low, high] : undefined;
}

/** A scale written after a number ("1.2M", "300 k€", "2,5 Mio.", "EUR300K"). */
const STATED_SCALE = /\d\s*(?:k|thousand|tsd|mm|mn|mio|million|mrd|m|bn|billion|b)(?![a-z])/i;

/**
 * Whether an amount's text states its own scale. Its currency is taken out first: the letters of a code are no
 * scale ("GBP 2.5" and "2.5 MXN" state none; "300 kEUR" states thousands).
 */
function statesScale(text: string): boolean {
  const code = statedCurrency(text);
  const bare = (code ? text.replace(new RegExp(code, 'gi'), ' ') : text).replace(/[$€£¥₹]/g, ' ');
  return STATED_SCALE.test(bare);
}

/** Amounts in a "($M)" column: plain numbers are scaled, text with its own suffix ("$1.2M") is not. */
const scaleAmount = (cell: CellValue, value: number, multiplier: number): number =>
  multiplier === 1 || (typeof cell === 'string' && statesScale(cell)) ? value : value * multiplier;

export type InitiativesRead = {
  initiatives: Initiative[];
  columns: ColumnMap;
  issues: Issue[];
  /** False when nothing can be planned from this table (no name column, no rows, unusable shape). */
  usable: boolean;
  /** The reporting currency and the FX rates used (absent when the table has no value column). */
  money?: MoneyRead;
};

/** What a missing column does to the plan, said before running. */
const MISSING_EFFECT: Partial<Record<InputKey, string>> = {
  owner: 'every initiative will be Blocked until it names an accountable owner',
  dataRights: 'every initiative will be Blocked until its data rights are stated',
  baselineMethod: 'every initiative will be at most Learning-only',
  instrumentation: 'every initiative will be at most Learning-only',
  decisionLogging: 'no initiative can be Scale-ready',
  monitoringOwner: 'no initiative can be Scale-ready',
  incidentProcess: 'no initiative can be Scale-ready',
  riskTier: 'every initiative is treated as High risk',
};

/** The message for a contract column the table lacks, with what that does to the plan. */
export function missingColumnMessage(key: InputKey, tableName: string): string {
  const effect = MISSING_EFFECT[key];
  const header = inputColumn(key).header;
  return effect
    ? `No column for ${header}: ${effect}. Name the column that holds it in the Column mapping, or add one.`
    : `Table ${tableName} has no "${header}" column; it is treated as unknown for every initiative.`;
}

/** The message for a contract column the Column mapping (or --map) says the table has none of. */
function mappedToNoneMessage(key: InputKey, entry: ColumnMappingEntry): string {
  const header = inputColumn(key).header;
  const effect = MISSING_EFFECT[key] ?? 'it is treated as unknown for every initiative';
  const where = entry.at ? `the Column mapping says so (its Header in ${qualified(entry.at.sheet, entry.at.cell)} is blank)` : `--map "${header}=" says so`;
  const change = entry.at ? 'type the header of the column that holds it there, or delete that row to find it by its name' : `leave out --map "${header}="`;
  return `No column is read for ${header}: ${where}, so ${effect}. To read one, ${change}.`;
}

export function mapColumns(table: RawTable, teams: Team[], mapping: readonly ColumnMappingEntry[] = [], roadmap = false): { columns: ColumnMap; issues: Issue[] } {
  const columns = emptyColumnMap();
  const issues: Issue[] = [];
  const teamByName = new Map(teams.map((t) => [normalise(t.name), t]));
  const teamNames = teams.map((t) => t.name);
  const taken = new Set<number>();
  const cellOf = (index: number) => a1(table.origin.row, table.origin.column + index);
  const warn = (code: Issue['code'], header: string, index: number | undefined, message: string) =>
    issues.push({ code, severity: 'warning', sheet: table.sheet, column: header, ...(index === undefined ? {} : { cell: cellOf(index) }), message });

  const takeInput = (key: InputKey, index: number, how: ColumnHow) => {
    columns.inputs[key] = index;
    columns.how[key] = how;
    taken.add(index);
    if (key === 'annualValue') {
      const unit = headerUnit(table.headers[index] ?? '');
      columns.valueMultiplier = unit ? unitMultiplier(unit.unit) : 1;
    }
  };
  const takeTeam = (team: Team, index: number) => {
    const header = table.headers[index] ?? '';
    columns.demand[team.name] = index;
    taken.add(index);
    const stated = demandUnitOf(header);
    const counted = demandUnitOf(team.unit);
    if (stated && counted && stated !== counted) {
      warn('demand-unit-mismatch', header, index, `Column "${header}" (${qualified(table.sheet, cellOf(index))}) states ${stated}s, but the Capacity table counts ${team.name} in ${team.unit}; its numbers are read as ${team.unit}.`);
    }
  };

  // 1. The Column mapping table wins over recognition. Two contract columns it maps to one header both read it:
  // the user said so ("Data score" for Data quality and Data availability).
  const mapped = new Set<InputKey>();
  const mappedHeaders = new Set<number>();
  /** Each contract column's first row of the Column mapping table: a later row for it is said, never read. */
  const firstRow = new Map<InputKey, string>();
  /** Contract columns the mapping says the table has none of (a blank Header, or --map "<column>="): their own row says why. */
  const mappedToNone = new Map<InputKey, ColumnMappingEntry>();
  for (const entry of mapping) {
    const key = inputKeyOf(entry.column);
    if (key === undefined) continue;
    const first = firstRow.get(key);
    if (entry.at && first !== undefined) {
      issues.push({
        code: 'unknown-mapping',
        severity: 'warning',
        sheet: entry.at.sheet,
        column: 'Header',
        cell: entry.at.cell,
        message: `The Column mapping names ${inputColumn(key).header} again in ${qualified(entry.at.sheet, entry.at.cell)}; only its first row, in ${qualified(entry.at.sheet, first)}, is used. Delete one of the two rows.`,
      });
    }
    if (entry.at && first === undefined) firstRow.set(key, entry.at.cell);
    if (mapped.has(key)) continue;
    mapped.add(key);
    if (entry.header.trim() === '') {
      mappedToNone.set(key, entry); // "no such column": nothing is read for it
      continue;
    }
    const index = table.headers.findIndex((h, i) => (!taken.has(i) || mappedHeaders.has(i)) && normalise(h) === normalise(entry.header) && h.trim() !== '');
    if (index < 0) {
      const name = inputColumn(key).header;
      const fallback = `${name} is found by its name instead`;
      if (entry.at) {
        issues.push({
          code: 'unknown-mapping',
          severity: 'warning',
          sheet: entry.at.sheet,
          column: 'Header',
          cell: entry.at.cell,
          message: `The Column mapping in ${qualified(entry.at.sheet, entry.at.cell)} reads ${name} from "${entry.header}", but table ${table.name} has no such header; ${fallback}.`,
        });
      } else {
        warn('unknown-mapping', name, undefined, `--map "${name}=${entry.header}": table ${table.name} has no such header; ${fallback}.`);
      }
      mapped.delete(key);
      continue;
    }
    takeInput(key, index, 'mapped');
    mappedHeaders.add(index);
  }

  // 2. Exact names: input columns (their own names before their other names), output columns, teams.
  const recognised = table.headers.map((header) => recogniseHeader(header));
  const duplicates = new Set<number>();
  const duplicate = (header: string, index: number) => {
    duplicates.add(index);
    warn('duplicate-column', header, index, `Column "${header}" (${qualified(table.sheet, cellOf(index))}) repeats a column already found; only the first one is used.`);
  };
  const teamOfHeader = (header: string): Team | undefined => {
    const unit = headerUnit(header);
    return teamByName.get(normalise(demandHeader(header).team)) ?? (unit ? teamByName.get(normalise(demandHeader(unit.base).team)) : undefined);
  };
  // A header that is only another name of a column the table already has ("Risk" beside "Risk tier")
  // and is a Capacity team's name is that team's demand, not a repeat of the column.
  const teamHeaders = new Set<number>();
  for (const canonical of [true, false]) {
    recognised.forEach((match, index) => {
      if (taken.has(index) || match.kind !== 'column' || match.how !== 'exact' || (match.canonical ?? false) !== canonical) return;
      if (mapped.has(match.key)) return;
      if (columns.inputs[match.key] === undefined) takeInput(match.key, index, 'exact');
      else if (!canonical && teamOfHeader(table.headers[index] ?? '')) teamHeaders.add(index);
      else duplicate(table.headers[index] ?? '', index);
    });
  }
  table.headers.forEach((header, index) => {
    if (taken.has(index) || (!teamHeaders.has(index) && recognised[index]!.kind === 'column' && (recognised[index] as { how: string }).how === 'exact')) return;
    const output = outputKeyOf(header);
    if (output) {
      if (columns.outputs[output] !== undefined) duplicate(header, index);
      else {
        columns.outputs[output] = index;
        taken.add(index);
      }
      return;
    }
    const team = teamOfHeader(header);
    if (team && columns.demand[team.name] === undefined) takeTeam(team, index);
    else if (team || teamHeaders.has(index)) duplicate(header, index);
  });

  // 3. By words, for what is left: input columns not yet found, then teams.
  table.headers.forEach((header, index) => {
    const match = recognised[index]!;
    if (taken.has(index) || duplicates.has(index) || header.trim() === '' || (match.kind === 'column' && match.how === 'exact')) return;
    if (match.kind === 'column' && match.how === 'words') {
      if (mapped.has(match.key)) return; // the user's own column
      const first = columns.inputs[match.key];
      if (first === undefined) {
        takeInput(match.key, index, 'words');
        return;
      }
      // Beside the column's own name ("Annual value") this header is the user's. Beside a generic other name ("Value",
      // "Type", "Phase") or another header read by its words, either could hold an amount, rating or choice: which is read is said.
      const firstMatch = recognised[first]!;
      if ((firstMatch.kind === 'column' && firstMatch.canonical) || readsText(inputColumn(match.key).reader)) return;
      const name = inputColumn(match.key).header;
      const firstHeader = table.headers[first] ?? '';
      warn('ambiguous-column', header, index, `Column "${header}" (${qualified(table.sheet, cellOf(index))}) could also be ${name}, which is read from "${firstHeader}" (${qualified(table.sheet, cellOf(first))}); if "${header}" holds it, say so in the Column mapping.`);
      return;
    }
    if (match.kind === 'ambiguous') {
      const names = match.keys.map((k) => inputColumn(k).header);
      warn('ambiguous-column', header, index, `Column "${header}" (${qualified(table.sheet, cellOf(index))}) could be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, so it is not used; say which in the Column mapping.`);
      return;
    }
    const teamName = demandTeamOf(header, teamNames);
    const team = teamName === undefined ? undefined : teamByName.get(normalise(teamName));
    if (team && columns.demand[team.name] === undefined) {
      takeTeam(team, index);
      return;
    }
    if (team) {
      // "Legal" and "Demand: Legal" both: the first is read, and the second is said rather than left unused without a word.
      duplicate(header, index);
      return;
    }
    const demand = demandHeader(header);
    if (demand.explicit && normalise(demand.team) !== '' && !team) {
      warn('demand-column-without-team', header, index, `Column "${header}" (${qualified(table.sheet, cellOf(index))}) asks for capacity from "${demand.team}", which is not a team in the Capacity table; add the team there or its demand is not capped.`);
    }
  });
  if (!roadmap) {
    // One planning period: Duration, Earliest start and Start are the user's own columns, as before horizons.
    for (const key of ROADMAP_COLUMNS) {
      const index = columns.inputs[key];
      if (index === undefined) continue;
      taken.delete(index);
      delete columns.inputs[key];
      delete columns.how[key];
    }
    if (columns.outputs.start !== undefined) {
      taken.delete(columns.outputs.start);
      delete columns.outputs.start;
    }
  }
  columns.unrecognised = table.headers.filter((header, index) => !taken.has(index) && header.trim() !== '');

  for (const column of INPUT_COLUMNS) {
    if (columns.inputs[column.key] !== undefined || OPTIONAL_COLUMNS.includes(column.key)) continue;
    const required = REQUIRED_COLUMNS.includes(column.key);
    const none = mappedToNone.get(column.key);
    issues.push({
      code: required ? 'missing-required-column' : 'missing-column',
      severity: required ? 'fatal' : 'warning',
      sheet: table.sheet,
      column: column.header,
      message: none && !required ? mappedToNoneMessage(column.key, none) : required ? missingNameMessage(table) : missingColumnMessage(column.key, table.name),
    });
  }
  for (const team of teams) {
    if (columns.demand[team.name] !== undefined) continue;
    // A header left unused that names part of the team ("Legal" for "Legal & Compliance") is most likely its demand: said, not guessed.
    const teamWords = headerWords(team.name);
    const near = table.headers.findIndex((header, index) => {
      if (taken.has(index) || header.trim() === '') return false;
      const words = headerWords(demandHeader(headerUnit(header)?.base ?? header).team);
      return words.length > 0 && words.length < teamWords.length && words.every((w) => teamWords.includes(w));
    });
    const hint = near >= 0 ? ` Column "${table.headers[near]}" (${qualified(table.sheet, cellOf(near))}) may be its demand: head it "${team.name}", or name the team "${table.headers[near]?.trim()}" in the Capacity table, to count it.` : '';
    issues.push({
      code: 'team-without-demand-column',
      severity: 'warning',
      sheet: table.sheet,
      column: team.name,
      message: `The Capacity table lists ${team.name}, but ${table.name} has no "${team.name}" demand column; no initiative is counted against it.${hint}`,
    });
  }
  return { columns, issues };
}

/**
 * Why a table has no Initiative column, with its headers; when a row of its body holds headers (Excel named the
 * columns Column1, Column2 above a title row or a blank one), that row.
 */
function missingNameMessage(table: RawTable): string {
  const missing = `Table ${table.name} on ${table.sheet} has no "Initiative" column (or "Name", "Use case")`;
  const found = table.rows.slice(0, 10).findIndex((row) => {
    const matches = row.map((cell) => (typeof cell === 'string' ? recogniseHeader(cell) : { kind: 'none' as const }));
    return matches.some((m) => m.kind === 'column' && m.key === 'name') && matches.filter((m) => m.kind === 'column').length >= 2;
  });
  if (found >= 0) {
    const named = table.rows[found]!.filter((cell) => typeof cell === 'string' && recogniseHeader(cell).kind === 'column').map(String);
    const shown = named.length > 6 ? `${named.slice(0, 6).join(', ')}...` : named.join(', ');
    return `${missing}. Its headers look to be in row ${sheetRowOf(table, found) + 1} (${shown}), inside the table: make that row its header row (delete the rows above it, or select from it down and insert the table again), then run again.`;
  }
  const headers = table.headers.map((h) => h.trim()).filter((h) => h !== '');
  const listed = headers.length === 0 ? 'its headers are blank' : `its headers are ${headers.length > 12 ? `${headers.slice(0, 12).join(', ')}...` : headers.join(', ')}`;
  return `${missing}; ${listed}. Add one so each initiative has a name, or name the column that holds the names in the Column mapping.`;
}

/** Position of each input column in `INPUT_COLUMNS`: a row's readings are kept in an array in that order. */
const SLOT = Object.fromEntries(INPUT_COLUMNS.map((c, i) => [c.key, i])) as Record<InputKey, number>;

/**
 * A name that labels a totals row: "Total", "Subtotal", "Sub-total", "Grand total", "Total - Finance", "Total (Finance)",
 * "Finance subtotal". "Total cost visibility" and "Total-cost optimisation" name initiatives.
 */
const TOTALS_LABEL = /^(?:(?:grand\s+|sub[-\s]?)?totals?(?:\s*[:(].*|\s+[-–—]\s.*)?|[\p{L}&/\s-]{1,40}\s(?:sub[-\s]?)?totals?:?)$/iu;
export const isTotalsLabel = (name: string): boolean => TOTALS_LABEL.test(name.trim());

/** The sheet row of a table body row (zero-based, as `a1` takes it). */
const sheetRowOf = (table: RawTable, rowIndex: number): number => table.origin.row + 1 + rowIndex;

function cellIssue(table: RawTable, rowIndex: number, code: IssueCode, column: number, message: (where: string) => string): Issue {
  const cell = a1(sheetRowOf(table, rowIndex), table.origin.column + column);
  return {
    code,
    severity: code === 'duplicate-id' || code === 'override-without-reason' || code === 'long-text' ? 'warning' : 'error',
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

/** The reporting currency setting ('' for none) and the FX rates, for converting values. */
export type MoneyOptions = { reportingCurrency: string; rates: Map<string, number>; symbolCurrency?: string; ratesTo?: string };

/**
 * Past this many characters, an output that quotes a name or an override reason (the Why, Change impact,
 * the Decision log) would pass the 32,767 characters an Excel cell holds, and is cut there.
 */
const QUOTED_TEXT_LIMIT = 30_000;

function longText(table: RawTable, rowIndex: number, column: number): Issue {
  const header = table.headers[column] ?? '';
  return cellIssue(table, rowIndex, 'long-text', column, (where) =>
    `${header} in ${where} is over 30,000 characters long; the outputs that quote it are cut at 32,767 characters, the most an Excel cell holds.`,
  );
}

export function readInitiatives(
  rawTable: RawTable,
  teams: Team[],
  mapping: readonly ColumnMappingEntry[] = [],
  moneyOptions: MoneyOptions = { reportingCurrency: '', rates: new Map() },
  /** The run's: readings of repeated cell contents are remembered in it. */
  memo = new Memo(),
  /** The roadmap's horizon labels (two or more): Duration and Earliest start are read against them. */
  horizons?: readonly string[],
): InitiativesRead {
  const shape = rawTableSchema.safeParse(rawTable);
  if (!shape.success) {
    return {
      initiatives: [],
      columns: emptyColumnMap(),
      usable: false,
      issues: [{ code: 'missing-table', severity: 'fatal', sheet: String(rawTable?.sheet ?? ''), message: 'The initiatives table could not be read: its rows are not a grid of cells.' }],
    };
  }
  const table = shape.data as RawTable;
  const roadmap = horizons !== undefined && horizons.length >= 2 ? horizons : undefined;
  const { columns, issues } = mapColumns(table, teams, mapping, roadmap !== undefined);
  if (issues.some((i) => i.severity === 'fatal')) return { initiatives: [], columns, issues, usable: false };

  // A range column whose header states no unit ("Value low" beside "Annual value ($M)") is in the value's unit.
  const valueHeader = columns.inputs.annualValue === undefined ? undefined : table.headers[columns.inputs.annualValue] ?? '';
  const readers = INPUT_COLUMNS.flatMap((column, slot) => {
    const index = columns.inputs[column.key];
    if (index === undefined) return [];
    const header = table.headers[index] ?? '';
    const inValueUnit = (column.key === 'valueLow' || column.key === 'valueHigh') && valueHeader !== undefined && headerUnit(header) === undefined;
    const range = column.reader === scale ? ratingRange(header) : undefined;
    return [
      {
        reader: (range ? ratingOn(range[0], range[1]) : column.reader) as CellReader<unknown>,
        plain: column.reader === text,
        slot,
        index,
        isValue: MONEY_FIELDS.includes(column.key as MoneyField),
        multiplier: column.key === 'annualValue' || inValueUnit ? columns.valueMultiplier : headerMultiplier(header),
        // The scale came from the value's header, not the column's own: a number of a million or more there is a whole amount.
        inherited: inValueUnit && columns.valueMultiplier !== 1,
        headerCurrency: statedCurrency(header) ?? (inValueUnit ? statedCurrency(valueHeader!) : undefined),
        // A Duration that is no number is told the same whole numbers as one out of range.
        expected: column.key === 'duration' && roadmap ? durationExpected(roadmap) : undefined,
      },
    ];
  });
  // Two plain arrays, walked by position: the row loop reads them 50,000 times at 10,000 rows.
  const demandTeams = Object.keys(columns.demand);
  const demandIndices = demandTeams.map((team) => columns.demand[team]!);
  const demandUnits = demandTeams.map((team) => {
    const unit = teams.find((t) => t.name === team)?.unit ?? '';
    return { unit, counted: demandUnitOf(unit) };
  });
  const nameColumn = columns.inputs.name!;
  const initiatives: Initiative[] = [];
  const keys = new Set<string>();
  const firstRowOfId = new Map<string, number>();
  const values: unknown[] = new Array(INPUT_COLUMNS.length);
  // A row's unreadable cells: one list serves every row, its issues are copied out at the row's end.
  const rowIssues: Issue[] = [];
  /** Warnings of the row that do not make it Invalid input (an amount implausible at its column's scale). */
  const scaleWarnings: Issue[] = [];
  // Requires and Excludes name other rows, so they are resolved once every row is read.
  const references: RowReferences[] = [];
  // The currency each value states (by its text or its cell's number format); plain numbers take the header's, if any.
  const valueColumn = columns.inputs.annualValue;
  const valueCurrencies: ValueCurrency[] = [];
  // The currency each money cell of the row states, by slot.
  const rowCurrency: (string | undefined)[] = new Array(INPUT_COLUMNS.length);
  // The table's money columns, looked up once rather than on every row.
  const moneyColumns = MONEY_FIELDS.flatMap((field) => {
    const column = columns.inputs[field];
    return column === undefined ? [] : [{ field, column, slot: SLOT[field] }];
  });

  const formats = table.formats;
  // A table has a few number formats and thousands of cells: each format's kind and currency are worked out once a run.
  const kindOf = memo.of(formatKind);
  const currencyOf = memo.of(formatCurrency);
  const suffixOf = memo.of(formatSuffix);
  // Formula cells saved without their result, by row: only those in a column the plan reads are said.
  const uncalculated = new Map<number, number[]>();
  const noColumns: readonly number[] = [];
  if (table.uncalculated) {
    const read = new Set([...readers.map((r) => r.index), ...demandIndices]);
    for (const { row, column } of table.uncalculated) if (read.has(column)) uncalculated.set(row, [...(uncalculated.get(row) ?? []), column]);
  }
  // The columns read besides the name: a row blank in all of them holds a name and nothing else.
  const detailColumns = [...readers.map((r) => r.index).filter((index) => index !== nameColumn), ...demandIndices];
  const onlyNamed = (row: readonly unknown[]): boolean => detailColumns.every((index) => toCell(row[index]) === '' || (typeof row[index] === 'string' && (row[index] as string).trim() === ''));
  /**
   * Whether the table's initiatives have IDs and details, so a row with neither stands out as a title: worked out
   * once, when a row with a name alone is met. A table of names with a Requires column and no IDs is a list of initiatives.
   */
  let tableHasDetails: boolean | undefined;
  const idColumn = columns.inputs.id;
  const hasDetails = (): boolean => idColumn !== undefined && table.rows.some((other) => toCell(other[idColumn]) !== '' && !onlyNamed(other as unknown[]));
  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex++) {
    const row = table.rows[rowIndex] as unknown[];
    // Readings in INPUT_COLUMNS order; an array keeps this hot loop free of dynamic property writes.
    // One array serves every row (each reader writes its slot, read or not); the readings are copied
    // into the initiative below.
    rowIssues.length = 0;
    scaleWarnings.length = 0;
    let anyContent = false;
    let nameUnreadable = false;
    for (let r = 0; r < readers.length; r++) {
      const { reader, plain, slot, index, isValue, inherited, headerCurrency, expected } = readers[r]!;
      let { multiplier } = readers[r]!;
      const given = toCell(row[index]);
      // A number formatted as a date or a percentage reads as what it shows: a date is no amount, 150% no rating.
      const cell = formats && given !== undefined && !plain ? shownAs(given, formats[rowIndex]?.[index], kindOf, table.date1904) : given;
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
          if (slot === SLOT.decisionChanged && typeof given === 'number' && isDateSerial(given)) {
            // A date typed where the decision is named ("when it changed") is no decision: its serial number (46027)
            // would count as one named. Read as blank, so the score says "not named", and said with its cell.
            values[slot] = undefined;
            anyContent = true;
            scaleWarnings.push(dateAsDecision(table, rowIndex, index, given));
            continue;
          }
          values[slot] = value;
          if (value !== undefined) anyContent = true;
          continue;
        }
      }
      // A value's currency is noted, and a European form ("1.234.567,89 €") read with its separators swapped.
      // Amount texts repeat ("$1.2M"), so their forms and currencies are worked out once a run.
      const read = isValue ? reader.read(typeof cell === 'string' ? memo.of(plainAmountText)(cell) : cell, memo) : reader.read(cell, memo);
      if (isValue) {
        // A number shown with a scale ("1.2m") states its currency by its format, as any number does.
        rowCurrency[slot] =
          read.kind !== 'value'
            ? undefined
            : typeof given === 'string' && typeof cell === 'string'
              ? (memo.of(statedCurrency)(cell) ?? headerCurrency)
              : (currencyOf(formats?.[rowIndex]?.[index]) ?? headerCurrency);
      }
      // A reader says blank exactly when the cell is blank: the row has content otherwise.
      if (read.kind !== 'blank') anyContent = true;
      if (inherited && read.kind === 'value' && Math.abs(read.value as number) >= IMPLAUSIBLE_BEFORE_SCALE) multiplier = 1;
      // A whole amount shown in thousands by its format (#,##0,): the header's "($k)" says how it is shown, not what it holds.
      if (multiplier !== 1 && typeof given === 'number' && formats && kindOf(formats[rowIndex]?.[index] ?? 'General') === 'whole') multiplier = 1;
      values[slot] = read.kind === 'value' ? (isValue ? scaleAmount(cell, read.value as number, multiplier) : read.value) : undefined;
      // A plain number of a million or more in a "($M)" column was most likely already a whole amount: said, read as written.
      if (multiplier !== 1 && read.kind === 'value' && Math.abs(read.value as number) >= IMPLAUSIBLE_BEFORE_SCALE && values[slot] !== read.value) {
        scaleWarnings.push(implausibleAmount(table, rowIndex, index, read.value as number, multiplier));
      }
      if (read.kind === 'error') {
        // An amount is quoted as written, not as its European form was rewritten for reading ("EUR 2,5 Mio").
        const shown = isValue && typeof cell === 'string' ? showCell(cell) : read.shown;
        rowIssues.push(unreadable(table, rowIndex, index, shown, expected ?? read.expected, typeof cell === 'number'));
        if (index === nameColumn) nameUnreadable = true;
      }
    }
    const demand: Record<string, number> = {};
    for (let d = 0; d < demandTeams.length; d++) {
      const team = demandTeams[d]!;
      const index = demandIndices[d]!;
      const given = toCell(row[index]) ?? '';
      const format = formats?.[rowIndex]?.[index];
      let cell = formats ? shownAs(given, format, kindOf, table.date1904) : given;
      // A number formatted to show its unit (10 as "10 days") reads as that text: in another unit than the team's, it is reported.
      const unitShown = typeof cell === 'number' && format && format !== 'General' ? suffixOf(format)?.text : undefined;
      if (unitShown && demandUnitOf(unitShown)) cell = `${cell} ${unitShown}`;
      // A dash is the accountant's nil: no demand on the team, as a blank or a 0 is.
      if (typeof cell === 'string' && NIL_DASH.test(cell)) {
        anyContent = true;
        continue;
      }
      // "2 weeks" on a team counted in weeks is 2; in another unit it is reported, saying the team's.
      const read = typeof cell === 'string' ? inUnit(cell, demandUnits[d]!.counted, memo) ?? quantity.read(cell, memo) : quantity.read(cell, memo);
      if (read.kind !== 'blank') anyContent = true;
      if (read.kind === 'value') {
        if (read.value > 0) demand[team] = read.value;
      } else if (read.kind === 'error') rowIssues.push(unreadable(table, rowIndex, index, read.shown, `${read.expected} (demand on ${team}${demandUnits[d]!.unit ? `, in ${demandUnits[d]!.unit}` : ''})`, typeof cell === 'number'));
    }
    for (const index of uncalculated.get(rowIndex) ?? noColumns) {
      anyContent = true;
      rowIssues.push(
        cellIssue(table, rowIndex, 'unreadable-cell', index, (where) =>
          `${table.headers[index] ?? ''} in ${where} holds a formula saved without its result (some programs write files without calculating them), so it cannot be read; open the workbook in Excel, which calculates it, save it and run again.`,
        ),
      );
    }
    if (!anyContent) continue; // A wholly blank row is a gap in the table, not an initiative.

    const name = values[SLOT.name] as string | undefined;
    if (name !== undefined && isTotalsLabel(name)) {
      // A totals or subtotal row typed into the table sums the rows above it: planned, it would count their value and demand twice.
      issues.push({
        ...cellIssue(table, rowIndex, 'totals-row', nameColumn, (where) =>
          `Row ${sheetRowOf(table, rowIndex) + 1} (${showCell(name)} in ${where}) is a totals row, not an initiative, so it is left out of the plan; if it is an initiative, give it its own name.`,
        ),
        severity: 'warning',
      });
      continue;
    }
    if (name !== undefined && !nameUnreadable && rowIssues.length === 0 && onlyNamed(row) && (tableHasDetails ??= hasDetails())) {
      // A section's title typed as a row ("Finance initiatives", the rest blank) among initiatives with their details:
      // planned, it would be one more Blocked initiative. Said, so a new initiative typed with its name alone is not lost silently.
      issues.push({
        ...cellIssue(table, rowIndex, 'section-row', nameColumn, (where) =>
          `Row ${sheetRowOf(table, rowIndex) + 1} (${showCell(name)} in ${where}) has a name and nothing else, so it is read as a section's title and left out of the plan; if it is an initiative, fill in its details and it will be planned.`,
        ),
        severity: 'warning',
      });
      continue;
    }
    const schedule = roadmap ? roadmapCells(table, columns, rowIndex, roadmap, values, rowIssues) : undefined;
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
        issues.push(cellIssue(table, rowIndex, 'duplicate-id', columns.inputs.id!, (where) => `ID ${showCell(id!)} in ${where} is already used on row ${first + 1}; give each initiative its own ID.`));
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
    for (const issue of scaleWarnings) issues.push(issue);
    scaleWarnings.length = 0;
    if (name !== undefined && name.length > QUOTED_TEXT_LIMIT) issues.push(longText(table, rowIndex, nameColumn));
    if (overrideReason !== undefined && overrideReason.length > QUOTED_TEXT_LIMIT) issues.push(longText(table, rowIndex, columns.inputs.overrideReason!));
    initiatives.push({
      rowIndex,
      key,
      name: displayName,
      id,
      owner: values[SLOT.owner] as string | undefined,
      function: values[SLOT.function] as string | undefined,
      aiType: values[SLOT.aiType] as Initiative['aiType'],
      annualValue: values[SLOT.annualValue] as number | undefined,
      valueLow: values[SLOT.valueLow] as number | undefined,
      valueHigh: values[SLOT.valueHigh] as number | undefined,
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
      // Plain fields, undefined when absent: a spread per row would copy the whole initiative again.
      duration: schedule?.duration,
      earliestStart: schedule?.earliestStart,
      invalid: rowIssues.length > 0,
    });
    for (const { field, column, slot } of moneyColumns) {
      // Only an amount that states its currency can need converting (convertValues passes over the rest).
      if (values[slot] === undefined || rowCurrency[slot] === undefined) continue;
      valueCurrencies.push({
        initiative: initiatives[initiatives.length - 1]!,
        cell: a1(sheetRowOf(table, rowIndex), table.origin.column + column),
        currency: rowCurrency[slot],
        ...(field === 'annualValue' ? {} : { field, header: table.headers[column] ?? inputColumn(field).header }),
      });
    }
    const requiresText = values[SLOT.requires] as string | undefined;
    const excludesText = values[SLOT.excludes] as string | undefined;
    if (requiresText !== undefined || excludesText !== undefined) references.push({ at: initiatives.length - 1, requiresText, excludesText });
  }
  if (references.length > 0) resolveReferences(table, columns, initiatives, references, issues);
  let money: MoneyRead | undefined;
  if (valueColumn !== undefined) {
    const converted = convertValues(valueCurrencies, moneyOptions.reportingCurrency, moneyOptions.rates, table.sheet, table.headers[valueColumn] ?? 'Annual value', moneyOptions.symbolCurrency, moneyOptions.ratesTo);
    money = converted.money;
    issues.push(...converted.issues);
  }
  if (columns.inputs.valueLow !== undefined || columns.inputs.valueHigh !== undefined) checkValueRanges(table, columns, initiatives, issues);

  if (initiatives.length === 0) {
    issues.push({
      code: 'empty-table',
      severity: 'fatal',
      sheet: table.sheet,
      message: `Table ${table.name} on ${table.sheet} has no initiatives yet; add one row per initiative.`,
    });
    return { initiatives, columns, issues, usable: false, ...(money ? { money } : {}) };
  }
  return { initiatives, columns, issues, usable: true, ...(money ? { money } : {}) };
}

/**
 * A row's Duration (whole horizons, 1 to the number of horizons) and Earliest start (a horizon's label).
 * A value that is neither is a problem naming its cell; the row is then Invalid input, as for any unreadable cell.
 */
function roadmapCells(
  table: RawTable,
  columns: ColumnMap,
  rowIndex: number,
  horizons: readonly string[],
  values: readonly unknown[],
  rowIssues: Issue[],
): { duration?: number; earliestStart?: number } {
  const result: { duration?: number; earliestStart?: number } = {};
  const duration = values[SLOT.duration] as number | undefined;
  const durationColumn = columns.inputs.duration;
  if (duration !== undefined && durationColumn !== undefined) {
    if (Number.isInteger(duration) && duration >= 1 && duration <= horizons.length) result.duration = duration;
    else {
      rowIssues.push(
        cellIssue(table, rowIndex, 'invalid-horizon', durationColumn, (where) =>
          `${table.headers[durationColumn] ?? 'Duration'} in ${where} is ${duration}; expected ${durationExpected(horizons)}.`,
        ),
      );
    }
  }
  const earliest = values[SLOT.earliestStart] as string | undefined;
  const earliestColumn = columns.inputs.earliestStart;
  if (earliest !== undefined && earliestColumn !== undefined) {
    const given = table.rows[rowIndex]?.[earliestColumn];
    const date = typeof given === 'number' ? shownAs(given, table.formats?.[rowIndex]?.[earliestColumn], undefined, table.date1904) : undefined;
    const isDate = typeof date === 'string' && date.endsWith(', a date');
    // A month typed on a roadmap of months ("Feb 2027") is a date once Excel has it: it names that month's horizon.
    // A month written out as text ("February 2027" on a roadmap of "Feb 2027") names it as the date would.
    const index =
      horizonIndex(horizons, earliest) ?? (isDate ? horizonOfDate(horizons, new Date(`${date.slice(0, 10)}T00:00:00Z`)) : horizonOfMonthText(horizons, earliest));
    if (index !== undefined) result.earliestStart = index;
    else {
      // A date is said as the date the cell shows, not as its serial number.
      const shown = isDate ? date : showCell(typeof given === 'number' ? given : earliest);
      const meant = isDate ? undefined : horizonMeant(horizons, earliest);
      rowIssues.push(
        cellIssue(table, rowIndex, 'invalid-horizon', earliestColumn, (where) =>
          `${table.headers[earliestColumn] ?? 'Earliest start'} in ${where} is ${shown}, which is not a horizon; expected one of ${horizons.join(', ')} (the Horizons setting).${meant ? ` Did you mean ${meant}?` : ''}`,
        ),
      );
    }
  }
  return result;
}

/** What a Duration cell must hold on a roadmap of these horizons. */
const durationExpected = (horizons: readonly string[]): string =>
  `a whole number of horizons from 1 to ${horizons.length} (the Horizons setting has ${horizons.join(', ')})`;

const MONEY_FIELDS: readonly MoneyField[] = ['annualValue', 'valueLow', 'valueHigh'];

/** A plain number at least this large in a column counted in thousands, millions or billions is most likely a whole amount already. */
const IMPLAUSIBLE_BEFORE_SCALE = 1_000_000;

const SCALE_WORDS: Readonly<Record<number, [string, string]>> = { 1e3: ['thousand', 'thousands'], 1e6: ['million', 'millions'], 1e9: ['billion', 'billions'] };
const shownNumber = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/**
 * A plain number of a million or more in a money column whose header states a scale ("$M", "(EUR k)"): read as
 * the header says (never guessed otherwise), and said, naming the cell, as a warning that leaves the row planned.
 */
function implausibleAmount(table: RawTable, rowIndex: number, column: number, written: number, multiplier: number): Issue {
  const header = table.headers[column] ?? '';
  const [one, many] = SCALE_WORDS[multiplier] ?? [`× ${shownNumber(multiplier)}`, `multiples of ${shownNumber(multiplier)}`];
  const unit = headerUnit(header)?.unit;
  return {
    ...cellIssue(table, rowIndex, 'implausible-amount', column, (where) =>
      `${header} in ${where} is ${shownNumber(written)}, read as ${many} (${unit ? `its header says ${unit}` : 'by its header'}): ${shownNumber(written)} ${one}. ` +
      `If it is already a whole amount, write it in ${many} (${shownNumber(written / multiplier)}) or take the scale out of the header.`,
    ),
    severity: 'warning',
  };
}

/** Excel's serial numbers of 1 Jan 1970 and 1 Jan 2100: a whole number between them in a column of words is a date typed there. */
const isDateSerial = (n: number): boolean => Number.isInteger(n) && n >= 25_569 && n <= 73_051;

function dateAsDecision(table: RawTable, rowIndex: number, column: number, serial: number): Issue {
  const header = table.headers[column] ?? 'Decision changed';
  const date = new Date((serial + (table.date1904 ? 1_462 : 0) - 25_569) * 86_400_000).toISOString().slice(0, 10);
  return {
    ...cellIssue(table, rowIndex, 'unreadable-cell', column, (where) =>
      `${header} in ${where} holds a date (${date}), not the decision the initiative changes, so it is read as not named yet; say which decision or workflow step changes, in words.`,
    ),
    severity: 'warning',
  };
}

/** The multiplier a money column's header states ("Value low ($M)"), 1 when none. */
function headerMultiplier(header: string): number {
  const unit = headerUnit(header);
  return unit ? unitMultiplier(unit.unit) : 1;
}

/**
 * A value's range must hold the value: both ends or neither, low ≤ value ≤ high. A range that does not
 * is a problem naming the cell, and its row is `Invalid input` like any cell that cannot be read: a
 * plan that quietly ignored the range would state a confidence the room never gave.
 */
function checkValueRanges(table: RawTable, columns: ColumnMap, initiatives: Initiative[], issues: Issue[]): void {
  const lowColumn = columns.inputs.valueLow;
  const highColumn = columns.inputs.valueHigh;
  const valueColumn = columns.inputs.annualValue;
  const lowHeader = lowColumn === undefined ? 'Value low' : table.headers[lowColumn] ?? 'Value low';
  const highHeader = highColumn === undefined ? 'Value high' : table.headers[highColumn] ?? 'Value high';
  const valueHeader = valueColumn === undefined ? 'Annual value' : table.headers[valueColumn] ?? 'Annual value';
  const shown = (n: number) => formatAmount(n);
  // A cell already reported (words, an error, a currency with no rate) is not blank: its row is Invalid input
  // already, and saying it is blank would contradict the problem that names it.
  const reported = new Set(issues.flatMap((i) => (i.severity === 'error' && i.sheet === table.sheet && i.cell !== undefined ? [i.cell] : [])));
  const isReported = (initiative: Initiative, column: number | undefined) =>
    column !== undefined && reported.has(a1(sheetRowOf(table, initiative.rowIndex), table.origin.column + column));
  for (const initiative of initiatives) {
    const { valueLow: low, valueHigh: high, annualValue: value } = initiative;
    if (low === undefined && high === undefined) continue;
    if (isReported(initiative, lowColumn) || isReported(initiative, highColumn) || (value === undefined && isReported(initiative, valueColumn))) continue;
    const problem = (column: number, message: (where: string) => string) => {
      initiative.invalid = true;
      issues.push(cellIssue(table, initiative.rowIndex, 'bad-value-range', column, message));
    };
    if (low === undefined || high === undefined) {
      const [given, givenHeader, givenColumn, missing, missingHeader] =
        low === undefined ? [high!, highHeader, highColumn!, lowColumn, lowHeader] : [low, lowHeader, lowColumn!, highColumn, highHeader];
      // A whole column missing is said at the cell the row gives.
      if (missing === undefined) problem(givenColumn, (where) => `${givenHeader} in ${where} is ${shown(given)}, but the table has no ${missingHeader} column; give both ends of the range or neither.`);
      else problem(missing, (where) => `${missingHeader} in ${where} is blank, but ${givenHeader} is ${shown(given)}; give both ends of the range or neither.`);
    } else if (low > high) {
      problem(lowColumn!, (where) => `${lowHeader} in ${where} is ${shown(low)}, above ${highHeader} (${shown(high)}); the low end of the range must not be above the high end.`);
    } else if (value === undefined) {
      if (valueColumn === undefined) problem(lowColumn!, (where) => `${lowHeader} in ${where} gives a range (${shown(low)} to ${shown(high)}), but the table has no ${valueHeader} column; give the value the range is around.`);
      else problem(valueColumn, (where) => `${valueHeader} in ${where} is blank, but the row gives a range (${shown(low)} to ${shown(high)}); give the value the range is around.`);
    } else if (value < low || value > high) {
      const [column, header] = value < low ? [lowColumn!, lowHeader] : [highColumn!, highHeader];
      problem(column, (where) => `${header} in ${where} leaves ${valueHeader} (${shown(value)}) outside the range ${shown(low)} to ${shown(high)}; the value must lie within its range.`);
    }
  }
}

/** An amount as a problem quotes it: plain, with thousands separators. */
const formatAmount = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

type RowReferences = { at: number; requiresText?: string; excludesText?: string };

/** The references of a Requires or Excludes cell: IDs or names separated by commas or semicolons. */
export const splitReferences = (cell: string): string[] =>
  cell
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The references of a cell with the parts of a name that has a comma in it ("Invoicing, AP automation") joined
 * again: at each part, the longest run of parts that `known` takes as one ID or name is one reference.
 */
function joinNamesWithCommas(parts: readonly string[], known: (text: string) => boolean): string[] {
  const references: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let end = i;
    for (let j = parts.length - 1; j > i; j--) {
      if (known(parts.slice(i, j + 1).join(', '))) {
        end = j;
        break;
      }
    }
    references.push(parts.slice(i, end + 1).join(', '));
    i = end + 1;
  }
  return references;
}

/** A whole Requires or Excludes cell that says there is nothing: "None", "n/a", "No", "Nil" or a dash. */
const NOTHING_REFERENCED = /^\s*(none|n\/?a|no|nil|nothing|[-–—])\s*$/i;

/** "and", "&", "/" or "+" between two references, as people type lists in a cell. */
const JOINING_WORD = /(\s+and\s+|\s*[&/+]\s*)/i;

/**
 * A reference no initiative answers to, read as several joined by "and", "&", "/" or "+" ("E1 and D1") when
 * at least one part is an initiative; a name that has the word in it ("Profit & loss") is known whole and kept.
 * When no part is known the reference stays whole, so the warning quotes what was typed.
 */
function splitJoinedWords(reference: string, known: (text: string) => boolean): string[] {
  if (known(reference) || !JOINING_WORD.test(reference)) return [reference];
  // Odd indexes are the joining words themselves, so a run of parts is rejoined exactly as typed.
  const pieces = reference.split(JOINING_WORD);
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let end = i;
    for (let j = pieces.length - 1; j > i; j -= 2) {
      if (known(pieces.slice(i, j + 1).join('').trim())) {
        end = j;
        break;
      }
    }
    const part = pieces.slice(i, end + 1).join('').trim();
    if (part !== '') parts.push(part);
    i = end + 2;
  }
  return parts.some(known) ? parts : [reference];
}

/**
 * Turns the Requires and Excludes cells into initiative keys. A reference to no initiative, to the
 * row itself, or to one the row both requires and excludes is a problem naming its cell; that
 * reference is ignored and the rest of the row is planned as usual.
 */
function resolveReferences(table: RawTable, columns: ColumnMap, initiatives: Initiative[], references: RowReferences[], issues: Issue[]): void {
  // IDs win over names: "B7" finds the initiative whose ID is B7 before one named "B7".
  // Every initiative of each ID and name, in row order: a reference to one that several share is said.
  const byId = new Map<string, Initiative[]>();
  const byName = new Map<string, Initiative[]>();
  const add = (map: Map<string, Initiative[]>, key: string, initiative: Initiative) => {
    const list = map.get(key);
    if (list) list.push(initiative);
    else map.set(key, [initiative]);
  };
  for (const initiative of initiatives) {
    if (initiative.id !== undefined) add(byId, normalise(initiative.id), initiative);
    add(byName, normalise(initiative.name), initiative);
  }
  const problem = (rowIndex: number, column: number, message: (where: string) => string): void => {
    issues.push({ ...cellIssue(table, rowIndex, 'bad-reference', column, message), severity: 'warning' });
  };
  const rowOf = (initiative: Initiative) => sheetRowOf(table, initiative.rowIndex) + 1;
  const resolve = (initiative: Initiative, cell: string, column: number, header: string): Initiative[] => {
    const found: Initiative[] = [];
    const known = (text: string) => byId.has(normalise(text)) || byName.has(normalise(text));
    if (NOTHING_REFERENCED.test(cell) && !known(cell)) return found;
    for (const reference of joinNamesWithCommas(splitReferences(cell), known).flatMap((part) => splitJoinedWords(part, known))) {
      const ids = byId.get(normalise(reference));
      const candidates = ids ?? byName.get(normalise(reference));
      const target = candidates?.[0];
      if (candidates !== undefined && candidates.length > 1 && target !== initiative) {
        const rows = candidates.map(rowOf);
        const listed = `${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
        const what = ids ? `the ID of ${rows.length} initiatives` : `which ${rows.length} initiatives are called`;
        problem(initiative.rowIndex, column, (where) =>
          `${header} in ${where} names ${showCell(reference)}, ${what} (rows ${listed}); the one on row ${rows[0]} is used. Give each its own ID and name the one meant by its ID.`,
        );
      }
      if (target === undefined) {
        problem(initiative.rowIndex, column, (where) => `${header} in ${where} names ${showCell(reference)}, which is no initiative's ID or name; that reference is ignored.`);
      } else if (target === initiative) {
        problem(initiative.rowIndex, column, (where) => `${header} in ${where} names the initiative itself (${showCell(reference)}); that reference is ignored.`);
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

/** "-", "–" or "—" alone in a demand cell: nothing asked of the team. */
const NIL_DASH = /^\s*[-–—]\s*$/;

/** A number followed by a unit word ("2 weeks", "1.5 wks", "0.5 FTE"): the number's text, the unit as demandUnitOf says it, and the word as typed. */
function numberWithUnit(text: string): { number: string; unit: string; word: string } | undefined {
  const match = /^\s*(\(?-?[\d.,'\s]*\d\)?)\s*([a-z][a-z\s-]*?)\s*$/i.exec(text);
  const unit = match && demandUnitOf(match[2]!);
  return match && unit ? { number: match[1]!, unit, word: match[2]! } : undefined;
}

/**
 * The reading of a number written with a unit ("2 weeks") when the unit is `counted` (as demandUnitOf says it);
 * undefined for any other text, which is read as it is (and "3 days" for a team counted in weeks is reported).
 */
function inUnit(text: string, counted: string | undefined, memo?: Memo): CellRead<number> | undefined {
  if (counted === undefined || !/[a-z]/i.test(text)) return undefined;
  const stated = numberWithUnit(text);
  if (!stated || stated.unit !== counted) return undefined;
  const read = quantity.read(stated.number, memo);
  return read.kind === 'value' ? read : undefined;
}

/** A header's words, lower case, a unit in brackets left out: "Capacity (weeks)" is ["capacity"]. */
const plainWords = (header: string): string[] =>
  header
    .toLowerCase()
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

const TEAM_WORDS = ['team', 'teams', 'bottleneck'];
const CAPACITY_WORDS = ['capacity', 'available', 'availability'];
const UNIT_WORDS = ['unit', 'units'];

/** Whether a table's headers name a Team and a Capacity column (by their words): a Capacity table under another name. */
export function isCapacityTable(headers: readonly string[]): boolean {
  const found = capacityColumns(headers.map((h) => String(h ?? '')), []);
  return found.team >= 0 && found.capacity >= 0;
}

/**
 * The Capacity table's Team, Capacity and Unit columns (-1 when absent), by their exact names first and
 * then by their words, as the Initiatives table's headers are: "Capacity (weeks)", "Available capacity",
 * "Shared team", "Unit of measure". Two headers that could each be the capacity are not guessed between.
 * `headerUnit` is the unit a Capacity header states in brackets ("weeks"), for a table without a Unit column.
 */
function capacityColumns(headers: readonly string[], horizonColumns: readonly number[]): { team: number; capacity: number; unit: number; capacityCandidates: string[]; headerUnit: string } {
  const words = headers.map(plainWords);
  const exact = (...names: string[]) => headers.findIndex((h, i) => names.includes(normalise(h)) || (h.trim() !== '' && names.includes(words[i]!.join(''))));
  const taken = new Set<number>(horizonColumns.filter((c) => c >= 0));
  const byWords = (wanted: readonly string[], unless: readonly string[]) =>
    headers.flatMap((_h, i) => (!taken.has(i) && words[i]!.some((w) => wanted.includes(w)) && !words[i]!.some((w) => unless.includes(w)) ? [i] : []));
  const pick = (exactIndex: number, candidates: number[]): number => {
    const index = exactIndex >= 0 ? exactIndex : candidates.length === 1 ? candidates[0]! : -1;
    if (index >= 0) taken.add(index);
    return index;
  };
  const team = pick(exact('team', 'teamname', 'bottleneck', 'sharedteam'), byWords(TEAM_WORDS, [...CAPACITY_WORDS, ...UNIT_WORDS]));
  const capacityExact = exact('capacity', 'capacityperperiod', 'available');
  const capacityCandidates = capacityExact >= 0 ? [] : byWords(CAPACITY_WORDS, UNIT_WORDS);
  const capacity = pick(capacityExact, capacityCandidates);
  const unit = pick(exact('unit', 'units'), byWords(UNIT_WORDS, []));
  const bracket = capacity >= 0 ? /[([]([^)\]]*)[)\]]/.exec(headers[capacity]!)?.[1]?.trim() : undefined;
  const headerUnit = bracket && demandUnitOf(bracket) ? bracket : '';
  return { team, capacity, unit, capacityCandidates: capacityCandidates.map((i) => headers[i]!.trim()), headerUnit };
}

/** Columns for some horizons but not all, and no Capacity column to stand for the rest: which horizons lack one. */
function missingHorizonColumns(sheet: string, horizons: readonly string[], columns: readonly number[]): string {
  const having = horizons.filter((_, h) => columns[h]! >= 0);
  const lacking = horizons.filter((_, h) => columns[h]! < 0);
  const them = lacking.length === 1 ? 'it' : 'them';
  return (
    `The Capacity table on ${sheet} has a column for ${listWords(having)} but none for ${listWords(lacking)}, and no Capacity column to stand for ${them}: ` +
    `add ${lacking.length === 1 ? 'a column' : 'columns'} headed ${listWords(lacking)} (or a Capacity column) with each team's capacity. No team caps are applied.`
  );
}

/**
 * The Capacity table: Team, Capacity, Unit. A capacity that cannot be read counts as 0 so nothing is over-committed.
 * With two or more `horizons`, a column headed by a horizon's label gives the team's capacity in that horizon; a
 * blank there (or no such column) means its Capacity. A capacity set in the settings holds in every horizon.
 */
export function readCapacity(rawTable: RawTable | undefined, overrides: Record<string, number> = {}, horizons?: readonly string[]): CapacityRead {
  if (!rawTable) return { teams: [], issues: [] };
  const issues: Issue[] = [];
  const find = (...names: string[]) => rawTable.headers.findIndex((h) => names.includes(normalise(String(h))));
  // A horizon's column is headed by its label, also with the word capacity ("Capacity H1", "H1 capacity (weeks)", "Capacity (H1)").
  const withoutCapacity = (header: string, brackets: boolean) =>
    normalise((brackets ? header.replace(/[([][^)\]]*[)\]]/g, ' ') : header).replace(/\b(?:capacity|available|availability)\b/gi, ' '));
  const horizonColumn = (label: string): number => {
    const exact = find(normalise(label));
    if (exact >= 0) return exact;
    const wanted = normalise(label);
    // A unit in brackets after the label is the unit, not part of it: "Q1 FY27 (FTE weeks)" is Q1 FY27's column.
    return rawTable.headers.findIndex(
      (h) => withoutCapacity(String(h ?? ''), true) === wanted || (/capacity|availab/i.test(String(h ?? '')) && withoutCapacity(String(h), false) === wanted),
    );
  };
  const horizonColumns = horizons && horizons.length >= 2 ? horizons.map(horizonColumn) : undefined;
  const everyHorizon = horizonColumns !== undefined && horizonColumns.every((c) => c >= 0);
  const found = capacityColumns(rawTable.headers.map((h) => String(h ?? '')), horizonColumns ?? []);
  const { team: teamColumn, capacity: capacityColumn, unit: unitColumn } = found;
  // Without a Unit column or a unit after Capacity, the unit the horizons' headers state ("Q1 (FTE weeks)") is the teams'.
  const horizonUnit = (horizonColumns ?? []).flatMap((c) => {
    const bracket = c >= 0 ? /[([]([^)\]]*)[)\]]/.exec(String(rawTable.headers[c] ?? ''))?.[1]?.trim() : undefined;
    return bracket && demandUnitOf(bracket) ? [bracket] : [];
  })[0] ?? '';
  // A column headed like one horizon but not by its label ("H1" on a roadmap of "H1 FY27, H2 FY27") is read for
  // nothing: said, so no one takes its figures to be in the plan.
  if (horizons && horizonColumns) {
    const known = new Set([teamColumn, capacityColumn, unitColumn, ...horizonColumns]);
    rawTable.headers.forEach((raw, c) => {
      const header = String(raw ?? '').trim();
      const meant = known.has(c) || header === '' ? undefined : horizonMeant(horizons, header);
      if (meant === undefined || horizonColumns[horizons.indexOf(meant)]! >= 0) return;
      const cell = a1(rawTable.origin.row, rawTable.origin.column + c);
      const until = capacityColumn >= 0 ? `; until then the team's Capacity stands for ${meant}` : '';
      issues.push({
        code: 'invalid-capacity',
        severity: 'warning',
        sheet: rawTable.sheet,
        column: header,
        cell,
        message: `Column ${header} of the Capacity table (${qualified(rawTable.sheet, cell)}) is not read: ${header} is not a horizon. Did you mean ${meant}? Head it ${meant} to use its figures${until}.`,
      });
    });
  }
  if (teamColumn < 0 || (capacityColumn < 0 && !everyHorizon)) {
    const headers = rawTable.headers.map((h) => String(h ?? '').trim()).filter((h) => h !== '');
    issues.push({
      code: 'missing-required-column',
      severity: 'warning',
      sheet: rawTable.sheet,
      message:
        teamColumn >= 0 && found.capacityCandidates.length > 1
          ? `The Capacity table on ${rawTable.sheet} needs one Capacity column: ${found.capacityCandidates.map((h) => `"${h}"`).join(' and ')} could each be the Capacity, so neither is guessed; name the one to use Capacity. No team caps are applied.`
          : teamColumn >= 0 && horizons && horizonColumns?.some((c) => c >= 0)
            ? missingHorizonColumns(rawTable.sheet, horizons, horizonColumns)
            : `The Capacity table on ${rawTable.sheet} needs Team and Capacity columns (its headers are ${headers.length > 0 ? headers.join(', ') : 'blank'}); no team caps are applied.`,
    });
    return { teams: [], issues };
  }
  const overrideByTeam = new Map(Object.entries(overrides).map(([team, value]) => [normalise(team), value]));
  const teams: Team[] = [];
  /** Each team's cell in the Team column, for the message that names a second row of it. */
  const teamCells = new Map<string, string>();
  // A formula saved without its result reads as blank: said with its cell, in place of "no capacity".
  const uncalculated = uncalculatedAt(rawTable);
  issues.push(
    ...uncalculatedIssues(rawTable, 'invalid-capacity', [teamColumn, capacityColumn, unitColumn, ...(horizonColumns ?? [])], (column) =>
      column === teamColumn
        ? 'that row is no team until then'
        : column === unitColumn
          ? 'its unit is blank until then'
          : column === capacityColumn
            ? everyHorizon
              ? "the team's first horizon stands for it until then"
              : 'it counts as 0 until then'
            : capacityColumn >= 0
              ? "the team's Capacity stands for that horizon until then"
              : 'it counts as 0 until then',
    ),
  );
  rawTable.rows.forEach((row, rowIndex) => {
    const nameRead = text.read(toCell(row[teamColumn]) ?? '');
    if (nameRead.kind === 'error') {
      const cell = a1(rawTable.origin.row + 1 + rowIndex, rawTable.origin.column + teamColumn);
      issues.push({
        code: 'invalid-capacity',
        severity: 'warning',
        sheet: rawTable.sheet,
        column: rawTable.headers[teamColumn],
        cell,
        message: `The team in ${qualified(rawTable.sheet, cell)} is ${nameRead.shown}; expected a team name. That row caps nothing until it is fixed.`,
      });
    }
    // A totals row ("Total", "Grand total") sums the teams above it: it is no team of its own.
    if (nameRead.kind !== 'value' || isTotalsLabel(nameRead.value)) return;
    const name = nameRead.value;
    const first = teams.find((t) => normalise(t.name) === normalise(name));
    if (first) {
      const cell = a1(rawTable.origin.row + 1 + rowIndex, rawTable.origin.column + teamColumn);
      const firstCell = teamCells.get(normalise(name));
      issues.push({
        code: 'duplicate-team',
        severity: 'warning',
        sheet: rawTable.sheet,
        column: rawTable.headers[teamColumn],
        cell,
        message: `Team ${name} in ${qualified(rawTable.sheet, cell)} appears twice in the Capacity table; only its first row${firstCell ? `, ${first.name} in ${qualified(rawTable.sheet, firstCell)},` : ''} is used.`,
      });
      return;
    }
    teamCells.set(normalise(name), a1(rawTable.origin.row + 1 + rowIndex, rawTable.origin.column + teamColumn));
    let unit = unitColumn >= 0 ? String(row[unitColumn] ?? '').trim() : found.headerUnit || horizonUnit;
    const override = overrideByTeam.get(normalise(name));
    /** The cell's capacity, or undefined when blank (`blankIsFine`) or unreadable, reported unless `blankIsFine` covers it. */
    const capacityAt = (column: number, blankIsFine: boolean): number | undefined => {
      const cell = a1(rawTable.origin.row + 1 + rowIndex, rawTable.origin.column + column);
      const given = toCell(row[column]) ?? '';
      // "10 weeks" for a team counted in weeks is 10; without a unit, the team is counted in the unit it states.
      const stated = typeof given === 'string' && unit === '' ? numberWithUnit(given) : undefined;
      if (stated && quantity.read(stated.number).kind === 'value') unit = stated.word;
      const read = (typeof given === 'string' ? inUnit(given, demandUnitOf(unit)) : undefined) ?? quantity.read(given);
      if (read.kind === 'value') return read.value;
      if (uncalculated(rowIndex, column)) return undefined;
      if (read.kind === 'blank' && blankIsFine) return undefined;
      const header = rawTable.headers[column];
      // A horizon's column is said by its horizon ("in H1"), not its header ("in H1 capacity").
      const horizon = horizons?.[horizonColumns?.indexOf(column) ?? -1];
      issues.push({
        code: 'invalid-capacity',
        severity: 'warning',
        sheet: rawTable.sheet,
        column: header,
        cell,
        message:
          read.kind === 'blank'
            ? `${name} has no capacity${horizon === undefined ? '' : ` for ${horizon}`} in ${qualified(rawTable.sheet, cell)}; it counts as 0 until it is filled in.`
            : `${name}'s capacity${column === capacityColumn ? '' : ` in ${horizon ?? header}`} in ${qualified(rawTable.sheet, cell)} is ${read.shown}; expected ${read.expected}. It counts as 0 until fixed.`,
      });
      return undefined;
    };
    let capacity = 0;
    if (override !== undefined) capacity = override;
    else if (capacityColumn >= 0) capacity = capacityAt(capacityColumn, everyHorizon && horizonColumns!.every((c) => !isBlank(toCell(row[c]) ?? ''))) ?? 0;
    let byHorizon: number[] | undefined;
    if (horizonColumns && override === undefined && horizonColumns.some((c) => c >= 0)) {
      byHorizon = horizonColumns.map((c) => (c < 0 ? capacity : (capacityAt(c, capacityColumn >= 0) ?? (isBlank(toCell(row[c]) ?? '') ? capacity : 0))));
      // Without a Capacity figure, the team's single figure is its first horizon's.
      if (capacityColumn < 0 || isBlank(toCell(row[capacityColumn]) ?? '')) capacity = byHorizon[0]!;
    }
    teams.push(byHorizon ? { name, capacity, unit, byHorizon } : { name, capacity, unit });
  });
  return { teams, issues };
}
