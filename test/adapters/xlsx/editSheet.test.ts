// Cell edits to a user's worksheet part: what is written changes, the rest of each row stays as written.

import { setCell, setWidths, styleAt, writeCells, writeCellsTo, type CellWrites } from '../../../src/adapters/xlsx/editSheet';

const sheet = (rows: string): string => `<worksheet><dimension ref="A1:B2"/><sheetData>${rows}</sheetData><pageMargins left="0.7"/></worksheet>`;

const writes = (...cells: [row: number, column: number, xml: string][]): CellWrites => {
  const map: CellWrites = new Map();
  for (const [row, column, xml] of cells) setCell(map, row, column, xml);
  return map;
};

test('cells added after a row’s last cell leave its own cells byte for byte, and drop the stale spans', () => {
  const own = '<c r="A1" s="2" t="s"><v>0</v></c>\n  <c r="B1"><v>5</v></c>';
  const xml = sheet(`<row r="1" spans="1:2">${own}</row>`);
  const out = writeCells(xml, writes([1, 3, '<c r="D1"><v>9</v></c>'], [1, 2, '<c r="C1"><v>8</v></c>']));
  expect(out).toBe(sheet(`<row r="1">${own}<c r="C1"><v>8</v></c><c r="D1"><v>9</v></c></row>`));
});

test('a cell written among a row’s cells replaces its own, and cells without an address get theirs', () => {
  const xml = sheet('<row r="2"><c s="1"><v>1</v></c><c><v>2</v></c><c r="C2"><v>3</v></c></row>');
  const out = writeCells(xml, writes([2, 1, '<c r="B2"><v>7</v></c>']));
  expect(out).toBe(sheet('<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2"><v>7</v></c><c r="C2"><v>3</v></c></row>'));
});

test('a row whose last cell has no address is taken apart, so the new cell lands after it', () => {
  const xml = sheet('<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row>');
  const out = writeCells(xml, writes([1, 2, '<c r="C1"><v>3</v></c>']));
  expect(out).toBe(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'));
});

test('a blank write removes a cell; rows not there yet are added in order', () => {
  const xml = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>');
  const out = writeCells(xml, writes([1, 1, ''], [2, 0, '<c r="A2"><v>9</v></c>'], [4, 0, '<c r="A4"><v>4</v></c>']));
  expect(out).toBe(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>9</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>'));
});

test('styleAt reads the style index of a cell, 0 for one absent or unstyled', () => {
  const xml = sheet('<row r="1"><c r="A1" s="4"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="B2" s="7"/></row>');
  expect(styleAt(xml, 1, 0)).toBe(4);
  expect(styleAt(xml, 1, 1)).toBe(0);
  expect(styleAt(xml, 2, 1)).toBe(7);
  expect(styleAt(xml, 2, 0)).toBe(0);
  expect(styleAt(xml, 5, 0)).toBe(0);
  expect(styleAt('<worksheet><sheetData/></worksheet>', 1, 0)).toBe(0);
});

test('writes made row by row as the sheet is written give the same sheet as the same writes made up front', () => {
  const xml = sheet('<row r="1" spans="1:2"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>3</v></c></row>');
  const upFront = writes([1, 2, '<c r="C1"><v>8</v></c>'], [2, 0, '<c r="A2"><v>2</v></c>'], [3, 1, '<c r="B3"><v>9</v></c>'], [5, 0, '<c r="A5"><v>5</v></c>']);
  const pieces: string[] = [];
  const asked: number[] = [];
  writeCellsTo(xml, { rows: [1, 2, 3, 5], cellsOf: (row) => (asked.push(row), upFront.get(row)!) }, (piece) => pieces.push(piece));
  expect(pieces.join('')).toBe(writeCells(xml, upFront));
  expect(asked).toEqual([1, 2, 3, 5]);
});

test("a column the add-in makes in a range the user hid is shown at its width; the rest of the range stays hidden", () => {
  const head = '<worksheet><cols><col min="1" max="3" width="14" customWidth="1" hidden="1"/><col min="4" max="16384" width="9" hidden="1"/></cols>';
  const out = setWidths(head, new Map([[5, 22]]));
  expect(out).toBe('<worksheet><cols><col min="1" max="3" width="14" customWidth="1" hidden="1"/><col min="4" max="4" width="9" hidden="1"/><col min="5" max="5" width="22" customWidth="1"/><col min="6" max="16384" width="9" hidden="1"/></cols>');
});
