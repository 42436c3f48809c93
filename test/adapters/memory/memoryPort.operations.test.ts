import fc from 'fast-check';
import { createWorkbook, findSheet, findTable, getCell, sheetOf } from '../../../src/adapters/memory/model';
import { writeBlock } from '../../../src/adapters/memory/cells';
import { rawTable } from '../../../src/adapters/memory/tables';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/engine/settings';
import type { Settings } from '../../../src/engine/types';
import { SETTINGS_SHEET } from '../../../src/layout/names';
import { WorkbookProblemError } from '../../../src/port/workbookPort';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { capacity, named, table } from '../../builders';
import { memoryPort, run, sampleWorkbook, sheetValues, workbookWith } from './memoryBuilders';

describe('reading', () => {
  test('an empty workbook has no Initiatives table and no tables to pick', async () => {
    const snapshot = await memoryPort(createWorkbook()).read();
    expect(snapshot).toEqual({ initiatives: undefined, capacity: undefined, settings: undefined, fingerprint: '', tables: [], scenarios: { scenarios: undefined, overrides: undefined } });
  });

  test('the sample reads back exactly as the engine’s sample tables', async () => {
    const snapshot = await memoryPort(sampleWorkbook()).read();
    const { initiatives, capacity: teams } = sampleTables();
    expect(snapshot.initiatives).toEqual(initiatives);
    expect(snapshot.capacity).toEqual(teams);
  });

  test("the user's other tables are listed with their sheet, size and headers", async () => {
    const snapshot = await memoryPort(sampleWorkbook()).read();
    expect(snapshot.tables.map((t) => [t.name, t.sheet, t.rows, t.columns])).toEqual([['Capacity', 'Capacity', 5, 3]]);
    expect(snapshot.tables[0]!.headers).toEqual(['Team', 'Capacity', 'Unit']);
  });

  test('the fingerprint changes when an input changes and not when nothing does', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    const first = (await port.read()).fingerprint;
    expect((await port.read()).fingerprint).toBe(first);
    writeBlock(sheetOf(workbook, 'Portfolio'), 5, 10, [[1]]);
    expect((await port.read()).fingerprint).not.toBe(first);
  });

  test('in cell-edit mode a read fails with the editing problem', async () => {
    const workbook = sampleWorkbook();
    workbook.editing = true;
    const error = await memoryPort(workbook).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookProblemError);
    expect((error as WorkbookProblemError).problem.kind).toBe('editing');
  });
});

describe('first run', () => {
  test('inserting the sample adds Portfolio and Capacity sheets with their tables and shows Portfolio', async () => {
    const workbook = createWorkbook();
    await memoryPort(workbook).insertSample();
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Portfolio', 'Capacity']);
    expect(rawTable(workbook, findTable(workbook, 'Initiatives')!).rows).toEqual(sampleTables().initiatives.rows);
    expect(workbook.activeSheet).toBe('Portfolio');
  });

  test('the sample’s annual values carry a money format', async () => {
    const workbook = createWorkbook();
    await memoryPort(workbook).insertSample();
    const column = sampleTables().initiatives.headers.indexOf('Annual value');
    expect(getCell(sheetOf(workbook, 'Portfolio'), 1, column).format).toBe('"$"#,##0');
  });

  test('the sample goes on a new sheet when a user’s sheet is already called Portfolio', async () => {
    const workbook = createWorkbook(['Portfolio']);
    writeBlock(sheetOf(workbook, 'Portfolio'), 0, 0, [['mine']]);
    await memoryPort(workbook).insertSample();
    expect(findTable(workbook, 'Initiatives')!.sheet).toBe('Portfolio (2)');
    expect(sheetValues(workbook, 'Portfolio')).toEqual([['mine']]);
  });

  test('the sample is refused when an Initiatives table exists', async () => {
    await expect(memoryPort(sampleWorkbook()).insertSample()).rejects.toThrow('already has a table called Initiatives');
  });

  test('a selected range with its header row becomes the Initiatives table', async () => {
    const workbook = createWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 2, 1, [['Initiative', 'Owner'], ['Alpha', 'Ann Lee'], ['Beta', 'Bo Chen']]);
    workbook.selection = { sheet: 'Sheet1', row: 2, column: 1, rows: 3, columns: 2 };
    const port = memoryPort(workbook);
    expect(await port.createTableFromSelection()).toEqual({ ok: true });
    expect((await port.read()).initiatives).toMatchObject({ name: 'Initiatives', headers: ['Initiative', 'Owner'], origin: { row: 2, column: 1 } });
  });

  test('one selected cell becomes the table of the filled block around it', async () => {
    const workbook = createWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 0, 0, [['Initiative', 'Owner'], ['Alpha', 'Ann Lee']]);
    workbook.selection = { sheet: 'Sheet1', row: 1, column: 1, rows: 1, columns: 1 };
    expect(await memoryPort(workbook).createTableFromSelection()).toEqual({ ok: true });
    expect(findTable(workbook, 'Initiatives')).toMatchObject({ row: 0, column: 0, rows: 2, columns: 2 });
  });

  test.each([
    ['a header row alone', [['Initiative', 'Owner']], 'at least one row'],
    ['a blank header', [['Initiative', ''], ['Alpha', 'x']], 'header cell B1 is blank'],
    ['a repeated header', [['Name', 'name'], ['Alpha', 'x']], 'appears twice'],
  ])('a selection with %s is refused with a plain reason', async (_, cells, reason) => {
    const workbook = createWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 0, 0, cells);
    workbook.selection = { sheet: 'Sheet1', row: 0, column: 0, rows: cells.length, columns: 2 };
    const result = await memoryPort(workbook).createTableFromSelection();
    expect(result).toEqual({ ok: false, message: expect.stringContaining(reason) });
    expect(workbook.tables).toEqual([]);
  });

  test('a selection overlapping another table is refused', async () => {
    const workbook = workbookWith(table([named('Alpha')], { name: 'Projects' }));
    workbook.selection = { sheet: 'Portfolio', row: 0, column: 0, rows: 2, columns: 2 };
    expect(await memoryPort(workbook).createTableFromSelection()).toEqual({ ok: false, message: expect.stringContaining('overlaps table Projects') });
  });

  test('another table picked as the Initiatives table is remembered in the settings sheet and read from then on', async () => {
    const workbook = workbookWith(table([named('Alpha')], { name: 'Projects' }));
    const port = memoryPort(workbook);
    await port.useTable('Projects');
    expect((await port.read()).initiatives?.name).toBe('Projects');
    expect(sheetValues(workbook, SETTINGS_SHEET).some((row) => row[0] === 'Initiatives table' && row[1] === 'Projects')).toBe(true);
  });

  test('picking a table that does not exist is refused', async () => {
    await expect(memoryPort(createWorkbook()).useTable('Nope')).rejects.toThrow('no table called "Nope"');
  });
});

describe('settings', () => {
  test('saving creates the settings sheet when there is none', async () => {
    const workbook = createWorkbook();
    await memoryPort(workbook).saveSettings({ ...DEFAULT_SETTINGS, inFlightLimit: 4 });
    expect(readSettings(rawTable(workbook, findTable(workbook, 'PrioritisationSettings')!)).settings.inFlightLimit).toBe(4);
  });

  test('saving again changes values in place, keeps the user’s own rows, and adds a team’s capacity row', async () => {
    const workbook = createWorkbook();
    const port = memoryPort(workbook);
    await port.saveSettings(DEFAULT_SETTINGS);
    const settingsTable = findTable(workbook, 'PrioritisationSettings')!;
    const noteRow = settingsTable.row + 2;
    writeBlock(sheetOf(workbook, SETTINGS_SHEET), noteRow, 3, [['my note beside the table']]);
    await port.saveSettings({ ...DEFAULT_SETTINGS, weights: { impact: 70, readiness: 20, friction: 10 }, capacityOverrides: { Legal: 14 } });
    const values = sheetValues(workbook, SETTINGS_SHEET);
    expect(values[noteRow]![3]).toBe('my note beside the table');
    expect(values.find((r) => r[0] === 'Impact weight')![1]).toBe(70);
    expect(values.find((r) => r[0] === 'Capacity: Legal')![1]).toBe(14);
  });

  test('a team no longer overridden has its capacity value cleared, so the Capacity table counts again', async () => {
    const workbook = createWorkbook();
    const port = memoryPort(workbook);
    await port.saveSettings({ ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 14 } });
    await port.saveSettings(DEFAULT_SETTINGS);
    expect(readSettings(rawTable(workbook, findTable(workbook, 'PrioritisationSettings')!)).settings.capacityOverrides).toEqual({});
  });

  test('a user’s own sheet called Prioritisation settings is never written', async () => {
    const workbook = createWorkbook([SETTINGS_SHEET]);
    writeBlock(sheetOf(workbook, SETTINGS_SHEET), 0, 0, [['my settings']]);
    const error = await memoryPort(workbook).saveSettings(DEFAULT_SETTINGS).catch((e: unknown) => e);
    expect((error as WorkbookProblemError).problem).toMatchObject({ kind: 'name-taken', sheet: SETTINGS_SHEET });
    expect(sheetValues(workbook, SETTINGS_SHEET)).toEqual([['my settings']]);
  });

  const settingsArbitrary: fc.Arbitrary<Settings> = fc.record({
    weights: fc.record({ impact: fc.integer({ min: 1, max: 100 }), readiness: fc.integer({ min: 0, max: 100 }), friction: fc.integer({ min: 0, max: 100 }) }),
    inFlightLimit: fc.integer({ min: 0, max: 50 }),
    method: fc.constantFrom('Rank and fill' as const, 'Optimal' as const),
    objective: fc.constantFrom('Priority score' as const, 'Annual value' as const),
    solverTimeLimitSeconds: fc.integer({ min: 1, max: 60 }),
    planningPeriod: fc.constantFrom('FY27 H1', '=Q3 plan', '2027', 'Next quarter'),
    currency: fc.constantFrom('$', '€', '£'),
    reportingCurrency: fc.constantFrom('', 'USD', 'EUR', 'GBP'),
    initiativesTable: fc.constantFrom('Initiatives', 'Projects'),
    capacityOverrides: fc.dictionary(fc.constantFrom('Legal', 'Security', 'ML platform'), fc.integer({ min: 0, max: 40 })),
    scenario: fc.constantFrom('', 'Legal +2 weeks', '=Board view'),
    demandOverrun: fc.constantFrom(0, 0.25, 0.5, 1.5),
    confidenceDraws: fc.constantFrom(0, 100, 500, 10_000),
    weightRanges: fc.record({ impact: fc.constant({ low: 40, high: 60 }), friction: fc.constant({ low: 5, high: 25.5 }) }, { requiredKeys: [] }),
  });

  test('whatever is saved, in whatever order, reads back as the last settings saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(settingsArbitrary, { minLength: 1, maxLength: 4 }), async (sequence) => {
        const workbook = createWorkbook();
        const port = memoryPort(workbook);
        for (const settings of sequence) await port.saveSettings(settings);
        const read = readSettings(rawTable(workbook, findTable(workbook, 'PrioritisationSettings')!));
        expect(read.issues).toEqual([]);
        expect(read.settings).toEqual(sequence[sequence.length - 1]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('selecting and sorting', () => {
  test('selecting a problem cell shows its sheet with that cell selected', async () => {
    const workbook = sampleWorkbook();
    await memoryPort(workbook).selectCell('Capacity', 'B4');
    expect(workbook.activeSheet).toBe('Capacity');
    expect(workbook.selection).toEqual({ sheet: 'Capacity', row: 3, column: 1, rows: 1, columns: 1 });
  });

  test('selecting on a sheet that does not exist is refused', async () => {
    await expect(memoryPort(sampleWorkbook()).selectCell('Gone', 'A1')).rejects.toThrow('no sheet named Gone');
  });

  test('selecting something that is not a cell address is refused', async () => {
    await expect(memoryPort(sampleWorkbook()).selectCell('Portfolio', 'Q')).rejects.toThrow('not a cell address');
  });

  test('sorting puts priority 1 first and moves the user’s other columns with their rows', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await run(port);
    await port.sortByPriority();
    const after = rawTable(workbook, findTable(workbook, 'Initiatives')!);
    const priority = after.headers.indexOf('Priority');
    expect(after.rows.map((r) => r[priority])).toEqual(after.rows.map((_, i) => i + 1));
    const byName = new Map(sampleTables().initiatives.rows.map((r) => [r[1], r]));
    for (const row of after.rows) expect(row.slice(0, byName.get(row[1])!.length)).toEqual(byName.get(row[1]));
  });

  test('rows without a priority go after the ranked ones', async () => {
    const workbook = workbookWith(table([named('Bad', { 'Strategic fit': 9 }), named('Good')]), capacity({}));
    const port = memoryPort(workbook);
    await run(port);
    await port.sortByPriority();
    expect(rawTable(workbook, findTable(workbook, 'Initiatives')!).rows.map((r) => r[1])).toEqual(['Good', 'Bad']);
  });

  test('sorting before any run says to run first', async () => {
    await expect(memoryPort(sampleWorkbook()).sortByPriority()).rejects.toThrow('run the plan first');
  });

  test('sorting in cell-edit mode is refused and moves nothing', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await run(port);
    const before = sheetValues(workbook, 'Portfolio');
    workbook.editing = true;
    await expect(port.sortByPriority()).rejects.toBeInstanceOf(WorkbookProblemError);
    expect(sheetValues(workbook, 'Portfolio')).toEqual(before);
  });

  test('whatever the row order, running and sorting keeps every input row exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(sampleTables().initiatives.rows, { minLength: 1 }), async (rows) => {
        const { initiatives, capacity: teams } = sampleTables();
        const workbook = workbookWith({ ...initiatives, rows }, teams);
        const port = memoryPort(workbook);
        await run(port);
        await port.sortByPriority();
        const after = rawTable(workbook, findTable(workbook, 'Initiatives')!).rows.map((r) => JSON.stringify(r.slice(0, initiatives.headers.length)));
        expect(after.sort()).toEqual(rows.map((r) => JSON.stringify(r)).sort());
        expect(findSheet(workbook, 'Change impact')).toBeDefined();
      }),
      { numRuns: 15 },
    );
  });
});
