import { createOfficeWorkbook } from '../../../src/adapters/office/officeWorkbook';
import { BUBBLE_OUTLINE } from '../../../src/adapters/office/charts';
import { runPlan } from '../../../src/app/runPlan';
import { prioritise } from '../../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import { planLayout } from '../../../src/layout/planLayout';
import { OUTPUT_COLUMNS } from '../../../src/engine/columns';
import { DECISION_HIGHLIGHTS, GATE_HIGHLIGHTS } from '../../../src/layout/outputColumns';
import { OWNER_MARK } from '../../../src/layout/names';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { addTable } from './fakeExcel';
import { NOW, everything, portOn, sampleWorkbook, syncsSince, workbookWith } from './workbooks';
import { withValueRanges } from '../../../bench/generate';

const run = (fake: ReturnType<typeof sampleWorkbook>, options = {}) => runPlan(portOn(fake), { now: NOW }, { write: options });

const headerRow = (fake: ReturnType<typeof sampleWorkbook>, sheet = 'Portfolio') => fake.model.sheet(sheet)!.usedValues()[0]!.map(String);

describe('writing a plan through office.js', () => {
  it('takes four round trips in all: two to read, one to check, one to write', async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    expect(result.kind).toBe('written');
    expect(syncsSince(fake)).toHaveLength(4);
  });

  it('appends the ten output columns at the right of the table, in the contract order', async () => {
    const fake = sampleWorkbook();
    const before = headerRow(fake);
    await run(fake);
    expect(headerRow(fake)).toEqual([...before, ...OUTPUT_COLUMNS.map((c) => c.header)]);
    expect(fake.model.table('Initiatives')!.columns).toBe(before.length + OUTPUT_COLUMNS.length);
  });

  it('writes each output cell as the layout has it, on the row of its initiative', async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const sheet = fake.model.sheet('Portfolio')!;
    const first = headerRow(fake).indexOf('Priority');
    const { values } = result.layout.outputs;
    values.forEach((row, r) => row.forEach((cell, c) => expect(sheet.value(1 + r, first + c)).toEqual(cell ?? '')));
  });

  it('gives every output column its number format, text columns the Text format', async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const sheet = fake.model.sheet('Portfolio')!;
    const first = headerRow(fake).indexOf('Priority');
    expect(result.layout.outputs.formats.map((_, c) => sheet.format(5, first + c))).toEqual(['0', '0.0', '0.0', '0.0', '0.0', '@', '@', '@', '@', '@']);
  });

  it('highlights Gate and Decision with one expression-based rule per value, in plain Excel', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const headers = headerRow(fake);
    const rules = fake.model.sheet('Portfolio')!.conditionalFormats;
    const gate = headers.indexOf('Gate');
    const onGate = rules.filter((r) => r.rect.column === gate);
    expect(onGate.map((r) => [r.type, r.fill, r.font])).toEqual(GATE_HIGHLIGHTS.map((h) => ['Custom', h.fill, h.font]));
    expect(onGate[0]!.formula).toMatch(/^=[A-Z]+2="Scale-ready"$/);
    expect(rules.filter((r) => r.rect.column === headers.indexOf('Decision'))).toHaveLength(DECISION_HIGHLIGHTS.length);
  });

  it('never changes a cell of the user: every input cell is as it was', async () => {
    const fake = sampleWorkbook();
    const inputs = () => fake.model.sheet('Portfolio')!.values({ row: 0, column: 0, rows: 40, columns: 31 });
    const before = inputs();
    await run(fake);
    expect(inputs()).toEqual(before);
  });

  it('keeps a name that starts with = as text everywhere it is written', async () => {
    const { initiatives, capacity } = sampleTables();
    const name = '=HYPERLINK("http://x","y")';
    const rows = initiatives.rows.map((row, i) => (i === 0 ? row.map((cell, c) => (initiatives.headers[c] === 'Initiative' ? name : cell)) : row));
    const fake = workbookWith({ ...initiatives, rows }, capacity);
    await run(fake);
    const cells = fake.model.sheets.flatMap((s) => [...s.cellsIn({ row: 0, column: 0, rows: 10_000, columns: 100 })].map(([, , cell]) => cell));
    expect(cells.filter((cell) => cell.formula !== undefined)).toEqual([]);
    expect(cells.some((cell) => cell.value === name)).toBe(true);
    expect(cells.filter((cell) => typeof cell.value === 'string' && cell.value.includes(name)).length).toBeGreaterThan(1);
  });

  it('finds output columns where the user moved them and writes them there', async () => {
    const { initiatives, capacity } = sampleTables();
    const headers = [...initiatives.headers.slice(0, 2), 'Priority', 'Why', ...initiatives.headers.slice(2)];
    const rows = initiatives.rows.map((row) => [...row.slice(0, 2), 99, 'stale', ...row.slice(2)]);
    const fake = workbookWith({ ...initiatives, headers, rows }, capacity);
    // The settings record both as the prioritiser's: it made them on an earlier run, and the user moved them.
    addTable(fake.model, { sheet: 'Prioritisation settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows: [['Output columns', 'Priority, Why']], origin: { row: 2, column: 0 } });
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const after = headerRow(fake);
    expect(after.slice(0, 4)).toEqual(['ID', 'Initiative', 'Priority', 'Why']);
    expect(after.filter((h) => h === 'Priority' || h === 'Why')).toHaveLength(2);
    const sheet = fake.model.sheet('Portfolio')!;
    const priority = result.layout.outputs.keys.indexOf('priority');
    const why = result.layout.outputs.keys.indexOf('why');
    expect(sheet.value(1, 2)).toBe(result.layout.outputs.values[0]![priority]);
    expect(sheet.value(1, 3)).toBe(result.layout.outputs.values[0]![why]);
  });

  it('shows the output columns it appends where the user hid the unused columns right of the table', async () => {
    const fake = sampleWorkbook();
    const sheet = fake.model.sheet('Portfolio')!;
    const { initiatives } = sampleTables();
    const right = initiatives.origin.column + initiatives.headers.length;
    for (let c = right; c < right + 40; c++) sheet.hiddenColumns.add(c);
    await run(fake);
    const outputs = OUTPUT_COLUMNS.map((c) => c.header).filter((h) => fake.model.table('Initiatives')!.headers.includes(h));
    expect(outputs.length).toBeGreaterThan(5);
    const placed = outputs.map((h) => right + fake.model.table('Initiatives')!.headers.indexOf(h) - initiatives.headers.length);
    for (const column of placed) expect({ column, hidden: sheet.hiddenColumns.has(column) }).toEqual({ column, hidden: false });
    expect(sheet.hiddenColumns.has(right + 39)).toBe(true);
  });

  it('adds no column and no highlight rule when run again', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const columns = fake.model.table('Initiatives')!.columns;
    const rules = fake.model.sheet('Portfolio')!.conditionalFormats.length;
    await run(fake);
    expect(fake.model.table('Initiatives')!.columns).toBe(columns);
    expect(fake.model.sheet('Portfolio')!.conditionalFormats).toHaveLength(rules);
  });

  it('builds the Change impact sheet from the layout, marked as the add-in\'s own, with a frozen header and widths', async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const sheet = fake.model.sheet('Change impact')!;
    const expected = result.layout.changeImpact.values.map((row) => row.map((cell) => cell ?? ''));
    expect(sheet.values({ row: 0, column: 0, rows: expected.length, columns: expected[0]!.length })).toEqual(expected);
    expect(String(sheet.value(1, 0)).startsWith(OWNER_MARK)).toBe(true);
    expect(sheet.widths.get(0)).toBeGreaterThan(sheet.widths.get(5)!);
    expect(sheet.peek(0, 0)!.look).toMatchObject({ bold: true, size: 14 });
  });

  it('rebuilds the Change impact sheet on a rerun: its charts and rules are not doubled', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const sheet = () => fake.model.sheet('Change impact')!;
    const first = { charts: sheet().charts.length, rules: sheet().conditionalFormats.length };
    await run(fake);
    expect({ charts: sheet().charts.length, rules: sheet().conditionalFormats.length }).toEqual(first);
  });

  it('draws the portfolio map as a native bubble chart with one coloured series per decision', async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const bubble = fake.model.sheet('Change impact')!.charts.find((c) => c.type === 'Bubble')!;
    const spec = result.layout.changeImpact.charts.find((c) => c.kind === 'bubble')!;
    expect(bubble.series.map((s) => [s.name, s.color])).toEqual(spec.series.map((s) => [s.name, s.color]));
    expect(bubble.series.every((s) => s.x && s.y && s.size)).toBe(true);
    expect(bubble.series[0]!.x).toBe(`'Change impact'!C${spec.series[0]!.x!.row + 1}:C${spec.series[0]!.x!.row + spec.series[0]!.x!.rows}`);
  });

  it("sizes the portfolio map's bubbles for the count, parts them with a white outline (office.js sets no transparency) and fixes both axes to 0-100", async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const bubble = fake.model.sheet('Change impact')!.charts.find((c) => c.type === 'Bubble')!;
    const spec = result.layout.changeImpact.charts.find((c) => c.kind === 'bubble')!;
    expect(spec.bubbleScale).toBe(30);
    for (const s of bubble.series) expect(s).toMatchObject({ bubbleScale: spec.bubbleScale, line: BUBBLE_OUTLINE });
    expect([bubble.xRange, bubble.yRange]).toEqual([{ min: 0, max: 100 }, { min: 0, max: 100 }]);
    expect(bubble.series.at(-1)!.name).toBe('Commit');
  });

  it('draws team capacity before and after as a clustered column chart over the team names, its value axis from zero', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const columns = fake.model.sheet('Change impact')!.charts.find((c) => c.type === 'ColumnClustered')!;
    expect(columns.series.map((s) => s.name)).toEqual(['Before', 'After']);
    expect(columns.series.every((s) => s.x === columns.series[0]!.x && s.x?.startsWith("'Change impact'!A"))).toBe(true);
    // Excel fits the axis to close utilisations (75% and 83%) from about 70%, drawing one bar four times the other.
    expect([columns.xRange, columns.yRange]).toEqual([undefined, { min: 0 }]);
  });

  it('draws how sure the plan is as a native column chart of the borderline initiatives\' confidence, over their names', async () => {
    const { initiatives, capacity } = sampleTables();
    const fake = workbookWith(withValueRanges(initiatives), capacity);
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const spec = result.layout.changeImpact.charts.find((c) => c.title.startsWith('How sure'))!;
    const chart = fake.model.sheet('Change impact')!.charts.find((c) => c.title === spec.title)!;
    expect(chart.type).toBe('ColumnClustered');
    const rows = (ref: { row: number; rows: number }, column: string) => `'Change impact'!${column}${ref.row + 1}:${column}${ref.row + ref.rows}`;
    expect(chart.series.map((s) => [s.name, s.x, s.y, s.color])).toEqual([['Confidence', rows(spec.categories!, 'A'), rows(spec.series[0]!.y, 'C'), '#BF8F00']]);
  });

  it('appends one Decision log row per run, keeping the earlier ones', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    await runPlan(portOn(fake), { now: '2026-11-24T10:00:00.000Z' });
    const log = fake.model.table('DecisionLog')!;
    expect(log.bodyRows).toBe(2);
    const when = (r: number) => log.sheet.value(log.row + 1 + r, log.column);
    expect([when(0), when(1)]).toEqual([expect.any(Number), expect.any(Number)]);
    expect((when(1) as number) - (when(0) as number)).toBeCloseTo(1, 6);
    expect(log.sheet.format(log.row + 2, log.column)).toBe('yyyy-mm-dd hh:mm_0');
  });

  it('creates the settings sheet on the first run and leaves it as the user edited it afterwards', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const settings = fake.model.table('PrioritisationSettings')!;
    settings.sheet.cell(settings.row + 1, settings.column + 1).value = 70;
    const result = await run(fake);
    expect(result.kind).toBe('written');
    expect(settings.sheet.value(settings.row + 1, settings.column + 1)).toBe(70);
    expect(result.kind === 'written' && result.outcome.sheetsWritten).toEqual(['Portfolio', 'Change impact', 'Decision log']);
  });
});

describe('when the workbook changed after it was read', () => {
  const coAuthor = (fake: ReturnType<typeof sampleWorkbook>, edit: () => void) => {
    // Syncs 1-2 read; the co-author acts just before the write's check (sync 3).
    let syncs = 0;
    const run = fake.run;
    fake.run = (work) =>
      run((context) => {
        const fakeContext = context as unknown as { beforeSync?: () => void };
        fakeContext.beforeSync = () => ++syncs === 3 && edit();
        return work(context);
      });
  };

  it.each([
    ['a row was added', (fake: ReturnType<typeof sampleWorkbook>) => {
      const table = fake.model.table('Initiatives')!;
      table.bodyRows++;
      table.sheet.cell(table.row + table.bodyRows, table.column + 1).value = 'New idea';
    }, /Rows were added to or removed/],
    ['a value was edited', (fake: ReturnType<typeof sampleWorkbook>) => {
      fake.model.sheet('Portfolio')!.cell(3, 5).value = 1;
    }, /edited or sorted/],
    ['the rows were sorted', (fake: ReturnType<typeof sampleWorkbook>) => {
      const sheet = fake.model.sheet('Portfolio')!;
      const a = sheet.values({ row: 1, column: 0, rows: 1, columns: 31 })[0]!;
      const b = sheet.values({ row: 2, column: 0, rows: 1, columns: 31 })[0]!;
      a.forEach((v, c) => (sheet.cell(2, c).value = v));
      b.forEach((v, c) => (sheet.cell(1, c).value = v));
    }, /edited or sorted/],
    ['the table was renamed', (fake: ReturnType<typeof sampleWorkbook>) => {
      fake.model.table('Initiatives')!.name = 'Portfolio2026';
    }, /renamed or deleted/],
  ])('writes nothing and says so when %s', async (_what, edit, message) => {
    const fake = sampleWorkbook();
    let snapshot: unknown;
    coAuthor(fake, () => {
      edit(fake);
      snapshot = everything(fake);
    });
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem).toEqual({ kind: 'changed', message: expect.stringMatching(message) });
    expect(everything(fake)).toEqual(snapshot);
  });
});

describe('a sheet name the user already uses', () => {
  const withUserSheet = () => {
    const fake = sampleWorkbook();
    const sheet = fake.model.addSheet('Change impact');
    sheet.cell(0, 0).value = 'My own notes';
    sheet.cell(1, 0).value = 'Not made by any add-in';
    return fake;
  };

  it('is left alone and nothing is written: the outcome names the sheet and its role', async () => {
    const fake = withUserSheet();
    const before = everything(fake);
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem).toMatchObject({ kind: 'name-taken', sheet: 'Change impact', role: 'changeImpact' });
    expect(everything(fake)).toEqual(before);
  });

  it('is still left alone when the user agrees to another name, which the add-in then uses', async () => {
    const fake = withUserSheet();
    const result = await run(fake, { sheetNames: { changeImpact: 'Change impact (plan)' } });
    expect(result.kind).toBe('written');
    expect(fake.model.sheet('Change impact')!.usedValues()).toEqual([['My own notes'], ['Not made by any add-in']]);
    expect(String(fake.model.sheet('Change impact (plan)')!.value(1, 0))).toContain(OWNER_MARK);
  });

  it("makes the Decision log's header row tall enough for its wrapped headers", async () => {
    const fake = sampleWorkbook();
    await runPlan(portOn(fake), { now: NOW });
    expect(fake.model.sheet('Decision log')!.heights.get(3)).toBe(45);
  });

  it("wraps the Change impact's Before and After at the top of their rows, which Excel fits to them, in one request a block", async () => {
    const fake = sampleWorkbook();
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    const sheet = fake.model.sheet('Change impact')!;
    const blocks = result.layout.changeImpact.styles.filter((s) => s.style === 'wrap');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      for (const r of [block.row, block.row + (block.rows ?? 1) - 1]) {
        expect(sheet.fitted.has(r)).toBe(true);
        expect(sheet.heights.has(r)).toBe(false);
        expect(sheet.peek(r, 4)?.look).toMatchObject({ wrap: true, vertical: 'Top' });
      }
    }
  });

  it('gives a rebuilt sheet the standard row height where the last run made a header row taller', async () => {
    const fake = sampleWorkbook();
    const first = await run(fake);
    if (first.kind !== 'written') throw new Error(first.kind);
    // A header row of an earlier run, since moved: the rows now there are plain rows.
    fake.model.sheet('Change impact')!.heights.set(400, 45);
    const second = await run(fake);
    if (second.kind !== 'written') throw new Error(second.kind);
    const layout = second.layout.changeImpact;
    const wrapped = (row: number) => layout.styles.some((s) => s.style === 'wrap' && row >= s.row && row < s.row + (s.rows ?? 1));
    const tall = (layout.rowHeights ?? []).filter((h) => !wrapped(h.row)).map((h) => [h.row, h.points]);
    expect([...fake.model.sheet('Change impact')!.heights]).toEqual(tall);
    expect(fake.model.sheet('Change impact')!.heights.has(400)).toBe(false);
  });

  it('is the add-in\'s own sheet when A2 carries its mark, and is rebuilt', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    fake.model.sheet('Change impact')!.cell(60, 20).value = 'left-over';
    await run(fake);
    expect(fake.model.sheet('Change impact')!.value(60, 20)).toBe('');
  });
});

describe('Excel that cannot take the request', () => {
  it('waits while the user types in a cell, tells the pane once, and writes when they leave it', async () => {
    const fake = sampleWorkbook();
    const onEditing = jest.fn();
    let waits = 0;
    const port = createOfficeWorkbook({
      run: fake.run,
      supports: () => true,
      onEditing,
      retry: { delaysMs: [10], sleep: async () => void (++waits === 2 && (fake.model.editing = false)) },
    });
    const snapshot = await port.read();
    fake.model.editing = true;
    const plan = prioritise(snapshot, { now: NOW });
    const outcome = await port.write(plan, planLayout(plan), snapshot.fingerprint);
    expect(outcome).toMatchObject({ ok: true });
    expect([onEditing.mock.calls.length, waits]).toEqual([1, 2]);
    expect(fake.model.sheet('Change impact')).toBeDefined();
  });

  it('writes nothing while the user stays in the cell past the wait, and says so plainly', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    const snapshot = await port.read();
    const before = everything(fake);
    fake.model.editing = true;
    const plan = prioritise(snapshot, { now: NOW });
    const outcome = await port.write(plan, planLayout(plan), snapshot.fingerprint);
    expect(outcome).toEqual({ ok: false, problem: { kind: 'editing', message: expect.stringMatching(/finish typing in a cell/) } });
    fake.model.editing = false;
    expect(everything(fake)).toEqual(before);
  });

  it('says in plain words that Excel is too old, before touching anything, when ExcelApi 1.7 is missing', async () => {
    const fake = sampleWorkbook();
    const result = await runPlan(portOn(fake, (v) => v < '1.7'), { now: NOW });
    expect(result.kind === 'not-written' && result.outcome.problem).toEqual({ kind: 'unsupported', message: expect.stringMatching(/too old/) });
    expect(fake.model.sheet('Change impact')).toBeUndefined();
  });

  it('states the team utilisation axis in percent where ExcelApi 1.8 allows, and leaves it to Excel below', async () => {
    const fake = sampleWorkbook();
    await runPlan(portOn(fake), { now: NOW });
    const formats = fake.model.sheet('Change impact')!.charts.map((c) => [c.type, c.yFormat]);
    expect(formats).toEqual(expect.arrayContaining([['ColumnClustered', '0%'], ['Bubble', undefined]]));
    const old = sampleWorkbook();
    await runPlan(portOn(old, (v) => v === '1.7'), { now: NOW });
    expect(old.model.sheet('Change impact')!.charts.every((c) => c.yFormat === undefined)).toBe(true);
  });

  it('still writes both charts where ExcelApi 1.9 is missing, only without the smaller bubbles (outlines and fixed axes kept)', async () => {
    const fake = sampleWorkbook();
    await runPlan(portOn(fake, (v) => v === '1.7'), { now: NOW });
    const charts = fake.model.sheet('Change impact')!.charts;
    expect(charts).toHaveLength(2);
    expect(charts.flatMap((c) => c.series).every((s) => s.bubbleScale === undefined)).toBe(true);
    const bubble = charts.find((c) => c.type === 'Bubble')!;
    expect(bubble.series.every((s) => s.line?.color === BUBBLE_OUTLINE.color)).toBe(true);
    expect(bubble.yRange).toEqual({ min: 0, max: 100 });
  });
});

describe('a protected sheet', () => {
  it('writes nothing when the Initiatives table\'s sheet is protected, and says which sheet', async () => {
    const fake = sampleWorkbook();
    fake.model.sheet('Portfolio')!.protected = true;
    const before = everything(fake);
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem).toEqual({ kind: 'protected', sheet: 'Portfolio', message: expect.stringMatching(/Unprotect/) });
    expect(everything(fake)).toEqual(before);
  });

  it('writes nothing, not even the output columns, when a sheet of the add-in\'s was protected since', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    fake.model.sheet('Change impact')!.protected = true;
    const before = everything(fake);
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem).toMatchObject({ kind: 'protected', sheet: 'Change impact' });
    expect(everything(fake)).toEqual(before);
  });
});

describe('a table that does not start at A1', () => {
  it('is written at its own place, leaving the cells around it alone', async () => {
    const { initiatives, capacity } = sampleTables();
    const fake = workbookWith({ ...initiatives, origin: { row: 4, column: 2 } }, capacity);
    const sheet = fake.model.sheet('Portfolio')!;
    sheet.cell(0, 0).value = 'Portfolio 2027, draft';
    sheet.cell(4, 0).value = 'note beside the table';
    addTable(fake.model, { sheet: 'Other', name: 'Budget', headers: ['Line', 'Amount'], rows: [['IT', 5]] });
    const result = await run(fake);
    expect(result.kind).toBe('written');
    expect(sheet.value(0, 0)).toBe('Portfolio 2027, draft');
    expect(sheet.value(4, 0)).toBe('note beside the table');
    expect(sheet.value(4, 2 + initiatives.headers.length)).toBe('Priority');
    expect(sheet.value(5, 2 + initiatives.headers.length)).toEqual(expect.any(Number));
  });
});

describe('a Decision log the user has rearranged', () => {
  it('gets each new cell under its own header and leaves the user\'s added column alone', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const log = fake.model.table('DecisionLog')!;
    const sheet = log.sheet;
    const headers = log.headers;
    const by = headers.indexOf('Run by');
    const period = headers.indexOf('Planning period');
    // Swap the two columns, values and headers, and add a column of the user's at the right.
    for (let r = log.row; r <= log.row + log.bodyRows; r++) {
      const a = sheet.cell(r, log.column + by);
      const b = sheet.cell(r, log.column + period);
      [a.value, b.value] = [b.value, a.value];
    }
    sheet.cell(log.row, log.column + log.columns).value = 'My comment';
    log.columns++;
    await run(fake);
    const newRow = log.row + log.bodyRows;
    expect(sheet.value(newRow, log.column + by)).toBe(sheet.value(newRow - 1, log.column + by));
    expect(sheet.value(newRow, log.column + by)).toBe('Next planning period');
    expect(sheet.value(newRow, log.column + log.columns - 1)).toBe('');
  });
});

describe('a write after another command changed the workbook', () => {
  it('looks at the workbook afresh instead of trusting the earlier read', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    const snapshot = await port.read();
    await port.saveSettings(DEFAULT_SETTINGS); // makes the settings sheet the read did not see
    const plan = prioritise(snapshot, { now: NOW });
    const outcome = await port.write(plan, planLayout(plan), snapshot.fingerprint);
    expect(outcome).toEqual({ ok: true, sheetsWritten: ['Portfolio', 'Change impact', 'Decision log'], cellsWritten: expect.any(Number) });
  });
});
