// The command and a workbook's own headers: it prints the mapping it used, takes --map, and
// reports `columns` and `unrecognised` in --json.

import { writeFileSync } from 'node:fs';
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
