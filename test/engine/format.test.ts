import fc from 'fast-check';
import { formatGap, formatMoney, listWords } from '../../src/engine/format';

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

describe('formatMoney', () => {
  // The rule as first written, before amounts that show the same were worded once.
  function asFirstWritten(amount: number, currency: string): string {
    const trim = (n: number) => {
      const rounded = Math.round(n * 10) / 10;
      return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
    };
    const sign = amount < 0 ? '-' : '';
    const value = Math.abs(amount);
    const short = (n: number, suffix: string) => `${sign}${currency}${trim(n)}${suffix}`;
    if (value >= 1e9) return short(value / 1e9, 'bn');
    if (value >= 1e6) return short(value / 1e6, 'M');
    if (value >= 1e3) return short(value / 1e3, 'k');
    return `${sign}${currency}${Math.round(value)}`;
  }

  test.each<[number, string]>([
    [0, '$0'],
    [950, '$950'],
    [999.6, '$1000'],
    [1_000, '$1k'],
    [300_000, '$300k'],
    [999_960, '$1000k'],
    [1_180_000, '$1.2M'],
    [1_240_000, '$1.2M'],
    [-2_500_000, '-$2.5M'],
    [3_000_000_000, '$3bn'],
  ])('%d reads %s', (amount, expected) => {
    expect(formatMoney(amount, '$')).toBe(expected);
  });

  test('says every amount as the rule first written did, in any currency', () => {
    const amount = fc.oneof(fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }), fc.double({ noNaN: true }), fc.constantFrom(999.95, 999_950, 1e21, -0));
    fc.assert(fc.property(amount, fc.constantFrom('$', '€', '£', 'CHF '), (a, currency) => formatMoney(a, currency) === asFirstWritten(a, currency)), { numRuns: 2000 });
  });
});
