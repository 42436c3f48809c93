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

test('each kind of cell reads as Excel shows it: shared and inline text, numbers, booleans, errors, dates, cached formula results', () => {
  const context1904 = { strings: ['Shared'], date1904: true };
  const row =
    '<c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>In</t><r><t>line</t></r></is></c><c r="C1" s="3"><v> 12.5 </v></c>' +
    '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>Shared&amp;x</v></c>' +
    '<c r="G1" t="d"><v>1904-01-02T00:00:00</v></c><c r="H1"><f>1/0</f></c><c r="I1"><v/></c><c r="J1" t=""><v>7</v></c>' +
    '<c r="K1"><v xml:space="preserve">8</v></c><c r="L1" t="n"><v>abc</v></c><c r="M1"/>';
  const { values } = readBlock(sheet(`<row r="1">${row}</row>`), { top: 1, bottom: 1, left: 1, right: 13 }, context1904);
  expect(values[0]).toEqual(['Shared', 'Inline', 12.5, true, '#N/A', 'Shared&x', 1, '', '', 7, 8, '', '']);
});

test('a cell address that is not letters then digits is no address: the cell takes the next column', () => {
  const row = '<c r="B1"><v>1</v></c><c r="c1"><v>2</v></c><c r="D1x"><v>3</v></c><c r="F9"><v>4</v></c>';
  const { values } = readBlock(sheet(`<row r="1">${row}</row>`), { top: 1, bottom: 1, left: 1, right: 6 }, context);
  expect(values[0]).toEqual(['', 1, 2, 3, '', 4]);
});
