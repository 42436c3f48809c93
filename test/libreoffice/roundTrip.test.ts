// A real spreadsheet application reads what the command writes: LibreOffice opens
// the output, recalculates every formula, and what it shows on every sheet must be
// what we wrote, with injected names shown as the text they are.

import { readFileSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../src/engine/address';
import { OUTPUT_COLUMNS } from '../../src/engine/columns';
import type { Report } from '../../src/cli/report';
import { named } from '../builders';
import { DEFAULT_ROWS, editZip, fromBytes, portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';
import { runCommand } from '../cli/runCommand';
import { sheetsAsShown, sofficeVersion } from './libreOffice';

const INJECTED = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@risk triage'];
const DDE_REASON = '=cmd|" /c calc"!A0';

/**
 * What a cell shows in a spreadsheet application, for the number formats the command writes. A number format
 * ending in _0 (a digit's width left blank after the number, which every number on the add-in's sheets keeps)
 * shows as the number and the room, which LibreOffice's text export writes as two spaces.
 */
function shown(value: unknown, numFmt: string | undefined): string {
  if ((typeof value === 'number' || value instanceof Date) && numFmt?.endsWith('_0')) return `${shown(value, numFmt.slice(0, -2))}  `;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const n = value as number;
  const grouped = (digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (numFmt) {
    case '0':
      return grouped(0).replace(/,/g, '');
    case '0.0':
      return n.toFixed(1);
    case '0%':
      return `${Math.round(n * 100)}%`;
    case '#,##0':
      return grouped(0);
    case '#,##0.0':
      return grouped(1);
    case '"$"#,##0':
      // The sign comes before the symbol: -$850,000.
      return n < 0 ? `-$${grouped(0).slice(1)}` : `$${grouped(0)}`;
    default:
      return String(n);
  }
}

/** Every cell exceljs reads from our output, as the application should show it, by 1-based row and column. */
function expectedCells(sheet: ExcelJS.Worksheet): { row: number; column: number; address: string; text: string }[] {
  const cells: { row: number; column: number; address: string; text: string }[] = [];
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const value = cell.value as unknown;
      if (value !== null && typeof value === 'object' && !(value instanceof Date)) return; // user formulas: checked on their own
      cells.push({ row: r, column: c, address: cell.address, text: shown(value, cell.numFmt) });
    }),
  );
  return cells;
}

const at = (csv: string[][], row: number, column: number): string => csv[row - 1]?.[column - 1] ?? '';

const folder = tempFolder();
let sheets: Map<string, string[][]>;
let output: ExcelJS.Workbook;
let report: Report;
let decisionColumn: string;
let rows: ReturnType<typeof named>[];

beforeAll(async () => {
  rows = [
    ...DEFAULT_ROWS,
    ...INJECTED.map((name, i) => named(name, { 'Annual value': 600_000 + i * 50_000, Legal: 1 })),
    named('Vendor chatbot', { Override: 'Out', 'Override reason': DDE_REASON }),
    named('Broken row', { 'Strategic fit': 7 }),
  ];
  const workbook = portfolioWorkbook({ rows, summarySheet: true });
  // Formulas with wrong cached results: only a recalculating application shows the right numbers.
  const headers = (workbook.getWorksheet('Portfolio')!.getRow(3).values as unknown[]).filter((h) => h !== undefined);
  decisionColumn = columnLetters(1 + headers.length + OUTPUT_COLUMNS.findIndex((c) => c.key === 'decision'));
  const summary = workbook.getWorksheet('Summary')!;
  summary.getCell('B1').value = { formula: `SUM(Portfolio!G4:G${3 + rows.length})`, result: 0 };
  summary.getCell('B5').value = { formula: `COUNTIF(Portfolio!${decisionColumn}4:${decisionColumn}${3 + rows.length},"Commit")`, result: 0 };
  summary.getCell('B6').value = { formula: 'TaxRate*100', result: 0 };
  const input = folder.path('pack.xlsx');
  // What exceljs cannot handle itself, as Excel saves it: a named constant and a calculated column.
  writeFileSync(
    input,
    await editZip(await toBytes(workbook), async (zip) => {
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace('</sheets>', '</sheets><definedNames><definedName name="TaxRate">0.25</definedName></definedNames>'));
      const table = await zip.file('xl/tables/table1.xml')!.async('string');
      zip.file('xl/tables/table1.xml', table.replace(/(<tableColumn [^>]*name="Analyst note"[^>]*)\/>/, '$1><calculatedColumnFormula>"checked"</calculatedColumnFormula></tableColumn>'));
    }),
  );
  const run = await runCommand([input, '--json']);
  expect(run.code).toBe(0);
  report = JSON.parse(run.stdout);
  output = await fromBytes(readFileSync(report.output));
  sheets = await sheetsAsShown(report.output);
});

afterAll(() => folder.cleanup());

describe('LibreOffice reading the prioritised workbook', () => {
  it('runs a LibreOffice that exports every sheet (7.2 or later)', async () => {
    const [major, minor] = ((await sofficeVersion()).match(/(\d+)\.(\d+)/) ?? []).slice(1).map(Number);
    expect(major! * 100 + minor!).toBeGreaterThanOrEqual(702);
    expect([...sheets.keys()].sort()).toEqual(['Capacity', 'Change impact', 'Decision log', 'Portfolio', 'Prioritisation settings', 'Summary']);
  });

  it.each(['Portfolio', 'Capacity', 'Change impact', 'Decision log', 'Prioritisation settings'])('shows every value of %s as we wrote it', (name) => {
    const csv = sheets.get(name)!;
    const cells = expectedCells(output.getWorksheet(name)!);
    expect(cells.length).toBeGreaterThanOrEqual(9);
    const mismatches = cells
      .map((cell) => ({ address: cell.address, ours: cell.text, libreOffice: at(csv, cell.row, cell.column) }))
      .filter((m) => m.ours !== m.libreOffice);
    expect(mismatches).toEqual([]);
  });

  it('shows the injected names as the text they are, on the Portfolio and Change impact sheets', () => {
    const portfolioNames = sheets.get('Portfolio')!.map((row) => row[2]);
    const impactNames = new Set(sheets.get('Change impact')!.map((row) => row[0]));
    for (const name of INJECTED) {
      expect(portfolioNames).toContain(name);
      expect(impactNames).toContain(name);
    }
  });

  it('shows an override reason that looks like a DDE formula as text in the Decision log', () => {
    const log = sheets.get('Decision log')!;
    expect(log[4]!.join('|')).toContain(`Vendor chatbot: Out - ${DDE_REASON}`);
  });

  it('counts the committed initiatives in the Decision column the same as the command', () => {
    expect(at(sheets.get('Summary')!, 5, 2)).toBe(String(report.decisions.Commit));
  });

  it('evaluates a named constant the workbook defines', () => {
    expect(at(sheets.get('Summary')!, 6, 2)).toBe('25');
  });

  it('recalculates the user formulas over the table', () => {
    const total = rows.map((r) => Number(r['Annual value'])).reduce((a, b) => a + b, 0);
    expect(at(sheets.get('Summary')!, 1, 2)).toBe(String(total));
  });

  it('shows team utilisation before and after as the command reports it', () => {
    const impact = sheets.get('Change impact')!;
    for (const team of report.teams) {
      const row = impact.find((r) => r[0] === team.team)!;
      expect([row[4]!.trimEnd(), row[6]!.trimEnd()]).toEqual([`${Math.round(team.utilisationBefore! * 100)}%`, `${Math.round(team.utilisationAfter! * 100)}%`]);
    }
  });
});
