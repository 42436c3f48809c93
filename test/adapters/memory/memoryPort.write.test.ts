import { findSheet, findTable, getCell, saveState, sheetOf, type MemoryWorkbook } from '../../../src/adapters/memory/model';
import { writeBlock } from '../../../src/adapters/memory/cells';
import { rawTable } from '../../../src/adapters/memory/tables';
import type { RawTable } from '../../../src/engine/types';
import { OUTPUT_COLUMNS } from '../../../src/engine/columns';
import { TEXT_FORMAT } from '../../../src/layout/grid';
import { CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, SETTINGS_SHEET } from '../../../src/layout/names';
import { DECISION_HIGHLIGHTS, GATE_HIGHLIGHTS } from '../../../src/layout/outputColumns';
import { capacity, named, table } from '../../builders';
import { memoryPort, run, sampleWorkbook, sheetValues, workbookWith } from './memoryBuilders';

const outputHeaders = OUTPUT_COLUMNS.map((c) => c.header);

function written(result: Awaited<ReturnType<typeof run>>) {
  if (result.kind !== 'written') throw new Error(`expected a written plan, got ${result.kind}: ${JSON.stringify(result.kind === 'not-written' ? result.outcome : '')}`);
  return result;
}

describe('a run on the memory workbook', () => {
  test('appends the output columns at the right of the table with the plan’s values', async () => {
    const workbook = sampleWorkbook();
    const result = written(await run(memoryPort(workbook)));
    const after = rawTable(workbook, findTable(workbook, 'Initiatives')!);
    const width = after.headers.length - outputHeaders.length;
    expect(after.headers.slice(width)).toEqual(outputHeaders);
    expect(after.rows.map((r) => r.slice(width))).toEqual(result.layout.outputs.values.map((r) => r.map((v) => (v === null ? '' : v))));
  });

  test('sets each output column’s number format and width', async () => {
    const workbook = sampleWorkbook();
    const result = written(await run(memoryPort(workbook)));
    const t = findTable(workbook, 'Initiatives')!;
    const sheet = sheetOf(workbook, t.sheet);
    const first = t.column + t.columns - outputHeaders.length;
    result.layout.outputs.formats.forEach((format, k) => {
      expect(getCell(sheet, t.row + 1, first + k).format).toBe(format);
      expect(sheet.widths[first + k]).toBe(result.layout.outputs.widths[k]);
    });
  });

  test('colours Gate and Decision with conditional formats over the table body and freezes the header', async () => {
    const workbook = sampleWorkbook();
    await run(memoryPort(workbook));
    const t = findTable(workbook, 'Initiatives')!;
    const sheet = sheetOf(workbook, t.sheet);
    const headers = rawTable(workbook, t).headers;
    const formats = sheet.conditionalFormats.map((f) => ({ column: headers[f.column - t.column], rows: f.rows, rules: f.rules }));
    expect(formats).toEqual([
      { column: 'Gate', rows: t.rows - 1, rules: GATE_HIGHLIGHTS },
      { column: 'Decision', rows: t.rows - 1, rules: DECISION_HIGHLIGHTS },
    ]);
    expect(sheet.freezeRows).toBe(1);
  });

  test('builds the Change impact sheet cell for cell from the layout, with its charts', async () => {
    const workbook = sampleWorkbook();
    const result = written(await run(memoryPort(workbook)));
    const expected = result.layout.changeImpact.values.map((r) => r.map((v) => (v === null ? '' : v)));
    const actual = sheetValues(workbook, CHANGE_IMPACT_SHEET).map((r) => r.slice(0, expected[0]!.length));
    expect(actual).toEqual(expected);
    expect(sheetOf(workbook, CHANGE_IMPACT_SHEET).charts.map((c) => c.kind)).toEqual(['clusteredColumn', 'bubble']);
    // The portfolio map as the layout drew it: bubble size, transparency and fixed axes included.
    expect(sheetOf(workbook, CHANGE_IMPACT_SHEET).charts).toEqual(result.layout.changeImpact.charts);
    expect(result.layout.changeImpact.charts[1]).toMatchObject({ bubbleScale: 30, fillOpacity: 0.75, axisRange: { min: 0, max: 100 } });
  });

  test('creates the Decision log and the settings sheet on the first run and says which sheets it wrote', async () => {
    const workbook = sampleWorkbook();
    const result = written(await run(memoryPort(workbook)));
    expect(result.outcome.sheetsWritten).toEqual(['Portfolio', CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, SETTINGS_SHEET]);
    expect(findTable(workbook, 'DecisionLog')!.rows).toBe(2);
    expect(findTable(workbook, 'PrioritisationSettings')).toBeDefined();
  });

  test('a second run adds no columns, appends one log row and rebuilds Change impact', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await run(port);
    const columns = findTable(workbook, 'Initiatives')!.columns;
    const impact = sheetValues(workbook, CHANGE_IMPACT_SHEET);
    await run(port);
    expect(findTable(workbook, 'Initiatives')!.columns).toBe(columns);
    expect(findTable(workbook, 'DecisionLog')!.rows).toBe(3);
    expect(sheetValues(workbook, CHANGE_IMPACT_SHEET)).toEqual(impact);
  });

  test('output columns the user moved are found by header and written where they are', async () => {
    const rows = [named('Alpha'), named('Beta')];
    const headers = ['Initiative', 'Decision', ...Object.keys(rows[0]!).filter((h) => h !== 'Initiative')];
    // The settings record the Decision column as the prioritiser's: it made it on an earlier run, and the user moved it.
    const settings: RawTable = { sheet: 'Prioritisation settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows: [['Output columns', 'Decision']], origin: { row: 2, column: 0 } };
    const workbook = workbookWith(table(rows, { headers }), capacity({}), settings);
    await run(memoryPort(workbook));
    const after = rawTable(workbook, findTable(workbook, 'Initiatives')!);
    expect(after.headers.filter((h) => h === 'Decision')).toHaveLength(1);
    expect(after.rows.map((r) => r[1])).toEqual(['Commit', 'Commit']);
  });

  test('an initiative named like a formula is written back as text everywhere', async () => {
    const injected = '=HYPERLINK("http://x","y")';
    const workbook = workbookWith(table([named(injected), named('+SUM(1,2)')]), capacity({}));
    await run(memoryPort(workbook));
    for (const sheet of workbook.sheets) {
      for (const line of sheet.grid) for (const cell of line ?? []) expect(cell?.formula).toBeUndefined();
    }
    const impact = sheetValues(workbook, CHANGE_IMPACT_SHEET).flat();
    expect(impact).toContain(injected);
    expect(impact).toContain('+SUM(1,2)');
  });

  test('a binding team named like a formula lands as text in the Binding constraint column', async () => {
    const workbook = workbookWith(table([named('Alpha', { '=Legal': 3 }), named('Beta', { '=Legal': 3 })]), capacity({ '=Legal': 4 }));
    await run(memoryPort(workbook));
    const after = rawTable(workbook, findTable(workbook, 'Initiatives')!);
    const binding = after.rows.map((r) => r[after.headers.indexOf('Binding constraint')]);
    expect(binding).toContain('=Legal (needs 3 weeks, 1 week left)');
  });

  test('every cell of the user’s own columns, and of the user’s other sheets, is unchanged', async () => {
    const workbook = sampleWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 0, 0, [['my notes', 42]]);
    const portfolioBefore = sheetValues(workbook, 'Portfolio');
    const notesBefore = sheetValues(workbook, 'Sheet1');
    const capacityBefore = sheetValues(workbook, 'Capacity');
    await run(memoryPort(workbook));
    const portfolioAfter = sheetValues(workbook, 'Portfolio');
    expect(portfolioAfter.map((r) => r.slice(0, portfolioBefore[0]!.length))).toEqual(portfolioBefore);
    expect(sheetValues(workbook, 'Sheet1')).toEqual(notesBefore);
    expect(sheetValues(workbook, 'Capacity')).toEqual(capacityBefore);
  });

  test('a user’s cell beside the table moves right with the new columns and keeps its value', async () => {
    const workbook = workbookWith(table([named('Alpha')]), capacity({}));
    const width = findTable(workbook, 'Initiatives')!.columns;
    writeBlock(sheetOf(workbook, 'Portfolio'), 1, width + 1, [['keep me']]);
    await run(memoryPort(workbook));
    expect(getCell(sheetOf(workbook, 'Portfolio'), 1, width + 1 + outputHeaders.length).value).toBe('keep me');
  });
});

describe('a write that must not happen', () => {
  const unchanged = (workbook: MemoryWorkbook, before: ReturnType<typeof saveState>) => {
    const { version: _v1, ...now } = saveState(workbook);
    const { version: _v2, ...then } = before;
    expect(now).toEqual(then);
  };

  test('a row a co-author added between read and write stops the write and nothing changes', async () => {
    const workbook = sampleWorkbook();
    workbook.beforeNextWrite = (wb) => {
      const t = findTable(wb, 'Initiatives')!;
      writeBlock(sheetOf(wb, 'Portfolio'), t.row + t.rows, 1, [['Late addition']]);
      t.rows += 1;
    };
    const port = memoryPort(workbook);
    const snapshot = await port.read();
    const result = await run(port);
    expect(result.kind).toBe('not-written');
    expect(result.kind === 'not-written' && result.outcome.problem.kind).toBe('changed');
    expect(findSheet(workbook, CHANGE_IMPACT_SHEET)).toBeUndefined();
    expect(rawTable(workbook, findTable(workbook, 'Initiatives')!).headers).toEqual(snapshot.initiatives!.headers);
  });

  test('a rating edited between read and write stops the write', async () => {
    const workbook = sampleWorkbook();
    workbook.beforeNextWrite = (wb) => writeBlock(sheetOf(wb, 'Portfolio'), 3, 6, [[1]]);
    const result = await run(memoryPort(workbook));
    expect(result.kind === 'not-written' && result.outcome.problem.kind).toBe('changed');
  });

  test('an edit in one of the add-in’s own output columns does not count as a change', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await run(port);
    const t = findTable(workbook, 'Initiatives')!;
    workbook.beforeNextWrite = (wb) => writeBlock(sheetOf(wb, 'Portfolio'), 2, t.column + t.columns - 1, [['scribble']]);
    expect((await run(port)).kind).toBe('written');
  });

  test('in cell-edit mode the write returns the editing problem and changes nothing', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    const snapshot = await port.read();
    workbook.editing = true;
    const before = saveState(workbook);
    const result = await runPlanWithSnapshot(port, snapshot);
    expect(result).toEqual({ ok: false, problem: { kind: 'editing', message: expect.stringContaining('finish typing in a cell') } });
    unchanged(workbook, before);
  });

  test('a user’s own sheet called Change impact is never overwritten: the write asks for another name', async () => {
    const workbook = sampleWorkbook();
    const mine = workbook.sheets[workbook.sheets.push({ ...sheetOf(workbook, 'Sheet1'), name: CHANGE_IMPACT_SHEET, grid: [[{ value: 'My analysis', format: null }]] }) - 1]!;
    const before = saveState(workbook);
    const result = await run(memoryPort(workbook));
    expect(result.kind === 'not-written' && result.outcome.problem).toEqual({ kind: 'name-taken', sheet: CHANGE_IMPACT_SHEET, role: 'changeImpact', message: expect.stringContaining('the prioritiser did not make') });
    unchanged(workbook, before);
    expect(mine.grid[0]![0]!.value).toBe('My analysis');
  });

  test('with the user’s agreement the Change impact sheet goes under another name and the user’s sheet stays', async () => {
    const workbook = sampleWorkbook();
    workbook.sheets.push({ ...sheetOf(workbook, 'Sheet1'), name: CHANGE_IMPACT_SHEET, grid: [[{ value: 'My analysis', format: null }]] });
    const result = written(await run(memoryPort(workbook), { write: { sheetNames: { changeImpact: 'Change impact (2)' } } }));
    expect(result.outcome.sheetsWritten).toContain('Change impact (2)');
    expect(sheetValues(workbook, CHANGE_IMPACT_SHEET)).toEqual([['My analysis']]);
  });

  test('a user’s own sheet called Decision log is never appended to', async () => {
    const workbook = sampleWorkbook();
    workbook.sheets.push({ ...sheetOf(workbook, 'Sheet1'), name: DECISION_LOG_SHEET, grid: [[{ value: 'Minutes', format: null }]] });
    const result = await run(memoryPort(workbook));
    expect(result.kind === 'not-written' && result.outcome.problem).toMatchObject({ kind: 'name-taken', sheet: DECISION_LOG_SHEET });
  });

  test('a failure half way through leaves the workbook as it was', async () => {
    const workbook = sampleWorkbook();
    // A table to the right that the new output columns would have to split: Excel refuses that insert.
    const t = findTable(workbook, 'Initiatives')!;
    workbook.tables.push({ name: 'Blocker', sheet: 'Portfolio', row: 0, column: t.columns + 2, rows: 40, columns: 1 });
    const before = saveState(workbook);
    await expect(run(memoryPort(workbook))).rejects.toThrow('split table Blocker');
    unchanged(workbook, before);
  });

  test('the text output columns carry the Text format, so later edits there stay text too', async () => {
    const workbook = workbookWith(table([named('@risk')]), capacity({}));
    await run(memoryPort(workbook));
    const t = findTable(workbook, 'Initiatives')!;
    const headers = rawTable(workbook, t).headers;
    const why = getCell(sheetOf(workbook, 'Portfolio'), 1, headers.indexOf('Why'));
    expect(why.format).toBe(TEXT_FORMAT);
    expect(typeof why.value).toBe('string');
  });
});

/** Plan from an earlier snapshot and write it now: what happens when the workbook changed state in between. */
async function runPlanWithSnapshot(port: ReturnType<typeof memoryPort>, snapshot: Awaited<ReturnType<ReturnType<typeof memoryPort>['read']>>) {
  const { prioritise } = await import('../../../src/engine/plan');
  const { planLayout } = await import('../../../src/layout/planLayout');
  const plan = prioritise(snapshot, { now: '2026-01-01T00:00:00Z' });
  return port.write(plan, planLayout(plan), snapshot.fingerprint);
}
