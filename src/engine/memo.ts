// Portfolios say the same few things thousands of times: "Yes", "Medium", the same owner,
// the same gate gaps. A text or verdict that depends only on one such value is worked out once
// per value, which keeps a 10,000-initiative run fast and its plan small. What is remembered
// belongs to one run (a `Memo` the run makes and passes down): nothing carries over to the next.

/** Distinct values remembered per function: enough for any real portfolio, bounded for a pathological one. */
export const MEMO_LIMIT = 4096;

/**
 * `compute`, remembering its answer for each argument it has seen (up to `MEMO_LIMIT` of them), an
 * answer of undefined too ("no currency", "a plain number"), which is most answers of some functions.
 * Only for pure functions whose answers are never changed by their callers: one answer is shared.
 */
export function memoised<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = compute(key);
      if (known.size < MEMO_LIMIT) known.set(key, value);
    }
    return value as V;
  };
}

type ListNode<V> = { value: V | undefined; next: (key: unknown) => ListNode<V> };

/**
 * `compute` for lists, remembering its answer per list (by each item's `keyOf`) as `memoised` does
 * per value: the list is walked item by item down a tree of memos, so no key is built for the whole
 * list. `compute` gets the caller's list and must not keep it, and never answers undefined.
 */
export function memoisedList<T, V>(keyOf: (item: T) => unknown, compute: (items: readonly T[]) => V): (items: readonly T[]) => V {
  const node = (): ListNode<V> => ({ value: undefined, next: memoised(node) });
  const root = node();
  return (items) => {
    let at = root;
    for (let k = 0; k < items.length; k++) at = at.next(keyOf(items[k]!));
    return (at.value ??= compute(items));
  };
}

/**
 * What one run has worked out so far. The run makes one and passes it to each step; it goes when
 * the run ends. Each pure function asked through `of` gets its own memo, keyed by the function
 * itself, so the functions stay plain module-level functions and only their answers are remembered.
 */
export class Memo {
  private readonly memos = new Map<unknown, unknown>();

  /** `compute` remembering its answer per argument for this run (see `memoised`). */
  of<K, V>(compute: (key: K) => V): (key: K) => V {
    let remembered = this.memos.get(compute) as ((key: K) => V) | undefined;
    if (remembered === undefined) {
      remembered = memoised(compute);
      this.memos.set(compute, remembered);
    }
    return remembered;
  }

  /** `compute` for lists remembering its answer per list for this run (see `memoisedList`). */
  ofList<T, V>(keyOf: (item: T) => unknown, compute: (items: readonly T[]) => V): (items: readonly T[]) => V {
    let remembered = this.memos.get(compute) as ((items: readonly T[]) => V) | undefined;
    if (remembered === undefined) {
      remembered = memoisedList(keyOf, compute);
      this.memos.set(compute, remembered);
    }
    return remembered;
  }
}
