// Reading a block of cells out of a worksheet part, as the command's reader does.

import { readBlock } from '../../../src/adapters/xlsx/cells';

const context = { strings: ['Name'], date1904: false };
const sheet = (rows: string): string => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

test('the columns beside a table read as blank, and a value there is found, addressed or not', () => {
  const xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="D2"><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c><c><v>5</v></c><c><v>6</v></c></row><row r="4"/>');
  const beside = readBlock(xml, { top: 1, bottom: 4, left: 3, right: 4 }, context);
  expect(beside.values).toEqual([
    ['', ''],
    ['', 4],
    [6, ''],
    ['', ''],
  ]);
  expect(beside.lastRow).toBe(4);
  expect(readBlock(xml, { top: 1, bottom: 1, left: 1, right: 2 }, context).values).toEqual([['Name', 1]]);
});
