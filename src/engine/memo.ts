// Portfolios say the same few things thousands of times: "Yes", "Medium", the same owner,
// the same gate gaps. A text or verdict that depends only on one such value is worked out once
// per value, which keeps a 10,000-initiative run fast and its plan small.

/** Distinct values remembered per function: enough for any real portfolio, bounded for a pathological one. */
export const MEMO_LIMIT = 4096;

/**
 * `compute`, remembering its answer for each argument it has seen (up to `MEMO_LIMIT` of them).
 * Only for pure functions whose answers are never changed by their callers: one answer is shared.
 */
export function memoised<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size < MEMO_LIMIT) known.set(key, value);
    }
    return value;
  };
}
