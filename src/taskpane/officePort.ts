// The Excel entry point's port: the office.js adapter. The pane does its own waiting while Excel
// is in cell-edit mode (it says so and offers to stop), so the adapter hands that case straight back.

import { createOfficeWorkbook } from '../adapters/office/officeWorkbook';
import type { WorkbookPort } from '../port/workbookPort';

export function officePort(): WorkbookPort {
  return createOfficeWorkbook({ retry: { giveUpAfterMs: 0 } });
}
