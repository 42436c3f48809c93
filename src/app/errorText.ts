/**
 * The message of anything thrown, for a one-line report. Checks the shape rather than
 * `instanceof Error`: errors from Node's native modules can come from another realm.
 */
export const errorText = (error: unknown): string =>
  typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as { message: string }).message : String(error);
