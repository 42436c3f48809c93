// Excel on the web refuses a request above 5 MB. Writes are queued against a
// budget of 4 MB per request: a batch is sent early only when the next write
// would not fit, so small runs keep their fixed number of round trips and
// only very large ones pay an extra sync.

export const REQUEST_LIMIT_BYTES = 4 * 1024 * 1024;
/** Queued writes are cut into pieces of at most this size, so a batch can be filled close to the limit. */
export const CHUNK_BYTES = 512 * 1024;
/** office.js wraps every queued action in an envelope (object path, action type, ids). */
export const ACTION_OVERHEAD_BYTES = 200;

/** Bytes of a value once serialised for the request (characters, a close upper bound for the Latin text of a portfolio). */
export const jsonBytes = (value: unknown): number => JSON.stringify(value).length;

export type RequestBudget = {
  /** Make room for a write of `bytes`: sends what is queued first if it would not fit. */
  spend(bytes: number): Promise<void>;
  /** Bytes queued since the last sync. */
  readonly queued: number;
};

export function requestBudget(context: { sync(): Promise<unknown> }, limit = REQUEST_LIMIT_BYTES): RequestBudget {
  let queued = 0;
  return {
    async spend(bytes) {
      const cost = bytes + ACTION_OVERHEAD_BYTES;
      if (queued > 0 && queued + cost > limit) {
        await context.sync();
        queued = 0;
      }
      queued += cost;
    },
    get queued() {
      return queued;
    },
  };
}

/** Consecutive row blocks of `rows`, each at most `maxBytes` once serialised (a single larger row stays whole). */
export function rowChunks<T>(rows: readonly T[][], maxBytes = CHUNK_BYTES): { first: number; rows: T[][]; bytes: number }[] {
  const chunks: { first: number; rows: T[][]; bytes: number }[] = [];
  let current: T[][] = [];
  let bytes = 2;
  let first = 0;
  rows.forEach((row, index) => {
    const size = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push({ first, rows: current, bytes });
      current = [];
      bytes = 2;
      first = index;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length > 0) chunks.push({ first, rows: current, bytes });
  return chunks;
}
