import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { OUTPUT_COLUMNS } from '../../src/engine/columns';
import { named } from '../builders';
import { portfolioMapLook } from '../../src/layout/changeImpactSheet';
import { cellsOf, editZip, fromBytes, portfolioWorkbook, tempFolder, toBytes, type CellRecord } from '../adapters/exceljs/xlsxFixtures';
import { withRichParts } from '../adapters/exceljs/richParts';
import { readZip } from '../../src/adapters/exceljs/zip';
import { runCommand } from './runCommand';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

const USER_SHEETS = ['Portfolio', 'Capacity', 'Summary'];
const OUTPUT_HEADERS: string[] = OUTPUT_COLUMNS.map((c) => c.header);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function writeInput(workbook: ExcelJS.Workbook, name = 'portfolio.xlsx'): Promise<string> {
  const path = folder.path(name);
  writeFileSync(path, await toBytes(workbook));
  return path;
}

const open = async (path: string) => fromBytes(readFileSync(path));

/** The output columns of the Initiatives table (header row 3), by header, in row order. */
function outputColumns(workbook: ExcelJS.Workbook): Record<string, unknown[]> {
  const sheet = workbook.getWorksheet('Portfolio')!;
  const headers = (sheet.getRow(3).values as unknown[]).map(String);
  const columns: Record<string, unknown[]> = {};
  for (const header of OUTPUT_HEADERS) {
    const column = headers.indexOf(header);
    columns[header] = Array.from({ length: 5 }, (_, i) => sheet.getCell(4 + i, column).value);
  }
  return columns;
}

const sheetCells = (workbook: ExcelJS.Workbook, name: string): Map<string, CellRecord> => cellsOf(workbook.getWorksheet(name)!);

describe('a run on a real workbook file', () => {
  it('leaves every cell of every sheet the user had unchanged, values and formulas', async () => {
    const input = await writeInput(portfolioWorkbook({ summarySheet: true }));
    const before = await open(input);
    expect((await runCommand([input])).code).toBe(0);
    const after = await open(folder.path('portfolio.prioritised.xlsx'));
    for (const sheet of USER_SHEETS) {
      const kept = sheetCells(after, sheet);
      for (const [address, cell] of sheetCells(before, sheet)) expect({ address, ...kept.get(address) }).toEqual({ address, ...cell });
    }
  });

  it('adds cells to the user sheets only in the output columns', async () => {
    const input = await writeInput(portfolioWorkbook({ summarySheet: true }));
    const before = await open(input);
    await runCommand([input]);
    const after = await open(folder.path('portfolio.prioritised.xlsx'));
    const outputColumnLetters = new Set<string>();
    after.getWorksheet('Portfolio')!.getRow(3).eachCell((cell) => OUTPUT_HEADERS.includes(String(cell.value)) && outputColumnLetters.add(cell.address.replace(/\d+$/, '')));
    for (const sheet of USER_SHEETS) {
      const added = [...sheetCells(after, sheet).keys()].filter((a) => !sheetCells(before, sheet).has(a));
      expect(added.filter((a) => !(sheet === 'Portfolio' && outputColumnLetters.has(a.replace(/\d+$/, ''))))).toEqual([]);
    }
  });

  it('never changes the input file', async () => {
    const input = await writeInput(portfolioWorkbook());
    const hash = sha(input);
    await runCommand([input]);
    expect(sha(input)).toBe(hash);
  });

  it('gives identical outputs on a second run, with one more log row and no new column', async () => {
    const input = await writeInput(portfolioWorkbook());
    const once = folder.path('once.xlsx');
    const twice = folder.path('twice.xlsx');
    await runCommand([input, '--out', once]);
    expect((await runCommand([once, '--out', twice])).code).toBe(0);
    const [first, second] = [await open(once), await open(twice)];
    expect(second.getWorksheet('Portfolio')!.getRow(3).values).toEqual(first.getWorksheet('Portfolio')!.getRow(3).values);
    expect(outputColumns(second)).toEqual(outputColumns(first));
    expect(sheetCells(second, 'Change impact')).toEqual(sheetCells(first, 'Change impact'));
    expect(sheetCells(second, 'Prioritisation settings')).toEqual(sheetCells(first, 'Prioritisation settings'));
    const logRows = (w: ExcelJS.Workbook) => w.getWorksheet('Decision log')!.actualRowCount;
    expect(logRows(second)).toBe(logRows(first) + 1);
  });

  it('exits 0 and lists a row with an unreadable cell, with its sheet, column and cell', async () => {
    const input = await writeInput(portfolioWorkbook({ rows: [named('Invoice matching'), named('Claims triage', { 'Strategic fit': 7 })] }));
    const run = await runCommand([input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Input problems \(1\)\n\s+error\s+Portfolio!H5: Strategic fit in Portfolio!H5 is 7; expected 1-5/);
  });

  it('prints each problem on one line when its header breaks across lines (Alt+Enter in the header cell)', async () => {
    const rows = [named('Invoice matching'), named('Claims triage', { 'Strategic fit': 7 })];
    const input = await writeInput(portfolioWorkbook({ rows, rename: { 'Strategic fit': 'Strategic fit\n(1-5)' } }));
    const run = await runCommand([input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Input problems \(1\)\n\s+error\s+Portfolio!H5: Strategic fit \(1-5\) in Portfolio!H5 is 7; expected 1-5[^\n]*\n/);
  });

  it('prints decisions, committed value, team utilisation before and after, and the top of the ranking', async () => {
    const input = await writeInput(portfolioWorkbook());
    const { stdout } = await runCommand([input]);
    expect(stdout).toContain(`Wrote ${folder.path('portfolio.prioritised.xlsx')}`);
    expect(stdout).toMatch(/Decisions\n\s+Commit\s+3\n/);
    expect(stdout).toMatch(/Committed value \$2\.9M of \$4\.4M requested/);
    expect(stdout).toMatch(/Legal\s+6 weeks\s+167%\s+83%/);
    expect(stdout).toMatch(/Top 5 by priority\n\s+1\. Claims triage/);
  });

  it('draws both charts, the portfolio map and team utilisation, on the Change impact sheet', async () => {
    const { stdout } = await runCommand([await writeInput(portfolioWorkbook())]);
    expect(stdout).not.toMatch(/no charts yet/);
    const zip = await JSZip.loadAsync(readFileSync(folder.path('portfolio.prioritised.xlsx')));
    const charts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    expect(charts.map((c) => (c.includes('<c:bubbleChart>') ? 'bubble' : c.includes('<c:barChart>') ? 'columns' : 'other')).sort()).toEqual(['bubble', 'columns']);
    expect(charts.join('')).toContain("<c:f>'Change impact'!$E$");
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toContain('name="Change impact chart 1"');
  });

  it('shows the team utilisation axis in percent, so LibreOffice and other viewers read 250% rather than 2.5', async () => {
    await runCommand([await writeInput(portfolioWorkbook())]);
    const zip = await JSZip.loadAsync(readFileSync(folder.path('portfolio.prioritised.xlsx')));
    const charts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    const columns = charts.find((c) => c.includes('<c:barChart>'))!;
    const valueAxis = /<c:valAx>.*?<\/c:valAx>/.exec(columns)![0];
    expect(valueAxis).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    // The portfolio map's scores keep the cells' own format.
    const bubble = charts.find((c) => c.includes('<c:bubbleChart>'))!;
    expect(bubble).not.toContain('formatCode="0%"');
  });

  it("draws the portfolio map's bubbles sized and faded for the portfolio's count, committed ones on top, on axes fixed to 0-100", async () => {
    await runCommand([await writeInput(portfolioWorkbook())]);
    const zip = await JSZip.loadAsync(readFileSync(folder.path('portfolio.prioritised.xlsx')));
    const charts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    const bubble = charts.find((c) => c.includes('<c:bubbleChart>'))!;
    const points = [...bubble.matchAll(/<c:yVal>.*?<c:ptCount val="(\d+)"\/>/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const look = portfolioMapLook(points);
    expect(bubble).toContain(`<c:bubbleScale val="${look.bubbleScale}"/>`);
    const series = [...bubble.matchAll(/<c:ser>.*?<\/c:ser>/g)].map((m) => m[0]);
    for (const s of series) expect(s).toMatch(new RegExp(`<a:solidFill><a:srgbClr val="[0-9A-F]{6}"><a:alpha val="${look.fillOpacity * 100000}"/></a:srgbClr></a:solidFill><a:ln w="9525">`));
    expect(/<c:tx><c:v>([^<]*)<\/c:v>/.exec(series.at(-1)!)![1]).toBe('Commit');
    const axes = [...bubble.matchAll(/<c:valAx>.*?<\/c:valAx>/g)].map((m) => m[0]);
    expect(axes).toHaveLength(2);
    for (const axis of axes) expect(axis).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling>');
  });

  it('writes the Roadmap sheet with its stacked-column chart and the Start column when the settings name two horizons', async () => {
    const workbook = portfolioWorkbook();
    const settings = workbook.addWorksheet('Prioritisation settings');
    settings.addTable({ name: 'PrioritisationSettings', ref: 'A4', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['Horizons', 'H1, H2']] });
    const run = await runCommand([await writeInput(workbook)]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(folder.path('portfolio.prioritised.xlsx')));
    const charts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    const stacked = charts.find((c) => c.includes('<c:grouping val="stacked"/>'));
    expect(stacked).toContain('<c:overlap val="100"/>');
    expect(stacked).toContain("<c:f>Roadmap!$H$");
    const output = await open(folder.path('portfolio.prioritised.xlsx'));
    expect(output.getWorksheet('Roadmap')!.getCell('A1').value).toBe('Roadmap: H1, H2');
    expect((output.getWorksheet('Portfolio')!.getRow(3).values as unknown[]).map(String)).toContain('Start');
  });

  it('carries charts, pivot tables, sparklines and macros over byte for byte, and says nothing was lost', async () => {
    const input = folder.path('rich.xlsx');
    const rich = await withRichParts(await toBytes(portfolioWorkbook()));
    writeFileSync(input, rich);
    const run = await runCommand([input]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('lost');
    const stored = (bytes: Buffer) => new Map(readZip(bytes).map((e) => [e.name, e.stored.bytes]));
    const [before, after] = [stored(rich), stored(readFileSync(folder.path('rich.prioritised.xlsx')))];
    for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin', 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect({ part, same: after.get(part)?.equals(before.get(part)!) }).toEqual({ part, same: true });
    }
  });

  it("tells what the prioritiser's own Change impact sheet lost from the user's workbook", async () => {
    const first = folder.path('first.xlsx');
    await runCommand([await writeInput(portfolioWorkbook()), '--out', first]);
    // A pivot table and sparklines someone put on the Change impact sheet (sheet3 of the file): the sheet is rebuilt on every run.
    const withCharts = await withRichParts(readFileSync(first), 'xl/worksheets/sheet3.xml');
    writeFileSync(folder.path('charted.xlsx'), withCharts);
    const run = await runCommand([folder.path('charted.xlsx')]);
    expect(run.stdout).toContain("On the prioritiser's own sheets the output lost 1 pivot table and 1 sparkline group on Change impact");
    expect(run.stdout).not.toContain('The output lost');
  });

  it('says nothing is lost when the input has none of those', async () => {
    const run = await runCommand([await writeInput(portfolioWorkbook())]);
    expect(run.stdout).not.toContain('lost');
  });

  it('prints the same content as one JSON object with --json', async () => {
    const input = await writeInput(portfolioWorkbook({ rows: [named('Invoice matching', { Legal: 2 }), named('Claims triage', { 'Strategic fit': 7 })] }));
    const run = await runCommand([input, '--json', '--by', 'Ana Silva']);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, exitCode: 0, output: folder.path('portfolio.prioritised.xlsx'), initiatives: 2, settingsCreated: true });
    expect(report.decisions.Commit + report.decisions['Not ready']).toBe(2);
    expect(report.teams.find((t: { team: string }) => t.team === 'Legal')).toMatchObject({ capacity: 6, demandBefore: 2, utilisationBefore: 2 / 6 });
    expect(report.top[0]).toMatchObject({ priority: 1, initiative: 'Invoice matching' });
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Portfolio', column: 'Strategic fit', cell: 'H5' })]);
    expect(report.chartsNotDrawn).toEqual([]);
  });

  it('adds the bottleneck findings to the JSON, each with its figures and the sentence the text prints', async () => {
    const sample = resolve(__dirname, '../../examples/sample-portfolio.xlsx');
    const report = JSON.parse((await runCommand([sample, '--json', '--out', folder.path('sample.xlsx')])).stdout);
    const printed = (await runCommand([sample, '--out', folder.path('sample-text.xlsx')])).stdout.split('\n').map((line) => line.trim());
    // The members scripts already read are all still there, in their order; the findings come last.
    expect(Object.keys(report).slice(0, -1)).toEqual(['ok', 'exitCode', 'input', 'output', 'planningPeriod', 'method', 'initiatives', 'decisions', 'gates', 'currency', 'fxRates', 'committedValue', 'requestedValue', 'inFlight', 'teams', 'top', 'columns', 'unrecognised', 'problems', 'sheetsWritten', 'renamedSheets', 'settingsCreated', 'chartsNotDrawn', 'lost', 'notes']);
    const { bottlenecks } = report;
    expect(bottlenecks).toMatchObject({ method: 'Rank and fill', objective: 'Priority score' });
    expect(bottlenecks.notes[0]).toBe('Each figure re-runs rank and fill with the one change, so it matches the plan shown.');
    const finding = (kind: string, name: string) => bottlenecks.findings.find((f: { kind: string; team?: string; initiative?: string }) => f.kind === kind && (f.team ?? f.initiative) === name);
    // Data engineering binds Claims triage: one more week is worth $1.02M of committed value.
    expect(finding('capacity', 'Data engineering')).toEqual({
      kind: 'capacity',
      team: 'Data engineering',
      unit: 'weeks',
      horizon: null,
      step: 1,
      shadowPrice: null,
      valueGain: 1_020_000,
      objectiveGain: -7.6,
      deliveredGain: null,
      exact: true,
      enters: ['Claims triage', 'Board pack drafting'],
      leaves: ['Expense audit sampling', 'IT service desk routing'],
      moves: [],
      gap: 0,
      text: 'Data engineering +1 week: +$1M committed value, -7.6 priority points (Claims triage and Board pack drafting enter; Expense audit sampling and IT service desk routing leave).',
    });
    expect(finding('capacity', 'Security')).toMatchObject({ valueGain: 150_000, objectiveGain: 64, enters: ['Board pack drafting'] });
    expect(bottlenecks.findings.find((f: { kind: string }) => f.kind === 'in-flight')).toMatchObject({ valueGain: 0, text: 'In-flight limit +1: no change to the plan.' });
    expect(finding('override', 'AP duplicate payment detection')).toMatchObject({
      choice: 'In',
      valueCost: 0,
      objectiveCost: 0,
      text: 'Forcing in AP duplicate payment detection costs nothing: the plan would commit it anyway.',
    });
    expect(finding('deferred', 'Claims triage')).toMatchObject({
      decision: 'Deferred (capacity)',
      demandCuts: [{ team: 'Data engineering', unit: 'weeks', by: 1, to: 3 }],
      scoreNeeded: { measure: 'Priority score', now: 77.2, needed: 78.3, overtakes: 'Demand forecasting for stores' },
    });
    // Every finding is one the text prints, in the same order.
    const texts = bottlenecks.findings.map((f: { text: string }) => f.text);
    expect(texts.map((t: string) => printed.indexOf(t))).toEqual(texts.map((t: string) => printed.indexOf(t)).sort((a: number, b: number) => a - b));
    expect(texts.filter((t: string) => !printed.includes(t))).toEqual([]);
  });

  it('gives each team one finding per horizon on a roadmap, with the starts that move', async () => {
    const workbook = portfolioWorkbook();
    const settings = workbook.addWorksheet('Prioritisation settings');
    settings.addTable({ name: 'PrioritisationSettings', ref: 'A4', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['Horizons', 'H1, H2']] });
    const { findings } = JSON.parse((await runCommand([await writeInput(workbook), '--json'])).stdout).bottlenecks;
    const capacity = findings.filter((f: { kind: string }) => f.kind === 'capacity');
    expect(capacity.map((f: { team: string; horizon: string }) => `${f.team} in ${f.horizon}`).sort()).toEqual(['Legal in H1', 'Legal in H2', 'Security in H1', 'Security in H2']);
    expect(capacity.find((f: { team: string; horizon: string }) => f.team === 'Legal' && f.horizon === 'H1')).toMatchObject({
      valueGain: 0,
      deliveredGain: -50_000,
      moves: expect.arrayContaining([{ name: 'Churn early warning', from: 'H2', to: 'H1' }]),
      text: expect.stringMatching(/^Legal \+1 week in H1: -\$50k delivered this year/),
    });
    // The in-flight limit holds in every horizon: one finding, with no horizon of its own.
    expect(findings.filter((f: { kind: string }) => f.kind === 'in-flight')).toEqual([expect.objectContaining({ text: 'In-flight limit +1 (in every horizon): no change to the plan.' })]);
  });

  it('says that a second table of settings on the settings sheet is not read, so a value typed there is never lost without a word', async () => {
    const workbook = portfolioWorkbook();
    const settings = workbook.addWorksheet('Prioritisation settings');
    settings.addTable({ name: 'PrioritisationSettings', ref: 'A4', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['Planning period', 'FY27']] });
    settings.addTable({ name: 'MoreSettings', ref: 'E4', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['In-flight limit', 3]] });
    const report = JSON.parse((await runCommand([await writeInput(workbook), '--json'])).stdout);
    expect(report.inFlight.limit).toBe(10);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        sheet: 'Prioritisation settings',
        cell: 'A4',
        message: "Table MoreSettings on Prioritisation settings also has Setting and Value columns, but only table PrioritisationSettings (at 'Prioritisation settings'!A4) is read for the settings, so its rows are not used. Move them into PrioritisationSettings.",
      }),
    );
  });

  it("gives the Decision log's wrapped header row the lines its words need, so no header is cut to its first word", async () => {
    await runCommand([await writeInput(portfolioWorkbook())]);
    const log = (await open(folder.path('portfolio.prioritised.xlsx'))).getWorksheet('Decision log')!;
    expect(log.getCell('L4').value).toBe('Deferred (in-flight limit)');
    expect(log.getRow(4).height).toBe(45);
    // The run's row wraps its texts (Weights, Overrides) and stands as tall as its lines.
    expect(log.getRow(5).height).toBeGreaterThan(15);
    expect(log.getCell('F5').alignment?.wrapText).toBe(true);
  });

  it("wraps the Change impact's side-by-side sentences in their columns, each row as tall as its lines, in the workbook's own font", async () => {
    await runCommand([await writeInput(portfolioWorkbook())]);
    const sheet = (await open(folder.path('portfolio.prioritised.xlsx'))).getWorksheet('Change impact')!;
    let header = 0;
    sheet.eachRow((row, r) => void (row.getCell(1).value === 'Initiative' && row.getCell(4).value === 'Before' && (header = r)));
    const rows = Array.from({ length: 7 }, (_, k) => sheet.getRow(header + 1 + k));
    for (const row of rows) {
      expect(row.getCell(5).alignment).toEqual({ vertical: 'top', wrapText: true });
      expect(row.getCell(5).font?.bold).toBeFalsy();
    }
    // Each row is as tall as its longer sentence needs, in lines of 15 points: never cut to one line.
    const longest = rows.map((row) => Math.max(...[4, 5].map((c) => String(row.getCell(c).value ?? '').length)));
    rows.forEach((row, k) => expect(row.height ?? 15).toBeGreaterThanOrEqual(longest[k]! > 66 ? 30 : 15));
    expect(rows.some((row) => (row.height ?? 15) > 15)).toBe(true);
  });

  it('records who ran it in the Decision log', async () => {
    const input = await writeInput(portfolioWorkbook());
    await runCommand([input, '--by', 'Ana Silva']);
    expect((await open(folder.path('portfolio.prioritised.xlsx'))).getWorksheet('Decision log')!.getCell('B5').value).toBe('Ana Silva');
  });

  it('says, when the Prioritisation settings sheet holds settings that are not in a table, that they were not read and how to make them read', async () => {
    const workbook = portfolioWorkbook();
    const sheet = workbook.addWorksheet('Prioritisation settings');
    sheet.getCell('A1').value = 'Setting';
    sheet.getCell('B1').value = 'Value';
    sheet.getCell('A2').value = 'In-flight limit';
    sheet.getCell('B2').value = 1;
    const run = await runCommand([await writeInput(workbook)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Your workbook already has a sheet named "Prioritisation settings" that the prioritiser did not make; it was left alone and the prioritiser\'s sheet is "Prioritisation settings (2)". Settings on it are read only from a table with Setting and Value columns: select them, choose Insert > Table, and run again.',
    );
  });

  it('leaves a sheet of the user called Change impact alone and says where the prioritiser wrote', async () => {
    const workbook = portfolioWorkbook();
    workbook.addWorksheet('Change impact').getCell('A1').value = 'Our own change log';
    const run = await runCommand([await writeInput(workbook)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('already has a sheet named "Change impact" that the prioritiser did not make; it was left alone and the prioritiser\'s sheet is "Change impact (2)"');
    const output = await open(folder.path('portfolio.prioritised.xlsx'));
    expect(output.getWorksheet('Change impact')!.getCell('A1').value).toBe('Our own change log');
  });
});

describe('text written back stays text', () => {
  const INJECTED = ['=HYPERLINK("http://x","y")', '+SUM(1,2)'];

  async function outputZip(): Promise<JSZip> {
    const input = await writeInput(portfolioWorkbook({ rows: INJECTED.map((name) => named(name, { 'Annual value': 750_000 })) }));
    expect((await runCommand([input])).code).toBe(0);
    return JSZip.loadAsync(readFileSync(folder.path('portfolio.prioritised.xlsx')));
  }

  it('stores no formula on the sheets the prioritiser writes', async () => {
    const zip = await outputZip();
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet[3-5]\.xml$/.test(p));
    expect(sheets).toHaveLength(3);
    for (const path of sheets) expect(await zip.file(path)!.async('string')).not.toMatch(/<f[\s>]/);
  });

  it('keeps the names as strings that Excel shows as typed', async () => {
    const zip = await outputZip();
    const output = await fromBytes(await zip.generateAsync({ type: 'nodebuffer' }));
    const names = new Set<string>();
    output.getWorksheet('Change impact')!.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && INJECTED.includes(cell.value) && names.add(cell.value)));
    expect([...names].sort()).toEqual([...INJECTED].sort());
  });
});

describe('a workbook that cannot be used', () => {
  async function expectFailure(argv: string[], code: number, message: RegExp) {
    const before = readdirSync(folder.dir).sort();
    const run = await runCommand(argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(run.stdout).toBe('');
    expect(readdirSync(folder.dir).sort()).toEqual(before);
  }

  it('exits 1 when the file does not exist', () => expectFailure([folder.path('missing.xlsx')], 1, /^prioritise: cannot find .*missing\.xlsx; check the path/));

  it('exits 1 when the path is a folder', async () => {
    mkdirSync(folder.path('pack.xlsx'));
    await expectFailure([folder.path('pack.xlsx')], 1, /pack\.xlsx is a folder, not a workbook/);
  });

  it('exits 1 when the file is not a workbook', async () => {
    writeFileSync(folder.path('notes.xlsx'), 'Initiative,Owner\nInvoice matching,Marco\n');
    await expectFailure([folder.path('notes.xlsx')], 1, /notes\.xlsx is not a workbook the command can read: it is not an \.xlsx file/);
  });

  it('exits 1 when the file is an old .xls workbook', async () => {
    writeFileSync(folder.path('old.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expectFailure([folder.path('old.xlsx')], 1, /old-style \.xls file or a password-protected workbook; save it from Excel as \.xlsx/);
  });

  it('exits 1 when the file is a zip without a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    writeFileSync(folder.path('archive.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expectFailure([folder.path('archive.xlsx')], 1, /a zip file without an Excel workbook/);
  });

  it('exits 1 when the workbook is damaged inside', async () => {
    const damaged = await editZip(await toBytes(portfolioWorkbook()), (zip) => void zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"'));
    writeFileSync(folder.path('damaged.xlsx'), damaged);
    await expectFailure([folder.path('damaged.xlsx')], 1, /damaged\.xlsx is not a workbook the command can read/);
  });

  it('exits 1 when a part of the zip package is corrupt', async () => {
    const bytes = await toBytes(portfolioWorkbook());
    const sheet = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    // Overwrite the start of the first sheet's compressed data (just after its local header's name).
    const data = sheet + 'xl/worksheets/sheet1.xml'.length;
    bytes.fill(0xff, data, data + 16);
    writeFileSync(folder.path('corrupt.xlsx'), bytes);
    await expectFailure([folder.path('corrupt.xlsx')], 1, /corrupt\.xlsx is not a workbook the command can read: its zip package is damaged/);
  });

  it('exits 1 when there is no Initiatives table, naming the tables it has and what to do', async () => {
    const input = await writeInput(portfolioWorkbook({ tableName: 'Projects' }));
    await expectFailure([input], 1, /has no table named Initiatives \(its tables: Projects on Portfolio, Capacity on Capacity\)\. In Excel, .*Insert > Table, and name it Initiatives/);
  });

  it('exits 1 when the workbook has no tables at all', async () => {
    const workbook = portfolioWorkbook();
    for (const sheet of workbook.worksheets) (sheet as unknown as { tables: object }).tables = {};
    await expectFailure([await writeInput(workbook)], 1, /no table named Initiatives \(it has no Excel tables at all\)/);
  });

  it('exits 1 when the table has no initiative name column', async () => {
    const input = await writeInput(portfolioWorkbook({ rename: { Initiative: 'Scheme' } }));
    await expectFailure([input], 1, /cannot be prioritised: Table Initiatives on Portfolio has no "Initiative" column/);
  });

  it('exits 1 when the table has no initiatives', async () => {
    const input = await writeInput(portfolioWorkbook({ rows: [{ Initiative: null as never }] }));
    await expectFailure([input], 1, /has no initiatives yet; add one row per initiative/);
  });

  it('exits 1 when the output columns have no room to the right of the table', async () => {
    const workbook = portfolioWorkbook();
    const sheet = workbook.getWorksheet('Portfolio')!;
    sheet.getCell(4, (sheet.getRow(3).values as unknown[]).length + 1).value = 'side note';
    // The cell in the way is named: the user need not search the ten columns for it.
    await expectFailure([await writeInput(workbook)], 1, /cells to the right of table Initiatives \(Portfolio!AE3:AN8\) hold data \(Portfolio!AF4 first\)/);
  });

  it('exits 1 when the output folder does not exist', async () => {
    const input = await writeInput(portfolioWorkbook());
    await expectFailure([input, '--out', folder.path('no/such/folder/out.xlsx')], 1, /cannot write .*out\.xlsx: its folder does not exist; nothing was written/);
  });

  it('exits 1 when a folder in the output path is a file, saying so without the temporary file\'s name', async () => {
    const input = await writeInput(portfolioWorkbook());
    writeFileSync(folder.path('notes.txt'), 'a file, not a folder');
    await expectFailure([input, '--out', folder.path('notes.txt/out.xlsx')], 1, /^prioritise: cannot write .*notes\.txt\/out\.xlsx: a folder in its path is a file; nothing was written$/);
  });

  it('exits 2 on a usage error', () => expectFailure(['--out', 'x.xlsx'], 2, /^prioritise: name the workbook to prioritise/));

  it('exits 2 on an unknown option', () => expectFailure(['a.xlsx', '--fast'], 2, /^prioritise: unknown option --fast; see --help$/));

  it('prints a failure as one JSON object with --json', async () => {
    const run = await runCommand([folder.path('missing.xlsx'), '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, exitCode: 1, error: expect.stringMatching(/^cannot find /) });
  });
});
