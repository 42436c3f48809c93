// Numbers as a finance reader says them, for the plain-words outputs.

/** "$1.2M", "$300k", "$950". */
export function formatMoney(amount: number, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const value = Math.abs(amount);
  const short = (n: number, suffix: string) => `${sign}${currency}${trim(n)}${suffix}`;
  if (value >= 1e9) return short(value / 1e9, 'bn');
  if (value >= 1e6) return short(value / 1e6, 'M');
  if (value >= 1e3) return short(value / 1e3, 'k');
  return `${sign}${currency}${Math.round(value)}`;
}

/** At most one decimal, none when it is a whole number: 1.25 → "1.3", 2 → "2". */
export function trim(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;

/** "3 weeks", "1 week", "0.5 FTE": units as people write them in the Capacity table. */
export function formatQuantity(amount: number, unit: string): string {
  const n = trim(amount);
  if (unit === '') return n;
  const singular = unit.replace(/s$/i, '');
  return `${n} ${n === '1' ? singular : unit}`;
}

/** "A, B and C". */
export function listWords(items: readonly string[]): string {
  const last = items.length - 1;
  if (last <= 0) return items[0] ?? '';
  // Most lists are two or three items, said thousands of times: no intermediate array for them.
  if (last === 1) return `${items[0]} and ${items[1]}`;
  if (last === 2) return `${items[0]}, ${items[1]} and ${items[2]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[last]}`;
}

/** A small share with the precision a proven gap needs: 0 → "0%", 0.00042 → "0.04%", 0.123 → "12.3%". */
export function formatGap(share: number): string {
  if (share <= 0) return '0%';
  const percent = share * 100;
  if (percent < 0.01) return 'under 0.01%';
  return `${percent < 10 ? percent.toFixed(2) : percent.toFixed(1)}%`;
}
