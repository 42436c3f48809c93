import fc from 'fast-check';
import { cellForExcel } from '../../../src/adapters/office/cells';
import { enter, type Cell } from './fakeExcel/model';

const typed = (value: unknown, format = 'General'): Cell => {
  const cell: Cell = { value: '', format, look: {} };
  enter(cell, cellForExcel(value as string));
  return cell;
};

describe('cellForExcel', () => {
  it.each(['=HYPERLINK("http://x","y")', '+44 20 7946 0000', '-fast track', '@mention', "'quoted"])(
    'quotes %s with an apostrophe so Excel stores the text itself',
    (text) => expect(cellForExcel(text)).toBe(`'${text}`),
  );

  it('leaves ordinary text, numbers and booleans as they are', () => {
    expect([cellForExcel('Commit'), cellForExcel(12.5), cellForExcel(true)]).toEqual(['Commit', 12.5, true]);
  });

  it('writes a blank as an empty string, because office.js leaves a cell unchanged for null', () => {
    expect([cellForExcel(null), cellForExcel(undefined)]).toEqual(['', '']);
  });

  it('writes a number Excel cannot hold (NaN, Infinity) as a blank', () => {
    expect([cellForExcel(Number.NaN), cellForExcel(Number.POSITIVE_INFINITY)]).toEqual(['', '']);
  });

  it('never lets any text become a formula, in a General cell', () => {
    fc.assert(fc.property(fc.string(), (text) => typed(text).formula === undefined));
  });

  it('keeps any text exactly, in a Text-formatted cell', () => {
    fc.assert(fc.property(fc.string(), (text) => typed(text, '@').value === text));
  });

  it('keeps text that Excel would read as a formula or lose an apostrophe of exactly, in a General cell', () => {
    fc.assert(fc.property(fc.constantFrom('=', '+', '-', '@', "'"), fc.string(), (first, rest) => typed(first + rest).value === first + rest));
  });
});
