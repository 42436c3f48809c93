// Which rows of a long list to render: those in view plus a margin, with the
// height of the rest kept as space before and after, so 10,000 rows scroll
// like 30. Row heights are measured once rendered and estimated before.

export type ListWindow = {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the rows above `start`, and below `end`. */
  before: number;
  after: number;
};

/**
 * The rows that cover [scrollTop − overscan, scrollTop + viewport + overscan], `heightOf(i)` being
 * each row's measured or estimated height. Always at least one row when there are any.
 */
export function listWindow(count: number, heightOf: (index: number) => number, scrollTop: number, viewport: number, overscan: number): ListWindow {
  const top = Math.max(0, scrollTop - overscan);
  const bottom = scrollTop + viewport + overscan;
  let offset = 0;
  let start = 0;
  while (start < count && offset + heightOf(start) <= top) offset += heightOf(start++);
  if (start === count && count > 0) {
    // Scrolled past the end (the list shrank): show the last rows.
    start = count - 1;
    offset -= heightOf(start);
  }
  const before = offset;
  let end = start;
  while (end < count && (end === start || offset < bottom)) offset += heightOf(end++);
  let after = 0;
  for (let i = end; i < count; i++) after += heightOf(i);
  return { start, end, before, after };
}

/**
 * The window grown to hold `index` and one row either side of it, when `index` is in the window or
 * next to it (the focused row: the keyboard's next row is always rendered, and the focused one is
 * not dropped from under the focus); a row far from the window leaves it as it is.
 */
export function withNeighbours(window: ListWindow, count: number, index: number | undefined, heightOf: (index: number) => number): ListWindow {
  if (index === undefined || index < window.start - 2 || index > window.end + 1 || index >= count) return window;
  let { start, end, before, after } = window;
  for (; start > Math.max(0, index - 1); start--) before -= heightOf(start - 1);
  for (; end < Math.min(count, index + 2); end++) after -= heightOf(end);
  return { start, end, before, after };
}
