// Timing helpers for the bench: medians over repeated runs, measured in one process.

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Run `work` `runs` times after `warmup` untimed runs; the median wall time in ms. */
export function timeMedian(work: () => void, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export const heapMb = (): number => process.memoryUsage().heapUsed / 1024 / 1024;
