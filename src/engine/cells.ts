// Reading one cell in the forms people actually type. Each reader returns
// `unknown` for a blank, a value, or a failure carrying what was expected, so
// the caller can name the cell in its message.

import type { Memo } from './memo';
import type { CellValue } from './types';

export type CellRead<T> =
  | { kind: 'blank' }
  | { kind: 'value'; value: T }
  | { kind: 'error'; shown: string; expected: string };

/** `read` remembers each content's reading in `memo` when the caller passes its run's memo. */
export type CellReader<T> = { expected: string; read: (cell: CellValue, memo?: Memo) => CellRead<T> };

const BLANK = { kind: 'blank' } as const;

const EXCEL_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/i;

// Every text cell is checked: the scan for "#" settles nearly all of them before the pattern runs.
export const isExcelError = (cell: CellValue): boolean => typeof cell === 'string' && cell.includes('#') && EXCEL_ERROR.test(cell.trim());

/** Blank: empty or only white space. Most cells start with a visible character, which settles it without trimming. */
export function isBlank(cell: CellValue): boolean {
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  const first = cell.charCodeAt(0);
  if (first > 32 && first !== 0xa0 && first < 0x1680) return false;
  return cell.trim() === '';
}

/** How a cell is shown in a message: short, as the user sees it. */
export function showCell(cell: CellValue): string {
  if (typeof cell === 'string') {
    const text = cell.trim();
    return isExcelError(text) ? text.toUpperCase() : `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function fail<T>(cell: CellValue, expected: string): CellRead<T> {
  return { kind: 'error', shown: showCell(cell), expected };
}

/** Whole numbers below this are read once, when a reader is made (see `reader`). */
const SMALL_WHOLE_NUMBERS = 64;

/**
 * Wrap a reader so blanks and Excel errors are handled once, the same way for every column.
 * Portfolios repeat the same few texts ("Yes", "Medium", "A/B test") and numbers (ratings 1-5,
 * demand 1-6) thousands of times, so with a run's memo each text's reading is remembered: a
 * reading is never changed by its users, and one object serves every cell with the same content.
 */
function reader<T>(expected: string, parse: (cell: number | string | boolean) => T | undefined, amounts = false): CellReader<T> {
  const readOnce = (cell: CellValue): CellRead<T> => {
    if (isBlank(cell)) return BLANK;
    if (isExcelError(cell)) return fail(cell, expected);
    const trimmed = typeof cell === 'string' ? cell.trim() : cell;
    const value = parse(trimmed);
    if (value !== undefined) return { kind: 'value', value };
    // An amount refused for too many digits, or for a separator that could go either way, says so.
    if (amounts && typeof trimmed !== 'boolean' && tooLarge(trimmed)) return fail(cell, TOO_LARGE);
    if (amounts && typeof trimmed === 'string' && ambiguousSeparator(trimmed)) return fail(cell, AMBIGUOUS);
    return fail(cell, expected);
  };
  // Whole numbers 1-63 (ratings, demand) are most number cells: their readings are made here, with
  // the reader, and looked up by value. A table of constants, not a cache: nothing is added to it later.
  const wholeNumbers = Array.from({ length: SMALL_WHOLE_NUMBERS }, (_, n) => readOnce(n));
  return {
    expected,
    read(cell, memo) {
      // Empty cells (most demand and override cells) are blank without a lookup.
      if (cell === '') return BLANK;
      if (typeof cell === 'number') return cell > 0 && cell < SMALL_WHOLE_NUMBERS && Number.isInteger(cell) ? wholeNumbers[cell]! : readOnce(cell);
      // Amounts are nearly all different, so only texts are remembered: amounts would fill the memo
      // and leave no room for the texts that do repeat.
      return memo && typeof cell === 'string' ? memo.of(readOnce)(cell) : readOnce(cell);
    },
  };
}

/** ISO codes known by sight: an amount reads past them ("SEK 3m" is 3m), and statedCurrency (currency.ts) states them. */
export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'SEK', 'NOK', 'DKK', 'INR', 'CNY', 'PLN', 'CZK', 'ZAR', 'BRL', 'MXN'];
const CURRENCY = new RegExp(`(?:us\\$|a\\$|c\\$|\\$|€|£|¥|₹|${CURRENCY_CODES.join('|')})`, 'gi');
const SUFFIX: Record<string, number> = {
  '': 1, k: 1e3, thousand: 1e3, tsd: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mio: 1e6, million: 1e6, b: 1e9, bn: 1e9, mrd: 1e9, billion: 1e9,
};
// Digits with optional thousands groups (comma, space, no-break space or apostrophe, typed or typographic) and
// decimals, then a scale, its abbreviation's dot allowed ("1,5 Mio. €", "2 Mrd.", German for million and billion).
const AMOUNT = /^(-)?(\d{1,3}(?:[,\s\u00a0\u202f'\u2019]\d{3})+|\d+)?(\.\d+)?\s*(?:(k|thousand|tsd|mm|mn|mio|million|mrd|m|bn|billion|b)\.?)?$/i;

/**
 * The largest number read from a cell: Excel keeps 15 significant digits, so a number past 10^15 is
 * not an amount anyone typed. Refusing it keeps every sum, score and cell written finite: 1e308 in a
 * few cells would otherwise add up to Infinity.
 */
export const LARGEST_NUMBER = 1e15;

const TOO_LARGE = 'a number of at most 15 digits (Excel keeps no more)';

/** A number cell or numeric text past LARGEST_NUMBER (a 400-digit amount, 1e308). */
function tooLarge(cell: number | string): boolean {
  const value = typeof cell === 'number' ? cell : unboundedNumber(cell);
  return value !== undefined && !(Math.abs(value) <= LARGEST_NUMBER);
}

// "1.234" or "€12.500": one dot then exactly three digits, no other separator and no suffix. In much of
// Europe the dot groups thousands (1.234 is 1234); elsewhere it is a decimal point. Amounts are not
// guessed: the cell is reported so its author can say which.
const ONE_DOT_THREE_DIGITS = /^-?\d{1,3}\.\d{3}$/;

function ambiguousSeparator(cell: string): boolean {
  return ONE_DOT_THREE_DIGITS.test(cell.toLowerCase().replace(CURRENCY, '').trim());
}

const AMBIGUOUS =
  '1234 (or 1,234) if it means over a thousand: a dot before three digits could be a decimal point or a thousands separator, so it is not guessed';

/** A number from a number cell or from text such as "$1.2M", "€300k", "1,200,000", "30%"; never beyond LARGEST_NUMBER. */
export function parseNumber(cell: number | string | boolean): number | undefined {
  if (typeof cell === 'boolean') return undefined;
  const value = typeof cell === 'number' ? cell : unboundedNumber(cell);
  return value !== undefined && Math.abs(value) <= LARGEST_NUMBER ? value : undefined;
}

/** Numeric text read without the size check (a 400-digit amount gives Infinity). */
function unboundedNumber(cell: string): number | undefined {
  let text = cell.toLowerCase().replace(CURRENCY, '').trim();
  let scale = 1;
  if (text.endsWith('%')) {
    scale = 0.01;
    text = text.slice(0, -1).trim();
  }
  // "-$5" and "$-5" both end up as "-5" once the symbol is gone; "(1,200)" is accounting notation for negative.
  const accountingNegative = /^\(.*\)$/.test(text);
  if (accountingNegative) text = `-${text.slice(1, -1).trim()}`;
  const match = AMOUNT.exec(text.replace(/^-\s+/, '-'));
  if (!match || (match[2] === undefined && match[3] === undefined)) return undefined;
  if (scale !== 1 && match[4]) return undefined;
  const digits = `${match[2] ?? '0'}${match[3] ?? ''}`.replace(/[,\s\u00a0\u202f'\u2019]/g, '');
  const magnitude = Number(digits) * (SUFFIX[(match[4] ?? '').toLowerCase()] ?? 1) * scale;
  return match[1] ? -magnitude : magnitude;
}

export const money: CellReader<number> = reader('an amount such as 1200000, $1.2M or €300k', (cell) => {
  if (typeof cell === 'string' && (cell.endsWith('%') || ambiguousSeparator(cell))) return undefined;
  const value = parseNumber(cell);
  return value !== undefined && value >= 0 ? value : undefined;
}, true);

/** Demand on a team: a non-negative number in the team's unit ("50%" of a unit is 0.5). */
export const quantity: CellReader<number> = reader('a number of at least 0', (cell) => {
  if (typeof cell === 'string' && ambiguousSeparator(cell)) return undefined;
  const value = parseNumber(cell);
  return value !== undefined && value >= 0 ? value : undefined;
}, true);

/**
 * The value a template's labelled choice starts with: "4 - High", "3 (Medium)", "2 – Low", "Yes - cleared",
 * "A/B test (planned)", "No, pending legal". A dash counts only with spaces round it, so "Medium-High" stays
 * one (unreadable) word rather than being read as its first half; the label has a letter or digit ("✓(-" is none).
 */
const LABELLED = /^(.+?)\s*(?:\s[-–—]\s|[:(;,])(?=.*[\p{L}\p{N}])\s*\S/su;
export const labelledHead = (cell: string): string | undefined => LABELLED.exec(cell.trim())?.[1];

const SCALE_WORDS: Record<string, number> = {
  'very low': 1, low: 1, l: 1, medium: 3, med: 3, m: 3, moderate: 3, high: 5, h: 5, 'very high': 5,
};

// Defined before `scale`: a reader reads its whole numbers as it is made.
const inScale = (value: number): number | undefined => (value >= 1 && value <= 5 ? value : undefined);

/**
 * A word labelled with its number, as five-level dropdowns write them: "Low (2)", "High - 4", "Medium: 3". The number
 * is the rating: "Low" alone reads 1 and "High" 5, which would misread the second and fourth of five levels.
 */
const WORD_THEN_NUMBER = /^\p{L}[\p{L}\s]*?\s*(?:\s[-–—]\s|[:(;,])\s*(\d+(?:\.\d+)?)\s*\)?$/u;
/** "3,5" and "4,25": a rating with a decimal comma, as German and French workbooks write it (not the label "5" of "3"). */
const DECIMAL_COMMA_RATING = /^(\d),(\d{1,2})$/;

/**
 * A 1-5 rating read from one cell; `onScale` places a plain number on 1-5 (itself, for a column rated 1-5).
 * Words, "4/5" and percentages say where they stand on 1-5 themselves.
 */
function ratingOf(cell: string | number, onScale: (value: number) => number | undefined): number | undefined {
  const rating = ratingWithoutLabel(cell, onScale);
  if (rating !== undefined || typeof cell !== 'string') return rating;
  const decimal = DECIMAL_COMMA_RATING.exec(cell);
  if (decimal) return onScale(Number(`${decimal[1]}.${decimal[2]}`));
  const numbered = WORD_THEN_NUMBER.exec(cell);
  if (numbered) return onScale(Number(numbered[1]));
  const head = labelledHead(cell);
  return head === undefined ? undefined : ratingWithoutLabel(head, onScale);
}

/** A 1-5 rating: a number, "4/5", Low/Medium/High (1, 3, 5) or a percentage mapped onto 1-5; also labelled ("4 - High", "Low (2)"). */
export const scale: CellReader<number> = reader('1-5 or Low/Medium/High', (cell) => (typeof cell === 'boolean' ? undefined : ratingOf(cell, inScale)));

/**
 * A rating on the scale its header states ("Strategic fit (1-10)", "Complexity (1-3)"), placed on 1-5: 8 of 1-10
 * is 4.1 and 3 of 1-3 is 5, where reading them as 1-5 would make 3 of 1-10 a middling 3. Words read as on 1-5.
 */
export function ratingOn(low: number, high: number): CellReader<number> {
  if (low === 1 && high === 5) return scale;
  const onScale = (value: number): number | undefined => (value >= low && value <= high ? 1 + (4 * (value - low)) / (high - low) : undefined);
  return reader(`${low}-${high} (the scale its header states) or Low/Medium/High`, (cell) => (typeof cell === 'boolean' ? undefined : ratingOf(cell, onScale)));
}

function ratingWithoutLabel(cell: string | number, onScale: (value: number) => number | undefined): number | undefined {
  if (typeof cell === 'string') {
    const word = SCALE_WORDS[cell.toLowerCase().replace(/\s+/g, ' ')];
    if (word !== undefined) return word;
    const outOfFive = /^(\d+(?:\.\d+)?)\s*\/\s*5$/.exec(cell);
    if (outOfFive) return inScale(Number(outOfFive[1]));
    if (cell.endsWith('%')) {
      const share = parseNumber(cell);
      return share !== undefined && share >= 0 && share <= 1 ? 1 + 4 * share : undefined;
    }
  }
  const value = parseNumber(cell);
  return value === undefined ? undefined : onScale(value);
}

// Trackers answer "is it in place?" with a status as often as with Yes or No: a status not yet done reads No (not ready).
const YES = new Set(['yes', 'y', 'true', '1', '✓', '✔', '☑', '✅', 'in place', 'done', 'complete', 'completed', 'implemented', 'live']);
const NO = new Set(['no', 'n', 'false', '0', '✗', '✘', '✖', '☒', '❌', '×', '☐', 'not yet', 'not started', 'planned', 'in progress', 'not in place']);

/** The emoji variation mark a symbol may carry ("✔️" is ✔ and this): the symbol reads the same without it. */
const VARIATION = /\uFE0F/g;

export const yesNo: CellReader<boolean> = reader('Yes or No', (cell) => {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  const word = cell.toLowerCase().replace(VARIATION, '');
  const answer = YES.has(word) ? true : NO.has(word) ? false : undefined;
  if (answer !== undefined) return answer;
  const head = labelledHead(word);
  return head === undefined ? undefined : YES.has(head) ? true : NO.has(head) ? false : undefined;
});

/** Free text. Numbers and booleans are accepted as their text; only Excel errors fail. */
const RUN_OF_SPACE = /\s{2,}|[\t\n\r\u00a0]/;

/**
 * Whether a text has white space to tidy: a run of it, or a tab, line break or no-break space.
 * Names, owners and metrics in every row come through here: a text of printable ASCII with single
 * spaces is settled by a scan, and only the rest is tested with the pattern.
 */
function needsSpacing(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c > 32 && c < 127) continue;
    if (c !== 32) return RUN_OF_SPACE.test(cell);
    const next = cell.charCodeAt(i + 1);
    if (next <= 32 || next >= 127) return RUN_OF_SPACE.test(cell);
  }
  return false;
}

/**
 * Printable ASCII with single spaces between words, no "#", and a visible first and last character:
 * nothing to trim, tidy or report. One scan settles nearly every name, ID and owner.
 */
function isTidy(cell: string): boolean {
  let afterSpace = true; // a leading space is not tidy
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c > 32 && c < 127 && c !== 35) afterSpace = false;
    else if (c === 32 && !afterSpace) afterSpace = true;
    else return false;
  }
  return !afterSpace; // also false for "" and a trailing space
}

/**
 * A free-text cell read without a result object: the text, undefined for a blank, or null when it
 * cannot be read (`text.read` then says why). Names, owners and metrics are unique per row, so
 * their readings cannot be shared the way ratings are; this keeps a 10,000-row read from making
 * 80,000 objects.
 */
export function plainText(cell: CellValue): string | undefined | null {
  if (typeof cell === 'string' && isTidy(cell)) return cell;
  if (isBlank(cell)) return undefined;
  if (isExcelError(cell)) return null;
  if (typeof cell === 'string') {
    const trimmed = cell.trim();
    return needsSpacing(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  }
  return typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell);
}

export const text: CellReader<string> = {
  expected: 'text',
  read(cell) {
    const value = plainText(cell);
    return value === undefined ? BLANK : value === null ? fail(cell, 'text') : { kind: 'value', value };
  },
};

/**
 * A list of references (Requires, Excludes): free text whose line breaks (Alt+Enter, one reference a
 * line) separate references as commas and semicolons do, rather than being tidied into spaces.
 */
export const referenceText: CellReader<string> = {
  expected: 'text',
  read(cell) {
    return text.read(typeof cell === 'string' && /[\r\n]/.test(cell) ? cell.replace(/\s*[\r\n]+\s*/g, '; ') : cell);
  },
};

/** Whether a column's reader takes any text: its number formats say nothing about how it reads. */
export const readsText = (reader: CellReader<unknown>): boolean => reader === text || reader === referenceText;

/** One of a fixed list, matched ignoring case, spacing and punctuation, with common aliases. */
export function choice<T extends string>(aliases: Record<T, string[]>, expected?: string): CellReader<T> {
  // A symbol (✓, ✗) has no letters or digits to fold: it is its own key, so "✓", "✗" and "-" never meet at ''.
  const keyOf = (raw: string): string => normalise(raw) || raw.replace(VARIATION, '').trim();
  const lookup = new Map<string, T>();
  for (const [value, words] of Object.entries(aliases) as [T, string[]][]) {
    lookup.set(keyOf(value), value);
    for (const word of words) lookup.set(keyOf(word), value);
  }
  const names = Object.keys(aliases).join(', ');
  return reader(expected ?? `one of ${names}`, (cell) => {
    if (typeof cell !== 'string') return undefined;
    const value = lookup.get(keyOf(cell));
    if (value !== undefined) return value;
    const head = labelledHead(cell);
    return head === undefined ? undefined : lookup.get(keyOf(head));
  });
}

/** Lower case, letters and digits only: "Decision-rights shift" and "decision rights shift" meet. */
export function normalise(raw: string): string {
  // Every row's ID comes through here. Plain ASCII text (nearly every ID) is folded by keeping its
  // runs of letters and digits, which is several times faster than the Unicode-aware pattern.
  const lower = raw.toLowerCase();
  let folded = '';
  let runStart = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c > 127) return lower.replace(/[^\p{L}\p{N}]+/gu, '');
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (i > runStart) folded += lower.slice(runStart, i);
    runStart = i + 1;
  }
  return runStart === 0 ? lower : folded + lower.slice(runStart);
}

/**
 * What a format shows: a date, a percentage, a number with a scale written after it ("1.2" shown as "1.2m"), or a
 * whole amount shown divided by thousands (`#,##0,` shows 500,000 as "500"), which a "($k)" header describes.
 */
export type FormatKind = 'date' | 'percent' | 'k' | 'm' | 'bn' | 'whole' | undefined;

// A format's parts: quoted text, an escaped character, a bracketed part, a padding or fill character, or one character.
const FORMAT_TOKEN = /"[^"]*"|\\.|\[[^\]]*\]|[_*].|./g;
const SCALE_LITERAL: Record<string, FormatKind> = { k: 'k', m: 'm', mm: 'm', mn: 'm', mln: 'm', bn: 'bn', b: 'bn' };

/**
 * The scale a format writes as text after its number: `"$"0.0"m"` shows 1.2 as "$1.2m", `#,##0"k"` 300 as "300k",
 * `0.0\M` 1.2 as "1.2M": the number is in millions or thousands. A format that divides by a thousand with commas
 * (`#,##0.0,,"M"`) shows a whole amount already, as does one whose text is a currency ("EUR") or no scale.
 */
function formatScale(format: string): FormatKind {
  const suffix = formatSuffix(format);
  if (suffix === undefined) return undefined;
  if (suffix.divided) return 'whole';
  const literal = suffix.text
    .toLowerCase()
    .replace(/[\s$€£¥₹.]/g, '')
    .replace(new RegExp(`^(?:${CURRENCY_CODES.join('|')})|(?:${CURRENCY_CODES.join('|')})$`, 'i'), '');
  return SCALE_LITERAL[literal];
}

/**
 * The text a format writes after its number (`0 "days"` shows 10 as "10 days"), from its quoted and escaped
 * characters, and whether commas there divide the number by thousands (`#,##0,`). Undefined for a format with no number.
 */
export function formatSuffix(format: string): { text: string; divided: boolean } | undefined {
  const positive = format.split(';')[0] ?? '';
  const tokens = positive.match(FORMAT_TOKEN) ?? [];
  let last = -1;
  tokens.forEach((token, i) => {
    if (token === '0' || token === '#' || token === '?') last = i;
  });
  if (last < 0) return undefined;
  const after = tokens.slice(last + 1);
  const text = after
    .filter((t) => t.startsWith('"') || t.startsWith('\\'))
    .map((t) => (t.startsWith('"') ? t.slice(1, -1) : t.slice(1)))
    .join('')
    .trim();
  return { text, divided: after.includes(',') };
}

/**
 * What a number format says a number is, where that changes how it reads: a date (a serial number
 * such as 45838 shown as 2025-07-01), a percentage (0.45 shown as 45%) or a scale written after it (1.2
 * shown as 1.2m). Quoted text, bracketed parts ([Red], [$€-407]) and escaped characters are not the
 * format's own letters.
 */
export function formatKind(format: string | undefined): FormatKind {
  if (!format || format === 'General' || format === '@') return undefined;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[(?:h+|m+|s+)\]/gi, 'h').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_./g, '');
  if (bare.includes('%')) return 'percent';
  return /[dmyhs]/i.test(bare.replace(/General/gi, '')) ? 'date' : formatScale(format);
}

const DAY_MS = 86_400_000;
/** Excel's serial number of 1970-01-01 (the 1900 date system). */
const SERIAL_OF_1970 = 25_569;
/** The 1904 date system counts its serial numbers from 1,462 days later. */
const DATE_1904_DAYS = 1_462;

/**
 * A number cell as its number format shows it, when that is not a plain number (a scale after it: 1.2 as "1.2m"): a date becomes its
 * date ("2025-07-01, a date"), which no number column reads, so it is reported rather than read as
 * 45838; a percentage becomes its percent text ("150%"), read as the contract reads "150%" typed as text.
 * `kindOf` is formatKind, or the run's memo of it: a table has a few formats and thousands of cells.
 * In a 1904-system workbook (`date1904`) a serial number is a date 1,462 days later.
 */
export function shownAs(cell: CellValue, format: string | undefined, kindOf: (format: string) => FormatKind = formatKind, date1904 = false): CellValue {
  if (typeof cell !== 'number' || format === undefined || format === '' || format === 'General') return cell;
  const kind = kindOf(format);
  if (kind === 'percent') return `${Math.round(cell * 100 * 1e9) / 1e9}%`;
  // "1.2m" reads as 1,200,000, and is not scaled again by a "($M)" header: it states its own scale.
  if (kind === 'k' || kind === 'm' || kind === 'bn') return `${cell}${kind}`;
  if (kind !== 'date') return cell;
  const date = new Date(Math.round((cell + (date1904 ? DATE_1904_DAYS : 0) - SERIAL_OF_1970) * DAY_MS));
  return Number.isNaN(date.getTime()) ? cell : `${date.toISOString().slice(0, 10)}, a date`;
}
