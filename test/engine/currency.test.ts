// Currencies: an amount states its currency by symbol, code or number format; amounts in another
// currency are converted with the workbook's FX rates, and one without a rate is a problem naming its cell.

import { convertValues, currencyCode, findFxRatesTable, formatCurrency, isFxRatesTable, plainAmountText, readFxRates, statedCurrency } from '../../src/engine/currency';
import { prioritise } from '../../src/engine/plan';
import { changeImpactSheet } from '../../src/layout/changeImpactSheet';
import { readInitiatives } from '../../src/engine/read';
import type { RawTable } from '../../src/engine/types';
import { readyRow, table } from '../builders';

const fx = (rows: (string | number)[][]): RawTable => ({ sheet: 'Rates', name: 'FXRates', headers: ['Currency', 'Rate'], rows, origin: { row: 0, column: 0 } });
const settings = (rows: (string | number)[][]): RawTable => ({ sheet: 'Settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows, origin: { row: 0, column: 0 } });
const NOW = '2026-01-01T00:00:00Z';

describe('the currency an amount states', () => {
  it.each([
    ['€300k', 'EUR'],
    ['EUR 300k', 'EUR'],
    ['300 k€', 'EUR'],
    ['$1.2M', 'USD'],
    ['US$ 2m', 'USD'],
    ["CHF 1'200'000", 'CHF'],
    ['£40,000', 'GBP'],
    ['1 200 000', undefined],
    ['Europe', undefined],
  ])('%s is in %s', (text, code) => expect(statedCurrency(text)).toBe(code));

  it.each([
    ['"€"#,##0', 'EUR'],
    ['[$€-407] #,##0.00', 'EUR'],
    ['[$€-x-euro2] #,##0', 'EUR'],
    ['#,##0 [$€-x-euro1]', 'EUR'],
    ['[$£-en-GB]#,##0', 'GBP'],
    ['[$EUR] #,##0', 'EUR'],
    ['£#,##0', 'GBP'],
    ['$#,##0;[Red]($#,##0)', 'USD'],
    ['#,##0', undefined],
    ['General', undefined],
    ['[Red]#,##0', undefined],
    // LibreOffice saves "£"0.0"m" and "€"#,##0 with the symbol escaped; these were in no currency, so pounds were added to euros.
    ['\\£0.0\\m', 'GBP'],
    ['\\€#,##0', 'EUR'],
    ['\\$#,##0.00', 'USD'],
    ['\\C\\H\\F #,##0', 'CHF'],
    ['0.0\\m', undefined],
  ])('a number formatted %s is in %s', (format, code) => expect(formatCurrency(format)).toBe(code));

  it('reads European and other forms of amounts', () => {
    expect(plainAmountText('1.234.567,89 €')).toBe('1234567.89 €');
    expect(plainAmountText('1.234,5')).toBe('1234.5');
    expect(plainAmountText('1,234')).toBe('1,234');
    expect(plainAmountText('1.234')).toBe('1.234');
    expect(currencyCode('eur')).toBe('EUR');
    expect(currencyCode('€')).toBe('EUR');
  });

  it.each<[string, number, string]>([
    ['1,5 Mio. €', 1_500_000, 'EUR'],
    ['EUR 2,5 Mio', 2_500_000, 'EUR'],
    ['€2,5 Mrd', 2_500_000_000, 'EUR'],
    ['300 Tsd. €', 300_000, 'EUR'],
    ['CHF 1’200’000', 1_200_000, 'CHF'],
  ])('reads %p as %p %s (German scales, a typographic apostrophe)', (text, amount, code) => {
    const read = readInitiatives(table([readyRow({ 'Annual value': text })]), [], [], { reportingCurrency: code, rates: new Map() });
    expect(read.initiatives[0]?.annualValue).toBe(amount);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it.each<[string, number]>([
    ['GBP 2.5', 2_500_000],
    ['2.5 MXN', 2_500_000],
    ['SEK 3', 3_000_000],
    ['USD 0.75', 750_000],
    ['£2.5m', 2_500_000],
    ['300 kEUR', 300_000],
    ['EUR 2,5 Mio', 2_500_000],
    ['300 Tsd. €', 300_000],
  ])('in a column headed in millions, %p is %p: a code\'s letters are no scale, a written scale is its own', (text, amount) => {
    const row = Object.fromEntries(Object.entries(readyRow({ 'Annual value': text })).map(([k, v]) => [k === 'Annual value' ? 'Annual value (m)' : k, v]));
    const rates = new Map([['GBP', 1], ['MXN', 1], ['SEK', 1], ['EUR', 1]]);
    const read = readInitiatives(table([row]), [], [], { reportingCurrency: 'USD', rates });
    expect(read.initiatives[0]?.annualValue).toBe(amount);
  });

  it('a code written straight after a scale states the currency', () => {
    expect(statedCurrency('300 kEUR')).toBe('EUR');
    expect(statedCurrency('1.2mUSD')).toBe('USD');
    expect(statedCurrency('Mexico 5')).toBeUndefined();
  });

  it('quotes an amount it cannot read as written, not as rewritten for reading', () => {
    const read = readInitiatives(table([readyRow({ 'Annual value': 'EUR 2,5 Mioo' })]), []);
    expect(read.issues.find((i) => i.code === 'unreadable-cell')?.message).toBe(
      'Annual value in Portfolio!F2 is "EUR 2,5 Mioo"; expected an amount such as 1200000, $1.2M or €300k.',
    );
  });

  it.each<[string, string]>([
    ['Euro', 'EUR'],
    ['euros', 'EUR'],
    ['US dollar', 'USD'],
    ['Dollars', 'USD'],
    ['Pound sterling', 'GBP'],
    ['Sterling', 'GBP'],
    ['Swiss franc', 'CHF'],
    ['Yen', 'JPY'],
  ])('a currency named in words, %p, is %p (the Reporting currency setting, a row of the FX rates table)', (text, code) => {
    expect(currencyCode(text)).toBe(code);
  });

  it.each(['Dollars and cents', 'Gold', 'Points'])('%p names no currency', (text) => {
    expect(currencyCode(text)).toBeUndefined();
  });
});

describe('converting values into the reporting currency', () => {
  const rows = [
    { ...readyRow({ ID: 'A', Initiative: 'Invoices', 'Annual value': '$1.2M' }) },
    { ...readyRow({ ID: 'B', Initiative: 'Claims', 'Annual value': '€300k' }) },
    { ...readyRow({ ID: 'C', Initiative: 'Churn', 'Annual value': '1.234.567,89 €' }) },
    { ...readyRow({ ID: 'D', Initiative: 'Pricing', 'Annual value': '$500k' }) },
  ];

  it('converts euros into dollars with the FX table and says which rate it used', () => {
    const plan = prioritise({ initiatives: table(rows), fxRates: fx([['EUR', 1.1]]) }, { now: NOW });
    expect(plan.entries.map((e) => e.initiative.annualValue)).toEqual([1_200_000, 330_000, expect.closeTo(1_358_024.68, 2), 500_000]);
    expect(plan.money).toEqual({ currency: 'USD', fxRates: { EUR: 1.1 }, from: 'amounts' });
    expect(plan.issues.filter((i) => i.code === 'no-fx-rate')).toEqual([]);
  });

  it('without a rate, reports each cell and makes its row Invalid input, never adding it as dollars', () => {
    const plan = prioritise({ initiatives: table(rows, { origin: { row: 1, column: 0 } }) }, { now: NOW });
    const problems = plan.issues.filter((i) => i.code === 'no-fx-rate');
    const valueColumn = String.fromCharCode(65 + Object.keys(readyRow()).indexOf('Annual value'));
    expect(problems.map((i) => i.cell)).toEqual([`${valueColumn}4`, `${valueColumn}5`]);
    expect(problems[0]?.message).toMatch(/is in EUR, but the workbook has no rate from EUR to USD/);
    expect(plan.entries.map((e) => e.gate.gate)).toEqual(['Scale-ready', 'Invalid input', 'Invalid input', 'Scale-ready']);
    expect(plan.summary.requestedValue).toBe(1_700_000);
  });

  it('breaks a tie between currencies the same way whatever the row order: the Currency symbol setting first, then by code', () => {
    const tied = [rows[0]!, rows[1]!];
    for (const order of [tied, [...tied].reverse()]) {
      expect(prioritise({ initiatives: table(order) }, { now: NOW }).money?.currency).toBe('USD');
      expect(prioritise({ initiatives: table(order), settings: settings([['Currency symbol', '£']]) }, { now: NOW }).money?.currency).toBe('EUR');
    }
  });

  it('the Change impact sheet says which currency its amounts are in and the rates used, and shows them in it', () => {
    const plan = prioritise({ initiatives: table(rows), settings: settings([['Reporting currency', 'eur']]), fxRates: fx([['USD', 0.9]]) }, { now: NOW });
    const sheet = changeImpactSheet(plan);
    expect(sheet.values[1]![0]).toMatch(/Amounts in EUR \(the Reporting currency setting\); converted with 1 USD = 0\.9 EUR \(FX rates table\)\.$/);
    const header = sheet.values.findIndex((r) => r[4] === 'Annual value (EUR)');
    expect(header).toBeGreaterThan(0);
    expect(sheet.values[header + 1]![4]).toEqual(expect.any(Number));
    expect(sheet.formats[header + 1]![4]).toBe('"€"#,##0_0');
    // Plain numbers with no currency stated anywhere: the sheet says nothing about currency, as before.
    const plain = changeImpactSheet(prioritise({ initiatives: table([readyRow({ 'Annual value': 100 })]) }, { now: NOW }));
    expect(plain.values[1]![0]).not.toMatch(/Amounts in/);
    expect(plain.values.some((r) => r[4] === 'Annual value')).toBe(true);
  });

  it('takes the Reporting currency setting over what most amounts state', () => {
    const plan = prioritise({ initiatives: table(rows), settings: settings([['Reporting currency', 'eur']]), fxRates: fx([['USD', 0.9]]) }, { now: NOW });
    expect(plan.money).toMatchObject({ currency: 'EUR', fxRates: { USD: 0.9 }, from: 'setting' });
    expect(plan.entries[0]?.initiative.annualValue).toBeCloseTo(1_080_000);
    expect(plan.entries[1]?.initiative.annualValue).toBe(300_000);
    expect(plan.settings.currency).toBe('€');
  });

  it('reads a number formatted as euros as euros, and plain numbers in the reporting currency', () => {
    const raw = table([readyRow({ 'Annual value': 100 }), readyRow({ ID: 'Y', 'Annual value': 100 }), readyRow({ ID: 'Z', 'Annual value': '$100' })]);
    const valueColumn = raw.headers.indexOf('Annual value');
    raw.formats = raw.rows.map((_, r) => raw.headers.map((_h, c) => (c === valueColumn && r === 0 ? '[$€-407] #,##0' : 'General')));
    const read = readInitiatives(raw, [], [], { reportingCurrency: 'USD', rates: new Map([['EUR', 2]]) });
    expect(read.initiatives.map((i) => i.annualValue)).toEqual([200, 100, 100]);
  });

  it('reads a number shown in millions of euros ([$€-407]0.0\\M) as millions, in euros', () => {
    const raw = table([readyRow({ 'Annual value': 1.2 }), readyRow({ ID: 'Y', 'Annual value': 100 })]);
    const valueColumn = raw.headers.indexOf('Annual value');
    raw.formats = raw.rows.map((_, r) => raw.headers.map((_h, c) => (c === valueColumn && r === 0 ? '[$€-407]0.0\\M' : 'General')));
    const read = readInitiatives(raw, [], [], { reportingCurrency: 'USD', rates: new Map([['EUR', 2]]) });
    expect(read.initiatives.map((i) => i.annualValue)).toEqual([2_400_000, 100]);
  });

  // 500,000 shown as "500" by #,##0, under "Annual value ($k)" was read as 500 million, without a word.
  it('a whole amount shown in thousands by its format (#,##0,) under a "($k)" header is read as it is, not scaled again', () => {
    const raw = table([readyRow({ 'Annual value ($k)': 500_000 }), readyRow({ ID: 'Y', 'Annual value ($k)': 750 })], { headers: [...Object.keys(readyRow()).filter((h) => h !== 'Annual value'), 'Annual value ($k)'] });
    const valueColumn = raw.headers.indexOf('Annual value ($k)');
    raw.formats = raw.rows.map((_, r) => raw.headers.map((_h, c) => (c === valueColumn && r === 0 ? '#,##0,' : 'General')));
    const read = readInitiatives(raw, []);
    expect(read.initiatives.map((i) => i.annualValue)).toEqual([500_000, 750_000]);
    expect(read.issues.filter((i) => i.code === 'implausible-amount')).toEqual([]);
  });

  it('reads plain numbers under a header that states its currency in that currency', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value (EUR)': 100 }, { Initiative: 'B', 'Annual value (EUR)': '$50' }]), [], [], {
      reportingCurrency: 'USD',
      rates: new Map([['EUR', 1.5]]),
    });
    expect(read.initiatives.map((i) => i.annualValue)).toEqual([150, 50]);
  });

  it('treats an accounting negative as a problem, not a silent positive', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value': '(300,000)' }]), []);
    expect(read.initiatives[0]).toMatchObject({ invalid: true, annualValue: undefined });
  });

  it('leaves a workbook that states no currency as it was', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value': 100 }]), []);
    expect(read.money).toEqual({ currency: '', fxRates: {}, from: 'none' });
    expect(convertValues([], '', new Map(), 'S', 'Annual value').issues).toEqual([]);
  });
});

describe('the FX rates table', () => {
  it('reads codes and symbols, and reports a rate that is not a positive number with its cell', () => {
    const read = readFxRates(fx([['€', 1.1], ['GBP', 'n/a'], ['Gold', 2], ['CHF', '1,05']]));
    expect([...read.rates]).toEqual([['EUR', 1.1]]);
    expect(read.issues.map((i) => i.cell)).toEqual(['B3', 'A4', 'B5']);
  });

  it.each<[string, string]>([
    ['Currency', 'FX rate'],
    ['Currency', 'Rate to USD'],
    ['Currency', 'Exchange rate'],
    ['Currency', 'Rate (USD per unit)'],
    ['Currency code', 'Rate'],
    ['CCY', 'Rate'],
  ])('a table of any name headed %p and %p holds FX rates, and its rates are read', (currency, rate) => {
    expect(isFxRatesTable('Table5', [currency, rate])).toBe(true);
    const read = readFxRates({ ...fx([['EUR', 1.1]]), name: 'Table5', headers: [currency, rate] });
    expect({ rates: [...read.rates], issues: read.issues }).toEqual({ rates: [['EUR', 1.1]], issues: [] });
  });

  it('a currency given two different rates is reported at the second, naming the first, which is used', () => {
    const read = readFxRates(fx([['USD', 0.9], ['GBP', 1.15], ['usd', 0.8], ['$', 0.9]]));
    expect([...read.rates]).toEqual([['USD', 0.9], ['GBP', 1.15]]);
    expect(read.issues.map((i) => [i.cell, i.message])).toEqual([
      ['B4', 'The FX rates table gives USD a second rate, 0.8 in Rates!B4, after 0.9 in Rates!B2; the first is used. Keep one row per currency.'],
    ]);
  });

  // "Rate (units per USD)" was read as rates into USD, so 0.92 EUR per dollar made a euro worth 0.92 dollars, not 1.09.
  it.each(['Rate (units per USD)', 'Rate (per 1 USD)', 'FX rate per USD'])('%p gives what one USD buys: each rate is inverted, into USD', (rate) => {
    const read = readFxRates({ ...fx([['EUR', 0.92], ['GBP', 0.8]]), headers: ['Currency', rate] });
    expect({ rates: [...read.rates], into: read.into, issues: read.issues }).toEqual({ rates: [['EUR', 1.08696], ['GBP', 1.25]], into: 'USD', issues: [] });
  });

  // "EUR/GBP 0.85" was read as 1 EUR = 0.85 of the reporting currency, whatever it was.
  it('currency pairs ("EUR/USD", "EURUSD") are rates into the currency they are quoted in; the other way round they are inverted, and a pair into a third currency is said and left out', () => {
    const read = readFxRates({ ...fx([['EUR/USD', 1.08], ['GBPUSD', 1.25], ['USD/JPY', 150], ['EUR/GBP', 0.85]]), headers: ['Currency pair', 'Rate'] });
    expect({ rates: [...read.rates], into: read.into }).toEqual({ rates: [['EUR', 1.08], ['GBP', 1.25], ['JPY', 0.00666667]], into: 'USD' });
    expect(read.issues.map((i) => [i.cell, i.message])).toEqual([
      ['A5', 'The FX rates table gives EUR/GBP in Rates!A5, a rate into GBP, but its other rates are into USD; that row is ignored. Give the rate of EUR into USD.'],
    ]);
  });

  it('a rate header that names its currency ("Rate to USD") says what the rates are into', () => {
    expect(readFxRates({ ...fx([['EUR', 1.08]]), headers: ['Currency', 'Rate to USD'] }).into).toBe('USD');
    expect(readFxRates({ ...fx([['EUR', 1.08]]), headers: ['Currency', 'Rate (USD per unit)'] }).into).toBe('USD');
    expect(readFxRates({ ...fx([['EUR', 1.08]]), headers: ['Currency', 'FX rate'] }).into).toBeUndefined();
    expect(readFxRates({ ...fx([['EUR', 1.08]]), headers: ['Currency', 'Exchange rate'] }).into).toBeUndefined();
  });

  it('rates into USD convert into a reporting currency of EUR through USD, not as if they were into EUR', () => {
    const rows = [
      readyRow({ ID: 'A', Initiative: 'Invoices', 'Annual value': '€300k' }),
      readyRow({ ID: 'B', Initiative: 'Claims', 'Annual value': '€200k' }),
      readyRow({ ID: 'C', Initiative: 'Churn', 'Annual value': '£100k' }),
      readyRow({ ID: 'D', Initiative: 'Pricing', 'Annual value': '$108k' }),
    ];
    const toUsd = { ...fx([['EUR', 1.08], ['GBP', 1.25]]), headers: ['Currency', 'Rate to USD'] };
    const plan = prioritise({ initiatives: table(rows), fxRates: toUsd }, { now: NOW });
    // Most amounts are in euros: 1 GBP = 1.25 / 1.08 EUR, 1 USD = 1 / 1.08 EUR.
    expect(plan.money).toEqual({ currency: 'EUR', fxRates: { GBP: 1.15741, USD: 0.925926 }, from: 'amounts' });
    expect(plan.entries.map((e) => e.initiative.annualValue)).toEqual([300_000, 200_000, expect.closeTo(115_741, 0), expect.closeTo(100_000, 0)]);
    // Reporting in USD itself, the rates are used as they are.
    const usd = prioritise({ initiatives: table(rows), fxRates: toUsd, settings: settings([['Reporting currency', 'USD']]) }, { now: NOW });
    expect(usd.money?.fxRates).toEqual({ EUR: 1.08, GBP: 1.25 });
    // Without a rate for the reporting currency itself, nothing can be converted, and the problem says why.
    const noEur = prioritise({ initiatives: table(rows), fxRates: { ...fx([['GBP', 1.25]]), headers: ['Currency', 'Rate to USD'] } }, { now: NOW });
    const problems = noEur.issues.filter((i) => i.code === 'no-fx-rate');
    expect(problems.map((p) => p.cell)).toEqual(['F4', 'F5']);
    expect(problems[0]?.message).toBe(
      "Annual value in Portfolio!F4 is in GBP, but the FX rates table's rates are into USD and it has none for EUR, the reporting currency; add EUR to it so GBP amounts are converted, not added to EUR amounts as if the same.",
    );
  });

  it('a table named for FX rates is the one read, wherever a table only headed Currency and Rate stands', () => {
    const tables = [
      { name: 'BudgetRates', headers: ['Currency', 'Rate'] },
      { name: 'FX_rates', headers: ['Currency', 'Rate'] },
      { name: 'Table3', headers: ['CCY', 'Rate to USD'] },
    ];
    const pick = (list: typeof tables) => findFxRatesTable(list, (t) => t.name, (t) => t.headers)?.name;
    expect(pick(tables)).toBe('FX_rates');
    expect(pick([tables[0]!, tables[2]!])).toBe('BudgetRates');
    expect(pick([{ name: 'Teams', headers: ['Team', 'Rate'] }])).toBeUndefined();
  });

  it.each(['FX rates', 'FX_rates', 'Exchange rates'])('a table named %p holds FX rates', (name) => {
    expect(isFxRatesTable(name.replace(/\s/g, ''), ['Code', 'Value'])).toBe(true);
  });

  it.each<[string[]]>([[['Currency', 'Amount']], [['Team', 'Rate']], [['Setting', 'Value']], [['Column', 'Header']]])('a table headed %p holds no FX rates', (headers) => {
    expect(isFxRatesTable('Table5', headers)).toBe(false);
  });
});
