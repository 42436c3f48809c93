// The add-in's output columns in the Initiatives table: found by header wherever
// the user moved them, appended at the right when absent. Nothing else in the
// table is written.

import { outputKeyOf, type OutputKey } from '../../engine/columns';
import type { OutputColumnsLayout } from '../../layout/outputColumns';
import { HIGHLIGHTS_BY_COLUMN } from '../../layout/outputColumns';
import { setFormat, setValue } from './cells';
import { sheetOf, type MemoryTable, type MemoryWorkbook } from './model';
import { appendColumns, headersOf } from './tables';

/** Table-relative column of each output, appending the absent ones. */
function outputPositions(workbook: MemoryWorkbook, table: MemoryTable, outputs: OutputColumnsLayout): Map<OutputKey, number> {
  const positions = new Map<OutputKey, number>();
  headersOf(workbook, table).forEach((header, index) => {
    const key = outputKeyOf(header);
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const missing = outputs.keys.filter((key) => !positions.has(key));
  const first = table.columns;
  appendColumns(workbook, table, missing.map((key) => outputs.headers[outputs.keys.indexOf(key)]!));
  missing.forEach((key, i) => positions.set(key, first + i));
  return positions;
}

export const OUTPUTS_OWNER = 'outputs';

export function writeOutputColumns(workbook: MemoryWorkbook, table: MemoryTable, outputs: OutputColumnsLayout): void {
  if (outputs.values.length !== table.rows - 1) {
    throw new Error(`The plan has ${outputs.values.length} rows but table ${table.name} has ${table.rows - 1}.`);
  }
  const positions = outputPositions(workbook, table, outputs);
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
  sheet.freezeRows = table.row + 1;
}
