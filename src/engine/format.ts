// Numbers as a finance reader says them, for the plain-words outputs.

const MONEY_TIERS = [
  { from: 1e9, suffix: 'bn' },
  { from: 1e6, suffix: 'M' },
  { from: 1e3, suffix: 'k' },
] as const;

/** "$1.2M", "$300k", "$950". */
export function formatMoney(amount: number, currency: string): string {
  const value = Math.abs(amount);
  const tier = MONEY_TIERS.findIndex((t) => value >= t.from);
  // What is shown: tenths of the tier's unit, or whole units below a thousand.
  const units = tier < 0 ? Math.round(value) : Math.round((value / MONEY_TIERS[tier]!.from) * 10);
  return moneyText(amount < 0, tier, units, currency);
}

function moneyText(negative: boolean, tier: number, units: number, currency: string): string {
  const sign = negative ? '-' : '';
  if (tier < 0) return `${sign}${currency}${units}`;
  const tenths = units / 10;
  return `${sign}${currency}${Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1)}${MONEY_TIERS[tier]!.suffix}`;
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
