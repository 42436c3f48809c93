// The surgical writer keeps the user's cells as the exceljs adapter does (issue 15, item 5): texts holding
// control characters or a literal "_x0041_", merged blocks reaching into the output columns or inside the table.

import JSZip from 'jszip';
import { openSurgical } from '../../../src/adapters/xlsx/session';
import { workbookBytes } from '../../../src/adapters/exceljs/workbookFile';
import { escapeXString } from '../../../src/adapters/exceljs/xmlText';
import { runPlan } from '../../../src/app/runPlan';
import { NOW, named } from '../../builders';
import { cellsOf, fromBytes, portfolioWorkbook } from '../exceljs/xlsxFixtures';
import type ExcelJS from 'exceljs';

const bytesOf = (workbook: ExcelJS.Workbook): Promise<Buffer> => workbookBytes(workbook, new Date(NOW));

async function runOn(bytes: Buffer) {
  const session = await openSurgical(bytes);
  const result = await runPlan(session.port, { now: NOW });
  return { result, saved: result.kind === 'written' ? (await session.save()).bytes : undefined };
}

describe('texts XML cannot hold as they are', () => {
  test.each<[string, string]>([
    ['a bell', 'Bell\u0007ring'],
    ['a form feed and a vertical tab', 'Page\u000cbreak\u000bhere'],
    ['a literal escape', 'Code _x0041_ stays'],
    ['a lower-case literal escape', 'Code _x00e9_ stays'],
    ['an escaped underscore', 'Kept _x005F_ as typed'],
  ])('%s is stored as Excel stores it and read back unchanged', (_what, text) => {
    const decoded = escapeXString(text).replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(decoded).toBe(text);
  });

  test("names with control characters and literal escapes come back unchanged in the user's cells, and quoted in the outputs", async () => {
    const names = ['Bell\u0007ring', 'Code _x0041_ stays', 'Plain name'];
    const bytes = await bytesOf(portfolioWorkbook({ rows: names.map((name) => named(name, { Legal: 1 })) }));
    const sharedStrings = await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')!.async('string');
    expect(sharedStrings).toContain('Bell_x0007_ring');
    expect(sharedStrings).toContain('Code _x005F_x0041_ stays');
    const before = await fromBytes(bytes);
    const { saved } = await runOn(bytes);
    const after = await fromBytes(saved!);
    const kept = cellsOf(after.getWorksheet('Portfolio')!);
    for (const [address, cell] of cellsOf(before.getWorksheet('Portfolio')!)) expect(kept.get(address)).toEqual(cell);
    const shown = new Set<unknown>();
    after.getWorksheet('Change impact')!.getColumn(1).eachCell((cell) => shown.add(cell.value));
    expect(shown).toContain('Bell\u0007ring');
    expect(shown).toContain('Code _x0041_ stays');
  });
});

describe('merged cells', () => {
  test("a user's merged block reaching into an output column is refused, naming the block and the column, and nothing is written", async () => {
    const first = await runOn(await bytesOf(portfolioWorkbook()));
    const workbook = await fromBytes(first.saved!);
    const sheet = workbook.getWorksheet('Portfolio')!;
    const headerRow = sheet.getRow(3);
    let note = 0;
    headerRow.eachCell((cell, column) => {
      if (cell.value === 'Analyst note') note = column;
    });
    expect(headerRow.getCell(note + 1).value).toBe('Priority');
    sheet.mergeCells(5, note, 5, note + 1);
    const bytes = await bytesOf(workbook);
    const before = await fromBytes(bytes);
    const second = await runOn(bytes);
    expect(second.result.kind).toBe('not-written');
    if (second.result.kind !== 'not-written') return;
    const noteCell = before.getWorksheet('Portfolio')!.getCell(5, note);
    expect(second.result.outcome.problem.message).toMatch(
      new RegExp(`^Cells Portfolio!${noteCell.address}:[A-Z]+5 are merged into the Priority column, where the prioritiser writes its results; .*nothing was written\\. Unmerge them`),
    );
    expect(noteCell.value).toBe('checked');
  });

  test('a blank cell under a merged block inside the table reads as blank, as Excel shows it, not as the block’s value', async () => {
    const workbook = portfolioWorkbook({ rows: [named('First', { Owner: 'Marco Ruiz' }), named('Second', { Owner: null as never })] });
    const sheet = workbook.getWorksheet('Portfolio')!;
    let owner = 0;
    sheet.getRow(3).eachCell((cell, column) => {
      if (cell.value === 'Owner') owner = column;
    });
    sheet.mergeCells(4, owner, 5, owner);
    const session = await openSurgical(await bytesOf(workbook));
    const snapshot = await session.port.read();
    const column = snapshot.initiatives!.headers.indexOf('Owner');
    expect(snapshot.initiatives!.rows.map((r) => r[column])).toEqual(['Marco Ruiz', '']);
  });
});
