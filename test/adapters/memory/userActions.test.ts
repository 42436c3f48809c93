import { activateSheet, enterText, selectRange, setEditing } from '../../../src/adapters/memory/userActions';
import { createWorkbook, getCell, sheetOf, subscribe } from '../../../src/adapters/memory/model';

describe('what a person does in the workbook', () => {
  test('selecting a range shows its sheet and tells the views', () => {
    const workbook = createWorkbook(['A', 'B']);
    const seen = jest.fn();
    subscribe(workbook, seen);
    selectRange(workbook, { sheet: 'B', row: 1, column: 2, rows: 3, columns: 1 });
    expect(workbook.activeSheet).toBe('B');
    expect(seen).toHaveBeenCalledTimes(1);
  });

  test('switching sheets selects A1 of that sheet', () => {
    const workbook = createWorkbook(['A', 'B']);
    activateSheet(workbook, 'B');
    expect(workbook.selection).toEqual({ sheet: 'B', row: 0, column: 0, rows: 1, columns: 1 });
  });

  test('entering text stores what Excel would and ends cell-edit mode', () => {
    const workbook = createWorkbook(['A']);
    setEditing(workbook, true);
    enterText(workbook, 'A', 0, 0, '3');
    expect(getCell(sheetOf(workbook, 'A'), 0, 0).value).toBe(3);
    expect(workbook.editing).toBe(false);
  });

  test('entering text on a sheet that does not exist is refused', () => {
    expect(() => enterText(createWorkbook(['A']), 'Z', 0, 0, 'x')).toThrow('no sheet named Z');
  });
});
