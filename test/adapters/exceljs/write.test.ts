import type ExcelJS from 'exceljs';
import { excelJsPort } from '../../../src/adapters/exceljs/excelJsPort';
import { openWorkbook, saveWorkbook } from '../../../src/adapters/exceljs/workbookFile';
import { runPlan, type RunResult } from '../../../src/app/runPlan';
import { columnLetters } from '../../../src/engine/address';
import { OUTPUT_COLUMNS } from '../../../src/engine/columns';
import type { WriteOptions } from '../../../src/port/workbookPort';
import { NOW, named } from '../../builders';
import { cellsOf, fromBytes, portfolioWorkbook, toBytes } from './xlsxFixtures';

const OUTPUT_HEADERS = OUTPUT_COLUMNS.map((c) => c.header);

/** One run on the bytes of a workbook, as the command does it: open, plan, write, save. */
async function runOn(bytes: Buffer, write: WriteOptions = {}, now = NOW): Promise<{ result: RunResult; bytes: Buffer; workbook: ExcelJS.Workbook }> {
  const { workbook } = await openWorkbook(bytes);
  const result = await runPlan(excelJsPort(workbook), { now }, { write });
  const saved = await saveWorkbook(workbook);
  return { result, bytes: saved, workbook: await fromBytes(saved) };
}

const tableModel = (workbook: ExcelJS.Workbook, sheet: string, name: string) =>
  (workbook.getWorksheet(sheet) as unknown as { tables: Record<string, { model: { tableRef: string; columns: { name: string }[] } }> }).tables[name]!.model;

const headerRow = (workbook: ExcelJS.Workbook, sheet = 'Portfolio', row = 3): unknown[] =>
  (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);

const columnOf = (workbook: ExcelJS.Workbook, header: string, sheet = 'Portfolio', row = 3): number => headerRow(workbook, sheet, row).indexOf(header) + 1;

/** The values below a header of the Initiatives table (at B3 by default), one per initiative. */
function columnValues(workbook: ExcelJS.Workbook, header: string, rows = 5): unknown[] {
  const sheet = workbook.getWorksheet('Portfolio')!;
  const column = columnOf(workbook, header);
  return Array.from({ length: rows }, (_, i) => sheet.getCell(4 + i, column).value);
}

type Formatting = { ref: string; rules: { formulae?: string[] }[] };
const formattings = (workbook: ExcelJS.Workbook, sheet = 'Portfolio'): Formatting[] =>
  (workbook.getWorksheet(sheet) as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings;

describe('writing the output columns', () => {
  it('appends the ten output columns at the right of the table and grows the table over them', async () => {
    const { workbook } = await runOn(await toBytes(portfolioWorkbook()));
    const model = tableModel(workbook, 'Portfolio', 'Initiatives');
    const columns = model.columns.map((c) => c.name);
    expect(columns.slice(-10)).toEqual(OUTPUT_HEADERS);
    expect(headerRow(workbook).slice(1)).toEqual(columns);
    expect(model.tableRef).toBe(`B3:${columnLetters(columns.length)}8`);
  });

  it("writes each initiative's priority, gate and decision on its own row", async () => {
    const { result, workbook } = await runOn(await toBytes(portfolioWorkbook()));
    const byRow = [...result.plan.entries].sort((a, b) => a.initiative.rowIndex - b.initiative.rowIndex);
    expect(columnValues(workbook, 'Priority')).toEqual(byRow.map((e) => e.priority));
    expect(columnValues(workbook, 'Gate')).toEqual(byRow.map((e) => e.gate.gate));
    expect(columnValues(workbook, 'Decision')).toEqual(byRow.map((e) => e.decision));
  });

  it('gives score columns one decimal and text columns the Text format', async () => {
    const { workbook } = await runOn(await toBytes(portfolioWorkbook()));
    const sheet = workbook.getWorksheet('Portfolio')!;
    expect(sheet.getCell(4, columnOf(workbook, 'Priority score')).numFmt).toBe('0.0');
    expect(sheet.getCell(4, columnOf(workbook, 'Why')).numFmt).toBe('@');
  });

  it('writes into output columns the user moved, adding only the missing ones', async () => {
    const input = portfolioWorkbook({ userColumns: { Decision: '', 'Analyst note': 'checked' } });
    // The settings record Decision as the prioritiser's: it made it on an earlier run, and the user moved it.
    input.addWorksheet('Prioritisation settings').addTable({ name: 'PrioritisationSettings', ref: 'A3', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['Output columns', 'Decision']] });
    const { workbook } = await runOn(await toBytes(input));
    const headers = headerRow(workbook);
    expect(headers.filter((h) => h === 'Decision')).toHaveLength(1);
    expect(headers.indexOf('Decision')).toBeLessThan(headers.indexOf('Analyst note'));
    expect(columnValues(workbook, 'Decision').every((d) => typeof d === 'string' && d.length > 0)).toBe(true);
    expect(headers.slice(-9)).toEqual(OUTPUT_HEADERS.filter((h) => h !== 'Decision'));
  });

  it('adds no column and writes the same outputs on a second run', async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const second = await runOn(first.bytes);
    expect(headerRow(second.workbook)).toEqual(headerRow(first.workbook));
    for (const header of OUTPUT_HEADERS) expect(columnValues(second.workbook, header)).toEqual(columnValues(first.workbook, header));
  });

  it('keeps the totals row of a table below the outputs', async () => {
    const { workbook } = await runOn(await toBytes(portfolioWorkbook({ totalsRow: true })));
    const grown = tableModel(workbook, 'Portfolio', 'Initiatives');
    expect(grown.tableRef).toMatch(/^B3:[A-Z]+9$/);
    expect(columnValues(workbook, 'Priority', 6)[5]).toBeNull();
  });

  it('refuses, writing nothing, when the cells to the right of the table hold data', async () => {
    const input = portfolioWorkbook();
    const sheet = input.getWorksheet('Portfolio')!;
    const right = (sheet.getRow(3).values as unknown[]).length;
    sheet.getCell(6, right + 2).value = 'My side calculation';
    const { result, workbook } = await runOn(await toBytes(input));
    expect(result.kind).toBe('not-written');
    expect(result.kind === 'not-written' && result.outcome.problem.message).toMatch(/cells to the right of table Initiatives \(Portfolio![A-Z]+3:[A-Z]+8\) hold data \(Portfolio!AG6 first\)/);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Portfolio', 'Capacity']);
    expect(headerRow(workbook)).not.toContain('Priority');
  });

  it('refuses when another table sits where the outputs would go', async () => {
    const input = portfolioWorkbook();
    const sheet = input.getWorksheet('Portfolio')!;
    const right = (sheet.getRow(3).values as unknown[]).length;
    // Five columns after the table's last one, in a row above its header: only the table is in the way.
    sheet.addTable({ name: 'Notes', ref: `${columnLetters(right + 3)}1`, headerRow: true, columns: [{ name: 'Note' }], rows: [[null], [null], [null]] });
    const { result } = await runOn(await toBytes(input));
    expect(result.kind === 'not-written' && result.outcome.problem.message).toMatch(/hold table Notes/);
  });

  it('writes a name that looks like a formula as text, not as a formula', async () => {
    const injected = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-1+1', '@risk'];
    const input = portfolioWorkbook({ rows: injected.map((name) => named(name, { 'Annual value': 500_000 })) });
    const { workbook } = await runOn(await toBytes(input));
    const impact = workbook.getWorksheet('Change impact')!;
    const texts: ExcelJS.Cell[] = [];
    impact.eachRow((row) => row.eachCell((cell) => injected.includes(String(cell.value)) && texts.push(cell)));
    expect(texts.length).toBeGreaterThanOrEqual(injected.length);
    for (const cell of texts) {
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
  });
});

describe('conditional formats for Gate and Decision', () => {
  const gateRules = (workbook: ExcelJS.Workbook) => formattings(workbook).filter((f) => f.rules.some((r) => r.formulae?.[0]?.endsWith('="Blocked"')));

  it('colours Gate and Decision with expression rules over their cells', async () => {
    const { workbook } = await runOn(await toBytes(portfolioWorkbook()));
    const rules = gateRules(workbook);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.rules.map((r) => r.formulae![0])).toContain(`${rules[0]!.ref.split(':')[0]}="Scale-ready"`);
    expect(formattings(workbook).filter((f) => f.rules.some((r) => r.formulae?.[0]?.endsWith('="Commit"')))).toHaveLength(1);
  });

  it('does not pile up rules over several runs', async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const third = await runOn((await runOn(first.bytes)).bytes);
    expect(formattings(third.workbook)).toHaveLength(formattings(first.workbook).length);
  });

  it("keeps a rule the user added to the Gate column", async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const { workbook } = await openWorkbook(first.bytes);
    const gate = columnOf(first.workbook, 'Gate');
    const letter = columnLetters(gate - 1);
    workbook.getWorksheet('Portfolio')!.addConditionalFormatting({
      ref: `${letter}4:${letter}8`,
      rules: [{ type: 'containsText', operator: 'containsText', text: 'ready', style: { font: { bold: true } }, priority: 99 } as never],
    });
    const second = await runOn(await saveWorkbook(workbook));
    const kept = formattings(second.workbook).flatMap((f) => f.rules).filter((r) => (r as { type?: string }).type === 'containsText');
    expect(kept.map((r) => r.formulae?.[0])).toEqual([`NOT(ISERROR(SEARCH("ready",${letter}4)))`]);
  });
});

describe('the sheets the prioritiser owns', () => {
  it('creates Change impact, Decision log and Prioritisation settings after the user sheets', async () => {
    const { workbook } = await runOn(await toBytes(portfolioWorkbook({ summarySheet: true })));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Portfolio', 'Capacity', 'Summary', 'Change impact', 'Decision log', 'Prioritisation settings']);
  });

  it('rebuilds its Change impact sheet in the same tab position on a later run', async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const second = await runOn(first.bytes, {}, '2026-12-01T09:00:00.000Z');
    expect(second.workbook.worksheets.map((w) => w.name)).toEqual(first.workbook.worksheets.map((w) => w.name));
    expect(String(second.workbook.getWorksheet('Change impact')!.getCell('A2').value)).toContain('2026-12-01 09:00:00 UTC');
  });

  it('appends exactly one Decision log row per run', async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const second = await runOn(first.bytes);
    expect(tableModel(first.workbook, 'Decision log', 'DecisionLog').tableRef).toMatch(/^A4:[A-Z]+5$/);
    expect(tableModel(second.workbook, 'Decision log', 'DecisionLog').tableRef).toMatch(/^A4:[A-Z]+6$/);
    expect(second.workbook.getWorksheet('Decision log')!.getCell('A7').value).toBeNull();
  });

  it('moves a note typed under the Decision log down a row instead of overwriting it', async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const { workbook } = await openWorkbook(first.bytes);
    workbook.getWorksheet('Decision log')!.getCell('A6').value = 'Reviewed by the CFO';
    const second = await runOn(await saveWorkbook(workbook));
    expect(second.workbook.getWorksheet('Decision log')!.getCell('A7').value).toBe('Reviewed by the CFO');
  });

  it("leaves the user's own Change impact sheet alone and reports the name as taken by default", async () => {
    const input = portfolioWorkbook();
    input.addWorksheet('Change impact').getCell('A1').value = 'My own analysis';
    const { result, workbook } = await runOn(await toBytes(input));
    expect(result.kind === 'not-written' && result.outcome.problem).toMatchObject({ kind: 'name-taken', sheet: 'Change impact' });
    expect(workbook.getWorksheet('Change impact')!.getCell('A1').value).toBe('My own analysis');
    expect(workbook.getWorksheet('Decision log')).toBeUndefined();
  });

  it('writes "Change impact (2)" when the name is taken and the caller asks for the next free name, then finds it again', async () => {
    const input = portfolioWorkbook();
    input.addWorksheet('change impact').getCell('A1').value = 'My own analysis';
    const first = await runOn(await toBytes(input), { whenNameTaken: 'next-free' });
    expect(first.result.kind === 'written' && first.result.outcome.renamed).toEqual([{ wanted: 'Change impact', used: 'Change impact (2)' }]);
    const second = await runOn(first.bytes, { whenNameTaken: 'next-free' });
    expect(second.workbook.worksheets.map((w) => w.name)).toEqual(first.workbook.worksheets.map((w) => w.name));
    expect(second.workbook.getWorksheet('change impact')!.getCell('A1').value).toBe('My own analysis');
  });

  it('creates the settings sheet with the defaults on the first run', async () => {
    const { workbook } = await runOn(await toBytes(portfolioWorkbook()));
    const settings = cellsOf(workbook.getWorksheet('Prioritisation settings')!);
    expect(settings.get('A5')?.value).toBe('Impact weight');
    expect(settings.get('B5')?.value).toBe(50);
    expect(tableModel(workbook, 'Prioritisation settings', 'PrioritisationSettings').tableRef).toMatch(/^A4:B\d+$/);
  });

  it('plans with the settings the user edited on the settings sheet', async () => {
    const first = await runOn(await toBytes(portfolioWorkbook()));
    const { workbook } = await openWorkbook(first.bytes);
    const sheet = workbook.getWorksheet('Prioritisation settings')!;
    let limitRow = 0;
    sheet.eachRow((row, n) => row.getCell(1).value === 'In-flight limit' && (limitRow = n));
    sheet.getCell(limitRow, 2).value = 1;
    const second = await runOn(await saveWorkbook(workbook));
    expect(second.result.plan.settings.inFlightLimit).toBe(1);
    expect(second.result.plan.summary.inFlight).toBe(1);
    expect(second.workbook.getWorksheet('Prioritisation settings')!.getCell(limitRow, 2).value).toBe(1);
  });
});

describe('the port outside a run', () => {
  it('writes nothing when the table changed since it was read', async () => {
    const { workbook } = await openWorkbook(await toBytes(portfolioWorkbook()));
    const port = excelJsPort(workbook);
    const result = await runPlan(port, { now: NOW });
    if (result.kind !== 'written') throw new Error(`expected a written plan, got ${result.kind}`);
    const stale = await port.write(result.plan, result.layout, 'not-the-fingerprint');
    expect(stale).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'changed' }) });
  });

  it('saves settings into the existing settings table', async () => {
    const { workbook } = await openWorkbook((await runOn(await toBytes(portfolioWorkbook()))).bytes);
    const port = excelJsPort(workbook);
    const { plan } = await runPlan(port, { now: NOW });
    await port.saveSettings({ ...plan.settings, inFlightLimit: 3 });
    const snapshot = await port.read();
    expect(snapshot.settings!.rows.find((r) => r[0] === 'In-flight limit')).toEqual(['In-flight limit', 3]);
  });
});

describe('a sheet protected in the file', () => {
  it('reads Review > Protect Sheet from the file and writes nothing to a protected Initiatives sheet', async () => {
    const book = portfolioWorkbook();
    await book.getWorksheet('Portfolio')!.protect('', {});
    const { result, workbook } = await runOn(await toBytes(book));
    expect(result.kind === 'not-written' && result.outcome.problem).toMatchObject({ kind: 'protected', sheet: 'Portfolio' });
    expect(headerRow(workbook)).not.toContain('Priority');
    expect(workbook.getWorksheet('Change impact')).toBeUndefined();
  });
});
