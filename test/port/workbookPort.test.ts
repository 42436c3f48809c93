// The WorkbookPort's behaviour, written once and run over every adapter. Each
// adapter has a small factory in ./adapters.ts that builds a workbook from a
// description (tables, the user's own sheets) and returns the port over it and
// a way to look at cells. A new adapter (or a new way of writing a file) joins
// by adding its factory to ADAPTERS: every case below then holds it to the same
// contract. Adapter-only details (payload sizes, exceljs file parts) stay in
// the adapters' own tests.

import { runPlan } from '../../src/app/runPlan';
import { readScenarios } from '../../src/engine/scenarios/readScenarios';
import { DEFAULT_SETTINGS, readSettings, SETTING_SPECS } from '../../src/engine/settings';
import type { CellValue, RawTable, Settings } from '../../src/engine/types';
import { a1, qualified } from '../../src/engine/address';
import { DECISION_LOG_HEADER_ROW, DECISION_LOG_HEADERS } from '../../src/layout/decisionLog';
import { CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, OWNER_MARK, ROADMAP_SHEET, SCENARIO_COMPARISON_SHEET, SETTINGS_SHEET, SETTINGS_TABLE } from '../../src/layout/names';
import { changedProblem, nameTakenProblem, noSuchTableMessage, protectedProblem, SAMPLE_REFUSED_MESSAGE, SETTINGS_COLUMNS_MESSAGE } from '../../src/port/problems';
import { WorkbookProblemError, type WriteOptions } from '../../src/port/workbookPort';
import { prioritise } from '../../src/engine/plan';
import { planLayout } from '../../src/layout/planLayout';
import { CUT_MARKER, EXCEL_TEXT_LIMIT } from '../../src/layout/grid';
import { MEANING_HEADER, SETTINGS_HEADER_ROW, settingsRows, settingsSheet } from '../../src/layout/settingsSheet';
import { mappingRoomMessage } from '../../src/layout/columnMappingTable';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { withValueRanges } from '../../bench/generate';
import { withRankAndFillConfidence } from '../../src/engine/plan';
import { writeConfidence } from '../../src/app/confidenceRun';
import { HOW_SURE_TITLE } from '../../src/layout/howSureSection';
import { NOW } from '../builders';
import { ADAPTERS, type AdapterFactory, type WorkbookDescription } from './adapters';

const sample = (): RawTable[] => {
  const { initiatives, capacity } = sampleTables();
  return [initiatives, capacity];
};

/** The sample portfolio with some cells typed as numbers in a number format that changes what they say (Home > Number Format). */
function formattedSample(cells: { row: number; header: string; value: CellValue; format: string }[]): RawTable[] {
  const [initiatives, capacity] = sample() as [RawTable, RawTable];
  const rows = initiatives.rows.map((row) => [...row]);
  const formats = rows.map(() => [] as string[]);
  for (const { row, header, value, format } of cells) {
    const column = initiatives.headers.indexOf(header);
    rows[row]![column] = value;
    formats[row]![column] = format;
  }
  return [{ ...initiatives, rows, formats }, capacity];
}

const settingsTable = (rows: (string | number)[][], headers = ['Setting', 'Value']): RawTable => ({
  sheet: 'My settings',
  name: SETTINGS_TABLE,
  headers,
  rows,
  origin: { row: 2, column: 1 },
});

/** The Decision log's rows, counted down its first column from under the header row the layout gives it. */
function logRows(cell: (sheet: string, ref: string) => unknown): number {
  let rows = 0;
  while (cell(DECISION_LOG_SHEET, a1(DECISION_LOG_HEADER_ROW + 1 + rows, 0)) !== '') rows++;
  return rows;
}

/** Every edit a workbook file cannot take in place is refused with the same words, and the workbook reads as before. */
async function refusesEdits(build: () => ReturnType<AdapterFactory['build']>): Promise<void> {
  const { port } = await build();
  const before = await port.read();
  const edits = [
    port.saveSettings(DEFAULT_SETTINGS),
    port.saveColumnMapping([]),
    port.insertSample(),
    port.useTable('Capacity'),
    port.changeScenarios({ kind: 'save', scenario: { name: 'Lean year', settings: {}, capacities: {}, overrides: [] } }),
    port.writeScenarioComparison({ ...settingsSheet(DEFAULT_SETTINGS), name: SCENARIO_COMPARISON_SHEET, tables: [] }),
  ];
  for (const edit of edits) await expect(edit).rejects.toThrow('The command changes a workbook file only by running the plan');
  expect(await port.read()).toEqual(before);
}

const withCapacity = (teams: Record<string, number>): Settings => ({ ...DEFAULT_SETTINGS, capacityOverrides: teams });

describe.each(ADAPTERS.map((adapter): [string, AdapterFactory] => [adapter.name, adapter]))('the workbook port over %s', (_name, adapter) => {
  const build = (description: WorkbookDescription = { tables: sample() }) => adapter.build(description);
  const run = (port: Parameters<typeof runPlan>[0], write: WriteOptions = {}) => runPlan(port, { now: NOW }, { write });
  // The command's writer changes a file only by running the plan: for it, each group of in-place edits is
  // one case that checks the edits are refused and change nothing; a case that needs one is for the others.
  const editsInPlace = adapter.editsInPlace !== false;
  const describeInPlace = editsInPlace ? describe : (name: string) => describe(name, () => it('is refused in a file, changing nothing: the command changes a file only by running the plan', () => refusesEdits(build)));
  const itInPlace = (editsInPlace ? it : () => undefined) as typeof it;
  // An adapter that cannot tell the 1904 date system reads and writes every workbook's dates in the 1900 system.
  const knowsDateSystem = adapter.knowsDateSystem !== false;

  describe('read', () => {
    it('reads the Initiatives and Capacity tables as the user typed them, and no settings when there is no settings table', async () => {
      const { port } = await build();
      const { initiatives, capacity } = sampleTables();
      const snapshot = await port.read();
      expect(snapshot.initiatives?.headers).toEqual(initiatives.headers);
      expect(snapshot.initiatives?.rows).toEqual(initiatives.rows);
      expect(snapshot.initiatives?.origin).toEqual(initiatives.origin);
      expect(snapshot.capacity?.rows).toEqual(capacity.rows);
      expect(snapshot.settings).toBeUndefined();
      expect(snapshot.fingerprint).not.toBe('');
    });

    it("lists the user's tables but the Initiatives table in `tables`, never the add-in's own", async () => {
      const { port } = await build();
      const snapshot = await port.read();
      expect(snapshot.tables.map((t) => t.name)).toEqual(['Capacity']);
      expect(snapshot.tables[0]).toMatchObject({ sheet: 'Capacity', rows: sampleTables().capacity.rows.length, columns: 3 });
      await run(port);
      if (editsInPlace) await port.changeScenarios({ kind: 'save', scenario: { name: 'Lean year', settings: {}, capacities: {}, overrides: [] } });
      expect((await port.read()).tables.map((t) => t.name)).toEqual(['Capacity']);
    });

    it('reads no initiatives, and an empty fingerprint, in a workbook without the table', async () => {
      const { port } = await build({ tables: [] });
      const snapshot = await port.read();
      expect(snapshot.initiatives).toBeUndefined();
      expect(snapshot.fingerprint).toBe('');
      expect(snapshot.tables).toEqual([]);
    });

    it('reads the table the settings name instead of the one called Initiatives', async () => {
      const [initiatives, capacity] = sample();
      const mine = { ...initiatives!, name: 'MyPortfolio', sheet: 'Mine' };
      const { port } = await build({ tables: [mine, capacity!, settingsTable([['Initiatives table', 'MyPortfolio']])] });
      const snapshot = await port.read();
      expect(snapshot.initiatives?.name).toBe('MyPortfolio');
      expect(snapshot.tables.map((t) => t.name)).toEqual(['Capacity']);
    });

    it('reads a Setting and Value table on the Prioritisation settings sheet as the settings, whatever its name, and plans with it in place of making another settings sheet', async () => {
      const mine: RawTable = { ...settingsTable([['In-flight limit', 1], ['Planning period', 'FY27 H1']]), sheet: SETTINGS_SHEET, name: 'Table7' };
      const { port, sheets, cell } = await build({ tables: [...sample(), mine] });
      const snapshot = await port.read();
      expect(snapshot.settings?.name).toBe('Table7');
      expect(readSettings(snapshot.settings).settings).toMatchObject({ inFlightLimit: 1, planningPeriod: 'FY27 H1' });
      const result = await run(port);
      expect(result.plan.settings).toMatchObject({ inFlightLimit: 1, planningPeriod: 'FY27 H1' });
      expect(result.kind).toBe('written');
      expect(sheets().filter((s) => s.startsWith(SETTINGS_SHEET))).toEqual([SETTINGS_SHEET]);
      expect([cell(SETTINGS_SHEET, 'B4'), cell(SETTINGS_SHEET, 'C4')]).toEqual(['In-flight limit', 1]);
    });

    it('reads a table headed Team and Capacity as the Capacity table when none is named Capacity, and caps the plan with it', async () => {
      const [initiatives, capacity] = sample();
      const teams: RawTable = { ...capacity!, name: 'Table2', sheet: 'Teams', headers: ['Shared team', 'Capacity (weeks)', 'Unit'] };
      const { port } = await build({ tables: [initiatives!, teams] });
      const snapshot = await port.read();
      expect(snapshot.capacity?.name).toBe('Table2');
      const result = await run(port);
      expect(result.plan.teams.map((t) => t.name)).toEqual(capacity!.rows.map((r) => r[0]));
    });

    it('takes no table as the Capacity table by its headers when two could be', async () => {
      const [initiatives, capacity] = sample();
      const one: RawTable = { ...capacity!, name: 'Table2', sheet: 'Teams' };
      const two: RawTable = { ...capacity!, name: 'Table3', sheet: 'Teams 2027' };
      const { port } = await build({ tables: [initiatives!, one, two] });
      expect((await port.read()).capacity).toBeUndefined();
    });

    it('reads the Column mapping and FX rates tables, found by their headers, and plans with them', async () => {
      const [initiatives, capacity] = sample();
      const renamed = { ...initiatives!, headers: initiatives!.headers.map((h) => (h === 'Baseline method' ? 'How we compare' : h)) };
      const mapping: RawTable = { sheet: 'Mapping', name: 'MyMapping', headers: ['Column', 'Header'], rows: [['Baseline method', 'How we compare']], origin: { row: 0, column: 0 } };
      const fx: RawTable = { sheet: 'Rates', name: 'Rates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.1]], origin: { row: 0, column: 0 } };
      const { port } = await build({ tables: [renamed, capacity!, mapping, fx] });
      const snapshot = await port.read();
      expect(snapshot.columnMapping?.rows).toEqual([['Baseline method', 'How we compare']]);
      expect(snapshot.fxRates?.rows).toEqual([['EUR', 1.1]]);
      const result = await run(port);
      expect(result.plan.table?.columns.how.baselineMethod).toBe('mapped');
    });

    // Excel hands over each cell's value and number format (Range.values, Range.numberFormat), the command
    // the file's: each adapter gives the engine both, so the same workbook makes the same plan in either.
    it('reads each number as its format shows it: $1.2m, $3.0m saved by LibreOffice (\\$0.0\\m), 250k, a date, 150%, 10 days', async () => {
      const { port } = await build({
        tables: formattedSample([
          { row: 0, header: 'Annual value', value: 1.2, format: '"$"0.0"m"' },
          { row: 1, header: 'Annual value', value: 3, format: '\\$0.0\\m' },
          { row: 2, header: 'Annual value', value: 250, format: '#,##0"k"' },
          { row: 3, header: 'Annual value', value: 46402, format: 'yyyy-mm-dd' },
          { row: 4, header: 'Strategic fit', value: 1.5, format: '0%' },
          { row: 5, header: 'Legal', value: 10, format: '0 "days"' },
        ]),
      });
      const { plan } = await run(port);
      const valueOf = (name: string) => plan.assessments.find((a) => a.initiative.name === name)?.initiative.annualValue;
      expect([valueOf('Credit-limit recommender'), valueOf('Support reply assistant'), valueOf('Invoice matching')]).toEqual([1_200_000, 3_000_000, 250_000]);
      const messages = plan.issues.map((i) => i.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Annual value in Portfolio!F5 is "2027-01-15, a date"'),
          expect.stringContaining('Strategic fit in Portfolio!G6 is "150%"'),
          expect.stringContaining('Legal in Portfolio!Y7 is "10 days"'),
        ]),
      );
    });

    it(`reads a date in a workbook counting its dates from 1904 (an old Mac workbook) ${knowsDateSystem ? 'as the date it shows' : 'as the 1900 system would show it, the date system being unknown to it'}`, async () => {
      // 44,940 days from 1904 is 15 January 2027, as 46,402 days from 1900 is; from 1900, 44,940 days is 14 January 2023.
      const { port } = await build({ tables: formattedSample([{ row: 3, header: 'Annual value', value: 44_940, format: 'yyyy-mm-dd' }]), date1904: true });
      const { plan } = await run(port);
      const shown = knowsDateSystem ? '2027-01-15' : '2023-01-14';
      expect(plan.issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining(`Annual value in Portfolio!F5 is "${shown}, a date"`)]));
    });
  });

  describe('write', () => {
    it('writes the Roadmap sheet and the Start column with two or more horizons, and neither without; a Roadmap sheet of the user is then no concern', async () => {
      const roadmap = await build({ tables: [...sample(), settingsTable([['Horizons', 'H1, H2']])] });
      const result = await run(roadmap.port);
      if (result.kind !== 'written') throw new Error('not written');
      expect(result.outcome.ok && result.outcome.sheetsWritten).toContain(ROADMAP_SHEET);
      expect(roadmap.cell(ROADMAP_SHEET, 'A1')).toBe('Roadmap: H1, H2');
      expect(roadmap.cell(ROADMAP_SHEET, 'F5')).toBe('H1');
      const first = result.plan.entries.filter((e) => e.schedule).sort((a, b) => a.schedule!.start - b.schedule!.start || a.priority! - b.priority!)[0]!;
      expect(roadmap.cell(ROADMAP_SHEET, 'B6')).toBe(first.initiative.name);
      expect((await roadmap.port.read()).initiatives?.headers).toContain('Start');

      const plain = await build({ tables: sample(), userSheets: [{ name: ROADMAP_SHEET, cells: { A1: 'my roadmap' } }] });
      const written = await run(plain.port);
      if (written.kind !== 'written') throw new Error('not written');
      expect(written.outcome.ok && written.outcome.sheetsWritten).not.toContain(ROADMAP_SHEET);
      expect(plain.cell(ROADMAP_SHEET, 'A1')).toBe('my roadmap');
      expect((await plain.port.read()).initiatives?.headers).not.toContain('Start');
    });

    it("clears the product's own Roadmap sheet on a run without horizons, so no stale roadmap stays; a user's Roadmap sheet is left as it is", async () => {
      // A Roadmap sheet an earlier run made (its A2 carries the mark), and the settings since name one horizon.
      const old = { A1: 'Roadmap: H1, H2', A2: `${OWNER_MARK} on 2026-11-01 09:00 UTC.`, B6: 'Claims triage' };
      const stale = await build({ tables: [...sample(), settingsTable([['Horizons', 'H1']])], userSheets: [{ name: ROADMAP_SHEET, cells: old }] });
      const result = await run(stale.port);
      if (result.kind !== 'written') throw new Error('not written');
      expect(result.outcome.ok && result.outcome.sheetsWritten).toContain(ROADMAP_SHEET);
      expect(stale.cell(ROADMAP_SHEET, 'A1')).toBe('Roadmap: none in this run');
      expect(String(stale.cell(ROADMAP_SHEET, 'A2'))).toMatch(new RegExp(`^${OWNER_MARK} on 2026-11-23 10:00.*no roadmap`));
      expect(stale.cell(ROADMAP_SHEET, 'B6')).toBe('');
      expect((await stale.port.read()).initiatives?.headers).not.toContain('Start');

      const mine = await build({ tables: sample(), userSheets: [{ name: ROADMAP_SHEET, cells: { A1: 'my roadmap', A2: 'Made by me', B6: 'Claims triage' } }] });
      const written = await run(mine.port);
      if (written.kind !== 'written') throw new Error('not written');
      expect(written.outcome.ok && written.outcome.sheetsWritten).not.toContain(ROADMAP_SHEET);
      expect([mine.cell(ROADMAP_SHEET, 'A1'), mine.cell(ROADMAP_SHEET, 'B6')]).toEqual(['my roadmap', 'Claims triage']);
    });

    itInPlace('clears the roadmap a run with horizons made once the Horizons setting is blanked, and rebuilds it, into the same Start column, when they come back', async () => {
      const { port, cell } = await build({ tables: [...sample(), settingsTable([['Horizons', 'H1, H2']])] });
      await run(port);
      expect(cell(ROADMAP_SHEET, 'F5')).toBe('H1');
      const settings = readSettings((await port.read()).settings).settings;
      await port.saveSettings({ ...settings, horizons: [] });
      await run(port);
      expect([cell(ROADMAP_SHEET, 'A1'), cell(ROADMAP_SHEET, 'F5'), cell(ROADMAP_SHEET, 'B6')]).toEqual(['Roadmap: none in this run', '', '']);
      await port.saveSettings(settings);
      // The Start column the first run made is still the prioritiser's (recorded), not taken for the user's.
      expect((await run(port)).kind).toBe('written');
      expect([cell(ROADMAP_SHEET, 'A1'), cell(ROADMAP_SHEET, 'F5')]).toEqual(['Roadmap: H1, H2', 'H1']);
    });

    it("blanks the values of a column of its own that a run no longer writes (Start once the horizons are gone), never a user's column", async () => {
      const [initiatives, capacity] = sample();
      // The user's own Confidence column: the run writes no Confidence (no value ranges) and the record does not list it.
      const mine: RawTable = { ...initiatives!, headers: [...initiatives!.headers, 'Confidence'], rows: initiatives!.rows.map((row, r) => [...row, r % 2 ? 'High' : 'Low']) };
      const { port, cell, type } = await build({ tables: [mine, capacity!, settingsTable([['Horizons', 'H1, H2']])] });
      expect((await run(port)).kind).toBe('written');
      const table = (await port.read()).initiatives!;
      const at = (header: string, r: number) => a1(table.origin.row + 1 + r, table.origin.column + table.headers.indexOf(header));
      const rows = table.rows.map((_, r) => r);
      const starts = rows.map((r) => cell(table.sheet, at('Start', r)));
      expect(starts).toContain('H1');
      const decisions = rows.map((r) => cell(table.sheet, at('Decision', r)));
      const confidence = rows.map((r) => cell(table.sheet, at('Confidence', r)));

      type('My settings', 'C4', 'H1');
      expect((await run(port)).kind).toBe('written');
      const after = (await port.read()).initiatives!;
      // The header stays (still the prioritiser's, recorded) and every value under it is blank.
      expect(after.headers).toEqual(table.headers);
      expect(rows.map((r) => cell(table.sheet, at('Start', r)))).toEqual(rows.map(() => ''));
      expect(rows.map((r) => cell(table.sheet, at('Decision', r))).filter((d) => d !== '')).toHaveLength(decisions.filter((d) => d !== '').length);
      expect(rows.map((r) => cell(table.sheet, at('Confidence', r)))).toEqual(confidence);
      expect(cell(table.sheet, a1(table.origin.row, table.origin.column + table.headers.indexOf('Start')))).toBe('Start');
    });

    it("sets how each of the add-in's sheets prints (landscape, one page wide or two with the first column repeated, titles repeated, footer naming the run), never a user's sheet", async () => {
      const { initiatives, capacity } = sampleTables();
      const { port, pageSetup } = await build({ tables: sample(), userSheets: [{ name: 'Notes', cells: { A1: 'mine' } }] });
      const result = await run(port);
      if (result.kind !== 'written') throw new Error('not written');
      const layout = planLayout(result.plan);
      expect(layout.changeImpact.pageSetup).toMatchObject({ orientation: 'landscape', pagesWide: 1, titleRows: 2, footer: { left: '&A', center: 'Run of 2026-11-23 10:00 UTC', right: 'Page &P of &N' } });
      expect(pageSetup(CHANGE_IMPACT_SHEET)).toEqual(layout.changeImpact.pageSetup);
      expect(pageSetup(DECISION_LOG_SHEET)).toEqual(layout.decisionLogSheet.pageSetup);
      expect(pageSetup(SETTINGS_SHEET)).toEqual(layout.settingsSheet.pageSetup);
      for (const sheet of [initiatives.sheet, capacity.sheet, 'Notes']) expect(pageSetup(sheet)).toBeUndefined();
      if (!editsInPlace) return;
      await port.changeScenarios({ kind: 'save', scenario: { name: 'Lean year', settings: {}, capacities: {}, overrides: [] } });
      // A saved scenario's settings and the sample's five teams make a table too wide for one page: two, its names on each.
      expect(pageSetup('Scenarios')).toMatchObject({ orientation: 'landscape', pagesWide: 2, titleColumns: 1, pageOrder: 'overThenDown', titleRows: 2 });
    });

    it('names the latest run in the printed footer of Change impact and of the Decision log a run appends to', async () => {
      const { port, pageSetup } = await build();
      await run(port);
      const later = await runPlan(port, { now: '2026-11-24T09:30:00.000Z' }, { write: {} });
      expect(later.kind).toBe('written');
      expect(pageSetup(CHANGE_IMPACT_SHEET)?.footer.center).toBe('Run of 2026-11-24 09:30 UTC');
      expect(pageSetup(DECISION_LOG_SHEET)?.footer.center).toBe('Run of 2026-11-24 09:30 UTC');
    });

    it("writes the outputs, Change impact, the Decision log and the settings sheet, leaving the user's cells alone", async () => {
      const { port, cell, sheets } = await build();
      const result = await run(port);
      if (result.kind !== 'written') throw new Error(`not written: ${JSON.stringify(result.kind === 'not-written' ? result.outcome : result.kind)}`);
      expect(result.outcome.sheetsWritten).toEqual(expect.arrayContaining([CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, SETTINGS_SHEET]));
      expect(sheets()).toEqual(expect.arrayContaining([CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, SETTINGS_SHEET]));
      const { initiatives } = sampleTables();
      expect(cell(initiatives.sheet, 'A1')).toBe(initiatives.headers[0]);
      const after = await port.read();
      expect(after.initiatives?.headers).toEqual(expect.arrayContaining(['Priority', 'Gate', 'Decision']));
      expect(after.initiatives?.rows.map((r) => r.slice(0, initiatives.headers.length))).toEqual(initiatives.rows);
      const priority = after.initiatives!.headers.indexOf('Priority');
      // Read back as cells: a read may leave the output columns blank (they are the add-in's own).
      const priorities = initiatives.rows.map((_, r) => cell(initiatives.sheet, a1(initiatives.origin.row + 1 + r, initiatives.origin.column + priority)));
      const byRow = [...result.plan.entries].sort((a, b) => a.initiative.rowIndex - b.initiative.rowIndex);
      expect(priorities).toEqual(byRow.map((e) => e.priority ?? ''));
      // The outputs are not inputs: the fingerprint stays.
      expect(after.fingerprint).toBe(result.snapshot.fingerprint);
    });

    it('reads and writes a table made from whole columns (declared down to the last row) as its rows that hold data', async () => {
      const { initiatives, capacity } = sampleTables();
      const { port, cell } = await build({ tables: [initiatives, capacity], wholeColumns: [initiatives.name, capacity.name] });
      const snapshot = await port.read();
      expect(snapshot.initiatives?.rows).toEqual(initiatives.rows);
      expect(snapshot.capacity?.rows).toEqual(capacity.rows);
      const result = await run(port);
      if (result.kind !== 'written') throw new Error(`not written: ${JSON.stringify(result.kind === 'not-written' ? result.outcome : result.kind)}`);
      const after = await port.read();
      expect(after.initiatives?.rows).toHaveLength(initiatives.rows.length);
      const priority = initiatives.origin.column + after.initiatives!.headers.indexOf('Priority');
      const last = initiatives.origin.row + initiatives.rows.length;
      const byRow = [...result.plan.entries].sort((a, b) => a.initiative.rowIndex - b.initiative.rowIndex);
      expect(initiatives.rows.map((_, r) => cell(initiatives.sheet, a1(initiatives.origin.row + 1 + r, priority)))).toEqual(byRow.map((e) => e.priority ?? ''));
      // No initiative below the last one: nothing written there.
      expect([cell(initiatives.sheet, a1(last + 1, priority)), cell(initiatives.sheet, a1(last + 2, priority))]).toEqual(['', '']);
    });

    it('appends one Decision log row per run and adds no output column on a rerun', async () => {
      const { port, cell } = await build();
      await run(port);
      const first = await port.read();
      expect(logRows(cell)).toBe(1);
      const second = await run(port);
      expect(second.kind).toBe('written');
      const after = await port.read();
      expect(after.initiatives?.headers).toEqual(first.initiatives?.headers);
      expect(logRows(cell)).toBe(2);
    });

    it.each([false, true])(`writes the Decision log row dated the day of the run${knowsDateSystem ? '' : ' in the 1900 system'}, in a workbook counting its dates from 1904: %s`, async (date1904) => {
      const { port, cell } = await build({ tables: sample(), date1904 });
      await run(port);
      await run(port);
      // A file read back gives the date exceljs makes of the serial number; Excel gives the serial number, counted from 1904 there.
      const shown = (row: number): string => {
        const value = cell(DECISION_LOG_SHEET, a1(DECISION_LOG_HEADER_ROW + row, 0)) as unknown;
        const serial = value instanceof Date ? undefined : Number(value) + (date1904 && knowsDateSystem ? 1_462 : 0);
        return (value instanceof Date ? value : new Date(Math.round((serial! - 25_569) * 86_400_000))).toISOString().slice(0, 16);
      };
      expect([shown(1), shown(2)]).toEqual([NOW.slice(0, 16), NOW.slice(0, 16)]);
    });

    it('writes the Confidence column only when the workbook states some uncertainty, each row its share of the futures', async () => {
      const plain = await build();
      await run(plain.port);
      expect((await plain.port.read()).initiatives?.headers).not.toContain('Confidence');

      const { initiatives, capacity } = sampleTables();
      const { port, cell, pageSetup } = await build({ tables: [withValueRanges(initiatives), capacity] });
      // As the pane does it: the plan first, its Confidence blank, then the figures once drawn, writing only what changed.
      const first = await runPlan(port, { now: NOW }, { planner: (input, context) => prioritise(input, context, { confidence: false }) });
      if (first.kind !== 'written') throw new Error('not written');
      const headers = (await port.read()).initiatives!.headers;
      const column = headers.indexOf('Confidence');
      expect(column).toBe(headers.length - 1);
      const at = (r: number) => cell(initiatives.sheet, a1(initiatives.origin.row + 1 + r, initiatives.origin.column + column));
      expect(initiatives.rows.map((_, r) => at(r))).toEqual(initiatives.rows.map(() => ''));
      const sure = withRankAndFillConfidence(first.plan);
      const written = await writeConfidence(port, { plan: first.plan, layout: first.layout, fingerprint: first.snapshot.fingerprint }, sure);
      expect(written.kind).toBe('written');
      if (written.kind !== 'written') throw new Error('not written');
      expect(logRows(cell)).toBe(1);
      // Change impact gains its How sure section, laid out and set up for printing as the layout says.
      const column0 = Array.from({ length: written.layout.changeImpact.values.length }, (_, r) => cell(CHANGE_IMPACT_SHEET, a1(r, 0)));
      expect(column0).toEqual(written.layout.changeImpact.values.map((row) => row[0] ?? ''));
      expect(column0).toContain(HOW_SURE_TITLE);
      expect(pageSetup(CHANGE_IMPACT_SHEET)).toEqual(written.layout.changeImpact.pageSetup);
      const shares = sure.confidence!.shares;
      expect(initiatives.rows.map((_, r) => at(r))).toEqual(initiatives.rows.map((_, r) => shares[sure.entries.findIndex((e) => e.initiative.rowIndex === r)]));
      expect(shares.some((s) => s > 0 && s < 1)).toBe(true);
      expect((await port.read()).initiatives!.headers).toEqual(headers);
    });

    it('wraps the texts of every Decision log row, the first and each appended one, within their columns', async () => {
      const { port, cell, wraps } = await build();
      await run(port);
      await run(port);
      const weights = DECISION_LOG_HEADERS.indexOf('Weights');
      const overrides = DECISION_LOG_HEADERS.indexOf('Overrides');
      for (const row of [DECISION_LOG_HEADER_ROW + 1, DECISION_LOG_HEADER_ROW + 2]) {
        expect(String(cell(DECISION_LOG_SHEET, a1(row, weights)))).toMatch(/^Impact/);
        expect([wraps(DECISION_LOG_SHEET, a1(row, weights)), wraps(DECISION_LOG_SHEET, a1(row, overrides))]).toEqual([true, true]);
      }
    });

    it("places each value of a Decision log row under its header, in a log whose columns the user swapped", async () => {
      const { port, cell, type } = await build();
      await run(port);
      // Selection method (E) and In-flight limit (G) change places.
      const [method, limit] = [a1(DECISION_LOG_HEADER_ROW, 4), a1(DECISION_LOG_HEADER_ROW, 6)];
      expect([cell(DECISION_LOG_SHEET, method), cell(DECISION_LOG_SHEET, limit)]).toEqual(['Selection method', 'In-flight limit']);
      type(DECISION_LOG_SHEET, method, 'In-flight limit');
      type(DECISION_LOG_SHEET, limit, 'Selection method');
      await run(port);
      const second = (column: number) => cell(DECISION_LOG_SHEET, a1(DECISION_LOG_HEADER_ROW + 2, column));
      expect([second(4), second(6)]).toEqual([DEFAULT_SETTINGS.inFlightLimit, 'Rank and fill']);
    });

    it('a run without a log (a live re-run) adds no Decision log row and does not list the log as written', async () => {
      const { port, cell } = await build();
      await run(port);
      const quiet = await run(port, { log: false });
      if (quiet.kind !== 'written') throw new Error('not written');
      expect(quiet.outcome.sheetsWritten).not.toContain(DECISION_LOG_SHEET);
      expect(logRows(cell)).toBe(1);
    });

    it('writes nothing, and says so, when the Initiatives table changed since it was read', async () => {
      const { port, type, sheets } = await build();
      const snapshot = await port.read();
      const { initiatives } = sampleTables();
      // The first input cell under the header: a co-author edits it.
      type(initiatives.sheet, 'A2', 'CHANGED-ID');
      const plan = prioritise({ initiatives: snapshot.initiatives, capacity: snapshot.capacity, settings: snapshot.settings }, { now: NOW });
      const outcome = await port.write(plan, planLayout(plan), snapshot.fingerprint);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.problem.kind).toBe('changed');
      expect(outcome.problem.message).toMatch(/ Nothing was written; run again\.$/);
      // The memory and exceljs adapters cannot tell how the table changed; office.js says which way.
      if (_name !== 'office.js on the fake Excel') expect(outcome.problem).toEqual(changedProblem());
      expect(sheets()).not.toContain(CHANGE_IMPACT_SHEET);
      expect(sheets()).not.toContain(DECISION_LOG_SHEET);
    });

    it("refuses a sheet name the user's own sheet has, by default, and writes nothing", async () => {
      const { port, cell, sheets } = await build({ tables: sample(), userSheets: [{ name: 'Change impact', cells: { A1: 'my notes' } }] });
      const result = await run(port);
      expect(result.kind).toBe('not-written');
      if (result.kind !== 'not-written') return;
      expect(result.outcome.problem).toMatchObject({ kind: 'name-taken', sheet: CHANGE_IMPACT_SHEET, role: 'changeImpact', message: nameTakenProblem(CHANGE_IMPACT_SHEET, 'changeImpact').message });
      expect(cell('Change impact', 'A1')).toBe('my notes');
      expect(sheets()).not.toContain(DECISION_LOG_SHEET);
      const after = await port.read();
      expect(after.initiatives?.headers).toEqual(sampleTables().initiatives.headers);
    });

    it("writes under the first free name when asked to ('next-free'), and finds the same sheet on the next run", async () => {
      const { port, cell, sheets } = await build({ tables: sample(), userSheets: [{ name: 'Decision log', cells: { A1: 'my log' } }] });
      const first = await run(port, { whenNameTaken: 'next-free' });
      if (first.kind !== 'written') throw new Error('not written');
      expect(first.outcome.renamed).toEqual([{ wanted: DECISION_LOG_SHEET, used: 'Decision log (2)' }]);
      expect(cell('Decision log', 'A1')).toBe('my log');
      const second = await run(port, { whenNameTaken: 'next-free' });
      if (second.kind !== 'written') throw new Error('not written');
      expect(sheets().filter((s) => s.startsWith('Decision log'))).toEqual(['Decision log', 'Decision log (2)']);
    });

    it('writes its sheets under the names the user chose', async () => {
      const { port, sheets } = await build({ tables: sample(), userSheets: [{ name: 'Change impact', cells: { A1: 'mine' } }] });
      const result = await run(port, { sheetNames: { changeImpact: 'Impact of this run' } });
      expect(result.kind).toBe('written');
      expect(sheets()).toContain('Impact of this run');
    });

    it('writes no NaN or Infinity, and no text past 32,767 characters, whatever the layout holds', async () => {
      const { port, cell } = await build();
      const snapshot = await port.read();
      const plan = prioritise({ initiatives: snapshot.initiatives, capacity: snapshot.capacity, settings: snapshot.settings }, { now: NOW });
      const layout = planLayout(plan);
      const priorityScore = layout.outputs.keys.indexOf('priorityScore');
      const why = layout.outputs.keys.indexOf('why');
      // A layout no section should ever make: the port still writes nothing Excel would refuse.
      layout.outputs.values[0]![priorityScore] = Number.NaN;
      layout.outputs.values[1]![priorityScore] = Number.POSITIVE_INFINITY;
      layout.outputs.values[0]![why] = 'x'.repeat(40_000);
      const outcome = await port.write(plan, layout, snapshot.fingerprint);
      expect(outcome.ok).toBe(true);
      const { initiatives } = sampleTables();
      const headers = (await port.read()).initiatives!.headers;
      const at = (row: number, header: string) => cell(initiatives.sheet, a1(initiatives.origin.row + 1 + row, initiatives.origin.column + headers.indexOf(header)));
      expect(at(0, 'Priority score')).toBe('');
      expect(at(1, 'Priority score')).toBe('');
      const text = at(0, 'Why') as string;
      expect(text).toHaveLength(EXCEL_TEXT_LIMIT);
      expect(text.endsWith(CUT_MARKER)).toBe(true);
    });

    it('leaves out the Decision log row when asked (live re-runs)', async () => {
      const { port, cell } = await build();
      await run(port);
      await run(port, { log: false });
      expect(logRows(cell)).toBe(1);
    });
  });

  describe('protected sheets (Review > Protect Sheet)', () => {
    const decisions = (cell: (sheet: string, ref: string) => unknown, headers: string[]) => {
      const { initiatives } = sampleTables();
      const column = initiatives.origin.column + headers.indexOf('Decision');
      return initiatives.rows.map((_, r) => cell(initiatives.sheet, a1(initiatives.origin.row + 1 + r, column)));
    };

    it("refuses to write when the Initiatives table's sheet is protected, names the sheet, and writes nothing", async () => {
      const { port, protect, sheets } = await build();
      const { initiatives } = sampleTables();
      protect(initiatives.sheet);
      const result = await run(port);
      expect(result.kind).toBe('not-written');
      if (result.kind !== 'not-written') return;
      expect(result.outcome.problem).toEqual(protectedProblem(initiatives.sheet));
      expect(result.outcome.problem.message).toContain(`"${initiatives.sheet}"`);
      expect(sheets()).not.toContain(CHANGE_IMPACT_SHEET);
      expect(sheets()).not.toContain(DECISION_LOG_SHEET);
      expect((await port.read()).initiatives?.headers).toEqual(initiatives.headers);
    });

    it.each([CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET])('refuses to write when its own sheet %s is protected, and leaves every cell as it was', async (sheet) => {
      const { port, cell, protect, type } = await build();
      await run(port);
      const headers = (await port.read()).initiatives!.headers;
      const before = { decisions: decisions(cell, headers), impact: cell(CHANGE_IMPACT_SHEET, 'A1'), logRows: logRows(cell) };
      // No capacity for the first team would change the decisions: a write that went half way would show.
      type('Capacity', 'B2', 0);
      protect(sheet);
      const result = await run(port);
      expect(result.kind === 'not-written' && result.outcome.problem).toEqual(protectedProblem(sheet));
      expect({ decisions: decisions(cell, headers), impact: cell(CHANGE_IMPACT_SHEET, 'A1'), logRows: logRows(cell) }).toEqual(before);
    });

    itInPlace('refuses to save into a settings table on a protected sheet, and changes nothing', async () => {
      const { port, protect } = await build();
      await port.saveSettings({ ...DEFAULT_SETTINGS, inFlightLimit: 7 });
      protect(SETTINGS_SHEET);
      const saving = port.saveSettings({ ...withCapacity({ Legal: 3 }), inFlightLimit: 9 });
      await expect(saving).rejects.toBeInstanceOf(WorkbookProblemError);
      await expect(saving).rejects.toMatchObject({ problem: protectedProblem(SETTINGS_SHEET) });
      const saved = readSettings((await port.read()).settings).settings;
      expect([saved.inFlightLimit, saved.capacityOverrides]).toEqual([7, {}]);
    });

    itInPlace('refuses to rebuild a protected Scenarios or Scenario comparison sheet of its own', async () => {
      const { port, protect } = await build();
      const lean = { name: 'Lean year', settings: {}, capacities: { Legal: 2 }, overrides: [] };
      await port.changeScenarios({ kind: 'save', scenario: lean });
      protect('Scenarios');
      await expect(port.changeScenarios({ kind: 'save', scenario: { ...lean, name: 'Fat year' } })).rejects.toMatchObject({ problem: protectedProblem('Scenarios') });
      expect(readScenarios((await port.read()).scenarios!).scenarios.map((s) => s.name)).toEqual(['Lean year']);
      const layout = { ...settingsSheet(DEFAULT_SETTINGS), name: SCENARIO_COMPARISON_SHEET, tables: [] };
      await port.writeScenarioComparison(layout);
      protect(SCENARIO_COMPARISON_SHEET);
      await expect(port.writeScenarioComparison(layout)).rejects.toMatchObject({ problem: protectedProblem(SCENARIO_COMPARISON_SHEET) });
    });
  });

  describe("the user's merged cells", () => {
    it("refuses, naming the cells, when the table's last column is merged into the first output column, and writes nothing", async () => {
      const [initiatives, capacity] = sample();
      const { sheet, origin, headers, rows } = initiatives!;
      const last = origin.column + headers.length - 1;
      const range = `${a1(origin.row + 1, last)}:${a1(origin.row + 1, last + 1)}`;
      const { port, cell, sheets } = await build({ tables: [initiatives!, capacity!], merges: [{ sheet, range }] });
      const before = sheets();
      const result = await run(port);
      if (result.kind !== 'not-written') throw new Error(`expected a refusal, got ${result.kind}`);
      expect(result.outcome.problem.kind).toBe('unsupported');
      expect(result.outcome.problem.message).toContain(`Cells ${qualified(sheet, range)} are merged into the `);
      expect(result.outcome.problem.message).toContain('nothing was written');
      expect(sheets()).toEqual(before);
      expect(cell(sheet, a1(origin.row, last + 1))).toBe('');
      expect(cell(sheet, a1(origin.row + 1, last))).toBe(rows[0]![headers.length - 1]);
      expect((await port.read()).initiatives?.headers).toEqual(headers);
    });

    it("refuses, naming the Start column, when the user merged cells in a column of the prioritiser's that the run would blank", async () => {
      const [initiatives, capacity] = sample();
      const { sheet, origin, headers, rows } = initiatives!;
      // A table an earlier run with horizons wrote: its Start column is recorded as the prioritiser's; the run now has none.
      const withStart: RawTable = { ...initiatives!, headers: [...headers, 'Start'], rows: rows.map((row) => [...row, 'H1']) };
      const record = settingsTable([['Output columns', 'Priority, Priority score, Impact score, Friction score, Readiness score, Gate, Gate gaps, Decision, Binding constraint, Why, Start']]);
      const start = origin.column + headers.length;
      const range = `${a1(origin.row + 2, start)}:${a1(origin.row + 3, start)}`;
      const { port, cell } = await build({ tables: [withStart, capacity!, record], merges: [{ sheet, range }] });
      const result = await run(port);
      if (result.kind !== 'not-written') throw new Error(`expected a refusal, got ${result.kind}`);
      expect(result.outcome.problem.message).toContain(`Cells ${qualified(sheet, range)} are merged into the Start column`);
      expect(cell(sheet, a1(origin.row + 2, start))).toBe('H1');
    });

    it('writes as before when the merged cells lie beside the table, away from its rows', async () => {
      const [initiatives, capacity] = sample();
      const { sheet, origin, headers, rows } = initiatives!;
      const last = origin.column + headers.length - 1;
      const below = origin.row + rows.length + 3;
      const range = `${a1(below, last)}:${a1(below, last + 2)}`;
      const { port } = await build({ tables: [initiatives!, capacity!], merges: [{ sheet, range }] });
      expect((await run(port)).kind).toBe('written');
    });
  });

  describe("the user's own columns named like the results", () => {
    /** The sample with a Priority column of the user's own (High, Medium, Low) as its last column. */
    const withOwnPriority = (): { tables: RawTable[]; column: number } => {
      const [initiatives, capacity] = sample();
      const ranks = ['High', 'Medium', 'Low'];
      const table = { ...initiatives!, headers: [...initiatives!.headers, 'Priority'], rows: initiatives!.rows.map((row, r) => [...row, ranks[r % 3]!]) };
      return { tables: [table, capacity!], column: table.origin.column + table.headers.length - 1 };
    };
    const ownCells = (cell: (sheet: string, ref: string) => unknown, column: number) => {
      const { initiatives } = sampleTables();
      return initiatives.rows.map((_, r) => cell(initiatives.sheet, a1(initiatives.origin.row + 1 + r, column)));
    };

    it('writes nothing and names the column and its header cell, unless told what to do', async () => {
      const { tables, column } = withOwnPriority();
      const { port, cell, sheets } = await build({ tables });
      const before = sheets();
      const result = await run(port);
      if (result.kind !== 'not-written') throw new Error(`expected a refusal, got ${result.kind}`);
      const header = a1(tables[0]!.origin.row, column);
      expect(result.outcome.problem).toMatchObject({ kind: 'user-column', sheet: tables[0]!.sheet, table: 'Initiatives', columns: [{ key: 'priority', header: 'Priority', cell: header }] });
      expect(result.outcome.problem.message).toContain(`${tables[0]!.sheet}!${header}`);
      expect(sheets()).toEqual(before);
      expect(ownCells(cell, column)).toEqual(tables[0]!.rows.map((row) => row[row.length - 1]));
      expect(cell(tables[0]!.sheet, a1(tables[0]!.origin.row, column + 1))).toBe('');
    });

    it("writes its own beside it when asked, leaves the user's values, records it and finds it again on the next run", async () => {
      const { tables, column } = withOwnPriority();
      const { port, cell } = await build({ tables });
      expect((await run(port, { userColumns: 'beside' })).kind).toBe('written');
      const after = await port.read();
      const ours = after.initiatives!.headers.indexOf('Priority (prioritiser)');
      expect(ours).toBeGreaterThan(column - tables[0]!.origin.column);
      expect(ownCells(cell, column)).toEqual(tables[0]!.rows.map((row) => row[row.length - 1]));
      const ranks = ownCells(cell, tables[0]!.origin.column + ours);
      expect([...ranks].sort((a, b) => Number(a) - Number(b))).toEqual(ranks.map((_, i) => i + 1));
      const record = after.settings!.rows.find((row) => row[0] === 'Output columns');
      expect(String(record?.[1])).toContain('Priority (prioritiser)');
      // The next run asks nothing: the record says which columns are the prioritiser's.
      const again = await run(port);
      expect(again.kind).toBe('written');
      expect((await port.read()).initiatives!.headers).toEqual(after.initiatives!.headers);
      expect(ownCells(cell, column)).toEqual(tables[0]!.rows.map((row) => row[row.length - 1]));
    });

    it('writes into it when the user agrees, and reruns keep using it', async () => {
      const { tables, column } = withOwnPriority();
      const { port, cell } = await build({ tables });
      expect((await run(port, { userColumns: 'use' })).kind).toBe('written');
      expect(ownCells(cell, column).every((v) => typeof v === 'number')).toBe(true);
      const headers = (await port.read()).initiatives!.headers;
      expect(headers.filter((h) => h.startsWith('Priority'))).toEqual(['Priority', 'Priority score']);
      expect((await run(port)).kind).toBe('written');
    });

    it("records its columns in a settings table the user made, and a table it planned before the record existed is still its own", async () => {
      const [initiatives, capacity] = sample();
      const { port } = await build({ tables: [initiatives!, capacity!, settingsTable([['In-flight limit', 4]])] });
      expect((await run(port)).kind).toBe('written');
      const record = (await port.read()).settings!.rows.find((row) => row[0] === 'Output columns');
      expect(record?.[1]).toBe('Priority, Priority score, Impact score, Friction score, Readiness score, Gate, Gate gaps, Decision, Binding constraint, Why');
      // All ten output columns and no record: a workbook planned by an earlier version.
      const planned = await port.read();
      const legacy = { ...planned.initiatives!, rows: planned.initiatives!.rows.map((row) => row.map((v) => v)) };
      const again = await build({ tables: [legacy, capacity!] });
      expect((await run(again.port)).kind).toBe('written');
    });
  });

  describeInPlace('settings', () => {
    const settingsOf = async (port: Awaited<ReturnType<typeof build>>['port']) => readSettings((await port.read()).settings).settings;

    it('makes the settings sheet when there is no settings table, and reads the saved settings back', async () => {
      const { port, sheets } = await build();
      await port.saveSettings({ ...withCapacity({ Legal: 3 }), inFlightLimit: 7 });
      expect(sheets()).toContain(SETTINGS_SHEET);
      const saved = await settingsOf(port);
      expect(saved.inFlightLimit).toBe(7);
      expect(saved.capacityOverrides).toEqual({ Legal: 3 });
    });

    it("edits the user's settings table in place: values updated, a team's capacity no longer set is cleared, notes kept", async () => {
      const { port, cell } = await build({
        tables: [...sample(), settingsTable([['In-flight limit', 4], ['Capacity: Legal', 3], ['My note', 'keep me']])],
      });
      await port.saveSettings({ ...withCapacity({ Security: 2 }), inFlightLimit: 9 });
      const saved = await settingsOf(port);
      expect(saved.inFlightLimit).toBe(9);
      expect(saved.capacityOverrides).toEqual({ Security: 2 });
      // Rows stay where they were (B3 is the header; the rows follow).
      expect(cell('My settings', 'B4')).toBe('In-flight limit');
      expect(cell('My settings', 'C4')).toBe(9);
      expect(cell('My settings', 'B5')).toBe('Capacity: Legal');
      expect(cell('My settings', 'C5')).toBe('');
      expect(cell('My settings', 'B6')).toBe('My note');
      expect(cell('My settings', 'C6')).toBe('keep me');
    });

    it('writes what a setting means beside a row it adds to the settings sheet, as the sheet lays out every row', async () => {
      const { port, cell } = await build();
      await port.saveSettings(DEFAULT_SETTINGS);
      await port.saveSettings(withCapacity({ Legal: 3 }));
      const header = SETTINGS_HEADER_ROW + 1;
      expect([cell(SETTINGS_SHEET, `A${header}`), cell(SETTINGS_SHEET, `B${header}`), cell(SETTINGS_SHEET, `D${header}`)]).toEqual(['Setting', 'Value', MEANING_HEADER]);
      const rows = settingsRows(withCapacity({ Legal: 3 }));
      // Every row, the added one last, reads label, value, blank, meaning.
      const written = rows.map((_, r) => ['A', 'B', 'C', 'D'].map((column) => cell(SETTINGS_SHEET, `${column}${header + 1 + r}`)));
      expect(written).toEqual(rows.map((row) => [row.label, row.value, '', row.meaning]));
    });

    it("writes nothing beside the user's settings table when it has no What it means column", async () => {
      const { port, cell } = await build({ tables: [...sample(), settingsTable([['In-flight limit', 4]])] });
      await port.saveSettings(withCapacity({ Legal: 3 }));
      // The table is B3:C4; the added rows follow it, and column E (where the sheet would say what they mean) stays blank.
      // Every setting but the one the table held, and the team's capacity.
      const added = Array.from({ length: SETTING_SPECS.length }, (_, k) => 5 + k);
      expect(added.map((row) => cell('My settings', `B${row}`))).toContain('Capacity: Legal');
      expect(added.map((row) => cell('My settings', `E${row}`)).filter((v) => v !== '')).toEqual([]);
    });

    it('refuses to save into a settings table without a Value column, and changes nothing', async () => {
      const { port, cell } = await build({ tables: [...sample(), settingsTable([['In-flight limit', 4]], ['Setting', 'Amount'])] });
      await expect(port.saveSettings({ ...DEFAULT_SETTINGS, inFlightLimit: 9 })).rejects.toThrow(SETTINGS_COLUMNS_MESSAGE);
      expect(cell('My settings', 'C4')).toBe(4);
    });

    it("refuses to make the settings sheet over the user's sheet of that name", async () => {
      const { port, cell } = await build({ tables: sample(), userSheets: [{ name: SETTINGS_SHEET, cells: { A1: 'mine' } }] });
      const saving = port.saveSettings(DEFAULT_SETTINGS);
      await expect(saving).rejects.toBeInstanceOf(WorkbookProblemError);
      await expect(saving).rejects.toMatchObject({ problem: { kind: 'name-taken', sheet: SETTINGS_SHEET, role: 'settings', message: nameTakenProblem(SETTINGS_SHEET, 'settings').message } });
      expect(cell(SETTINGS_SHEET, 'A1')).toBe('mine');
    });

    it('uses another table as the Initiatives table, and refuses one that does not exist', async () => {
      const [initiatives, capacity] = sample();
      const { port } = await build({ tables: [{ ...initiatives!, name: 'Other', sheet: 'Other' }, capacity!] });
      await expect(port.useTable('Nowhere')).rejects.toThrow(noSuchTableMessage('Nowhere'));
      await port.useTable('Other');
      expect((await port.read()).initiatives?.name).toBe('Other');
    });
  });

  describeInPlace('column mapping', () => {
    const renamedSample = (): RawTable[] => {
      const [initiatives, capacity] = sample();
      return [{ ...initiatives!, headers: initiatives!.headers.map((h) => (h === 'Baseline method' ? 'How we prove it' : h)) }, capacity!];
    };

    it('saves the mapping with the settings sheet when there is none, and the next run reads it', async () => {
      const { port, cell, sheets } = await build({ tables: renamedSample() });
      const before = await run(port);
      expect(before.plan.table?.columns.inputs.baselineMethod).toBeUndefined();
      await port.saveColumnMapping([{ column: 'Baseline method', header: 'How we prove it' }]);
      expect(sheets()).toContain(SETTINGS_SHEET);
      // Beside the settings (F4 on the settings sheet), so plain Excel shows it.
      expect([cell(SETTINGS_SHEET, 'F4'), cell(SETTINGS_SHEET, 'G4'), cell(SETTINGS_SHEET, 'F5'), cell(SETTINGS_SHEET, 'G5')]).toEqual(['Column', 'Header', 'Baseline method', 'How we prove it']);
      const snapshot = await port.read();
      expect(snapshot.columnMapping?.rows).toEqual([['Baseline method', 'How we prove it']]);
      expect(readSettings(snapshot.settings).settings).toEqual(DEFAULT_SETTINGS);
      const after = await run(port);
      expect(after.plan.table?.columns.how.baselineMethod).toBe('mapped');
    });

    it("edits the workbook's mapping table in place: a column's header changed, a new column added below, other rows kept", async () => {
      const mapping: RawTable = { sheet: 'Mapping', name: 'MyMapping', headers: ['Column', 'Header'], rows: [['Owner', 'Sponsor'], ['Baseline method', 'Old header']], origin: { row: 1, column: 1 } };
      const { port, cell } = await build({ tables: [...renamedSample(), mapping] });
      await port.saveColumnMapping([
        { column: 'baseline METHOD', header: 'How we prove it' },
        { column: 'Data rights', header: '' },
      ]);
      expect((await port.read()).columnMapping?.rows).toEqual([['Owner', 'Sponsor'], ['Baseline method', 'How we prove it'], ['Data rights', '']]);
      expect(cell('Mapping', 'B3')).toBe('Owner');
      expect(cell('Mapping', 'C4')).toBe('How we prove it');
      expect(cell('Mapping', 'B5')).toBe('Data rights');
    });

    it("makes the mapping beside the user's settings table, and refuses, changing nothing, when those cells hold something", async () => {
      const { port, cell } = await build({ tables: [...renamedSample(), settingsTable([['In-flight limit', 4]])] });
      await port.saveColumnMapping([{ column: 'Baseline method', header: 'How we prove it' }]);
      // The settings table is at B3:C4; its meaning column is E, then a gap: the mapping's header is on G3.
      expect([cell('My settings', 'G3'), cell('My settings', 'H4')]).toEqual(['Column', 'How we prove it']);
      expect((await port.read()).columnMapping?.rows).toEqual([['Baseline method', 'How we prove it']]);

      const crowded = await build({ tables: [...renamedSample(), settingsTable([['In-flight limit', 4]])], userSheets: [{ name: 'My settings', cells: { H4: 'my note' } }] });
      await expect(crowded.port.saveColumnMapping([{ column: 'Baseline method', header: 'How we prove it' }])).rejects.toThrow(mappingRoomMessage('My settings', 'G3'));
      expect(crowded.cell('My settings', 'G3')).toBe('');
      expect(crowded.cell('My settings', 'H4')).toBe('my note');
      expect((await crowded.port.read()).columnMapping).toBeUndefined();
    });
  });

  describeInPlace('sample', () => {
    it('refuses to insert the sample over an existing Initiatives table', async () => {
      const { port, sheets } = await build();
      const before = sheets();
      await expect(port.insertSample()).rejects.toThrow(SAMPLE_REFUSED_MESSAGE);
      expect(sheets()).toEqual(before);
    });

    it('inserts the sample into a workbook without one, ready to run', async () => {
      const { port } = await build({ tables: [] });
      await port.insertSample();
      const snapshot = await port.read();
      expect(snapshot.initiatives?.rows.length).toBeGreaterThan(0);
      expect(snapshot.capacity?.rows.length).toBeGreaterThan(0);
      expect((await run(port)).kind).toBe('written');
    });
  });

  describeInPlace('scenarios', () => {
    const scenario = { name: 'Lean year', settings: {}, capacities: { Legal: 2 }, overrides: [] };

    it('saves a scenario on the Scenarios sheet, reads it back and deletes it', async () => {
      const { port } = await build();
      await port.changeScenarios({ kind: 'save', scenario });
      const saved = readScenarios((await port.read()).scenarios!);
      expect(saved.scenarios.map((s) => s.name)).toEqual(['Lean year']);
      expect(saved.scenarios[0]?.capacities).toEqual({ Legal: 2 });
      await port.changeScenarios({ kind: 'delete', name: 'Lean year' });
      expect(readScenarios((await port.read()).scenarios!).scenarios).toEqual([]);
    });

    it("refuses to make the Scenarios sheet over the user's sheet of that name", async () => {
      const { port, cell } = await build({ tables: sample(), userSheets: [{ name: 'Scenarios', cells: { A1: 'mine' } }] });
      await expect(port.changeScenarios({ kind: 'save', scenario })).rejects.toMatchObject({ problem: { kind: 'name-taken', sheet: 'Scenarios', message: nameTakenProblem('Scenarios').message } });
      expect(cell('Scenarios', 'A1')).toBe('mine');
    });

    it("writes the Scenario comparison sheet, and refuses the user's sheet of that name", async () => {
      const { port, sheets } = await build();
      // Any layout of the add-in's own will do: the port writes it as it is.
      const layout = { ...settingsSheet(DEFAULT_SETTINGS), name: SCENARIO_COMPARISON_SHEET, tables: [] };
      expect(await port.writeScenarioComparison(layout)).toBe(layout.name);
      expect(sheets()).toContain(layout.name);
      const taken = await build({ tables: sample(), userSheets: [{ name: layout.name, cells: { A1: 'mine' } }] });
      await expect(taken.port.writeScenarioComparison(layout)).rejects.toMatchObject({ problem: { kind: 'name-taken', sheet: layout.name, message: nameTakenProblem(layout.name).message } });
      expect(taken.cell(layout.name, 'A1')).toBe('mine');
    });
  });
});
