import { dateToSerial, toCellValue } from '../../../src/adapters/exceljs/cellValue';

describe('toCellValue', () => {
  it('gives a formula its cached result', () => {
    expect(toCellValue({ formula: 'A1*2', result: 42 }, false)).toBe(42);
  });

  it('gives a shared formula its cached result', () => {
    expect(toCellValue({ sharedFormula: 'B2', result: 'Yes' } as never, false)).toBe('Yes');
  });

  it('reads a formula that evaluated to an error as the error text', () => {
    expect(toCellValue({ formula: 'VLOOKUP(A1,B:C,2,0)', result: { error: '#N/A' } } as never, false)).toBe('#N/A');
  });

  it('reads a formula saved without a result as blank, never as a guess', () => {
    expect(toCellValue({ formula: 'A1*2' } as never, false)).toBe('');
  });

  it('joins rich text runs into plain text', () => {
    expect(toCellValue({ richText: [{ text: 'Credit ' }, { text: 'limit', font: { bold: true } }] }, false)).toBe('Credit limit');
  });

  it('reads a hyperlink as its text', () => {
    expect(toCellValue({ text: 'Policy', hyperlink: 'https://example.com' }, false)).toBe('Policy');
  });

  it('reads a hyperlink whose text is rich text as plain text', () => {
    expect(toCellValue({ text: { richText: [{ text: 'Po' }, { text: 'licy' }] }, hyperlink: 'https://example.com' } as never, false)).toBe('Policy');
  });

  it('reads an error cell as its text', () => {
    expect(toCellValue({ error: '#DIV/0!' } as never, false)).toBe('#DIV/0!');
  });

  it('reads an empty cell as blank', () => {
    expect(toCellValue(null, false)).toBe('');
  });

  it('keeps numbers, text and booleans as they are', () => {
    expect([toCellValue(1.5, false), toCellValue('=HYPERLINK("x")', false), toCellValue(true, false)]).toEqual([1.5, '=HYPERLINK("x")', true]);
  });

  it('turns a date into its Excel serial number', () => {
    expect(toCellValue(new Date(Date.UTC(2026, 0, 1)), false)).toBe(46023);
  });

  it('counts dates from 1904 in a workbook that uses the 1904 date system', () => {
    expect(toCellValue(new Date(Date.UTC(2026, 0, 1)), true)).toBe(46023 - 1462);
  });

  it('keeps the time of day in the serial number', () => {
    expect(dateToSerial(new Date(Date.UTC(2026, 0, 1, 18)), false)).toBe(46023.75);
  });
});
