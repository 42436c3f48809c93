// Workbooks for the office.js adapter's tests: the sample portfolio or a
// generated one, on a fake Excel, and a way to see that nothing changed.

import { generatePortfolio } from '../../../bench/generate';
import { createOfficeWorkbook } from '../../../src/adapters/office/officeWorkbook';
import type { RawTable } from '../../../src/engine/types';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { addTable, fakeExcel, type FakeExcel } from './fakeExcel';

export const NOW = '2026-11-23T10:00:00.000Z';

export function workbookWith(initiatives: RawTable, capacity?: RawTable): FakeExcel {
  const fake = fakeExcel();
  addTable(fake.model, { sheet: initiatives.sheet, name: initiatives.name, headers: initiatives.headers, rows: initiatives.rows, origin: initiatives.origin });
  if (capacity) addTable(fake.model, { sheet: capacity.sheet, name: capacity.name, headers: capacity.headers, rows: capacity.rows, origin: capacity.origin });
  return fake;
}

export const sampleWorkbook = (): FakeExcel => {
  const { initiatives, capacity } = sampleTables();
  return workbookWith(initiatives, capacity);
};

export const generatedWorkbook = (rows: number): FakeExcel => {
  const { initiatives, capacity } = generatePortfolio(rows, rows);
  return workbookWith(initiatives, capacity);
};

export const portOn = (fake: FakeExcel, supports: (version: string) => boolean = () => true) =>
  createOfficeWorkbook({ run: fake.run, supports, retry: { delaysMs: [1], giveUpAfterMs: 0 } });

/** Everything a user could see in the workbook, as one comparable value. */
export function everything(fake: FakeExcel): unknown {
  return {
    sheets: fake.model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cellsIn({ row: 0, column: 0, rows: 1_048_576, columns: 16_384 })].map(([r, c, cell]) => [r, c, { ...cell, look: { ...cell.look } }]),
      charts: JSON.parse(JSON.stringify(s.charts)),
      conditionalFormats: JSON.parse(JSON.stringify(s.conditionalFormats)),
      frozenRows: s.frozenRows,
      widths: [...s.widths],
    })),
    tables: fake.model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect })),
  };
}

/** The syncs of every Excel.run since `from` (an index into fake.contexts). */
export const syncsSince = (fake: FakeExcel, from = 0) => fake.contexts.slice(from).flatMap((c) => c.syncs);
