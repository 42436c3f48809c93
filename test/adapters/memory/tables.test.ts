import { createWorkbook, getCell, sheetOf, findTable } from '../../../src/adapters/memory/model';
import { writeBlock } from '../../../src/adapters/memory/cells';
import { appendColumns, appendRow, createTable, currentRegion, rawTable, sortRows } from '../../../src/adapters/memory/tables';
import { addTable, sheetValues } from './memoryBuilders';

function twoByThree() {
  const workbook = createWorkbook(['S']);
  addTable(workbook, { sheet: 'S', name: 'T', headers: ['A', 'B'], rows: [[1, 'x'], [2, 'y'], [3, 'z']], origin: { row: 1, column: 1 } });
  return workbook;
}

describe('memory tables', () => {
  test('a table reads as headers, body rows and the header row’s position', () => {
    const workbook = twoByThree();
    expect(rawTable(workbook, findTable(workbook, 'T')!)).toEqual({
      sheet: 'S',
      name: 'T',
      headers: ['A', 'B'],
      rows: [[1, 'x'], [2, 'y'], [3, 'z']],
      origin: { row: 1, column: 1 },
    });
  });

  test('table names are found ignoring case, as Excel does', () => {
    expect(findTable(twoByThree(), 't')?.name).toBe('T');
  });

  test('a second table with the same name is refused', () => {
    const workbook = twoByThree();
    expect(() => createTable(workbook, { name: 't', sheet: 'S', row: 10, column: 0, rows: 2, columns: 1 })).toThrow('already exists');
  });

  test('a table overlapping another is refused', () => {
    const workbook = twoByThree();
    expect(() => createTable(workbook, { name: 'U', sheet: 'S', row: 2, column: 2, rows: 2, columns: 2 })).toThrow('overlaps');
  });

  test('appending columns shifts the cells right of the table’s rows and leaves other rows alone', () => {
    const workbook = twoByThree();
    const sheet = sheetOf(workbook, 'S');
    writeBlock(sheet, 2, 3, [['note']]); // right of the table, in its rows
    writeBlock(sheet, 6, 3, [['below']]); // right of the table's columns, below it
    appendColumns(workbook, findTable(workbook, 'T')!, ['C', 'D']);
    expect(getCell(sheet, 2, 5).value).toBe('note');
    expect(getCell(sheet, 2, 3).value).toBe('');
    expect(getCell(sheet, 6, 3).value).toBe('below');
    expect(rawTable(workbook, findTable(workbook, 'T')!).headers).toEqual(['A', 'B', 'C', 'D']);
  });

  test('appending columns moves a table that sits wholly to the right', () => {
    const workbook = twoByThree();
    addTable(workbook, { sheet: 'S', name: 'Right', headers: ['R'], rows: [['r']], origin: { row: 1, column: 5 } });
    appendColumns(workbook, findTable(workbook, 'T')!, ['C']);
    expect(findTable(workbook, 'Right')!.column).toBe(6);
    expect(rawTable(workbook, findTable(workbook, 'Right')!).rows).toEqual([['r']]);
  });

  test('appending columns that would split another table is refused', () => {
    const workbook = twoByThree();
    addTable(workbook, { sheet: 'S', name: 'Tall', headers: ['R'], rows: [['r'], ['s'], ['t'], ['u']], origin: { row: 0, column: 5 } });
    expect(() => appendColumns(workbook, findTable(workbook, 'T')!, ['C'])).toThrow('split table Tall');
  });

  test('appending a row grows the table and moves cells below its columns down', () => {
    const workbook = twoByThree();
    const sheet = sheetOf(workbook, 'S');
    writeBlock(sheet, 5, 1, [['under']]);
    const at = appendRow(workbook, findTable(workbook, 'T')!);
    expect(at).toBe(5);
    expect(findTable(workbook, 'T')!.rows).toBe(5);
    expect(getCell(sheet, 6, 1).value).toBe('under');
  });

  test('sorting moves whole table rows, formats included, and keeps ties in their order', () => {
    const workbook = createWorkbook(['S']);
    addTable(workbook, { sheet: 'S', name: 'T', headers: ['K', 'Name'], rows: [[2, 'b'], [1, 'a'], [2, 'c']], origin: { row: 0, column: 0 } });
    const sheet = sheetOf(workbook, 'S');
    writeBlock(sheet, 1, 1, [['b']], [['@']]);
    writeBlock(sheet, 1, 3, [['outside']]);
    sortRows(workbook, findTable(workbook, 'T')!, (row) => row[0] as number);
    expect(sheetValues(workbook, 'S').map((r) => r.slice(0, 2))).toEqual([['K', 'Name'], [1, 'a'], [2, 'b'], [2, 'c']]);
    expect(getCell(sheet, 2, 1).format).toBe('@');
    expect(getCell(sheet, 1, 3).value).toBe('outside');
  });

  test('the current region of one cell is the block of filled cells around it', () => {
    const workbook = createWorkbook(['S']);
    const sheet = sheetOf(workbook, 'S');
    writeBlock(sheet, 2, 2, [['H1', 'H2'], ['a', 'b'], ['c', '']]);
    writeBlock(sheet, 8, 8, [['far']]);
    expect(currentRegion(workbook, 'S', 3, 3)).toEqual({ row: 2, column: 2, rows: 3, columns: 2 });
  });
});
