// The adapter on Microsoft's office-addin-mock: Excel.run and Office mocked as
// globals, the request context mocked with the members the code uses.

import { OfficeMockObject } from 'office-addin-mock';
import { excelRun } from '../../../src/adapters/office/excelRun';
import { createOfficeWorkbook } from '../../../src/adapters/office/officeWorkbook';
import { readWorkbook } from '../../../src/adapters/office/readWorkbook';
import { officeSupports } from '../../../src/adapters/office/requirements';
import { writeOutputColumns } from '../../../src/adapters/office/writeOutputs';
import { requestBudget } from '../../../src/adapters/office/payload';
import { generatePortfolio } from '../../../bench/generate';
import { prioritise } from '../../../src/engine/plan';
import { outputColumnsLayout, type OutputColumnsLayout } from '../../../src/layout/outputColumns';
import { placeOutputColumns } from '../../../src/layout/ownedColumns';
import { loadsItems, loadsNullness, mockContext, mockRange, type Make } from './officeMock';

const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

const cellEdit = Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' });

describe('office-addin-mock: the Office globals', () => {
  it('shows an unloaded property as the library\'s error text, so tests must load before reading', () => {
    const range = new OfficeMockObject({ values: [[1]] });
    expect(range.values).toBe('Error, property was not loaded');
  });

  it('runs the work inside Excel.run with the context Excel gives', async () => {
    const context = { marker: 'the context' };
    globals.Excel = new OfficeMockObject({ run: async (work: (c: unknown) => Promise<unknown>) => work(context) });
    await expect(excelRun(async (c) => (c as unknown as typeof context).marker)).resolves.toBe('the context');
  });

  it('asks Office whether an ExcelApi requirement set is supported', () => {
    globals.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (set: string, version: string) => set === 'ExcelApi' && Number(version) <= 1.8 } } });
    expect([officeSupports('1.7'), officeSupports('1.9')]).toEqual([true, false]);
  });

  it('supports nothing outside Office (the preview, the tests)', () => {
    expect(officeSupports('1.1')).toBe(false);
  });
});

describe('office-addin-mock: selecting a problem cell', () => {
  const workbook = () => {
    const calls: string[] = [];
    const { context, syncs } = mockContext((make) => ({
      worksheets: {
        getItem: (name: string) =>
          make({
            activate: () => calls.push(`activate ${name}`),
            getRange: (cell: string) => make({ select: () => calls.push(`select ${cell}`) }),
          }),
      },
    }));
    return { context, syncs, calls };
  };

  it('shows the sheet and selects the cell in one sync', async () => {
    const { context, syncs, calls } = workbook();
    globals.Excel = new OfficeMockObject({ run: async (work: (c: unknown) => Promise<unknown>) => work(context) });
    await createOfficeWorkbook().selectCell('Portfolio', 'F7');
    expect(calls).toEqual(['activate Portfolio', 'select F7']);
    expect(syncs()).toBe(1);
  });

  it('waits while Excel is in cell-edit mode and selects once the user leaves the cell', async () => {
    const { context, calls } = workbook();
    let tries = 0;
    globals.Excel = new OfficeMockObject({
      run: async (work: (c: unknown) => Promise<unknown>) => {
        if (++tries < 3) throw cellEdit;
        return work(context);
      },
    });
    const onEditing = jest.fn();
    await createOfficeWorkbook({ onEditing, retry: { delaysMs: [1] } }).selectCell('Portfolio', 'B2');
    expect([tries, onEditing.mock.calls.length, calls]).toEqual([3, 1, ['activate Portfolio', 'select B2']]);
  });

  it('hands write() back as "editing" when the user stays in the cell past the wait', async () => {
    globals.Excel = new OfficeMockObject({
      run: async () => {
        throw cellEdit;
      },
    });
    const plan = prioritise({ initiatives: generatePortfolio(3).initiatives }, { now: '2026-11-23T10:00:00Z' });
    const outcome = await createOfficeWorkbook({ supports: () => true, retry: { delaysMs: [1], giveUpAfterMs: 3 } }).write(plan, {} as never, '');
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'editing' } });
  });
});

/** A workbook with one Initiatives table and nothing else, for office-addin-mock. */
function portfolioWorkbook(make: Make, rows: number) {
  const { initiatives } = generatePortfolio(rows, rows);
  const grid = [initiatives.headers, ...initiatives.rows];
  const width = initiatives.headers.length;
  const table = () =>
    make({
      getHeaderRowRange: () => mockRange(make, grid, { row: 0, column: 0 }, { row: 0, column: 0, rows: 1, columns: width }),
      getDataBodyRange: () => mockRange(make, grid, { row: 0, column: 0 }, { row: 1, column: 0, rows: initiatives.rows.length, columns: width }),
    });
  const workbook = {
    tables: {
      ...loadsItems,
      items: [{ name: 'Initiatives', worksheet: { name: 'Portfolio' }, columns: { items: initiatives.headers.map((name) => ({ name })) } }],
      getItem: table,
      getItemOrNullObject: () => make({ ...loadsNullness, isNullObject: true }),
    },
    worksheets: { ...loadsItems, items: [{ name: 'Portfolio' }] },
    protection: { protected: false },
  };
  return { workbook, initiatives };
}

describe('office-addin-mock: reading the Initiatives table', () => {
  it.each([10, 10_000])('reads headers, cells and position of %i initiatives in two syncs', async (rows) => {
    let expected: ReturnType<typeof portfolioWorkbook>['initiatives'] | undefined;
    const { context, syncs } = mockContext((make) => {
      const built = portfolioWorkbook(make, rows);
      expected = built.initiatives;
      return built.workbook;
    });
    const { snapshot } = await readWorkbook(context);
    expect(snapshot.initiatives).toEqual(expected);
    expect(syncs()).toBe(2);
  });
});

describe('office-addin-mock: writing the output columns', () => {
  function tableOnMock() {
    const ranges = new Map<string, Record<string, unknown>>();
    const added: string[] = [];
    const { context, syncs } = mockContext((make) => ({
      sheet: {
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
          const key = `${row},${column},${rows},${columns}`;
          const range = make({
            format: { columnWidth: 0 },
            conditionalFormats: {
              clearAll: () => undefined,
              add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }),
            },
          });
          ranges.set(key, range as unknown as Record<string, unknown>);
          return range;
        },
      },
      table: { columns: { add: (_i: unknown, _v: unknown, name: string) => added.push(name) } },
    }));
    const workbook = (context as unknown as { workbook: { sheet: Excel.Worksheet; table: Excel.Table } }).workbook;
    return { context, syncs, ranges, added, sheet: workbook.sheet, table: workbook.table };
  }

  /** Where the outputs go in a table that has none of them yet: all appended. */
  const placed = (headers: string[], outputs: OutputColumnsLayout) => {
    const placement = placeOutputColumns(headers, outputs, undefined);
    if ('userColumns' in placement) throw new Error('the fixture has no output columns of its own');
    return placement;
  };

  const planFor = (name: string) => {
    const { initiatives, capacity } = generatePortfolio(3, 3);
    const rows = initiatives.rows.map((row, i) => (i === 1 ? row.map((cell, c) => (initiatives.headers[c] === 'Initiative' ? name : cell)) : row));
    return { plan: prioritise({ initiatives: { ...initiatives, rows }, capacity }, { now: '2026-11-23T10:00:00Z' }), headers: initiatives.headers };
  };

  it('adds the missing output columns by name and writes their cells below the header', async () => {
    const { context, ranges, added, sheet, table } = tableOnMock();
    const { plan, headers } = planFor('Claims triage');
    const outputs = outputColumnsLayout(plan);
    await writeOutputColumns(table, sheet, { headers, origin: { row: 0, column: 0 }, rowCount: 3 }, outputs, requestBudget(context), placed(headers, outputs));
    expect(added).toEqual(outputs.headers);
    const block = ranges.get(`1,${headers.length},3,10`)!;
    expect(block.values).toEqual(outputs.values.map((row) => row.map((cell) => cell ?? '')));
  });

  it('sets each output column\'s number format on its whole body, Text for the text columns', async () => {
    const { context, ranges, sheet, table } = tableOnMock();
    const { plan, headers } = planFor('Claims triage');
    const outputs = outputColumnsLayout(plan);
    await writeOutputColumns(table, sheet, { headers, origin: { row: 0, column: 0 }, rowCount: 3 }, outputs, requestBudget(context), placed(headers, outputs));
    const formats = outputs.keys.map((_, i) => ranges.get(`1,${headers.length + i},3,1`)!.numberFormat);
    expect(formats).toEqual(['0', '0.0', '0.0', '0.0', '0.0', '@', '@', '@', '@', '@']);
  });

  it('quotes text that Excel would take for a formula, with Excel\'s own apostrophe', async () => {
    const { context, ranges, sheet, table } = tableOnMock();
    const { plan, headers } = planFor('Claims triage');
    const outputs = outputColumnsLayout(plan);
    const why = outputs.keys.indexOf('why');
    const risky = '=HYPERLINK("http://x","y")';
    outputs.values[1]![why] = risky;
    await writeOutputColumns(table, sheet, { headers, origin: { row: 0, column: 0 }, rowCount: 3 }, outputs, requestBudget(context), placed(headers, outputs));
    const written = ranges.get(`1,${headers.length},3,10`)!.values as unknown[][];
    expect(written[1]![why]).toBe(`'${risky}`);
  });

  it('queues every write without a sync of its own: the caller sends them in one request', async () => {
    const { context, syncs, sheet, table } = tableOnMock();
    const { plan, headers } = planFor('Claims triage');
    await writeOutputColumns(table, sheet, { headers, origin: { row: 0, column: 0 }, rowCount: 3 }, outputColumnsLayout(plan), requestBudget(context), placed(headers, outputColumnsLayout(plan)));
    expect(syncs()).toBe(0);
  });
});
