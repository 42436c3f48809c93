// The seam where the office.js adapter plugs in: the Excel entry point asks
// this module for the port. It is replaced by the adapter in src/adapters/office/.

import type { WorkbookPort } from '../port/workbookPort';

export function officePort(): WorkbookPort {
  throw new Error('The Excel adapter is not available in this build.');
}
