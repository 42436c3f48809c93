// The command and a workbook's own headers: it prints the mapping it used, takes --map, and
// reports `columns` and `unrecognised` in --json.

import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';
import { parseOptions } from '../../src/cli/options';
import { runCommand } from './runCommand';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

async function input(rename: Record<string, string>): Promise<string> {
  const path = folder.path('portfolio.xlsx');
  writeFileSync(path, await toBytes(portfolioWorkbook({ rename })));
  return path;
}

describe('the command with a workbook\'s own headers', () => {
  it('reads "Baseline / comparison" by its words and says so, in text and in --json', async () => {
    const path = await input({ 'Baseline method': 'Baseline / comparison', Function: 'Business function' });
    const text = await runCommand([path]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Baseline method <- "Baseline / comparison" (by its words)');
    expect(text.stdout).toContain('Not used (your own columns): "Analyst note".');
    const json = JSON.parse((await runCommand([path, '--json', '--out', folder.path('b.xlsx')])).stdout);
    expect(json.columns).toContainEqual({ column: 'Baseline method', header: 'Baseline / comparison', how: 'words' });
    expect(json.columns).toContainEqual({ column: 'Initiative', header: 'Initiative', how: 'exact' });
    expect(json.unrecognised).toEqual(['Analyst note']);
    expect(json.problems.filter((p: { code: string }) => p.code === 'missing-column')).toEqual([]);
  });

  it('takes --map for a header it cannot recognise', async () => {
    const path = await input({ 'Baseline method': 'How we prove it' });
    const without = JSON.parse((await runCommand([path, '--json'])).stdout);
    expect(without.problems.map((p: { message: string }) => p.message)).toContain(
      'No column for Baseline method: every initiative will be at most Learning-only. Name the column that holds it in the Column mapping, or add one.',
    );
    expect(without.gates['Scale-ready']).toBe(0);
    const mapped = JSON.parse((await runCommand([path, '--json', '--map', 'Baseline method=How we prove it', '--out', folder.path('m.xlsx')])).stdout);
    expect(mapped.columns).toContainEqual({ column: 'Baseline method', header: 'How we prove it', how: 'mapped' });
    expect(mapped.gates['Scale-ready']).toBeGreaterThan(0);
  });
});

describe('--map saved into the output, as the contract says', () => {
  const reread = async (path: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook;
  };

  it('makes the Column mapping table beside the settings it creates, and a rerun of the output needs no --map', async () => {
    const path = await input({ 'Baseline method': 'How we prove it' });
    const out = folder.path('mapped.xlsx');
    const first = JSON.parse((await runCommand([path, '--json', '--map', 'Baseline method=How we prove it', '--out', out])).stdout);
    expect(first.notes).toContain('--map is saved in the Column mapping table (\'Prioritisation settings\'!F4): a rerun and the add-in read the same columns.');
    const settings = (await reread(out)).getWorksheet('Prioritisation settings')!;
    expect([settings.getCell('F4').value, settings.getCell('G4').value, settings.getCell('F5').value, settings.getCell('G5').value]).toEqual(['Column', 'Header', 'Baseline method', 'How we prove it']);
    const again = JSON.parse((await runCommand([out, '--json', '--out', folder.path('again.xlsx')])).stdout);
    expect(again.columns).toContainEqual({ column: 'Baseline method', header: 'How we prove it', how: 'mapped' });
    expect(again.gates).toEqual(first.gates);
  });

  it("edits the workbook's own mapping table: a row changed in place, a new one added under it, other rows and cells kept", async () => {
    const workbook = portfolioWorkbook({ rename: { 'Baseline method': 'How we prove it', 'Data rights': 'Rights' } });
    const sheet = workbook.addWorksheet('Mapping');
    sheet.addTable({ name: 'MyMapping', ref: 'B2', headerRow: true, columns: [{ name: 'Column' }, { name: 'Header' }], rows: [['Owner', 'Owner'], ['Baseline method', 'Old header']] });
    sheet.getCell('E5').value = 'my note';
    const path = folder.path('own.xlsx');
    writeFileSync(path, await toBytes(workbook));
    const out = folder.path('own-out.xlsx');
    const run = await runCommand([path, '--map', 'Baseline method=How we prove it', '--map', 'data rights=Rights', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--map is saved in the Column mapping table (Mapping!B2)');
    const mapping = (await reread(out)).getWorksheet('Mapping')!;
    expect([2, 3, 4, 5].map((r) => [mapping.getCell(r, 2).value, mapping.getCell(r, 3).value])).toEqual([
      ['Column', 'Header'],
      ['Owner', 'Owner'],
      ['Baseline method', 'How we prove it'],
      ['Data rights', 'Rights'],
    ]);
    expect(mapping.getCell('E5').value).toBe('my note');
    const again = JSON.parse((await runCommand([out, '--json', '--out', folder.path('own-again.xlsx')])).stdout);
    expect(again.columns).toContainEqual({ column: 'Data rights', header: 'Rights', how: 'mapped' });
  });

  /** The portfolio with a settings table of the user's at My settings!B3:C4, and what else `cells` puts on that sheet. */
  async function withOwnSettings(name: string, cells: Record<string, string> = {}): Promise<string> {
    const workbook = portfolioWorkbook({ rename: { 'Baseline method': 'How we prove it' } });
    const sheet = workbook.addWorksheet('My settings');
    sheet.addTable({ name: 'PrioritisationSettings', ref: 'B3', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['In-flight limit', 4]] });
    for (const [ref, value] of Object.entries(cells)) sheet.getCell(ref).value = value;
    const path = folder.path(name);
    writeFileSync(path, await toBytes(workbook));
    return path;
  }

  it("makes the Column mapping table beside the user's own settings table, as the pane does", async () => {
    const out = folder.path('own-settings-out.xlsx');
    const run = JSON.parse((await runCommand([await withOwnSettings('own-settings.xlsx'), '--json', '--map', 'Baseline method=How we prove it', '--out', out])).stdout);
    expect(run.notes).toContain("--map is saved in the Column mapping table ('My settings'!G3): a rerun and the add-in read the same columns.");
    const sheet = (await reread(out)).getWorksheet('My settings')!;
    expect([sheet.getCell('G3').value, sheet.getCell('H4').value, sheet.getCell('C4').value]).toEqual(['Column', 'How we prove it', 4]);
    const again = JSON.parse((await runCommand([out, '--json', '--out', folder.path('own-settings-again.xlsx')])).stdout);
    expect(again.columns).toContainEqual({ column: 'Baseline method', header: 'How we prove it', how: 'mapped' });
    expect(again.problems).toEqual(run.problems);
  });

  it("still writes the plan, and says the mapping was not saved, when saving it would change the user's cells", async () => {
    const path = await withOwnSettings('crowded.xlsx', { H4: 'my note' });
    const out = folder.path('crowded-out.xlsx');
    const run = JSON.parse((await runCommand([path, '--json', '--map', 'Baseline method=How we prove it', '--out', out])).stdout);
    expect(run.columns).toContainEqual({ column: 'Baseline method', header: 'How we prove it', how: 'mapped' });
    expect(run.notes.join(' ')).toContain("--map was used for this run but not saved in the workbook: The Column mapping table goes at My settings!G3, beside the settings, but those cells hold something");
    const kept = (await reread(out)).getWorksheet('My settings')!;
    expect([kept.getCell('G3').value, kept.getCell('H4').value]).toEqual([null, 'my note']);
  });
});

describe('--map on the command line', () => {
  it('is repeatable and names the contract column however it is spelled', () => {
    const parsed = parseOptions(['a.xlsx', '--map', 'baseline METHOD = Baseline / comparison', '--map', 'Owner=']);
    expect(parsed).toMatchObject({ kind: 'run', options: { map: [{ column: 'Baseline method', header: 'Baseline / comparison' }, { column: 'Owner', header: '' }] } });
  });

  it('refuses a column the prioritiser does not read, and a mapping without "="', () => {
    expect(parseOptions(['a.xlsx', '--map', 'Budget=Cost'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('"Budget" is not a column the prioritiser reads') });
    expect(parseOptions(['a.xlsx', '--map', 'Baseline method'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('needs the form') });
  });
});

describe('the command and a number formatted as a currency', () => {
  /** The portfolio with Claims triage's value a number formatted as euros and two values stated in dollars. */
  async function euroFormatted(rates?: [string, number][]): Promise<string> {
    const workbook = portfolioWorkbook();
    const sheet = workbook.getWorksheet('Portfolio')!;
    const header = sheet.getRow(3);
    let valueColumn = 0;
    header.eachCell((cell, column) => {
      if (cell.value === 'Annual value') valueColumn = column;
    });
    sheet.getCell(5, valueColumn).numFmt = '"€"#,##0'; // Claims triage, 1,600,000
    sheet.getCell(6, valueColumn).value = '$1.2M';
    sheet.getCell(7, valueColumn).value = '$250k';
    if (rates) workbook.addWorksheet('Rates').addTable({ name: 'Rates', ref: 'A1', headerRow: true, columns: [{ name: 'Currency' }, { name: 'Rate' }], rows: rates });
    const path = folder.path('euros.xlsx');
    writeFileSync(path, await toBytes(workbook));
    return path;
  }

  it('counts a number formatted as euros as euros: converted with the FX rate, and a problem naming its cell without one', async () => {
    const converted = JSON.parse((await runCommand([await euroFormatted([['EUR', 1.1]]), '--json', '--out', folder.path('c.xlsx')])).stdout);
    expect(converted.currency).toBe('USD');
    expect(converted.fxRates).toEqual({ EUR: 1.1 });
    const text = await runCommand([await euroFormatted([['EUR', 1.1]]), '--out', folder.path('t.xlsx')]);
    expect(text.stdout).toContain('Amounts in USD (the currency most amounts state); converted with 1 EUR = 1.1 USD (FX rates table).');
    const missing = JSON.parse((await runCommand([await euroFormatted(), '--json', '--out', folder.path('m.xlsx')])).stdout);
    const problem = missing.problems.find((p: { code: string }) => p.code === 'no-fx-rate');
    expect(problem?.message).toMatch(/^Annual value in Portfolio!\w+5 is in EUR, but the workbook has no rate from EUR to USD/);
    expect(missing.gates['Invalid input']).toBe(1);
  });
});
