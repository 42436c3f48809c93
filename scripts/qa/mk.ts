// QA workbooks to open in Excel or LibreOffice: a 40-initiative portfolio with every feature, and a 500-initiative one: npx tsx scripts/qa/mk.ts [folder]
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the workbook goes: the first argument, or the current folder. */
const outDir = process.argv[2] ?? '.';
import { addTableSheet, tablesWorkbookBytes } from '../../src/adapters/exceljs/sampleWorkbook';
import { writeSheet } from '../../src/adapters/exceljs/writeSheet';
import { scenariosSheet } from '../../src/layout/scenariosSheet';
import { SAMPLE_HEADERS, SAMPLE_ROWS, SAMPLE_TEAMS } from '../../src/sample/samplePortfolio';
import { generatePortfolio, withValueRanges } from '../../bench/generate';
import type { CellValue, RawTable } from '../../src/engine/types';

const col = (h: string) => (SAMPLE_HEADERS as readonly string[]).indexOf(h);

async function big40() {
  const headers = [...SAMPLE_HEADERS, 'Requires', 'Excludes', 'Duration', 'Earliest start', 'Value low', 'Value high'];
  const extra: CellValue[][] = [];
  const names = ['Evaluation harness', 'Decision-logging platform', 'Customer data rights clearance', 'Collections voice bot', 'Invoice OCR upgrade',
    'Treasury liquidity optimiser', 'Vendor onboarding assistant', 'Payroll anomaly detection', 'Tax provision drafting', 'Lease accounting extraction',
    'Revenue leakage detection', 'Marketing mix model', 'Warehouse slotting optimiser', 'Quote-to-cash copilot', 'Board Q&A assistant'];
  names.forEach((name, i) => {
    const base = [...SAMPLE_ROWS[i % SAMPLE_ROWS.length]!];
    base[col('ID')] = `AI-${26 + i}`;
    base[col('Initiative')] = name;
    base[col('Annual value')] = i < 3 ? 0 : 300_000 + ((i * 370_000) % 2_700_000);
    base[col('Override')] = '';
    base[col('Override reason')] = '';
    extra.push(base);
  });
  const rows = [...SAMPLE_ROWS.map((r) => [...r]), ...extra].map((r, i) => {
    const value = Number(r[col('Annual value')]) || 0;
    const requires = i === 0 ? 'AI-26' : i === 1 ? 'AI-27' : i === 5 ? 'AI-26; AI-27' : i === 8 ? 'AI-28' : i === 28 ? 'AI-04' : i === 29 ? 'AI-30' : '';
    const excludes = i === 10 ? 'AI-37' : i === 36 ? 'AI-11' : '';
    const duration = i % 4 === 0 ? 2 : i % 7 === 0 ? 3 : '';
    const earliest = i % 5 === 2 ? 'H2' : '';
    const low = value > 0 && i % 3 !== 2 ? Math.round(value * 0.5) : '';
    const high = value > 0 && i % 3 !== 2 ? Math.round(value * 1.6) : '';
    return [...r, requires, excludes, duration, earliest, low, high];
  });
  rows[13]![col('Override')] = 'Out';
  rows[13]![col('Override reason')] = 'Paused until the works council agrees';
  rows[20]![col('Override')] = 'In';
  rows[20]![col('Override reason')] = 'Regulator commitment';
  const initiatives: RawTable = { sheet: 'Portfolio', name: 'Initiatives', headers, rows, origin: { row: 0, column: 0 } };
  const capacity: RawTable = { sheet: 'Capacity', name: 'Capacity', headers: ['Team', 'Capacity', 'Unit', 'H1', 'H2', 'H3'],
    rows: SAMPLE_TEAMS.map((t) => [t.team, t.capacity, t.unit, t.capacity, Math.round(t.capacity * 1.2), t.capacity]), origin: { row: 0, column: 0 } };
  const workbook = new ExcelJS.Workbook();
  addTableSheet(workbook, { table: initiatives, freezeColumns: 2 });
  addTableSheet(workbook, { table: capacity });
  const settings: RawTable = { sheet: 'Prioritisation settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'],
    rows: [['Horizons', 'H1, H2, H3'], ['Demand overrun', 0.1], ['Confidence draws', 200], ['Scenario', 'Legal +4']], origin: { row: 3, column: 0 } };
  addTableSheet(workbook, { table: settings });
  const layout = scenariosSheet({ scenarios: undefined, overrides: undefined }, { kind: 'save', scenario: {
    name: 'Legal +4', settings: { 'In-flight limit': 12 }, capacities: { Legal: 16 },
    overrides: [{ id: 'AI-09', initiative: 'Churn early warning', choice: 'In', reason: 'CEO priority for the year' }], savedAt: '2026-11-20T09:00:00Z', savedBy: 'Helen Park' } });
  writeSheet(workbook.addWorksheet('Scenarios'), layout);
  writeFileSync(join(outDir, 'p40.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function big500() {
  const p = generatePortfolio(500, 7);
  writeFileSync(join(outDir, 'p500.xlsx'), await tablesWorkbookBytes([{ table: withValueRanges(p.initiatives), freezeColumns: 2 }, { table: p.capacity }]));
}
(async () => { await big40(); await big500(); console.log('ok'); })();
