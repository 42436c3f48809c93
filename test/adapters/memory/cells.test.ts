import { storedLikeExcel, writeBlock, setValue } from '../../../src/adapters/memory/cells';
import { emptySheet, getCell } from '../../../src/adapters/memory/model';
import { TEXT_FORMAT } from '../../../src/layout/grid';

describe('values written as Range.values writes them', () => {
  test('text starting with = in a General cell becomes a formula, as in Excel', () => {
    expect(storedLikeExcel('=HYPERLINK("http://x","y")', null)).toEqual({ value: '#NAME?', formula: '=HYPERLINK("http://x","y")' });
  });

  test.each(['+SUM(1,2)', '-abc', '@name'])('text %s in a General cell becomes a formula', (text) => {
    expect(storedLikeExcel(text, null).formula).toBe(text);
  });

  test('text starting with = in a Text-format cell stays that text', () => {
    expect(storedLikeExcel('=HYPERLINK("http://x","y")', TEXT_FORMAT)).toEqual({ value: '=HYPERLINK("http://x","y")' });
  });

  test('numeric text in a General cell becomes a number', () => {
    expect(storedLikeExcel('-12.5', null)).toEqual({ value: -12.5 });
  });

  test('numeric text in a Text-format cell stays text', () => {
    expect(storedLikeExcel('007', TEXT_FORMAT)).toEqual({ value: '007' });
  });

  test('TRUE typed as text in a General cell becomes a boolean', () => {
    expect(storedLikeExcel('true', null)).toEqual({ value: true });
  });

  test('null clears the cell', () => {
    expect(storedLikeExcel(null, null)).toEqual({ value: '' });
  });

  test('a lone minus sign stays text', () => {
    expect(storedLikeExcel('-', null)).toEqual({ value: '-' });
  });
});

describe('writing blocks', () => {
  test('a block sets each cell’s format before its value, so formula-like text lands as text', () => {
    const sheet = emptySheet('S');
    writeBlock(sheet, 2, 1, [['=1+1', 5]], [[TEXT_FORMAT, '0.0']]);
    expect(getCell(sheet, 2, 1)).toEqual({ value: '=1+1', format: TEXT_FORMAT });
    expect(getCell(sheet, 2, 2)).toEqual({ value: 5, format: '0.0' });
  });

  test('writing a plain value over a formula removes the formula', () => {
    const sheet = emptySheet('S');
    setValue(sheet, 0, 0, '=A2');
    setValue(sheet, 0, 0, 'plain');
    expect(getCell(sheet, 0, 0)).toEqual({ value: 'plain', format: null });
  });

  test('writing keeps the cell’s style', () => {
    const sheet = emptySheet('S');
    sheet.grid[0] = [{ value: 'Head', format: null, style: 'header' }];
    setValue(sheet, 0, 0, 'New');
    expect(getCell(sheet, 0, 0).style).toBe('header');
  });
});
