// The add-in's output columns in the Initiatives table: found by header wherever
// the user moved them, appended at the right when absent. Nothing else in the
// table is written.

import type { OutputKey } from '../../engine/columns';
import type { OutputColumnPlacement } from '../../layout/ownedColumns';
import type { OutputColumnsLayout } from '../../layout/outputColumns';
import { HIGHLIGHTS_BY_COLUMN } from '../../layout/outputColumns';
import { setFormat, setValue } from './cells';
import { sheetOf, type MemoryTable, type MemoryWorkbook } from './model';
import { appendColumns } from './tables';

/** Table-relative column of each output, appending the absent ones under the headers the placement gives. */
function outputPositions(workbook: MemoryWorkbook, table: MemoryTable, outputs: OutputColumnsLayout, placement: OutputColumnPlacement): Map<OutputKey, number> {
  const positions = new Map<OutputKey, number>();
  const first = table.columns;
  const appended: string[] = [];
  outputs.keys.forEach((key, k) => {
    const at = placement.existing[k];
    if (at !== undefined) positions.set(key, at);
    else {
      positions.set(key, first + appended.length);
      appended.push(placement.headers[k]!);
    }
  });
  appendColumns(workbook, table, appended);
  return positions;
}

export const OUTPUTS_OWNER = 'outputs';

export function writeOutputColumns(workbook: MemoryWorkbook, table: MemoryTable, outputs: OutputColumnsLayout, placement: OutputColumnPlacement): void {
  if (outputs.values.length !== table.rows - 1) {
    throw new Error(`The plan has ${outputs.values.length} rows but table ${table.name} has ${table.rows - 1}.`);
  }
  const positions = outputPositions(workbook, table, outputs, placement);
  const sheet = sheetOf(workbook, table.sheet);
  const owner = `${OUTPUTS_OWNER}:${table.name}`;
  sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f.owner !== owner);
  outputs.keys.forEach((key, k) => {
    const column = table.column + positions.get(key)!;
    outputs.values.forEach((row, r) => {
      setFormat(sheet, table.row + 1 + r, column, outputs.formats[k]!);
      setValue(sheet, table.row + 1 + r, column, row[k]);
    });
    sheet.widths[column] = outputs.widths[k]!;
    const rules = HIGHLIGHTS_BY_COLUMN[key];
    if (rules) sheet.conditionalFormats.push({ row: table.row + 1, column, rows: table.rows - 1, rules: [...rules], owner });
  });
  // The prioritiser's columns this run does not write (placement.resting) keep their header, not a stale result.
  for (const { index } of placement.resting) {
    for (let r = 1; r < table.rows; r++) setValue(sheet, table.row + r, table.column + index, null);
  }
  sheet.freezeRows = table.row + 1;
}
