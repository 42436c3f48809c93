import fc from 'fast-check';
import { generatePortfolio } from '../../bench/generate';
// The grids every adapter writes: the output columns, the Change impact,
// Decision log and settings sheets, and the conditional-format expressions.

import { DIMENSIONS } from '../../src/engine/changeImpact';
import { prioritise, type Plan } from '../../src/engine/plan';
import { DEFAULT_SETTINGS, SETTING_SPECS, readSettings } from '../../src/engine/settings';
import { DECISION_ORDER } from '../../src/engine/summary';
import type { RawTable, Settings } from '../../src/engine/types';
import { DECISION_COLOURS, UTILISATION_HIGHLIGHTS, changeImpactSheet, portfolioMapLook } from '../../src/layout/changeImpactSheet';
import { DATE_FORMAT, DECISION_LOG_HEADERS, DECISION_LOG_HEADER_ROW, decisionLogRow, decisionLogSheet, excelSerial } from '../../src/layout/decisionLog';
import { BAD, GOOD, NEUTRAL, SheetBuilder, TEXT_FORMAT, highlightFormula, looksLikeFormula, scoreCell, wrappedLines, type HighlightRule, type SheetLayout } from '../../src/layout/grid';
import { CHANGE_IMPACT_SHEET, DECISION_LOG_TABLE, OWNER_MARK, SETTINGS_TABLE, isOwnSheet } from '../../src/layout/names';
import { DECISION_HIGHLIGHTS, GATE_HIGHLIGHTS, outputColumnsLayout } from '../../src/layout/outputColumns';
import { SETTINGS_HEADER_ROW, settingsSheet } from '../../src/layout/settingsSheet';
import { printScale } from '../../src/layout/pageSetup';
import { NOW, named, workbook, type RowSpec } from '../builders';
import { scenarioTables } from '../engine/scenarios/scenarioBuilders';
import { planLayout } from '../../src/layout/planLayout';

const SPEC_OUTPUT_COLUMNS = [
  'Priority',
  'Priority score',
  'Impact score',
  'Friction score',
  'Readiness score',
  'Gate',
  'Gate gaps',
  'Decision',
  'Binding constraint',
  'Why',
];

const HYPERLINK = '=HYPERLINK("http://x","y")';

function run(rows: RowSpec[], teams: Record<string, number> = {}, runBy?: string): Plan {
  return prioritise(workbook(rows, teams), { now: NOW, ...(runBy ? { runBy } : {}) });
}

/** Output column by its SPEC header. */
const col = (header: string): number => SPEC_OUTPUT_COLUMNS.indexOf(header);

/** Zero-based row whose first cells are exactly `cells`. */
function rowStarting(layout: SheetLayout, ...cells: (string | number | null)[]): number {
  const index = layout.values.findIndex((row) => cells.every((c, i) => row[i] === c));
  if (index < 0) throw new Error(`No row starts with ${JSON.stringify(cells)}`);
  return index;
}

/** Every cell holding text that Excel would take for a formula, with its format. */
function formulaLikeCells(layout: { values: unknown[][]; formats: (string | null)[][] }): { value: unknown; format: string | null }[] {
  return layout.values.flatMap((row, r) => row.flatMap((value, c) => (looksLikeFormula(value as never) ? [{ value, format: layout.formats[r]![c]! }] : [])));
}

describe('output columns of the Initiatives table', () => {
  const plan = run([named('Second', { 'Strategic fit': 3 }), {}, named('First', { 'Strategic fit': 5 }), named('Broken', { 'Strategic fit': 7 })]);
  const layout = outputColumnsLayout(plan);

  test('headers are the SPEC output column names, in the SPEC order', () => {
    expect(layout.headers).toEqual(SPEC_OUTPUT_COLUMNS);
  });

  test('has one row per table body row, in table order', () => {
    expect(layout.values).toHaveLength(4);
    expect(layout.values[0]![col('Priority')]).toBe(2);
    expect(layout.values[2]![col('Priority')]).toBe(1);
    expect(layout.values[0]![col('Decision')]).toBe('Commit');
  });

  test('a blank table row gets blank outputs', () => {
    expect(layout.values[1]).toEqual(SPEC_OUTPUT_COLUMNS.map(() => null));
  });

  test('an unreadable row gets its gate and decision but no priority and no scores', () => {
    const row = layout.values[3]!;
    expect(row[col('Gate')]).toBe('Invalid input');
    expect(row[col('Decision')]).toBe('Not ready');
    for (const header of ['Priority', 'Priority score', 'Impact score', 'Friction score', 'Readiness score']) expect(row[col(header)]).toBeNull();
  });

  test('score cells hold the engine scores and the why cell holds its sentence', () => {
    const first = plan.entries.find((e) => e.initiative.name === 'First')!;
    expect(layout.values[2]![col('Priority score')]).toBe(first.scores!.priority);
    expect(layout.values[2]![col('Friction score')]).toBe(first.scores!.friction);
    expect(layout.values[2]![col('Why')]).toBe(first.why);
  });

  test('gate gaps are blank when there are none and joined with semicolons when there are', () => {
    const pilot = outputColumnsLayout(run([named('Ready'), named('Pilot', { 'Incident process': 'No', 'Decision logging': 'No', 'Phase requested': 'Pilot' })]));
    expect(pilot.values[0]![col('Gate gaps')]).toBeNull();
    expect(pilot.values[1]![col('Gate gaps')]).toBe(
      'To scale, log every AI-assisted decision and override; To scale, agree an incident playbook with a rollback',
    );
  });

  test('the binding constraint cell names the team for a deferred row and is blank for a committed one', () => {
    const deferred = outputColumnsLayout(run([named('Big', { 'Strategic fit': 5, Legal: 8 }), named('Late', { 'Strategic fit': 3, Legal: 4 })], { Legal: 10 }));
    expect(deferred.values[0]![col('Binding constraint')]).toBeNull();
    expect(deferred.values[1]![col('Binding constraint')]).toBe('Legal (needs 4 weeks, 2 weeks left)');
  });

  test('Priority is a whole number, the scores have one decimal and every text column is Text', () => {
    expect(layout.formats).toEqual(['0', '0.0', '0.0', '0.0', '0.0', TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT]);
  });

  test('gate and decision highlights cover every gate and every decision', () => {
    const labels = (rules: HighlightRule[]) => rules.map((r) => ('equals' in r ? r.equals : '')).sort();
    expect(labels(GATE_HIGHLIGHTS)).toEqual(['Blocked', 'Invalid input', 'Learning-only', 'Pilot-ready', 'Scale-ready']);
    expect(labels(DECISION_HIGHLIGHTS)).toEqual([...DECISION_ORDER].sort());
  });
});

describe('text that looks like a formula is stored as text', () => {
  test('strings starting with =, +, - or @ look like formulas; others, numbers and blanks do not', () => {
    for (const text of ['=1+1', '+44 20', '-5', '@risk']) expect(looksLikeFormula(text)).toBe(true);
    for (const value of ['a=1', 'Legal', '', 5, -5, null, true]) expect(looksLikeFormula(value)).toBe(false);
  });

  test('a sheet row gives formula-like text the Text format and leaves other cells General', () => {
    const s = new SheetBuilder(3);
    s.row([HYPERLINK, 'Plain', 3]);
    expect(s.formats[0]).toEqual([TEXT_FORMAT, null, null]);
  });

  test('a formula-like text keeps the Text format even when the row shares a formats array', () => {
    const s = new SheetBuilder(3);
    const shared = [null, null, '0.0'];
    s.row(['Plain', 'Also plain', 1], shared);
    s.row([HYPERLINK, 'Plain', 2], shared);
    expect(s.formats[0]).toBe(shared);
    expect(s.formats[1]).toEqual([TEXT_FORMAT, null, '0.0']);
    expect(shared).toEqual([null, null, '0.0']);
  });

  test('a sheet sized up front keeps only the rows it was given, and grows past its size', () => {
    const roomy = new SheetBuilder(2, 10);
    roomy.row(['a', 1]);
    roomy.row(['b', 2]);
    const built = roomy.build('Roomy', [10, 10]);
    expect(built.values).toEqual([['a', 1], ['b', 2]]);
    expect(built.formats).toHaveLength(2);
    const tight = new SheetBuilder(1, 1);
    for (const label of ['x', 'y', 'z']) tight.row([label]);
    expect(tight.rowCount).toBe(3);
    expect(tight.build('Tight', [10]).values).toEqual([['x'], ['y'], ['z']]);
  });

  test('short rows are padded to the sheet width with blanks', () => {
    const s = new SheetBuilder(4);
    s.row(['Title']);
    expect(s.values[0]).toEqual(['Title', null, null, null]);
    expect(s.formats[0]).toHaveLength(4);
  });

  test('an initiative named like a formula keeps the name as Text in the Change impact sheet', () => {
    const plan = run([named(HYPERLINK, { Legal: 2 }), named('Blocked one', { Owner: 'TBD' })], { Legal: 10 });
    const sheet = changeImpactSheet(plan);
    const cells = formulaLikeCells(sheet).filter((c) => c.value === HYPERLINK);
    // At least the seven rows of the what-changes block and the change-impact ratings row.
    expect(cells.length).toBeGreaterThanOrEqual(DIMENSIONS.length + 2 + 1);
    expect(cells.every((c) => c.format === TEXT_FORMAT)).toBe(true);
  });

  test('an override reason shaped like a formula appears in the Why column, which is Text', () => {
    const layout = outputColumnsLayout(run([named('Forced', { Override: 'In', 'Override reason': HYPERLINK })]));
    expect(layout.values[0]![col('Why')]).toContain(HYPERLINK);
    expect(layout.formats[col('Why')]).toBe(TEXT_FORMAT);
  });

  test('a binding constraint that starts with a formula character sits in a Text column', () => {
    const layout = outputColumnsLayout(run([named('Big', { 'Strategic fit': 5, '+Legal': 8 }), named('Late', { 'Strategic fit': 3, '+Legal': 4 })], { '+Legal': 10 }));
    const cell = layout.values[1]![col('Binding constraint')];
    expect(looksLikeFormula(cell!)).toBe(true);
    expect(layout.formats[col('Binding constraint')]).toBe(TEXT_FORMAT);
  });

  test('the decision log keeps a formula-like name in its overrides as Text', () => {
    const plan = run([named(HYPERLINK, { Override: 'In', 'Override reason': 'Board mandate' })]);
    const row = decisionLogRow(plan.logEntry, '$');
    const overrides = DECISION_LOG_HEADERS.indexOf('Overrides');
    expect(row.values[overrides]).toBe(`${HYPERLINK}: In - Board mandate`);
    expect(row.formats[overrides]).toBe(TEXT_FORMAT);
  });

  test('no sheet the add-in builds leaves formula-like text outside the Text format', () => {
    const hostile = (name: string, more: RowSpec = {}) => named(name, { Function: '=cmd|"/c calc"!A1', ...more });
    const plan = prioritise(
      workbook(
        [
          hostile(HYPERLINK, { 'Strategic fit': 5, '@Risk': 3 }),
          hostile('+Plus', { 'Strategic fit': 4, '@Risk': 3, Override: 'Out', 'Override reason': '-because' }),
          hostile('-Minus', { 'Strategic fit': 3, '@Risk': 3 }),
          hostile('@At', { Owner: 'TBD' }),
        ],
        { '@Risk': 4 },
        { 'Planning period': '=1+1' },
      ),
      { now: NOW, runBy: '@admin' },
    );
    const sheets = [changeImpactSheet(plan), decisionLogSheet(plan.logEntry, '$'), settingsSheet(plan.settings)];
    const found = sheets.flatMap(formulaLikeCells);
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((c) => c.format !== TEXT_FORMAT)).toEqual([]);
  });
});

describe('the Change impact sheet', () => {
  // Legal 10 weeks, Security 6 weeks. Top and Next are committed; Wide (ranked last) does not fit the 4 weeks
  // of Legal left; Ownerless ranks first but is blocked.
  const plan = run(
    [
      named('Top', { 'Strategic fit': 5, Legal: 4, Security: 1, 'Decision rights shift': 1, 'Workload shift': 3, 'Incentive misalignment': 4, 'New obligations': '' }),
      named('Next', { 'Strategic fit': 2, Legal: 2, Security: '', 'Incident process': 'No', 'Phase requested': 'Pilot' }),
      named('Wide', { 'Strategic fit': 1, Legal: 6, Security: 2 }),
      named('Ownerless', { Owner: 'TBD', Legal: 1, Security: '' }),
    ],
    { Legal: 10, Security: 6 },
  );
  const sheet = changeImpactSheet(plan);

  test('is named Change impact and says in A2 that the add-in made it', () => {
    expect(sheet.name).toBe(CHANGE_IMPACT_SHEET);
    expect(isOwnSheet(sheet.values[1]![0])).toBe(true);
  });

  test('has a values grid and a formats grid of the same shape', () => {
    expect(sheet.formats).toHaveLength(sheet.values.length);
    sheet.values.forEach((row, r) => expect(sheet.formats[r]).toHaveLength(row.length));
    expect(new Set(sheet.values.map((row) => row.length)).size).toBe(1);
  });

  test('lists capacity before and after with one row per team', () => {
    const header = rowStarting(sheet, 'Team', 'Unit', 'Capacity', 'Demand before', 'Utilisation before', 'Demand after', 'Utilisation after');
    const before = { Legal: 4 + 2 + 6 + 1, Security: 1 + 2 };
    const after = { Legal: 4 + 2, Security: 1 };
    expect(sheet.values[header + 1]!.slice(0, 7)).toEqual(['Legal', 'weeks', 10, before.Legal, before.Legal / 10, after.Legal, after.Legal / 10]);
    expect(sheet.values[header + 2]!.slice(0, 7)).toEqual(['Security', 'weeks', 6, before.Security, before.Security / 6, after.Security, after.Security / 6]);
  });

  test('ends the capacity section with the in-flight row: limit, requested and committed', () => {
    const header = rowStarting(sheet, 'Team');
    const limit = DEFAULT_SETTINGS.inFlightLimit;
    expect(sheet.values[header + 3]!.slice(0, 7)).toEqual(['In-flight initiatives', 'initiatives', limit, 4, 4 / limit, 2, 2 / limit]);
  });

  test('highlights utilisation before and after over exactly the team rows and the in-flight row', () => {
    const header = rowStarting(sheet, 'Team');
    const utilisation = sheet.conditionalFormats.filter((f) => f.rules === UTILISATION_HIGHLIGHTS);
    expect(utilisation.map((f) => [f.row, f.column, f.rows])).toEqual([
      [header + 1, 4, 3],
      [header + 1, 6, 3],
    ]);
  });

  test('gives each committed initiative the five dimensions, who absorbs the change and the gaps still open', () => {
    const header = rowStarting(sheet, 'Initiative', 'Decision', 'Dimension', 'Before', 'After');
    const block = sheet.values.slice(header + 1, header + 1 + 2 * 7);
    const labels = [...DIMENSIONS, 'Who absorbs the change', 'Gaps still open'];
    expect(block.map((r) => [r[0], r[1], r[2]])).toEqual([
      ...labels.map((l) => ['Top', 'Commit', l]),
      ...labels.map((l) => ['Next', 'Commit', l]),
    ]);
    const top = plan.changeImpact.committed[0]!;
    expect(block[0]!.slice(3, 5)).toEqual([top.dimensions[0]!.before, top.dimensions[0]!.after]);
    expect(block[5]![4]).toBe(top.absorbedBy);
  });

  test('says None when a committed initiative has no gaps left, and lists them when it has', () => {
    const gapsTop = rowStarting(sheet, 'Top', 'Commit', 'Gaps still open');
    const gapsNext = rowStarting(sheet, 'Next', 'Commit', 'Gaps still open');
    expect(sheet.values[gapsTop]![4]).toBe('None');
    expect(sheet.values[gapsNext]![4]).toBe('To scale, agree an incident playbook with a rollback');
  });

  test('rates the four change impacts of each committed initiative and names the heaviest', () => {
    const header = rowStarting(sheet, 'Initiative', 'Decision rights shift', 'Workload shift', 'Incentive misalignment', 'New obligations', 'Heaviest');
    expect(sheet.values[header + 1]!.slice(0, 6)).toEqual(['Top', 1, 3, 4, 'Unknown', 'Incentive misalignment (High)']);
    expect(sheet.values[header + 2]!.slice(0, 6)).toEqual(['Next', 2, 2, 2, 2, 'Decision rights shift (Low)']);
  });

  test('colours every one of the four change-impact rating columns', () => {
    const header = rowStarting(sheet, 'Initiative', 'Decision rights shift');
    const rated = sheet.conditionalFormats.filter((f) => f.row === header + 1).map((f) => [f.column, f.rows]);
    expect(rated).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 2],
    ]);
  });

  test('lists what the plan is not doing and why, in priority order', () => {
    const header = rowStarting(sheet, 'Initiative', 'Decision', 'Why not now');
    expect(sheet.values[header + 1]![0]).toBe('Ownerless');
    expect(sheet.values[header + 1]![1]).toBe('Not ready');
    expect(String(sheet.values[header + 1]![2])).toMatch(/^Blocked: /);
    expect(sheet.values[header + 2]!.slice(0, 3)).toEqual(['Wide', 'Deferred (capacity)', 'Legal (needs 6 weeks, 4 weeks left)']);
  });

  test('draws its charts in empty rows under the capacity table, within its columns, so they hide no text and print no wider', () => {
    const header = rowStarting(sheet, 'Team');
    const next = rowStarting(sheet, 'What changes for each committed initiative');
    expect(sheet.charts.map((c) => c.kind).sort()).toEqual(['bubble', 'clusteredColumn']);
    for (const { anchor } of sheet.charts) {
      expect(anchor.row).toBeGreaterThan(header + 3);
      expect(anchor.row + anchor.rows).toBeLessThanOrEqual(next);
      expect(anchor.column + anchor.columns).toBeLessThanOrEqual(sheet.widths.length);
      for (let r = anchor.row; r < anchor.row + anchor.rows; r++) expect(sheet.values[r]!.every((v) => v === null || v === undefined)).toBe(true);
    }
    expect(printScale(sheet)).toBe(printScale({ ...sheet, charts: [] }));
  });

  test("wraps each committed initiative's Before and After in their columns, each row as tall as its longer one", () => {
    const header = rowStarting(sheet, 'Initiative', 'Decision', 'Dimension', 'Before', 'After');
    const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
    // The section's rows are one styled block.
    expect(sheet.styles).toContainEqual({ row: header + 1, column: 0, columns: 7, rows: 2 * 7, style: 'wrap' });
    for (let r = header + 1; r <= header + 2 * 7; r++) {
      const lines = Math.max(wrappedLines(String(sheet.values[r]![3] ?? ''), sheet.widths[3]!, 'wrap'), wrappedLines(String(sheet.values[r]![4] ?? ''), sheet.widths[4]!, 'wrap'));
      expect(heights.get(r) ?? 15).toBe(lines * 15);
    }
    expect([...heights.keys()].some((r) => r > header && r <= header + 14)).toBe(true);
  });

  test('draws every initiative on the portfolio map, one of no or unknown annual value too, whose bubble of size 0 Excel would not draw', () => {
    const plan = run([named('Big', { 'Annual value': 4_000_000 }), named('Enabler', { 'Annual value': 0 }), named('Unknown', { 'Annual value': '' })]);
    const ci = changeImpactSheet(plan);
    const map = ci.charts.find((c) => c.kind === 'bubble')!;
    const header = rowStarting(ci, 'Initiative', 'Decision', 'Friction score', 'Impact score');
    const rows = ci.values.slice(header + 1, header + 4);
    const sizeColumn = map.series[0]!.size!.column;
    const size = (name: string) => Number(rows.find((r) => r[0] === name)![sizeColumn]);
    expect(String(ci.values[header]![sizeColumn])).toMatch(/^Bubble size/);
    expect(size('Big')).toBe(4_000_000);
    for (const name of ['Enabler', 'Unknown']) expect(size(name)).toBeGreaterThan(0);
    // The Annual value column says what the table says: 0, and blank for a value not known, not a silent 0.
    const value = (name: string) => rows.find((r) => r[0] === name)![4];
    expect([value('Big'), value('Enabler'), value('Unknown')]).toEqual([4_000_000, 0, null]);
  });

  test("colours each decision's bubbles apart: the greys of the decisions that are not in the plan differ clearly in lightness", () => {
    expect(Object.keys(DECISION_COLOURS).sort()).toEqual([...DECISION_ORDER].sort());
    const greys = Object.values(DECISION_COLOURS)
      .map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)))
      .filter(([r, g, b]) => r === g && g === b)
      .map(([level]) => level!);
    for (const [i, a] of greys.entries()) for (const b of greys.slice(i + 1)) expect(Math.abs(a - b)).toBeGreaterThanOrEqual(80);
    expect(new Set(Object.values(DECISION_COLOURS)).size).toBe(DECISION_ORDER.length);
  });

  test("shrinks and fades the portfolio map's bubbles as the portfolio grows, never past a size and an opacity still seen", () => {
    expect(portfolioMapLook(25)).toEqual({ bubbleScale: 30, fillOpacity: 0.75 });
    expect(portfolioMapLook(500)).toEqual({ bubbleScale: 14, fillOpacity: 0.48 });
    expect(portfolioMapLook(5000)).toEqual({ bubbleScale: 8, fillOpacity: 0.34 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (a, b) => {
        const [fewer, more] = [portfolioMapLook(Math.min(a, b)), portfolioMapLook(Math.max(a, b))];
        expect(more.bubbleScale).toBeLessThanOrEqual(fewer.bubbleScale);
        expect(more.fillOpacity).toBeLessThanOrEqual(fewer.fillOpacity);
        for (const look of [fewer, more]) {
          expect(Number.isInteger(look.bubbleScale) && look.bubbleScale >= 5 && look.bubbleScale <= 30).toBe(true);
          expect(look.fillOpacity >= 0.3 && look.fillOpacity <= 0.75).toBe(true);
        }
      }),
    );
  });

  test('maps every scored initiative of a large portfolio, its bubbles sized for the count, on axes fixed to the 0-100 score scale', () => {
    const g = generatePortfolio(500, 3);
    const big = prioritise({ initiatives: g.initiatives, capacity: g.capacity, settings: g.settings }, { now: NOW });
    const map = changeImpactSheet(big).charts.find((c) => c.kind === 'bubble')!;
    const scored = big.entries.filter((e) => e.scores).length;
    expect(scored).toBeGreaterThan(400);
    expect(map.series.reduce((sum, s) => sum + s.y.rows, 0)).toBe(scored);
    expect(map).toMatchObject({ axisRange: { min: 0, max: 100 }, ...portfolioMapLook(scored) });
  });

  test('says so when nothing is committed and when nothing is left out', () => {
    const none = changeImpactSheet(run([named('Ownerless', { Owner: 'TBD' })]));
    const all = changeImpactSheet(run([named('Only')]));
    expect(() => rowStarting(none, 'Nothing is committed in this plan.')).not.toThrow();
    expect(() => rowStarting(all, 'Nothing is committed in this plan.')).toThrow();
    expect(() => rowStarting(all, 'Every requested initiative is in the plan.')).not.toThrow();
    expect(() => rowStarting(none, 'Every requested initiative is in the plan.')).toThrow();
  });

  test('names the saved scenario in force beside the selection method, on Change impact and the Roadmap', () => {
    const input = { ...workbook([named('Alpha', { ID: 'AI-01', Legal: 2 })], { Legal: 12 }, { Horizons: 'H1, H2' }), scenarios: scenarioTables([{ Scenario: 'Board view' }], []) };
    const inForce = prioritise(input, { now: NOW, settings: { ...DEFAULT_SETTINGS, horizons: ['H1', 'H2'], scenario: 'Board view' } });
    const layout = planLayout(inForce);
    for (const sheet of [layout.changeImpact, layout.roadmap!]) expect(String(sheet.values[1]![0])).toContain('rank and fill selection, with the saved scenario "Board view" in force.');
    // Without a scenario the note is as before.
    expect(String(sheet.values[1]![0])).toMatch(/Rebuilt on every run; rank and fill selection\./);
  });

  test('says on the Roadmap, over its timeline, what its two bar colours mean, the paler one being an initiative forced in', () => {
    const roadmap = prioritise(workbook([named('Alpha', { Legal: 2 }), named('Bravo', { Legal: 2, Override: 'In', 'Override reason': 'Board' })], { Legal: 12 }, { Horizons: 'H1, H2' }), { now: NOW });
    const sheet = planLayout(roadmap).roadmap!;
    expect(sheet.values.flat()).toContain('Forced in');
    const section = sheet.values.findIndex((row) => String(row[0]).startsWith('Committed initiatives in start order'));
    expect(sheet.values[section]![0]).toBe('Committed initiatives in start order: a filled cell is a horizon it runs in, a paler one an initiative forced in');
    expect(sheet.values[section + 1]![0]).toBe('Priority');
  });

  test('on a roadmap, says its capacity figures are the whole roadmap\'s, which the Capacity table and the demand columns do not show', () => {
    // Legal 10 weeks in each of H1 and H2; Long needs 4 weeks in each of the two horizons it runs.
    const roadmap = prioritise(workbook([named('Long', { Legal: 4, Duration: 2 }), named('Short', { Legal: 3 })], { Legal: 10 }, { Horizons: 'H1, H2' }), { now: NOW });
    const ci = changeImpactSheet(roadmap);
    const header = rowStarting(ci, 'Team', 'Unit', 'Capacity');
    expect(ci.values[header + 1]!.slice(0, 4)).toEqual(['Legal', 'weeks', 20, 4 * 2 + 3]);
    const note = String(ci.values[header - 1]![0]);
    expect(ci.styles.find((s) => s.row === header - 1)?.style).toBe('note');
    expect(note).toContain('H1 and H2');
    expect(note).toContain('Roadmap sheet');
    // Without horizons the section is as before: its heading right above the header row.
    expect(String(sheet.values[rowStarting(sheet, 'Team') - 1]![0])).toMatch(/^Capacity per team/);
  });
});

describe('sheet ownership mark', () => {
  test('every sheet the add-in builds carries the owner mark in A2', () => {
    const plan = run([named('Only')]);
    for (const sheet of [changeImpactSheet(plan), decisionLogSheet(plan.logEntry, '$'), settingsSheet(plan.settings)]) {
      expect(String(sheet.values[1]![0]).startsWith(OWNER_MARK)).toBe(true);
      expect(isOwnSheet(sheet.values[1]![0])).toBe(true);
    }
  });

  test('a sheet whose A2 is the user’s text, blank or a number is not the add-in’s', () => {
    for (const a2 of ['Notes on the plan', '', null, undefined, 42, `Copy of ${OWNER_MARK}`]) expect(isOwnSheet(a2)).toBe(false);
  });
});

describe('the Decision log', () => {
  const plan = prioritise(
    workbook([named('Top', { Legal: 8, 'Annual value': 2_000_000 }), named('Forced', { Override: 'In', 'Override reason': 'Board mandate', 'Annual value': 300_000 })], { Legal: 10 }),
    { now: '2000-01-01T12:00:00.000Z', runBy: 'Ada Byron' },
  );
  const at = (header: (typeof DECISION_LOG_HEADERS)[number]) => DECISION_LOG_HEADERS.indexOf(header);

  test('dates are Excel serial days: the Unix epoch is day 25569', () => {
    expect(excelSerial('1970-01-01T00:00:00Z')).toBe(25569);
  });

  test('noon adds half a day to the serial of its date', () => {
    // 1 January 2000 is Excel day 36526.
    expect(excelSerial('2000-01-01T12:00:00.000Z')).toBe(36526.5);
  });

  test('a row has one value and one format per header', () => {
    const row = decisionLogRow(plan.logEntry, '$');
    expect(row.values).toHaveLength(DECISION_LOG_HEADERS.length);
    expect(row.formats).toHaveLength(DECISION_LOG_HEADERS.length);
  });

  test('a row records when, who, the settings in force, the counts and the committed value under their headers', () => {
    const row = decisionLogRow(plan.logEntry, '$');
    expect(row.values[at('Run at (UTC)')]).toBe(36526.5);
    expect(row.formats[at('Run at (UTC)')]).toBe(`${DATE_FORMAT}_0`);
    expect(row.values[at('Run by')]).toBe('Ada Byron');
    expect(row.values[at('In-flight limit')]).toBe(DEFAULT_SETTINGS.inFlightLimit);
    expect(row.values[at('Commit')]).toBe(1);
    expect(row.values[at('Forced in')]).toBe(1);
    expect(row.values[at('Not ready')]).toBe(0);
    expect(row.values[at('Committed value')]).toBe(2_300_000);
    expect(row.values[at('Overrides')]).toBe('Forced: In - Board mandate');
  });

  test('committed value is shown in the currency, with any quote in the symbol dropped', () => {
    expect(decisionLogRow(plan.logEntry, '€').formats[at('Committed value')]).toBe('"€"#,##0_0');
    expect(decisionLogRow(plan.logEntry, 'A"$').formats[at('Committed value')]).toBe('"A$"#,##0_0');
  });

  test('prints at more than half of full size, one page wide: its 20 columns at 45% were too small to read', () => {
    const sheet = decisionLogSheet(plan.logEntry, '$');
    expect(sheet.widths).toHaveLength(20);
    expect(printScale(sheet)).toBeGreaterThan(0.5);
  });

  test('a new log sheet has the headers on its header row, the first run under it and a table over both', () => {
    const sheet = decisionLogSheet(plan.logEntry, '$');
    expect(sheet.values[DECISION_LOG_HEADER_ROW]!.slice(0, DECISION_LOG_HEADERS.length)).toEqual([...DECISION_LOG_HEADERS]);
    expect(sheet.values[DECISION_LOG_HEADER_ROW + 1]!.slice(0, DECISION_LOG_HEADERS.length)).toEqual(decisionLogRow(plan.logEntry, '$').values);
    expect(sheet.tables).toEqual([{ name: DECISION_LOG_TABLE, row: DECISION_LOG_HEADER_ROW, column: 0, rows: 2, columns: DECISION_LOG_HEADERS.length }]);
    expect(sheet.freezeRows).toBe(DECISION_LOG_HEADER_ROW + 1);
  });
});

describe('the settings sheet', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    weights: { impact: 40, readiness: 35, friction: 25 },
    inFlightLimit: 7,
    method: 'Optimal',
    objective: 'Annual value',
    solverTimeLimitSeconds: 5,
    planningPeriod: 'FY27 H1',
    currency: '€',
    capacityOverrides: { Legal: 8 },
  };
  const sheet = settingsSheet(settings);

  /** The Setting/Value table as an adapter would read it back. */
  function tableOf(layout: SheetLayout): RawTable {
    const spec = layout.tables[0]!;
    const rows = layout.values.slice(spec.row + 1, spec.row + spec.rows).map((r) => r.slice(0, 2).map((v) => v ?? ''));
    return { sheet: layout.name, name: spec.name, headers: layout.values[spec.row]!.slice(0, 2).map(String), rows, origin: { row: spec.row, column: 0 } };
  }

  test('lists every setting with its current value', () => {
    for (const spec of SETTING_SPECS) {
      const row = rowStarting(sheet, spec.label);
      expect(sheet.values[row]![1]).toBe(spec.current(settings));
    }
    expect(sheet.values[rowStarting(sheet, 'Capacity: Legal')]![1]).toBe(8);
  });

  test('holds a two-column Setting/Value table over every setting row', () => {
    expect(sheet.tables).toEqual([{ name: SETTINGS_TABLE, row: SETTINGS_HEADER_ROW, column: 0, rows: SETTING_SPECS.length + 1 + 1, columns: 2 }]);
    expect(sheet.values[SETTINGS_HEADER_ROW]!.slice(0, 2)).toEqual(['Setting', 'Value']);
  });

  test('reading its table back gives the same settings', () => {
    expect(readSettings(tableOf(sheet))).toEqual({ settings, issues: [] });
  });

  test("the Output columns value wraps in the Value column, its row as tall as its lines, so no header of the list is cut", () => {
    const record = 'Priority, Priority score, Impact score, Friction score, Readiness score, Gate, Gate gaps, Decision, Binding constraint, Why, Start, Confidence';
    const withRecord = settingsSheet(settings, [], record);
    const row = rowStarting(withRecord, 'Output columns');
    const width = withRecord.widths[1]!;
    expect(withRecord.values[row]![1]).toBe(record);
    expect(withRecord.styles.some((s) => s.style === 'wrap' && s.row <= row && row < s.row + (s.rows ?? 1) && s.column <= 1 && 1 < s.column + s.columns)).toBe(true);
    const lines = wrappedLines(record, width, 'wrap');
    expect(lines).toBeGreaterThan(1);
    expect(withRecord.rowHeights).toContainEqual({ row, points: lines * 15 });
  });

  test('a setting that fits its Value column keeps a row of one line', () => {
    const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
    expect(heights.get(rowStarting(sheet, 'Planning period'))).toBeUndefined();
    expect(heights.get(rowStarting(sheet, 'Impact weight'))).toBeUndefined();
  });

  test('numbers are General and text values are Text, so a period such as 2027 stays a number', () => {
    const limit = rowStarting(sheet, 'In-flight limit');
    const period = rowStarting(sheet, 'Planning period');
    expect(sheet.formats[limit]![1]).toBe('General');
    expect(sheet.formats[period]![1]).toBe(TEXT_FORMAT);
  });
});

describe('conditional-format expressions', () => {
  const rule = (extra: { equals: string } | { min?: number; below?: number }): HighlightRule => ({ ...GOOD, ...extra });

  /** Parentheses balance outside string literals, and every string literal is closed. */
  function wellFormed(expression: string): boolean {
    let depth = 0;
    let inString = false;
    for (const ch of expression) {
      if (ch === '"') inString = !inString;
      else if (!inString && ch === '(') depth++;
      else if (!inString && ch === ')' && --depth < 0) return false;
    }
    return depth === 0 && !inString && expression.startsWith('=');
  }

  /** What a numeric band means: a number in [min, below). */
  const inBand = (r: HighlightRule, x: number) => !('equals' in r) && (r.min === undefined || x >= r.min) && (r.below === undefined || x < r.below);

  test('an equals rule compares the top-left cell with the quoted text', () => {
    expect(highlightFormula(rule({ equals: 'Forced in' }), 'H2')).toBe('=H2="Forced in"');
  });

  test('quotes inside the text are doubled, as Excel escapes them', () => {
    const formula = highlightFormula(rule({ equals: 'Say "no"' }), 'H2');
    expect(formula).toBe('=H2="Say ""no"""');
    expect(wellFormed(formula)).toBe(true);
  });

  test('a numeric band tests for a number at or above its minimum and below its ceiling', () => {
    expect(highlightFormula(rule({ min: 0.9, below: 1.0000001 }), 'E7')).toBe('=AND(ISNUMBER(E7),E7>=0.9,E7<1.0000001)');
  });

  test('a band open at one end tests only the other end', () => {
    expect(highlightFormula(rule({ min: 4 }), 'B20')).toBe('=AND(ISNUMBER(B20),B20>=4)');
    expect(highlightFormula(rule({ below: 0.9 }), 'B20')).toBe('=AND(ISNUMBER(B20),B20<0.9)');
  });

  test('every highlight the layout uses gives a well-formed expression', () => {
    for (const r of [...GATE_HIGHLIGHTS, ...DECISION_HIGHLIGHTS, ...UTILISATION_HIGHLIGHTS]) expect(wellFormed(highlightFormula(r, 'AA10'))).toBe(true);
  });

  test('the well-formedness check rejects an unclosed string or bracket', () => {
    expect(wellFormed('=H2="open')).toBe(false);
    expect(wellFormed('=AND(ISNUMBER(H2)')).toBe(false);
  });

  test('utilisation is green below 90%, amber from 90% to full, red only above full', () => {
    const colour = (x: number) => UTILISATION_HIGHLIGHTS.filter((r) => inBand(r, x)).map((r) => r.fill);
    expect(colour(0.5)).toEqual([GOOD.fill]);
    expect(colour(0.9)).toEqual([NEUTRAL.fill]);
    expect(colour(1)).toEqual([NEUTRAL.fill]);
    expect(colour(1.2)).toEqual([BAD.fill]);
  });
});

describe('score cells', () => {
  test('are the score rounded to one decimal, inside 0-100 and outside it, and blank for no score', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 1000 }).map((t) => t / 10 + 0.04)), (score) => {
        expect(scoreCell(score)).toBe(Math.round(score * 10) / 10);
      }),
    );
    expect(scoreCell(undefined)).toBeNull();
    expect(scoreCell(100)).toBe(100);
    expect(scoreCell(0.05)).toBe(0.1);
  });
});
