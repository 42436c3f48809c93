// The file the command writes is the user's package plus ours (issue 21): a workbook with macros stays one,
// untouched parts come out as the very bytes they went in as, and workbooks written by other tools
// (tables without a style, inline strings, rich text, 1904 dates) are read as Excel shows them.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { readZip } from '../../src/adapters/exceljs/zip';
import { openSurgical } from '../../src/adapters/xlsx/session';
import { DEFAULT_ROWS, editZip, fromBytes, portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';
import { inventory } from '../../src/adapters/exceljs/features';
import { readParts } from '../../src/adapters/exceljs/xlsxParts';
import { OFFICE_PARTS, withOfficeParts } from '../adapters/xlsx/officeParts';
import { NOW } from '../builders';
import { runCommand } from './runCommand';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const VBA = Buffer.from('a stand-in for a VBA project, compiled by Excel');

/** The sample portfolio as Excel saves a macro-enabled workbook: the macro main content type and a VBA project linked from the workbook. */
async function macroWorkbook(): Promise<Buffer> {
  return editZip(await toBytes(portfolioWorkbook()), async (zip) => {
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/, MACRO_MAIN).replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    zip.file('xl/vbaProject.bin', VBA);
  });
}

/** The parts of a package by name (folders, which some writers list, are implied by the names). */
const stored = (bytes: Buffer) => new Map(readZip(bytes).filter((e) => !e.name.endsWith('/')).map((e) => [e.name, e]));

describe('a workbook with macros', () => {
  it('gives a .xlsm with the same VBA project, byte for byte, and the macro content type', async () => {
    const input = folder.path('budget.xlsm');
    const bytes = await macroWorkbook();
    writeFileSync(input, bytes);
    const run = await runCommand([input]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('lost');
    const output = readFileSync(folder.path('budget.prioritised.xlsm'));
    const [before, after] = [stored(bytes), stored(output)];
    expect(after.get('xl/vbaProject.bin')!.stored.bytes.equals(before.get('xl/vbaProject.bin')!.stored.bytes)).toBe(true);
    expect(after.get('xl/vbaProject.bin')!.data().equals(VBA)).toBe(true);
    expect(after.get('[Content_Types].xml')!.data().toString()).toContain(MACRO_MAIN);
    expect(after.get('xl/_rels/workbook.xml.rels')!.data().toString()).toContain('Target="vbaProject.bin"');
  });
});

describe('parts the plan does not change', () => {
  it('copies every part but the table sheet, table, styles, workbook, relationships and content types as stored', async () => {
    const input = folder.path('pack.xlsx');
    const bytes = await toBytes(portfolioWorkbook({ summarySheet: true }));
    writeFileSync(input, bytes);
    expect((await runCommand([input])).code).toBe(0);
    const [before, after] = [stored(bytes), stored(readFileSync(folder.path('pack.prioritised.xlsx')))];
    const changed = [...before.keys()].filter((p) => !after.get(p)?.stored.bytes.equals(before.get(p)!.stored.bytes));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/tables/table1.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort());
  });
});

describe('workbooks from other tools', () => {
  async function snapshotOf(bytes: Buffer) {
    const session = await openSurgical(bytes);
    return { session, snapshot: await session.port.read() };
  }

  it('plans a table without a table style (as LibreOffice saves it) and writes it back valid', async () => {
    const bytes = await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
      const table = await zip.file('xl/tables/table1.xml')!.async('string');
      zip.file('xl/tables/table1.xml', table.replace(/<tableStyleInfo[^>]*\/>/, ''));
    });
    const input = folder.path('plain.xlsx');
    writeFileSync(input, bytes);
    expect((await runCommand([input])).code).toBe(0);
    const table = await (await JSZip.loadAsync(readFileSync(folder.path('plain.prioritised.xlsx')))).file('xl/tables/table1.xml')!.async('string');
    expect(table).not.toContain('tableStyleInfo');
    expect(table).toMatch(/<tableColumn id="\d+" name="Priority"\/>/);
    const output = await fromBytes(readFileSync(folder.path('plain.prioritised.xlsx')));
    expect(output.getWorksheet('Portfolio')!.getRow(3).values).toContain('Priority');
  });

  it('reads inline strings and rich text as Excel shows them, in a workbook of the 1904 date system', async () => {
    const bytes = await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
      // "Invoice matching" as two rich-text runs, with a phonetic run that is not shown.
      zip.file('xl/sharedStrings.xml', strings.replace('<si><t>Invoice matching</t></si>', '<si><r><rPr><b/></rPr><t>Invoice </t></r><r><t>matching</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>'));
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      // The second initiative's name as an inline string.
      zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<c r="C5"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="C5"$1 t="inlineStr"><is><t>Inline text</t></is></c>'));
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace(/<workbookPr([^>]*)\/>/, '<workbookPr$1 date1904="1"/>'));
    });
    const { snapshot } = await snapshotOf(bytes);
    const names = snapshot.initiatives!.rows.map((r) => r[snapshot.initiatives!.headers.indexOf('Initiative')]);
    expect(names).toContain('Invoice matching');
    expect(names[1]).toBe('Inline text');
  });
});

describe('a workbook of the 1904 date system', () => {
  // Excel counts such a workbook's dates from 1904: a 1900-system serial there shows four years and a day late.
  it('logs the run at its own time, first run and a rerun that appends', async () => {
    const input = folder.path('mac.xlsx');
    writeFileSync(
      input,
      await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
        const book = await zip.file('xl/workbook.xml')!.async('string');
        zip.file('xl/workbook.xml', book.replace(/<workbookPr([^>]*)\/>/, '<workbookPr$1 date1904="1"/>'));
      }),
    );
    expect((await runCommand([input, '--out', folder.path('once.xlsx')])).code).toBe(0);
    expect((await runCommand([folder.path('once.xlsx'), '--out', folder.path('twice.xlsx')])).code).toBe(0);
    const log = (await fromBytes(readFileSync(folder.path('twice.xlsx')))).getWorksheet('Decision log')!;
    expect(log.getCell('A5').value).toEqual(new Date(NOW));
    expect(log.getCell('A6').value).toEqual(new Date(NOW));
  });

  it('says a date typed in a money column as the date Excel shows, not four years and a day early', async () => {
    const workbook = portfolioWorkbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.getWorksheet('Portfolio')!;
    const valueColumn = (sheet.getRow(3).values as unknown[]).indexOf('Annual value');
    const cell = sheet.getCell(4, valueColumn);
    cell.value = new Date(Date.UTC(2026, 5, 1));
    cell.numFmt = 'yyyy-mm-dd';
    const input = folder.path('mac-date.xlsx');
    writeFileSync(input, await toBytes(workbook));
    const run = await runCommand([input, '--json', '--out', folder.path('mac-date.out.xlsx')]);
    const problem = JSON.parse(run.stdout).problems.find((p: { cell?: string }) => p.cell === cell.address);
    expect(problem.message).toBe(`Annual value in Portfolio!${cell.address} is "2026-06-01, a date"; expected an amount such as 1200000, $1.2M or €300k.`);
  });
});

describe('slicers, timelines and threaded comments', () => {
  it('come out byte for byte on the Initiatives sheet the plan writes into, still linked, and nothing is said lost', async () => {
    const input = folder.path('board.xlsx');
    const bytes = await withOfficeParts(await toBytes(portfolioWorkbook()));
    writeFileSync(input, bytes);
    const features = async (file: Buffer) => (await inventory(await readParts(readZip(file)))).map((f) => `${f.count} ${f.feature} on ${f.sheet ?? 'the workbook'}`);
    expect(await features(bytes)).toEqual(expect.arrayContaining(['1 slicer on Portfolio', '1 timeline on Portfolio', '2 threaded comment on Portfolio', '1 note on Portfolio']));

    const run = await runCommand([input]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('lost');
    const output = readFileSync(folder.path('board.prioritised.xlsx'));
    const [before, after] = [stored(bytes), stored(output)];
    for (const part of [...Object.keys(OFFICE_PARTS), 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect({ part, same: after.get(part)?.stored.bytes.equals(before.get(part)!.stored.bytes) }).toEqual({ part, same: true });
    }
    // The parts the plan rewrites still point at them.
    const text = (part: string) => after.get(part)!.data().toString();
    expect(text('xl/worksheets/sheet1.xml')).toMatch(/<legacyDrawing r:id="rIdNotes"\/>.*<x14:slicer r:id="rIdSlicer"\/>.*<x15:timelineRef r:id="rIdTimeline"\/>/s);
    expect(text('xl/workbook.xml')).toMatch(/<x14:slicerCache r:id="rIdSlicerCache"\/>.*<x15:timelineCacheRef r:id="rIdTimelineCache"\/>/s);
    for (const target of ['slicerCaches/slicerCache1.xml', 'timelineCaches/timelineCache1.xml', 'persons/person.xml']) expect(text('xl/_rels/workbook.xml.rels')).toContain(`Target="${target}"`);
    expect(await features(output)).toEqual(expect.arrayContaining(await features(bytes)));
  });
});

describe('how sure is the plan, in the file the command writes', () => {
  it('adds the Confidence column, as percentages, when the table gives value ranges; none without', async () => {
    const rows = DEFAULT_ROWS.map((row, i) => ({ ...row, 'Value low': [600_000, 400_000, 500_000, 100_000, 100_000][i]!, 'Value high': [2_500_000, 2_000_000, 2_600_000, 400_000, 900_000][i]! }));
    const input = folder.path('ranges.xlsx');
    writeFileSync(input, await toBytes(portfolioWorkbook({ rows })));
    expect((await runCommand([input])).code).toBe(0);
    const sheet = (await fromBytes(readFileSync(folder.path('ranges.prioritised.xlsx')))).getWorksheet('Portfolio')!;
    const headers = sheet.getRow(3).values as unknown[];
    const column = headers.indexOf('Confidence');
    expect(column).toBeGreaterThan(0);
    const shares = rows.map((_, i) => sheet.getCell(4 + i, column).value as number);
    expect(shares.every((s) => typeof s === 'number' && s >= 0 && s <= 1)).toBe(true);
    expect(shares.some((s) => s > 0 && s < 1)).toBe(true);
    expect(sheet.getCell(4, column).numFmt).toBe('0%');
    // The HR chatbot has no owner: not ready, so in no future.
    expect(shares[3]).toBe(0);

    const plain = folder.path('plain-values.xlsx');
    writeFileSync(plain, await toBytes(portfolioWorkbook()));
    expect((await runCommand([plain])).code).toBe(0);
    const plainSheet = (await fromBytes(readFileSync(folder.path('plain-values.prioritised.xlsx')))).getWorksheet('Portfolio')!;
    expect(plainSheet.getRow(3).values).not.toContain('Confidence');
  });
});

describe('a rerun on its own output', () => {
  it('adds no styles, renumbers no conditional formats and grows no part, run after run', async () => {
    const input = folder.path('run0.xlsx');
    writeFileSync(input, await toBytes(portfolioWorkbook({ summarySheet: true })));
    const runs: Map<string, ReturnType<typeof readZip>[number]>[] = [];
    for (const n of [1, 2, 3]) {
      expect((await runCommand([folder.path(`run${n - 1}.xlsx`), '--out', folder.path(`run${n}.xlsx`)])).code).toBe(0);
      runs.push(stored(readFileSync(folder.path(`run${n}.xlsx`))));
    }
    const text = (run: number, part: string) => runs[run]!.get(part)!.data().toString();
    const [first, second, third] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    // The styles the first run appended are found again, not appended anew (they grew by 4 cell formats and 5 highlight styles a run).
    expect(text(1, 'xl/styles.xml')).toBe(text(0, 'xl/styles.xml'));
    expect(text(2, 'xl/styles.xml')).toBe(text(0, 'xl/styles.xml'));
    // The Initiatives sheet comes out the same: its Gate and Decision highlights keep their priorities (they climbed by 13 a run).
    expect(text(1, 'xl/worksheets/sheet1.xml')).toBe(text(0, 'xl/worksheets/sheet1.xml'));
    expect(text(2, 'xl/worksheets/sheet1.xml')).toBe(text(0, 'xl/worksheets/sheet1.xml'));
    expect([second.size, third.size]).toEqual([first.size, first.size]);
    const names = (run: number) => (text(run, 'xl/workbook.xml').match(/<definedName /g) ?? []).length;
    expect([names(1), names(2)]).toEqual([names(0), names(0)]);
  });
});

describe('a rerun on a workbook saved with one of the add-in\'s sheets open', () => {
  it('keeps that sheet selected, so the copy opens on it with its tab selected as the workbook says', async () => {
    const first = folder.path('open-first.xlsx');
    writeFileSync(folder.path('open-in.xlsx'), await toBytes(portfolioWorkbook()));
    expect((await runCommand([folder.path('open-in.xlsx'), '--out', first])).code).toBe(0);
    const isChangeImpact = (xml: string) => xml.includes('<t>Change impact: ');
    // As Excel saves it with Change impact open: that sheet's tab selected, no other.
    const saved = await editZip(readFileSync(first), async (zip) => {
      for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
        const xml = (await zip.file(path)!.async('string')).replace(/ tabSelected="[^"]*"/g, '');
        zip.file(path, isChangeImpact(xml) ? xml.replace('<sheetView ', '<sheetView tabSelected="1" ') : xml);
      }
    });
    writeFileSync(folder.path('open-saved.xlsx'), saved);
    expect((await runCommand([folder.path('open-saved.xlsx'), '--out', folder.path('open-again.xlsx')])).code).toBe(0);
    const sheets = [...stored(readFileSync(folder.path('open-again.xlsx')))].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map(([, entry]) => entry.data().toString());
    const selected = sheets.filter((xml) => /<sheetView [^>]*tabSelected="(1|true)"/.test(xml));
    expect(selected).toHaveLength(1);
    expect(isChangeImpact(selected[0]!)).toBe(true);
  });
});

describe('a workbook whose unused columns are hidden', () => {
  it.each(['surgical', 'exceljs'] as const)('shows the output columns it appends there, and leaves the columns the user hid as they were (%s writer)', async (writer) => {
    // A common finish: every column right of the table (AE on) hidden, and one of the user's own table columns (AD) too.
    const input = folder.path('tidy.xlsx');
    writeFileSync(
      input,
      await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
        const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
        zip.file('xl/worksheets/sheet1.xml', xml.replace('<sheetData', '<cols><col min="1" max="29" width="14" customWidth="1"/><col min="30" max="30" width="14" customWidth="1" hidden="1"/><col min="31" max="16384" width="9" hidden="1"/></cols><sheetData'));
      }),
    );
    expect((await runCommand([input], { writer })).code).toBe(0);
    const sheet = (await fromBytes(readFileSync(folder.path('tidy.prioritised.xlsx')))).getWorksheet('Portfolio')!;
    const headers = sheet.getRow(3).values as unknown[];
    const outputs = ['Priority', 'Decision', 'Why'].map((h) => headers.indexOf(h));
    expect(outputs.every((c) => c > 30)).toBe(true);
    for (const column of outputs) expect({ column, hidden: sheet.getColumn(column).hidden }).toEqual({ column, hidden: false });
    expect(sheet.getColumn(30).hidden).toBe(true);
    expect(sheet.getColumn(Math.max(...outputs) + 1).hidden).toBe(true);
  });
});

describe('a workbook whose structure is protected (Review > Protect Workbook)', () => {
  const locked = async (bytes: Buffer) =>
    editZip(bytes, async (zip) => {
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    });

  it('is refused on a first run, which would add sheets, as Excel refuses it, and nothing is written', async () => {
    const input = folder.path('locked.xlsx');
    writeFileSync(input, await locked(await toBytes(portfolioWorkbook())));
    const run = await runCommand([input, '--out', folder.path('out.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/structure is protected, so the prioritiser cannot add its "Change impact" sheet\. Nothing was written\. Unprotect the workbook \(Review > Protect Workbook\)/);
    expect(existsSync(folder.path('out.xlsx'))).toBe(false);
  });

  it('gets a rerun all the same, its sheets rebuilt in place and no sheet added', async () => {
    const first = folder.path('first.xlsx');
    writeFileSync(folder.path('in.xlsx'), await toBytes(portfolioWorkbook()));
    expect((await runCommand([folder.path('in.xlsx'), '--out', first])).code).toBe(0);
    writeFileSync(folder.path('locked.xlsx'), await locked(readFileSync(first)));
    expect(readZip(readFileSync(folder.path('locked.xlsx'))).find((e) => e.name === 'xl/workbook.xml')!.data().toString()).toContain('lockStructure="1"');
    expect((await runCommand([folder.path('locked.xlsx'), '--out', folder.path('again.xlsx')])).code).toBe(0);
    const sheets = (file: string) => [...readZip(readFileSync(file)).find((e) => e.name === 'xl/workbook.xml')!.data().toString().matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets(folder.path('again.xlsx'))).toEqual(sheets(first));
  });
});

describe('a table the user sorted', () => {
  it('has its sort cover the output columns, so reapplying it moves them with their rows', async () => {
    const input = folder.path('sorted.xlsx');
    writeFileSync(
      input,
      await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
        const table = await zip.file('xl/tables/table1.xml')!.async('string');
        // Sorted by Annual value, largest first, as Excel records it: the table's body, inside its filter.
        zip.file('xl/tables/table1.xml', table.replace(/<autoFilter ref="([^"]+)">[\s\S]*?<\/autoFilter>|<autoFilter ref="([^"]+)"\/>/, '<autoFilter ref="B3:AD8"><sortState ref="B4:AD8"><sortCondition descending="1" ref="G4:G8"/></sortState></autoFilter>'));
      }),
    );
    expect((await runCommand([input])).code).toBe(0);
    const table = stored(readFileSync(folder.path('sorted.prioritised.xlsx'))).get('xl/tables/table1.xml')!.data().toString();
    expect(table).toContain('<autoFilter ref="B3:AN8"><sortState ref="B4:AN8"><sortCondition descending="1" ref="G4:G8"/></sortState></autoFilter>');
  });
});
