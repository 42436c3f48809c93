// Reading a block of cells out of a worksheet part, as the command's reader does.

import fc from 'fast-check';
import { cellsOfRow, cellValue, lastColumn, readBlock, rowsOf, sharedStrings, sheetDataBounds, type CellContext, type SheetRow } from '../../../src/adapters/xlsx/cells';
import type { CellValue } from '../../../src/engine/types';

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

describe('reading by index gives what taking the rows and cells apart gives', () => {
  // The reader as it was written first, on rowsOf and cellsOfRow, less its skipping of rows left of the block (which
  // took the last cell's column from a slice, so a last cell with a malformed address read as column A): what readBlock returns.
  function byParts(xml: string, box: { top: number; bottom: number; left: number; right: number }, context: CellContext, styled?: { columns: Set<number>; styles: number[][] }, uncalculated?: { row: number; column: number }[]) {
    const bounds = sheetDataBounds(xml);
    const width = box.right - box.left + 1;
    const values: CellValue[][] = [];
    let lastRow = 0;
    let cellsRight = false;
    if (bounds) {
      for (const row of rowsOf(xml.slice(bounds.start, bounds.end))) {
        lastRow = row.row;
        if (row.row < box.top || row.row > box.bottom) continue;
        const cells = new Array<CellValue>(width).fill('');
        values[row.row - box.top] = cells;
        for (const cell of cellsOfRow(row.content)) {
          if (cell.column + 1 > box.right) cellsRight = true;
          if (cell.column + 1 >= box.left && cell.column + 1 <= box.right) {
            const value = cellValue(cell, context);
            cells[cell.column + 1 - box.left] = value;
            if (value === '' && uncalculated && cell.body.includes('<f') && !/<v[\s>/]/.test(cell.body)) uncalculated.push({ row: row.row, column: cell.column + 1 });
          }
          if (styled?.columns.has(cell.column + 1)) (styled.styles[row.row - box.top] ??= [])[cell.column + 1 - box.left] = Number(/(?:^|\s)s="(\d+)"/.exec(cell.attributes)?.[1] ?? 0);
        }
      }
    }
    const height = Math.min(box.bottom, Math.max(lastRow, box.top)) - box.top + 1;
    const full: CellValue[][] = [];
    for (let i = 0; i < Math.max(0, height); i++) full.push(values[i] ?? new Array<CellValue>(width).fill(''));
    return { values: full, lastRow, cellsRight };
  }

  const strings = ['Alpha', 'Beta &amp; co', ''];
  const cell = fc.record({
    address: fc.constantFrom('none', 'valid', 'lower', 'bad'),
    type: fc.constantFrom(undefined, 's', 'n', 'str', 'b', 'e', 'inlineStr', 'd', ''),
    style: fc.option(fc.nat(40), { nil: undefined }),
    content: fc.constantFrom('self', '<v>1</v>', '<v>0</v>', '<v> 12.5 </v>', '<v></v>', '<v/>', '<v>abc</v>', '<v>2</v>', '<f>A1</f>', '<f>A1</f><v>7</v>', '<v>1904-01-02T00:00:00</v>', '<is><t>In</t><r><rPr><color rgb="FF0000"/></rPr><t>line</t></r></is>', '<v>123456789012345678</v>'),
    skip: fc.nat(3),
    // The start tag's attributes in any order, among others whose names end in r, s or t (read by name, not by position).
    order: fc.constantFrom('rst', 'tsr', 'srt', 'trs'),
    others: fc.constantFrom('', ' cm="1"', ' x14ac:dyDescent="0.25"', ' vm="2" xr:uid="{T}"'),
  });
  const row = fc.record({ numbered: fc.boolean(), gap: fc.nat(2), selfClosed: fc.boolean(), spans: fc.boolean(), cells: fc.array(cell, { maxLength: 8 }) });
  const letters = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));

  type RowSpec = typeof row extends fc.Arbitrary<infer T> ? T : never;

  function sheetOf(rows: RowSpec[]): string {
    let number = 0;
    const xml = rows.map((r) => {
      number += 1 + (r.numbered ? r.gap : 0);
      let column = 0;
      const cells = r.cells.map((c) => {
        column += c.address === 'none' ? 0 : c.skip;
        const ref = c.address === 'valid' ? ` r="${letters(column)}${number}"` : c.address === 'lower' ? ` r="${letters(column).toLowerCase()}${number}"` : c.address === 'bad' ? ` r="${letters(column)}${number}x"` : '';
        column++;
        const named: Record<string, string> = { r: ref, s: c.style === undefined ? '' : ` s="${c.style}"`, t: c.type === undefined ? '' : ` t="${c.type}"` };
        const attributes = `${named[c.order[0]!]}${c.others}${named[c.order[1]!]}${named[c.order[2]!]}`;
        return c.content === 'self' ? `<c${attributes}/>` : `<c${attributes}>${c.content}</c>`;
      });
      const open = `<row${r.numbered ? ` r="${number}"` : ''}${r.spans ? ' spans="1:9" x14ac:dyDescent="0.25"' : ''}`;
      return r.selfClosed && cells.length === 0 ? `${open}/>` : `${open}>${cells.join('')}</row>`;
    });
    return `<worksheet><sheetData>${xml.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
  }

  test('for any rows, block and columns whose styles are wanted', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.nat(14), fc.nat(6), fc.nat(10), fc.nat(6), fc.boolean(), fc.boolean(), (rows, top, height, left, width, withStyles, date1904) => {
        const xml = sheetOf(rows);
        const box = { top: top + 1, bottom: top + 1 + height, left: left + 1, right: left + 1 + width };
        const context = { strings, date1904 };
        const columns = new Set([box.left, box.left + 2]);
        const styled = withStyles ? { columns, styles: [] as number[][] } : undefined;
        const styledBefore = withStyles ? { columns, styles: [] as number[][] } : undefined;
        const uncalculated: { row: number; column: number }[] = [];
        const uncalculatedBefore: { row: number; column: number }[] = [];
        expect(readBlock(xml, box, context, styled, uncalculated)).toEqual(byParts(xml, box, context, styledBefore, uncalculatedBefore));
        expect(styled?.styles).toEqual(styledBefore?.styles);
        expect(uncalculated).toEqual(uncalculatedBefore);
      }),
      { numRuns: 400 },
    );
  });

  // rowsOf as it was first written, with patterns: the rows the writer walks are the rows it found.
  function rowsByPattern(xml: string): SheetRow[] {
    const rows: SheetRow[] = [];
    let previous = 0;
    const pattern = /<row\b([^>]*?)(\/>|>)/g;
    for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
      const number = / r="(\d+)"/.exec(m[1]!);
      const row = number ? Number(number[1]) : previous + 1;
      previous = row;
      if (m[2] === '/>') {
        rows.push({ row, open: m[0], content: '', start: m.index, end: m.index + m[0].length });
        continue;
      }
      const close = xml.indexOf('</row>', m.index);
      const end = close === -1 ? xml.length : close + 6;
      rows.push({ row, open: m[0], content: xml.slice(m.index + m[0].length, close === -1 ? xml.length : close), start: m.index, end });
      pattern.lastIndex = end;
    }
    return rows;
  }

  /** The last cell cellsOfRow finds: its column when it has an address of letters then digits, -1 for no cell. */
  function lastByParts(content: string): number | undefined {
    const cells = cellsOfRow(content);
    const last = cells[cells.length - 1];
    return last === undefined ? -1 : /(?:^|\s)r="[A-Z]+\d*"/.test(last.attributes) ? last.column : undefined;
  }

  test('rows and each row\'s last column, read by index, are what the patterns and cellsOfRow find', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const xml = sheetOf(rows);
        const bounds = sheetDataBounds(xml)!;
        const data = xml.slice(bounds.start, bounds.end);
        const found = [...rowsOf(data)];
        expect(found).toEqual(rowsByPattern(data));
        for (const r of found) expect(lastColumn(r.content)).toBe(lastByParts(r.content));
      }),
      { numRuns: 400 },
    );
    const odd = '<rows/><row r="7" spans="1:2"><c r="B7"><v>1</v></c></row><rowBreaks/><row><c r="A8"/></row><row r="9"';
    expect([...rowsOf(odd)]).toEqual(rowsByPattern(odd));
  });
});

test('shared strings read the same whether an item is one plain <t> or runs', () => {
  const items = ['<si><t>Plain</t></si>', '<si><t xml:space="preserve"> Spaced &amp; </t></si>', '<si><t>A_x000D_B</t></si>', '<si/>', '<si><t/></si>', '<si><r><t>Ri</t></r><r><rPr><b/></rPr><t>ch</t></r></si>', '<si><t>Ka</t><rPh sb="0" eb="1"><t>カ</t></rPh><phoneticPr fontId="1"/></si>', '<si><t>After runs</t></si>', '<si><t\n>Odd</t></si>'];
  expect(sharedStrings(`<sst>${items.join('')}</sst>`)).toEqual(['Plain', ' Spaced & ', 'A\rB', '', '', 'Rich', 'Ka', 'After runs', 'Odd']);
});
