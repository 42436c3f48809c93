// What office.js errors mean for the user. office.js rejects a batch with an
// OfficeExtension.Error whose `code` names the cause; these are the codes the
// adapter acts on.

/** Excel refuses every request while the user is typing in a cell. */
export const CELL_EDIT_CODE = 'InvalidOperationInCellEditMode';
/** Excel on the web refuses a request or a response above 5 MB. */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
const NOT_FOUND_CODES = new Set(['ItemNotFound', 'InvalidReference']);

export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export const isCellEditError = (error: unknown): boolean => officeErrorCode(error) === CELL_EDIT_CODE;
export const isPayloadTooLarge = (error: unknown): boolean => PAYLOAD_CODES.has(officeErrorCode(error) ?? '');
export const isNotFound = (error: unknown): boolean => NOT_FOUND_CODES.has(officeErrorCode(error) ?? '');

export { EDITING_MESSAGE } from '../../port/problems';

/** An error the pane can show as it is: plain words, no stack, the office.js error kept as the cause. */
export class WorkbookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbookError';
  }
}
