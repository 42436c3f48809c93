import { formatValue } from '../../src/preview/GridView/formatValue';
import { highlightFor, meets } from '../../src/preview/GridView/highlight';
import { GOOD, BAD } from '../../src/layout/grid';

describe('number formats as Excel shows them', () => {
  test.each([
    [1234.5, null, '1234.5'],
    [1234.5, '0', '1235'],
    [72.44, '0.0', '72.4'],
    [4800000, '#,##0', '4,800,000'],
    [12.25, '#,##0.0', '12.3'],
    [0.925, '0%', '93%'],
    [4800000, '"$"#,##0', '$4,800,000'],
    [-1500, '"$"#,##0', '-$1,500'],
    [46349.5, 'yyyy-mm-dd hh:mm', '2026-11-23 12:00'],
    [5, '@', '5'],
    // The add-in's own sheets leave a digit's width blank after each number; the grid pads its cells instead.
    [0.925, '0%_0', '93%'],
    [4800000, '"$"#,##0_0', '$4,800,000'],
    [38, '0_0', '38'],
    [46349.5, 'yyyy-mm-dd hh:mm_0', '2026-11-23 12:00'],
  ])('%s in %s shows as %s', (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  test('text and booleans show as themselves', () => {
    expect(formatValue('=HYPERLINK("x")', '0')).toBe('=HYPERLINK("x")');
    expect(formatValue(true, null)).toBe('TRUE');
  });
});

describe('conditional-format colours', () => {
  const formats = [{ row: 1, column: 2, rows: 3, rules: [{ equals: 'Commit', ...GOOD }, { min: 1, ...BAD }] }];

  test('a cell in the range meeting a rule gets its colours, ignoring case as Excel does', () => {
    expect(highlightFor(formats, 2, 2, 'commit')).toEqual(GOOD);
    expect(highlightFor(formats, 3, 2, 1.2)).toEqual(BAD);
  });

  test('a cell outside the range or meeting no rule keeps its own colours', () => {
    expect(highlightFor(formats, 4, 2, 'Commit')).toBeUndefined();
    expect(highlightFor(formats, 2, 3, 'Commit')).toBeUndefined();
    expect(highlightFor(formats, 2, 2, 0.5)).toBeUndefined();
  });

  test('a number range never matches text', () => {
    expect(meets({ min: 0, below: 1, ...GOOD }, '0.5')).toBe(false);
  });
});
