import { prioritise } from '../../src/engine/plan';
import type { SheetLayout } from '../../src/layout/grid';
import { changedCellCount, layoutChanges, outputRuns, sheetChanges } from '../../src/layout/layoutChanges';
import { planLayout } from '../../src/layout/planLayout';
import { named, workbook, type RowSpec } from '../builders';

const rows: RowSpec[] = [
  named('Invoice matching', { 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 4 }),
  named('Claims triage', { 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 4 }),
  named('Churn alerts', { 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 4 }),
];
const layoutOf = (legal: number, at = '2026-11-23T10:00:00Z', input = rows) => planLayout(prioritise(workbook(input, { Legal: legal }), { now: at }));

const sheet = (values: (string | number | null)[][], extra: Partial<SheetLayout> = {}): SheetLayout => ({
  name: 'S',
  values,
  formats: values.map((r) => r.map(() => null)),
  widths: [10, 10],
  styles: [],
  conditionalFormats: [],
  tables: [],
  charts: [],
  freezeRows: 0,
  ...extra,
});

describe('output runs', () => {
  test('the same plan again changes no output cell', () => {
    expect(outputRuns(layoutOf(8).outputs, layoutOf(8).outputs)).toEqual([]);
  });

  test('only the cells that differ are in the runs, by output column', () => {
    const runs = outputRuns(layoutOf(8).outputs, layoutOf(12).outputs);
    if (runs === 'all') throw new Error('expected runs');
    const decision = runs.find((r) => r.key === 'decision');
    expect(decision).toEqual({ key: 'decision', row: 2, values: ['Commit'] });
    expect(runs.find((r) => r.key === 'priority')).toBeUndefined();
    expect(runs.every((r) => r.row === 2)).toBe(true);
  });

  test('consecutive changed rows make one run', () => {
    const before = layoutOf(12).outputs;
    const after = layoutOf(0).outputs;
    const runs = outputRuns(before, after);
    if (runs === 'all') throw new Error('expected runs');
    expect(runs.find((r) => r.key === 'decision')).toEqual({ key: 'decision', row: 0, values: ['Deferred (capacity)', 'Deferred (capacity)', 'Deferred (capacity)'] });
  });

  test('a row added or removed means every output cell is written', () => {
    expect(outputRuns(layoutOf(8, undefined, rows.slice(0, 2)).outputs, layoutOf(8).outputs)).toBe('all');
  });
});

describe('sheet changes', () => {
  test('a sheet with the same cells is the same', () => {
    expect(sheetChanges(sheet([['a', 1]]), sheet([['a', 1]]))).toEqual({ kind: 'same' });
  });

  test('changed cells of a row are grouped into runs with their formats', () => {
    const changes = sheetChanges(sheet([['a', 1, 2, 'x', 3]]), sheet([['b', 1, 5, 'y', 3]]));
    expect(changes).toEqual({
      kind: 'cells',
      runs: [
        { row: 0, column: 0, values: ['b'], formats: [null] },
        { row: 0, column: 2, values: [5, 'y'], formats: [null, null] },
      ],
    });
  });

  test('a changed number format alone is a change', () => {
    const after = sheet([['a', 1]]);
    after.formats[0]![1] = '0%';
    expect(sheetChanges(sheet([['a', 1]]), after)).toEqual({ kind: 'cells', runs: [{ row: 0, column: 1, values: [1], formats: ['0%'] }] });
  });

  test('more rows, or other tables, charts or highlight rules, rebuild the sheet', () => {
    expect(sheetChanges(sheet([['a']]), sheet([['a'], ['b']]))).toEqual({ kind: 'rebuild' });
    expect(sheetChanges(sheet([['a']]), sheet([['a']], { tables: [{ name: 'T', row: 0, column: 0, rows: 1, columns: 1 }] }))).toEqual({ kind: 'rebuild' });
  });

  test('a re-run an hour later changes the Change impact sheet’s stamp, nothing else', () => {
    const changes = sheetChanges(layoutOf(8).changeImpact, layoutOf(8, '2026-11-23T11:00:00Z').changeImpact);
    expect(changes.kind).toBe('cells');
    expect(changes.kind === 'cells' && changes.runs.map((r) => [r.row, r.column])).toEqual([[1, 0]]);
  });
});

describe('layout changes', () => {
  test('with nothing written before, everything is written', () => {
    const next = layoutOf(8);
    const changes = layoutChanges(undefined, next);
    expect(changes).toEqual({ outputs: 'all', changeImpact: { kind: 'rebuild' } });
    expect(changedCellCount(changes, next)).toBeGreaterThan(3 * next.outputs.keys.length);
  });

  test('counts the cells a small change writes', () => {
    const next = layoutOf(8, '2026-11-23T11:00:00Z');
    expect(changedCellCount(layoutChanges(layoutOf(8), next), next)).toBe(1);
  });
});
