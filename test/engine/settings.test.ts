// The `Prioritisation settings` sheet: a Setting/Value table whose bad values are
// reported with their cell while the default stays in force.

import { DEFAULT_SETTINGS, readSettings } from '../../src/engine/settings';
import type { CellValue, RawTable, Settings } from '../../src/engine/types';
import { settingsTable } from '../builders';

describe('defaults', () => {
  test('without a settings table every default is used and nothing is reported', () => {
    const read = readSettings(undefined);
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
  });

  test('the default weights are impact 50, readiness 30, friction 20', () => {
    expect(readSettings(undefined).settings.weights).toEqual({ impact: 50, readiness: 30, friction: 20 });
  });

  test('an empty settings table keeps every default', () => {
    expect(readSettings(settingsTable({}))).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });
});

describe('reading each setting', () => {
  test.each<[string, CellValue, (s: Settings) => unknown, unknown]>([
    ['Impact weight', 60, (s) => s.weights.impact, 60],
    ['Readiness weight', '25', (s) => s.weights.readiness, 25],
    ['Friction weight', 0, (s) => s.weights.friction, 0],
    ['In-flight limit', 4, (s) => s.inFlightLimit, 4],
    ['In-flight limit', 0, (s) => s.inFlightLimit, 0],
    ['Selection method', 'optimal', (s) => s.method, 'Optimal'],
    ['Selection method', 'Rank-and-fill', (s) => s.method, 'Rank and fill'],
    ['Optimise for', 'annual value', (s) => s.objective, 'Annual value'],
    ['Solver time limit (seconds)', 5, (s) => s.solverTimeLimitSeconds, 5],
    ['Planning period', 'FY27 H1', (s) => s.planningPeriod, 'FY27 H1'],
    ['Planning period', 2027, (s) => s.planningPeriod, '2027'],
    ['Currency symbol', '€', (s) => s.currency, '€'],
    ['Scenario', ' Legal +2 weeks ', (s) => s.scenario, 'Legal +2 weeks'],
  ])('%s set to %p is read', (label, value, get, expected) => {
    const read = readSettings(settingsTable({ [label]: value }));
    expect(read.issues).toEqual([]);
    expect(get(read.settings)).toEqual(expected);
  });

  test('setting labels match ignoring case, spacing and punctuation', () => {
    const read = readSettings(settingsTable({ 'IMPACT weight': 70, 'in flight limit': 3 }));
    expect(read.settings).toMatchObject({ weights: { impact: 70 }, inFlightLimit: 3 });
  });

  test('a label with a note in brackets is still its setting: "Impact weight (0-100)", "In-flight limit (initiatives)", "Solver time limit"', () => {
    const read = readSettings(settingsTable({ 'Impact weight (0-100)': 70, 'In-flight limit (initiatives)': 3, 'Solver time limit': 5 }));
    expect(read.settings).toMatchObject({ weights: { impact: 70 }, inFlightLimit: 3, solverTimeLimitSeconds: 5 });
    expect(read.issues).toEqual([]);
  });

  test('a weight typed as a percentage ("50%") is that many points of 100, as the weights are', () => {
    const read = readSettings(settingsTable({ 'Impact weight': '50%', 'Readiness weight': '30 %', 'Friction weight': 20 }));
    expect(read.settings.weights).toEqual({ impact: 50, readiness: 30, friction: 20 });
    expect(read.issues).toEqual([]);
  });

  test('Horizons written as a span, "Q1-Q4" or "H1 to H2", are the horizons it spans, not one horizon called that', () => {
    expect(readSettings(settingsTable({ Horizons: 'Q1-Q4' })).settings.horizons).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(readSettings(settingsTable({ Horizons: 'H1 to H2' })).settings.horizons).toEqual(['H1', 'H2']);
    expect(readSettings(settingsTable({ Horizons: 'Q1 – Q4' })).settings.horizons).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    // Spans among several labels are labels of their own: a half written as its quarters.
    expect(readSettings(settingsTable({ Horizons: 'Q1-Q2, Q3-Q4' })).settings.horizons).toEqual(['Q1-Q2', 'Q3-Q4']);
  });

  test('a Demand overrun of a plain 1 reads as 100% and is said with its cell, since 1% is as likely meant; "100%" and 0.1 are not said', () => {
    const read = readSettings(settingsTable({ 'Demand overrun': 1 }));
    expect(read.settings.demandOverrun).toBe(1);
    expect(read.issues).toEqual([expect.objectContaining({ cell: 'B5', message: "Demand overrun in 'Prioritisation settings'!B5 is 1, read as 100% (demands may turn out twice as large as stated). If you meant 1%, type 1%." })]);
    expect(readSettings(settingsTable({ 'Demand overrun': '100%' })).issues).toEqual([]);
    expect(readSettings(settingsTable({ 'Demand overrun': 0.1 })).issues).toEqual([]);
  });

  test('a planning period typed as a date, which the cell holds as its serial number, reads as that date; a year stays a year', () => {
    expect(readSettings(settingsTable({ 'Planning period': 46388 })).settings.planningPeriod).toBe('1 Jan 2027');
    expect(readSettings({ ...settingsTable({ 'Planning period': 44926 }), date1904: true }).settings.planningPeriod).toBe('1 Jan 2027');
    expect(readSettings(settingsTable({ 'Planning period': 2027 })).settings.planningPeriod).toBe('2027');
    expect(readSettings(settingsTable({ 'Planning period': 'FY27' })).settings.planningPeriod).toBe('FY27');
  });

  describe('the three weights are read in one form, as a finance person writes them in one sheet', () => {
    test.each<[string, Record<string, CellValue>]>([
      ['fractions 0.5/0.3/0.2 (or cells formatted as percentages, which hold them)', { 'Impact weight': 0.5, 'Readiness weight': 0.3, 'Friction weight': 0.2 }],
      ['"50%" typed beside fractions 0.3 and 0.2', { 'Impact weight': '50%', 'Readiness weight': 0.3, 'Friction weight': 0.2 }],
      ['points 50/30/20', { 'Impact weight': 50, 'Readiness weight': 30, 'Friction weight': 20 }],
      ['"50%" typed beside points 30 and 20', { 'Impact weight': '50%', 'Readiness weight': 30, 'Friction weight': 20 }],
      ['fractions rounded to a total a little over 1 (0.5/0.34/0.2)', { 'Impact weight': 0.5, 'Readiness weight': 0.34, 'Friction weight': 0.2 }],
    ])('%s', (_, values) => {
      const read = readSettings(settingsTable(values));
      expect(read.issues).toEqual([]);
      expect(read.settings.weights.impact).toBe(50);
      expect(read.settings.weights.friction).toBe(20);
    });

    test('one weight set as a fraction beside the others left at their defaults is that fraction of 100', () => {
      const read = readSettings(settingsTable({ 'Impact weight': 0.6 }));
      expect(read.settings.weights).toEqual({ impact: 60, readiness: 30, friction: 20 });
      expect(read.issues).toEqual([]);
    });

    test('a fraction beside weights in points that then total 100 is read as that fraction of 100, and said with its cell', () => {
      const read = readSettings(settingsTable({ 'Impact weight': 50, 'Readiness weight': 30, 'Friction weight': 0.2 }));
      expect(read.settings.weights).toEqual({ impact: 50, readiness: 30, friction: 20 });
      expect(read.issues).toEqual([
        expect.objectContaining({
          cell: 'B7',
          message:
            "Friction weight in 'Prioritisation settings'!B7 is 0.2, while the other weights are points of 100 (Impact weight 50 and Readiness weight 30); it is read as 20 (20%). Type 20 to say so.",
        }),
      ]);
    });

    test('a weight below 1 beside points that would not total about 100 is kept as typed, and said with its cell', () => {
      const read = readSettings(settingsTable({ 'Impact weight': 50, 'Readiness weight': 0.5, 'Friction weight': 20 }));
      expect(read.settings.weights).toEqual({ impact: 50, readiness: 0.5, friction: 20 });
      expect(read.issues).toEqual([
        expect.objectContaining({
          cell: 'B6',
          message:
            "Readiness weight in 'Prioritisation settings'!B6 is 0.5, while the other weights are points of 100 (Impact weight 50 and Friction weight 20), so it counts almost nothing. If you meant 50%, type 50.",
        }),
      ]);
    });

    test.each<[Record<string, CellValue>]>([
      [{ 'Impact weight': 1, 'Readiness weight': 0, 'Friction weight': 2 }],
      [{ 'Impact weight': 1, 'Readiness weight': 49, 'Friction weight': 50 }],
      [{ 'Impact weight': 1 }],
    ])('whole points as the pane saves them, a 1 among them, read as they are and not reported: %j', (values) => {
      const read = readSettings(settingsTable(values));
      expect(read.issues).toEqual([]);
      expect(read.settings.weights).toEqual({ ...DEFAULT_SETTINGS.weights, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k.split(' ')[0]!.toLowerCase(), v])) });
    });

    test('equal weights of 1, or a single weight of 1 beside zeros, are points and not reported', () => {
      expect(readSettings(settingsTable({ 'Impact weight': 1, 'Readiness weight': 1, 'Friction weight': 1 }))).toEqual({ settings: expect.objectContaining({ weights: { impact: 1, readiness: 1, friction: 1 } }), issues: [] });
      expect(readSettings(settingsTable({ 'Impact weight': 0, 'Readiness weight': 1, 'Friction weight': 0 })).issues).toEqual([]);
    });
  });

  test.each<[string, string, (s: Settings) => unknown, unknown]>([
    ['Selection method', 'Optimal (MIP)', (s) => s.method, 'Optimal'],
    ['Selection method', 'Optimise', (s) => s.method, 'Optimal'],
    ['Selection method', 'Optimization', (s) => s.method, 'Optimal'],
    ['Selection method', 'Rank & fill', (s) => s.method, 'Rank and fill'],
    ['Selection method', 'Greedy', (s) => s.method, 'Rank and fill'],
    ['Optimise for', 'Value', (s) => s.objective, 'Annual value'],
    ['Optimise for', 'Score', (s) => s.objective, 'Priority score'],
  ])('%s %p reads as %p', (label, value, pick, expected) => {
    const read = readSettings(settingsTable({ [label]: value }));
    expect(pick(read.settings)).toEqual(expected);
    expect(read.issues).toEqual([]);
  });

  test('settings not given keep their defaults', () => {
    const read = readSettings(settingsTable({ 'Impact weight': 70 }));
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, impact: 70 } });
  });

  test('"Capacity: Legal" rows set a capacity per team', () => {
    const read = readSettings(settingsTable({ 'Capacity: Legal': 8, 'Capacity - Data engineering': '12.5' }));
    expect(read.issues).toEqual([]);
    expect(read.settings.capacityOverrides).toEqual({ Legal: 8, 'Data engineering': 12.5 });
  });

  test('reading capacity rows never changes the shared defaults', () => {
    readSettings(settingsTable({ 'Capacity: Legal': 8 }));
    expect(DEFAULT_SETTINGS.capacityOverrides).toEqual({});
  });

  test('rows the engine does not know are the user notes and are ignored', () => {
    const read = readSettings(settingsTable({ Notes: 'agreed at the March steerco', 'Impact weight': 55 }));
    expect(read.issues).toEqual([]);
    expect(read.settings.weights.impact).toBe(55);
  });
});

describe('bad values', () => {
  it('three weights of 0 are reported at their cells, and the default weights are used', () => {
    const read = readSettings(settingsTable({ 'Impact weight': 0, 'In-flight limit': 4, 'Readiness weight': 0, 'Friction weight': 0 }));
    expect(read.settings.weights).toEqual(DEFAULT_SETTINGS.weights);
    expect(read.issues).toEqual([
      expect.objectContaining({
        code: 'invalid-setting',
        sheet: 'Prioritisation settings',
        column: 'Value',
        cell: 'B5',
        message:
          "All three weights are 0 ('Prioritisation settings'!B5, 'Prioritisation settings'!B7, 'Prioritisation settings'!B8), so nothing could be ranked; the default weights 50/30/20 are used.",
      }),
    ]);
  });

  test.each<[string, CellValue, (s: Settings) => unknown]>([
    ['Impact weight', 'heavy', (s) => s.weights.impact],
    ['Impact weight', 150, (s) => s.weights.impact],
    ['Readiness weight', -5, (s) => s.weights.readiness],
    ['In-flight limit', 2.5, (s) => s.inFlightLimit],
    ['In-flight limit', -1, (s) => s.inFlightLimit],
    ['Selection method', 'Random', (s) => s.method],
    ['Optimise for', 'Speed', (s) => s.objective],
    ['Solver time limit (seconds)', 600, (s) => s.solverTimeLimitSeconds],
    ['Currency symbol', 'dollars', (s) => s.currency],
  ])('%s set to %p is reported with its cell and the default is kept', (label, value, get) => {
    // The settings table's header is on sheet row 4, so its second body row is row 6; values are in column B.
    const read = readSettings(settingsTable({ Notes: 'first row', [label]: value }));
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'invalid-setting', severity: 'warning', sheet: 'Prioritisation settings', column: 'Value', cell: 'B6' }),
    ]);
    expect(get(read.settings)).toEqual(get(DEFAULT_SETTINGS));
  });

  test('the message names the setting, its sheet-qualified cell, the value and the default used', () => {
    const [issue] = readSettings(settingsTable({ 'In-flight limit': 'many' })).issues;
    expect(issue?.message).toContain('In-flight limit');
    expect(issue?.message).toContain("'Prioritisation settings'!B5");
    expect(issue?.message).toContain('"many"');
    expect(issue?.message).toContain(`default, ${DEFAULT_SETTINGS.inFlightLimit}`);
  });

  test.each<[string, CellValue, string]>([
    ['Horizons', 'H1, h1, H2', 'Using the default: one planning period.'],
    ['Horizons', 'H1 H2', 'Using the default: one planning period.'],
    ['Horizons', 'Q1 Q2 Q3 Q4', 'Using the default: one planning period.'],
    ['Horizons', 'H1/H2', 'Using the default: one planning period.'],
    ['Reporting currency', 'Doubloons', 'Using the default: the currency most amounts state.'],
    // Three letters that are no currency's code (a typo of EUR): every amount would be unconvertible into it.
    ['Reporting currency', 'EUT', 'Using the default: the currency most amounts state.'],
    ['Impact weight range', '60-40', 'Using the default: no range, the weight as set.'],
  ])('a bad %s falls back to a blank default and says what blank means', (label, value, says) => {
    const [issue] = readSettings(settingsTable({ [label]: value })).issues;
    expect(issue?.message).toMatch(new RegExp(`is "${value}"; expected .*\\. ${says.replace(/[.]/g, '\\.')}$`));
  });

  test('a Reporting currency of any ISO code is read, in any case', () => {
    for (const code of ['chf', 'SEK', 'ZAR', 'BRL', 'KRW', 'AED']) {
      const read = readSettings(settingsTable({ 'Reporting currency': code }));
      expect({ code, issues: read.issues, set: read.settings.reportingCurrency }).toEqual({ code, issues: [], set: code.toUpperCase() });
    }
  });

  test('a bad team capacity is reported and no capacity is set for that team', () => {
    const read = readSettings(settingsTable({ 'Capacity: Legal': 'plenty', 'Capacity: Security': 4 }));
    expect(read.issues).toEqual([expect.objectContaining({ code: 'invalid-setting', cell: 'B5', message: expect.stringContaining('Capacity table') })]);
    expect(read.settings.capacityOverrides).toEqual({ Security: 4 });
  });

  test('all-zero weights are reported and the default weights are used', () => {
    const read = readSettings(settingsTable({ 'Impact weight': 0, 'Readiness weight': 0, 'Friction weight': 0 }));
    expect(read.issues).toEqual([expect.objectContaining({ code: 'invalid-setting', sheet: 'Prioritisation settings' })]);
    expect(read.settings.weights).toEqual({ impact: 50, readiness: 30, friction: 20 });
  });

  test('one non-zero weight is enough and is not reported', () => {
    const read = readSettings(settingsTable({ 'Impact weight': 0, 'Readiness weight': 0, 'Friction weight': 1 }));
    expect(read.issues).toEqual([]);
    expect(read.settings.weights).toEqual({ impact: 0, readiness: 0, friction: 1 });
  });

  test.each<[string, string]>([
    ['Settings', 'Value'],
    ['Setting name', 'Setting value'],
    ['Parameter', 'Value'],
    ['Name', 'Values'],
  ])('a table headed %p and %p is read as Setting and Value', (label, value) => {
    const read = readSettings({ ...settingsTable({ 'Impact weight': 90, 'In-flight limit': 4 }), headers: [label, value] });
    expect(read.settings).toMatchObject({ weights: { impact: 90 }, inFlightLimit: 4 });
    expect(read.issues).toEqual([]);
  });

  test('a table without Setting and Value columns is reported and the defaults are used', () => {
    const raw: RawTable = { ...settingsTable({ 'Impact weight': 90 }), headers: ['Name', 'Amount'] };
    const read = readSettings(raw);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'missing-required-column', sheet: 'Prioritisation settings' })]);
  });
});

describe('settings that would be misread without a word (issue 15)', () => {
  const table = (rows: [string, CellValue][]) => ({ ...settingsTable({}), rows });

  test('a setting given twice: the first row counts, the second is reported with both cells, and a bad second value does not claim the default', () => {
    const read = readSettings(table([
      ['In-flight limit', 4],
      ['In-flight limit', -3],
    ]));
    expect(read.settings.inFlightLimit).toBe(4);
    expect(read.issues).toEqual([
      expect.objectContaining({
        cell: 'B6',
        message: "In-flight limit is set again in 'Prioritisation settings'!B6; only the first, in 'Prioritisation settings'!B5, is used. Delete one of the two rows.",
      }),
    ]);
    expect(read.issues[0]?.message).not.toMatch(/default/);
  });

  test('a misspelt setting is reported with its cell and the setting it was probably meant to be', () => {
    const read = readSettings(table([['Inflight limt', 3]]));
    expect(read.settings.inFlightLimit).toBe(DEFAULT_SETTINGS.inFlightLimit);
    expect(read.issues).toEqual([
      expect.objectContaining({ cell: 'A5', severity: 'warning', message: expect.stringMatching(/^"Inflight limt" in 'Prioritisation settings'!A5 is not a setting .*did you mean In-flight limit\?$/) }),
    ]);
  });

  test.each([
    ['Weights', '50/30/20', 'the rows Impact weight, Readiness weight and Friction weight'],
    ['Max in flight', 4, 'In-flight limit'],
    ['WIP limit', 4, 'In-flight limit'],
    ['Currency', 'EUR', 'Reporting currency or Currency symbol'],
  ])('a row labelled by a setting’s word, "%s", is reported with the setting(s) it points to, not kept silently as a note', (label, value, meant) => {
    const read = readSettings(table([[label, value]]));
    expect(read.issues).toEqual([expect.objectContaining({ cell: 'A5', message: `"${label}" in 'Prioritisation settings'!A5 is not a setting the prioritiser knows, so its value is not used; did you mean ${meant}?` })]);
  });

  test('a note that only shares a word in passing ("Weighting note") stays the user’s', () => {
    expect(readSettings(table([['Weighting note', 'agreed in March']])).issues).toEqual([]);
  });

  test('a note whose label is nothing like a setting stays the user’s, unreported', () => {
    expect(readSettings(table([['Agreed by', 'the March steerco']])).issues).toEqual([]);
  });
});
