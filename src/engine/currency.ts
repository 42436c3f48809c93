// Currencies: which currency an amount states, the workbook's reporting
// currency and FX rates, and converting an amount into the reporting currency.

import { a1, qualified } from './address';
import { CURRENCY_CODES, normalise, parseNumber, showCell } from './cells';
import type { Initiative, Issue, RawTable } from './types';

/** Excel table names take no spaces: the FX table is called this, and any table headed Currency and Rate is one. */
export const FX_RATES_TABLE = 'FXRates';

/** A header's words, lower case, a part in brackets left out: "Rate (USD per unit)" is ["rate"]. */
const wordsOf = (header: string): string[] =>
  String(header ?? '')
    .toLowerCase()
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** The Currency column's header: "Currency", "Currency code", "CCY". */
const isCurrencyHeader = (header: string): boolean => ['currency', 'currencycode', 'ccy', 'currencyiso', 'isocode', 'currencypair', 'pair'].includes(wordsOf(header).join(''));

/** The Rate column's header: any with the word rate ("Rate", "FX rate", "Rate to USD", "Exchange rate"). */
const isRateHeader = (header: string): boolean => wordsOf(header).includes('rate');

/** Names an FX rates table goes by (folded): "FX rates", "FX_rates", "Exchange rates". */
const FX_TABLE_NAMES = new Set([normalise(FX_RATES_TABLE), 'fxrate', 'fx', 'exchangerates', 'exchangerate', 'currencyrates', 'fxtable']);

/** Whether a table of the workbook holds FX rates: by its name ("FX rates"), or by its Currency and Rate headers ("Currency", "Rate to USD"). */
export function isFxRatesTable(name: string, headers: readonly string[]): boolean {
  if (FX_TABLE_NAMES.has(normalise(name))) return true;
  return headers.some(isCurrencyHeader) && headers.some(isRateHeader);
}

/**
 * The FX rates table among a workbook's tables: one named as such ("FX_rates") before one only headed Currency
 * and Rate, so a budget-rates table earlier in the workbook never takes the place of the one named for it.
 */
export function findFxRatesTable<T>(tables: readonly T[], nameOf: (t: T) => string, headersOf: (t: T) => readonly string[]): T | undefined {
  return tables.find((t) => FX_TABLE_NAMES.has(normalise(nameOf(t)))) ?? tables.find((t) => isFxRatesTable(nameOf(t), headersOf(t)));
}

/** Symbols and words that state a currency, longest first so "US$" wins over "$". */
const SYMBOLS: [RegExp, string][] = [
  [/us\$/i, 'USD'],
  [/a\$|au\$/i, 'AUD'],
  [/c\$|ca\$/i, 'CAD'],
  [/s\$/i, 'SGD'],
  [/hk\$/i, 'HKD'],
  [/nz\$/i, 'NZD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥|円/, 'JPY'],
  [/₹/, 'INR'],
  [/\$/, 'USD'],
];

/** ISO codes the reader knows by sight; a code elsewhere in the FX table is taken as written. */
const CODES = CURRENCY_CODES;
const CODE = new RegExp(`(?:^|[^a-z])(${CODES.join('|')})(?=$|[^a-z])`, 'i');
/**
 * A code written together with a scale: "300kEUR", "300 kEUR", "1.2mUSD", and in headers "(EURm)", "(USDk)",
 * "(TEUR)" (German for thousands of euros).
 */
const CODE_WITH_SCALE = new RegExp(`(?:^|[^a-z])(?:k|t|mm|mn|m|bn|b)?(${CODES.join('|')})(?:k|mm|mn|mln|m|bn)?(?=$|[^a-z])`, 'i');

/** The currency an amount's text states by code or symbol ("€300k", "EUR 300k", "300 k€", "300 kEUR", "CHF 1'200'000"). */
export function statedCurrency(text: string): string | undefined {
  const code = CODE.exec(text) ?? CODE_WITH_SCALE.exec(text);
  if (code?.[1]) return code[1].toUpperCase();
  for (const [pattern, iso] of SYMBOLS) if (pattern.test(text)) return iso;
  return undefined;
}

/**
 * The currency a number format shows: `"€"#,##0`, `[$€-407] #,##0.00`, `[$EUR] #,##0`, `£#,##0`,
 * `#,##0 [$CHF]`, `\£0.0\m`. Quoted text, escaped characters and bracketed currency parts count; colours and conditions do not.
 */
export function formatCurrency(format: string | undefined): string | undefined {
  if (!format || format === 'General' || format === '@') return undefined;
  // The part after the dash is a locale: "-407", "-x-euro2" (Excel's euro formats), "-en-GB".
  const bracket = /\[\$([^\]-]*)(?:-[^\]]*)?\]/i.exec(format);
  if (bracket?.[1]) return statedCurrency(bracket[1]);
  // Text in quotes and escaped characters are both the format's own text: LibreOffice saves "£"0.0"m" as \£0.0\m.
  const quoted = [...format.matchAll(/"([^"]*)"|\\(.)/g)].map((m) => (m[1] === undefined ? m[2] : ` ${m[1]} `)).join('');
  const bare = format.replace(/"[^"]*"/g, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/\\./g, ' ');
  return statedCurrency(quoted) ?? (/[$€£¥₹]/.test(bare) ? statedCurrency(bare) : undefined);
}

/** Currencies named in words, folded ("Pound sterling" is poundsterling), for a setting or an FX table cell. */
const CURRENCY_NAMES: Record<string, string> = {
  euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', usdollar: 'USD', usdollars: 'USD', pound: 'GBP', pounds: 'GBP',
  sterling: 'GBP', poundsterling: 'GBP', britishpound: 'GBP', swissfranc: 'CHF', swissfrancs: 'CHF', yen: 'JPY', japaneseyen: 'JPY',
  canadiandollar: 'CAD', australiandollar: 'AUD', rupee: 'INR', rupees: 'INR', indianrupee: 'INR', yuan: 'CNY', renminbi: 'CNY',
};

/** An ISO code for a setting or an FX table cell: "eur", "€", "EUR" and "Euro" are EUR; undefined when it names none. */
export function currencyCode(text: string): string | undefined {
  const trimmed = text.trim();
  const named = CURRENCY_NAMES[normalise(trimmed)];
  if (named) return named;
  if (/^[a-z]{3}$/i.test(trimmed)) return trimmed.toUpperCase();
  return statedCurrency(trimmed);
}

/** The ISO 4217 codes the runtime knows; undefined where it cannot list them (every three letters then pass). */
const knownCodes: ReadonlySet<string> | undefined = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : undefined;

/** Whether a code is a currency's ("EUR"), not three letters that name none ("EUT", "XYZ"). */
export const isCurrencyCode = (code: string): boolean => knownCodes === undefined || knownCodes.has(code) || CODES.includes(code);

/** The symbol to show amounts in a currency with: "€" for EUR; the code for one without a common symbol. */
export function currencySymbol(code: string): string {
  return ({ USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' } as Record<string, string>)[code] ?? `${code} `;
}

// "1.234.567,89" and "1.234,5": dots group thousands and a comma marks decimals. Only a form with
// two dot groups, or dot groups then a comma, is read this way; "1.234" alone stays a problem.
const EUROPEAN = /^(-)?(\d{1,3}(?:\.\d{3})+),(\d+)$|^(-)?(\d{1,3}(?:\.\d{3}){2,})$/;
// "1 234,56", "1'234,5" or "300,5": a comma before one, two or more than three digits is a decimal comma.
const DECIMAL_COMMA = /^(-)?(\d{1,3}(?:[\s\u00a0\u202f'\u2019]\d{3})*|\d+),(\d{1,2}|\d{4,})$/;

/**
 * An amount's text in the form the cell readers take: a European form ("1.234.567,89 €") with its
 * separators swapped ("1234567.89 €"); any other text unchanged.
 */
export function plainAmountText(text: string): string {
  // A scale's abbreviation dot ("1,5 Mio. €") is no part of the number.
  const bare = text.replace(/[^\d.,'\u2019\s\u00a0\u202f-]/g, '').trim().replace(/\s*\.$/, '');
  const european = EUROPEAN.exec(bare);
  const decimalComma = european ? undefined : DECIMAL_COMMA.exec(bare);
  if (!european && !decimalComma) return text;
  const sign = european?.[1] ?? european?.[4] ?? decimalComma?.[1] ?? '';
  const whole = (european?.[2] ?? european?.[5] ?? decimalComma?.[2] ?? '').replace(/[.\s\u00a0\u202f'\u2019]/g, '');
  const fraction = european?.[3] ?? decimalComma?.[3];
  return text.replace(bare, `${sign}${whole}${fraction ? `.${fraction}` : ''}`);
}

/**
 * The rates of the FX table, and the currency they are into when its rate header names one ("Rate to USD",
 * "USD rate", "Rate (USD per unit)"): then a reporting currency other than that one is reached through it.
 */
export type FxRates = { rates: Map<string, number>; issues: Issue[]; into?: string };

/** A currency pair as markets quote it: "EUR/USD", "EURUSD", "EUR-USD", "EUR to USD": one EUR is worth the rate in USD. */
const PAIR = /^([a-z]{3})\s*(?:\/|-|\s to\s)?\s*([a-z]{3})$/i;

/** The FX rates table: `Currency` (a code or symbol) and `Rate` (one unit of it in the reporting currency). */
export function readFxRates(table: RawTable | undefined): FxRates {
  const rates = new Map<string, number>();
  const issues: Issue[] = [];
  if (!table) return { rates, issues };
  const currencyColumn = table.headers.findIndex((h) => isCurrencyHeader(String(h ?? '')));
  const rateColumn = table.headers.findIndex((h) => isRateHeader(String(h ?? '')));
  if (currencyColumn < 0 || rateColumn < 0) {
    issues.push({ code: 'invalid-fx-rate', severity: 'warning', sheet: table.sheet, message: `The FX rates table ${table.name} on ${table.sheet} needs the columns Currency and Rate; no amounts are converted.` });
    return { rates, issues };
  }
  const rateHeader = String(table.headers[rateColumn] ?? '');
  // "Rate (units per USD)" and "Rate (per 1 USD)" give how much of each currency one USD buys: the inverse of a rate into USD.
  const perCode = /\bper\s+(?:1\s+|one\s+)?([a-z]{3})\b/i.exec(rateHeader)?.[1]?.toUpperCase();
  const inverse = perCode !== undefined && isCurrencyCode(perCode) && CODES.includes(perCode);
  const at = (rowIndex: number, column: number) => a1(table.origin.row + 1 + rowIndex, table.origin.column + column);
  const pairs = table.rows.map((row) => {
    const pair = PAIR.exec(String(row[currencyColumn] ?? '').trim());
    return pair && isCurrencyCode(pair[1]!.toUpperCase()) && isCurrencyCode(pair[2]!.toUpperCase()) ? [pair[1]!.toUpperCase(), pair[2]!.toUpperCase()] : undefined;
  });
  // Pairs quoted in one currency ("EUR/USD", "GBP/USD") are rates into it, as a header naming it says: the one most pairs are quoted in.
  const quotes = new Map<string, number>();
  for (const pair of pairs) if (pair) quotes.set(pair[1]!, (quotes.get(pair[1]!) ?? 0) + 1);
  const [top, next] = [...quotes].sort((a, b) => b[1] - a[1]);
  const quotedIn = top && (!next || next[1] < top[1]) ? top[0] : undefined;
  const into = (inverse ? perCode : statedCurrency(rateHeader.replace(/\brates?\b/gi, ' '))) ?? quotedIn;
  const firstAt = new Map<string, string>();
  table.rows.forEach((row, rowIndex) => {
    const name = String(row[currencyColumn] ?? '').trim();
    if (name === '') return;
    const pair = pairs[rowIndex];
    let code = pair ? pair[0] : currencyCode(name);
    let rate = parseNumber((row[rateColumn] ?? '') as string | number | boolean);
    if (rate !== undefined && rate > 0 && inverse) rate = crossRate(1 / rate);
    if (pair && pair[1] !== into) {
      // "USD/JPY 150" with rates into USD is 1 JPY = 1/150 USD; a pair between two other currencies is no rate into it.
      if (pair[0] === into && rate !== undefined && rate > 0) [code, rate] = [pair[1]!, crossRate(1 / rate)];
      else {
        issues.push({ code: 'invalid-fx-rate', severity: 'warning', sheet: table.sheet, column: 'Currency', cell: at(rowIndex, currencyColumn), message: `The FX rates table gives ${name} in ${qualified(table.sheet, at(rowIndex, currencyColumn))}, a rate into ${pair[1]}, but its other rates are into ${into ?? 'the reporting currency'}; that row is ignored. Give the rate of ${pair[0]} into ${into ?? 'the reporting currency'}.` });
        return;
      }
    }
    if (code === undefined) {
      issues.push({ code: 'invalid-fx-rate', severity: 'warning', sheet: table.sheet, column: 'Currency', cell: at(rowIndex, currencyColumn), message: `The FX rates table names ${showCell(name)} in ${qualified(table.sheet, at(rowIndex, currencyColumn))}, which is not a currency code such as EUR; that row is ignored.` });
    } else if (rate === undefined || !(rate > 0)) {
      issues.push({ code: 'invalid-fx-rate', severity: 'warning', sheet: table.sheet, column: 'Rate', cell: at(rowIndex, rateColumn), message: `The rate for ${code} in ${qualified(table.sheet, at(rowIndex, rateColumn))} is ${JSON.stringify(row[rateColumn] ?? '')}; expected a number above 0. ${code} amounts are not converted.` });
    } else if (!rates.has(code)) {
      rates.set(code, rate);
      firstAt.set(code, at(rowIndex, rateColumn));
    } else if (rates.get(code) !== rate) {
      const first = firstAt.get(code)!;
      issues.push({ code: 'invalid-fx-rate', severity: 'warning', sheet: table.sheet, column: 'Rate', cell: at(rowIndex, rateColumn), message: `The FX rates table gives ${code} a second rate, ${rate} in ${qualified(table.sheet, at(rowIndex, rateColumn))}, after ${rates.get(code)} in ${qualified(table.sheet, first)}; the first is used. Keep one row per currency.` });
    }
  });
  return { rates, issues, ...(into ? { into } : {}) };
}

/** A rate derived from two others, to six significant digits as a finance reader would quote it. */
const crossRate = (rate: number): number => Number(rate.toPrecision(6));

/**
 * The rates into `currency`: the table's own when they are into it (or say into nothing), else each through the
 * currency they are into. With rates to USD and a reporting currency of EUR, 1 GBP = 1.25 / 1.08 EUR and
 * 1 USD = 1 / 1.08 EUR; without a rate for EUR itself, none can be had.
 */
export function ratesInto(rates: ReadonlyMap<string, number>, into: string | undefined, currency: string): Map<string, number> {
  if (into === undefined || into === currency || currency === '') return new Map(rates);
  const reporting = rates.get(currency);
  const derived = new Map<string, number>();
  if (reporting === undefined) return derived;
  for (const [code, rate] of rates) if (code !== currency) derived.set(code, crossRate(rate / reporting));
  if (!derived.has(into)) derived.set(into, crossRate(1 / reporting));
  return derived;
}

/** The currency of the amounts once read: the reporting currency and the rates actually used. */
export type MoneyRead = {
  /** ISO code; '' when neither the settings nor any amount states one (plain numbers throughout). */
  currency: string;
  /** The rates used to convert, by currency: one unit is worth this much in `currency`. */
  fxRates: Record<string, number>;
  /** How the reporting currency was set: by the setting, by most amounts, or not at all. */
  from: 'setting' | 'amounts' | 'none';
};

/**
 * Which currency the amounts are in and the rates that converted them, as a sentence ("Amounts in EUR (the
 * Reporting currency setting); converted with 1 USD = 0.92 EUR (FX rates table)."); undefined for plain numbers.
 */
export function moneySentence(money: MoneyRead | undefined): string | undefined {
  if (!money || money.currency === '') return undefined;
  const how = money.from === 'setting' ? 'the Reporting currency setting' : 'the currency most amounts state';
  const rates = Object.entries(money.fxRates);
  const converted = rates.length > 0 ? `; converted with ${rates.map(([code, rate]) => `1 ${code} = ${rate} ${money.currency}`).join(', ')} (FX rates table)` : '';
  return `Amounts in ${money.currency} (${how})${converted}.`;
}

/** Where each value came from: the sheet cell and the currency it states (undefined: a plain number). */
export type ValueCurrency = {
  initiative: Initiative;
  cell: string;
  currency: string | undefined;
  /** Which amount of the row: the annual value (the default) or an end of its range. Only annual values choose the reporting currency. */
  field?: MoneyField;
  /** The header of that amount's column, for the problem a missing rate is. */
  header?: string;
};

export type MoneyField = 'annualValue' | 'valueLow' | 'valueHigh';

/**
 * Converts every value stated in another currency into the reporting currency. A value whose
 * currency has no rate is a problem naming its cell, and its row is made invalid: amounts in two
 * currencies are never added together unconverted.
 */
export function convertValues(
  values: readonly ValueCurrency[],
  setting: string,
  rates: Map<string, number>,
  sheet: string,
  header: string,
  /** On a tie for most amounts, this currency wins (the Currency symbol setting's); then alphabetical order. */
  preferredOnTie?: string,
  /** The currency the FX table's rates are into, when its rate header names one. */
  ratesTo?: string,
): { money: MoneyRead; issues: Issue[] } {
  const issues: Issue[] = [];
  let currency = setting;
  let from: MoneyRead['from'] = setting === '' ? 'none' : 'setting';
  if (currency === '') {
    const counts = new Map<string, number>();
    for (const v of values) if (v.currency && (v.field ?? 'annualValue') === 'annualValue') counts.set(v.currency, (counts.get(v.currency) ?? 0) + 1);
    let best = 0;
    // A tie never depends on row order: the Currency symbol setting's currency, then alphabetical order.
    const order = ([a]: [string, number], [b]: [string, number]) => (a === preferredOnTie ? -1 : b === preferredOnTie ? 1 : a < b ? -1 : a > b ? 1 : 0);
    for (const [code, count] of [...counts].sort(order)) {
      if (count > best) [currency, best] = [code, count];
    }
    if (best > 0) from = 'amounts';
  }
  const fxRates: Record<string, number> = {};
  const into = ratesInto(rates, ratesTo, currency);
  // Rates into another currency than the reporting one, with no rate for the reporting one: none applies, and
  // the rate to add is the reporting currency's.
  const through = ratesTo !== undefined && ratesTo !== currency && !rates.has(currency);
  for (const v of values) {
    const field = v.field ?? 'annualValue';
    const amount = v.initiative[field];
    if (v.currency === undefined || v.currency === currency || amount === undefined) continue;
    const rate = into.get(v.currency);
    if (rate !== undefined) {
      v.initiative[field] = amount * rate;
      fxRates[v.currency] = rate;
      continue;
    }
    v.initiative[field] = undefined;
    v.initiative.invalid = true;
    const column = v.header ?? header;
    issues.push({
      code: 'no-fx-rate',
      severity: 'error',
      sheet,
      column,
      cell: v.cell,
      rowIndex: v.initiative.rowIndex,
      message: through
        ? `${column} in ${qualified(sheet, v.cell)} is in ${v.currency}, but the FX rates table's rates are into ${ratesTo} and it has none for ${currency}, the reporting currency; add ${currency} to it so ${v.currency} amounts are converted, not added to ${currency} amounts as if the same.`
        : `${column} in ${qualified(sheet, v.cell)} is in ${v.currency}, but the workbook has no rate from ${v.currency} to ${currency}; add ${v.currency} to the FX rates table (Currency, Rate) so it is not added to ${currency} amounts as if the same.`,
    });
  }
  return { money: { currency, fxRates, from }, issues };
}
