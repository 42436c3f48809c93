import { formatBlocks } from '../../../src/adapters/office/writeSheet';
import { widthPoints } from '../../../src/adapters/office/styles';

describe('formatBlocks', () => {
  it('joins equal formats running down a column into one block', () => {
    expect(formatBlocks([['@', '0'], ['@', '0'], ['@', '0.0']])).toEqual([
      { row: 0, column: 0, rows: 3, format: '@' },
      { row: 0, column: 1, rows: 2, format: '0' },
      { row: 2, column: 1, rows: 1, format: '0.0' },
    ]);
  });

  it('writes nothing for General (null) cells and starts a new block after one', () => {
    expect(formatBlocks([['@'], [null], ['@']])).toEqual([
      { row: 0, column: 0, rows: 1, format: '@' },
      { row: 2, column: 0, rows: 1, format: '@' },
    ]);
  });

  it('covers ragged rows, a short row counting as General beyond its end', () => {
    expect(formatBlocks([['@'], ['@', '0']])).toEqual([
      { row: 0, column: 0, rows: 2, format: '@' },
      { row: 1, column: 1, rows: 1, format: '0' },
    ]);
  });
});

describe('widthPoints', () => {
  it('turns a width in characters into points as Excel measures the default font', () => {
    expect(widthPoints(10)).toBe(56.25);
  });
});
