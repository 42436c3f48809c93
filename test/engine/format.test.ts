import { formatGap, listWords } from '../../src/engine/format';

describe('formatGap', () => {
  it('says 0% for a proven optimum', () => expect(formatGap(0)).toBe('0%'));
  it('keeps two decimals for a small gap', () => expect(formatGap(0.00042)).toBe('0.04%'));
  it('says under 0.01% for a gap too small to show', () => expect(formatGap(0.00000004)).toBe('under 0.01%'));
  it('keeps one decimal for a large gap', () => expect(formatGap(0.1234)).toBe('12.3%'));
});

describe('listWords', () => {
  test.each<[string[], string]>([
    [[], ''],
    [['Legal'], 'Legal'],
    [['Legal', 'Security'], 'Legal and Security'],
    [['Legal', 'Security', 'Data'], 'Legal, Security and Data'],
    [['A', 'B', 'C', 'D'], 'A, B, C and D'],
  ])('%j reads "%s"', (items, expected) => {
    expect(listWords(items)).toBe(expected);
  });
});
