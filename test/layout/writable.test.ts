// What a cell may hold when written: finite numbers, and text within Excel's 32,767 characters.

import fc from 'fast-check';
import { CUT_MARKER, EXCEL_TEXT_LIMIT, cutToCell, writable, type LayoutCell } from '../../src/layout/grid';

describe('writable cells', () => {
  test.each<[LayoutCell, LayoutCell]>([
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NEGATIVE_INFINITY, null],
    [1e308, 1e308],
    [0, 0],
    ['Commit', 'Commit'],
    [true, true],
    [null, null],
  ])('%p is written as %p', (value, expected) => {
    expect(writable(value)).toBe(expected);
  });

  test('text of exactly 32,767 characters is kept whole; one more is cut, ending with the marker', () => {
    const full = 'a'.repeat(EXCEL_TEXT_LIMIT);
    expect(writable(full)).toBe(full);
    const cut = writable(`${full}b`) as string;
    expect(cut).toHaveLength(EXCEL_TEXT_LIMIT);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(cut.startsWith('a'.repeat(1000))).toBe(true);
  });

  test('a cut never splits a character made of two code units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (shift) => {
        const text = `${'a'.repeat(shift)}${'😀'.repeat(EXCEL_TEXT_LIMIT)}`;
        const cut = cutToCell(text);
        const kept = cut.slice(0, -CUT_MARKER.length);
        return cut.length <= EXCEL_TEXT_LIMIT && !/[\ud800-\udbff]$/.test(kept) && text.startsWith(kept);
      }),
    );
  });
});
