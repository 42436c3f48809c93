// Same workbook, same output: two runs of the command on one workbook differ only in
// what says when each ran. Nothing may depend on how fast the machine was (the
// Optimal method's solver time above all).

import { readFileSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { SETTINGS_TABLE } from '../../src/layout/names';
import { cellsOf, fromBytes, portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';
import { runCommand } from './runCommand';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

/** The sample portfolio with the Optimal method chosen on its settings sheet. */
function optimalWorkbook(): ExcelJS.Workbook {
  const workbook = portfolioWorkbook();
  const sheet = workbook.addWorksheet('Prioritisation settings');
  sheet.addTable({ name: SETTINGS_TABLE, ref: 'A1', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['Selection method', 'Optimal']] });
  return workbook;
}

/** Every cell of every sheet, as "Sheet!A1" → value. */
function everyCell(workbook: ExcelJS.Workbook): Map<string, string> {
  const cells = new Map<string, string>();
  workbook.eachSheet((sheet) => {
    for (const [address, cell] of cellsOf(sheet)) cells.set(`${sheet.name}!${address}`, JSON.stringify(cell));
  });
  return cells;
}

function differences(a: Map<string, string>, b: Map<string, string>): { address: string; first?: string; second?: string }[] {
  const addresses = [...new Set([...a.keys(), ...b.keys()])];
  return addresses.filter((k) => a.get(k) !== b.get(k)).map((address) => ({ address, first: a.get(address), second: b.get(address) }));
}

test('two Optimal runs of the command on the same workbook differ only in when each ran', async () => {
  const input = folder.path('portfolio.xlsx');
  writeFileSync(input, await toBytes(optimalWorkbook()));
  const times = ['2026-11-23T10:00:00.000Z', '2026-11-24T16:30:00.000Z'];
  const outputs: Map<string, string>[] = [];
  for (const [i, now] of times.entries()) {
    const out = folder.path(`run${i}.xlsx`);
    expect((await runCommand([input, '--out', out], { now: () => now })).code).toBe(0);
    outputs.push(everyCell(await fromBytes(readFileSync(out))));
  }
  const [first, second] = outputs as [Map<string, string>, Map<string, string>];
  expect([...first.keys()].some((k) => k.startsWith('Change impact!') && first.get(k)!.includes('Optimal'))).toBe(true);
  const found = differences(first, second);
  // The Change impact sheet's "made on" line and the new Decision log row's time: nothing else, and in them only the time.
  expect(found.map((d) => d.address)).toEqual(['Change impact!A2', 'Decision log!A5']);
  for (const d of found) expect(timeless(d.first, times[0]!)).toBe(timeless(d.second, times[1]!));
});

/** A cell's text with the run's time (as an ISO timestamp or as "YYYY-MM-DD HH:MM:SS") taken out. */
function timeless(cell: string | undefined, now: string): string | undefined {
  return cell?.replace(now, 'TIME').replace(now.slice(0, 19).replace('T', ' '), 'TIME');
}
