// Amounts that are not numbers (issue 15): a 400-digit amount, cells of 1e308 that would add up to
// Infinity, "€1.234". Each is a problem naming its cell; its row is never committed on a value it
// does not have, and nothing written is NaN or Infinity.

import { prioritise, type Plan } from '../../src/engine/plan';
import { planLayout } from '../../src/layout/planLayout';
import type { LayoutCell } from '../../src/layout/grid';
import { NOW, named, workbook } from '../builders';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';

const HUGE_TEXT = `9${'0'.repeat(399)}`;

function plan(): Plan {
  return prioritise(
    workbook(
      [
        named('Huge text', { ID: 'H-1', 'Annual value': HUGE_TEXT }),
        named('Huge cell', { ID: 'H-2', 'Annual value': 1e308 }),
        named('Huge too', { ID: 'H-3', 'Annual value': 1e308, Legal: 1e308 }),
        named('Euro dot', { ID: 'E-1', 'Annual value': '€1.234' }),
        named('Plain', { ID: 'P-1', 'Annual value': 2_000_000 }),
      ],
      { Legal: 10 },
    ),
    { now: NOW },
  );
}

const allCells = (rows: LayoutCell[][]): LayoutCell[] => rows.flat();

describe('amounts that are not numbers', () => {
  test('each is a problem naming its sheet, column and cell', () => {
    const issues = plan().issues.filter((i) => i.column === 'Annual value' || i.column === 'Legal');
    expect(issues.map((i) => [i.cell, i.severity])).toEqual([
      ['F2', 'error'],
      ['F3', 'error'],
      ['F4', 'error'],
      [expect.stringMatching(/^\w+4$/), 'error'],
      ['F5', 'error'],
    ]);
    expect(issues[0]?.message).toMatch(/^Annual value in Portfolio!F2 is "9000.*\.\.\."; expected a number of at most 15 digits/);
    expect(issues[4]?.message).toMatch(/Portfolio!F5 is "€1.234"; expected 1234 \(or 1,234\) if it means over a thousand/);
  });

  test('their rows are Invalid input, have no priority and are never committed; the plain row is', () => {
    const entries = plan().entries;
    for (const name of ['Huge text', 'Huge cell', 'Huge too', 'Euro dot']) {
      const entry = entries.find((e) => e.initiative.name === name)!;
      expect([entry.gate.gate, entry.priority, entry.initiative.annualValue]).toEqual(['Invalid input', undefined, undefined]);
      expect(entry.decision).not.toMatch(/Commit|Forced in/);
    }
    expect(entries.find((e) => e.initiative.name === 'Plain')?.decision).toBe('Commit');
  });

  test('the totals stay finite and nothing laid out for writing is NaN or Infinity', () => {
    const result = plan();
    expect(result.summary.committedValue).toBe(2_000_000);
    expect(Number.isFinite(result.summary.requestedValue)).toBe(true);
    const layout = planLayout(result);
    const cells = [
      ...allCells(layout.outputs.values),
      ...allCells(layout.changeImpact.values),
      ...allCells(layout.decisionLogSheet.values),
      ...layout.logRow.values,
    ];
    expect(cells.filter((c) => typeof c === 'number' && !Number.isFinite(c))).toEqual([]);
    expect(cells.filter((c) => typeof c === 'string' && /NaN|Infinity/.test(c))).toEqual([]);
  });
});

describe('numbers whose format says they are something else', () => {
  const formatted = (cells: Record<string, { value: number; format: string }>) => {
    const input = workbook([named('Formatted', { ID: 'F-1', Legal: 1 }), named('Plain', { ID: 'P-1', 'Annual value': 2_000_000, Legal: 1 })], { Legal: 10 });
    const table = input.initiatives;
    const formats = table.rows.map((row) => row.map(() => 'General'));
    for (const [header, { value, format }] of Object.entries(cells)) {
      const column = table.headers.indexOf(header);
      table.rows[0]![column] = value;
      formats[0]![column] = format;
    }
    return prioritise({ ...input, initiatives: { ...table, formats } }, { now: NOW });
  };

  it('a date in a money, rating or demand column is a problem naming its cell, not its serial number', () => {
    const result = formatted({ 'Annual value': { value: 45839, format: 'yyyy-mm-dd' }, 'Strategic fit': { value: 45658, format: 'd-mmm-yy' }, Legal: { value: 45658, format: 'mm-dd-yy' } });
    const problems = result.issues.filter((i) => i.rowIndex === 0 && i.severity === 'error');
    expect(problems.map((i) => i.column).sort()).toEqual(['Annual value', 'Legal', 'Strategic fit']);
    expect(problems.find((i) => i.column === 'Annual value')?.message).toContain('2025-07-01, a date');
    expect(result.assessments.find((a) => a.initiative.rowIndex === 0)?.gate.gate).toBe('Invalid input');
  });

  it('a rating shown as 150% is refused, one shown as 50% reads as 3 of 5, and a demand of 50% as half a unit', () => {
    expect(formatted({ 'Strategic fit': { value: 1.5, format: '0%' } }).issues.find((i) => i.column === 'Strategic fit')?.message).toContain('"150%"');
    const half = formatted({ 'Strategic fit': { value: 0.5, format: '0%' }, Legal: { value: 0.5, format: '0%' } });
    const initiative = half.assessments.find((a) => a.initiative.rowIndex === 0)!.initiative;
    expect(initiative.strategicFit).toBe(3);
    expect(initiative.demand).toEqual({ Legal: 0.5 });
  });

  it('a formula saved without its result, in a column the plan reads, is a problem naming its cell', () => {
    const input = workbook([named('Scripted', { ID: 'S-1', 'Annual value': '' }), named('Plain', { ID: 'P-1', 'Annual value': 2_000_000 })]);
    const column = input.initiatives.headers.indexOf('Annual value');
    const result = prioritise({ ...input, initiatives: { ...input.initiatives, uncalculated: [{ row: 0, column }] } }, { now: NOW });
    const problem = result.issues.find((i) => i.rowIndex === 0 && i.column === 'Annual value');
    expect(problem?.message).toMatch(/formula saved without its result/);
    expect(problem?.message).toContain(problem!.cell!);
    expect(result.assessments.find((a) => a.initiative.rowIndex === 0)?.gate.gate).toBe('Invalid input');
  });

  it('a formula saved without its result in the Capacity or settings table is said once, with its sheet, column and cell', () => {
    const input = workbook([named('Plain', { ID: 'P-1', 'Annual value': 2_000_000, Legal: 1 })], { Legal: 4, Security: 2 }, { 'In-flight limit': '' });
    const capacityColumn = input.capacity.headers.indexOf('Capacity');
    const settings = input.settings!;
    const result = prioritise(
      {
        ...input,
        capacity: { ...input.capacity, rows: input.capacity.rows.map((row, r) => (r === 0 ? row.map((cell, c) => (c === capacityColumn ? '' : cell)) : row)), uncalculated: [{ row: 0, column: capacityColumn }] },
        settings: { ...settings, uncalculated: [{ row: 0, column: settings.headers.indexOf('Value') }] },
      },
      { now: NOW },
    );
    const formulas = result.issues.filter((i) => /formula saved without its result/.test(i.message));
    expect(formulas.map((i) => [i.sheet, i.column, i.cell]).sort()).toEqual([
      [input.capacity.sheet, 'Capacity', `${String.fromCharCode(65 + input.capacity.origin.column + capacityColumn)}${input.capacity.origin.row + 2}`],
      [settings.sheet, 'Value', `${String.fromCharCode(65 + settings.origin.column + settings.headers.indexOf('Value'))}${settings.origin.row + 2}`],
    ]);
    // In place of "Legal has no capacity", not beside it; the team still counts as 0 and the setting keeps its default.
    expect(result.issues.filter((i) => i.code === 'invalid-capacity')).toHaveLength(1);
    expect(result.settings.inFlightLimit).toBe(DEFAULT_SETTINGS.inFlightLimit);
  });
});
