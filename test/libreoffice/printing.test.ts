// Board-pack printing (issue 22): LibreOffice saves the command's output on the sample as a PDF.
// The add-in's sheets print landscape, one page wide (the Decision log two), the title on every page and a footer naming
// the sheet, so each page can be put down to its sheet; the user's sheets print as they did.

import { mkdirSync, readFileSync } from 'node:fs';
import { readZip } from '../../src/adapters/exceljs/zip';
import { tempFolder } from '../adapters/exceljs/xlsxFixtures';
import { runCommand } from '../cli/runCommand';
import { convertWithLibreOffice, pdfPages, type PdfPage } from './libreOffice';

const SAMPLE = 'examples/sample-portfolio.xlsx';
const OURS = ['Change impact', 'Decision log', 'Prioritisation settings'];

const folder = tempFolder();
afterAll(() => folder.cleanup());

/** The sheet a page belongs to, by the footer ours carry ("<sheet> … Page N of M"); undefined for a user's sheet. */
const sheetOf = (page: PdfPage): string | undefined => OURS.find((name) => new RegExp(`^${name}$`, 'm').test(page.text) && /Page \d+ of \d+/.test(page.text));

describe('the add-in sheets of the sample, printed to PDF by LibreOffice', () => {
  let pages: PdfPage[];
  let output: string;

  beforeAll(async () => {
    output = folder.path('planned.xlsx');
    const run = await runCommand([SAMPLE, '--out', output]);
    expect(run.code).toBe(0);
    mkdirSync(folder.path('pdf'));
    pages = await pdfPages(await convertWithLibreOffice(output, 'pdf', folder.path('pdf')));
  });

  it('take at most 10 pages, every one landscape, each sheet at least one', () => {
    const ours = pages.filter((p) => sheetOf(p) !== undefined);
    expect(ours.length).toBeGreaterThanOrEqual(OURS.length);
    expect(ours.length).toBeLessThanOrEqual(10);
    for (const name of OURS) expect(ours.filter((p) => sheetOf(p) === name).length).toBeGreaterThan(0);
    for (const page of ours) expect(page.width).toBeGreaterThan(page.height);
    for (const page of ours) expect(page.text).toMatch(/Run of \d{4}-\d\d-\d\d \d\d:\d\d UTC|Printed /);
  });

  it('print Change impact whole: the title on every page, and every column of each section on the page it starts', () => {
    const impact = pages.filter((p) => sheetOf(p) === 'Change impact');
    // A page holding only the right-hand columns would not start with column A, where the title is.
    for (const page of impact) expect(page.text).toContain('Change impact: ');
    const all = impact.map((p) => p.text).join('\n');
    // The last column's header of each section is there: nothing is cut off at the right.
    for (const header of ['Utilisation after', 'Heaviest', 'Why not now', 'Annual value', 'After']) expect(all).toContain(header);
  });

  it('print each chart whole on one page: its title and its axis title on the same page', () => {
    const impact = pages.filter((p) => sheetOf(p) === 'Change impact');
    for (const [title, axis] of [
      ['Portfolio map: impact against friction', 'Friction score (change load)'],
      ['Team utilisation: everything', 'Share of capacity'],
    ]) {
      const holding = impact.filter((p) => p.text.includes(title!));
      expect(holding).toHaveLength(1);
      expect(holding[0]!.text).toContain(axis);
    }
  });

  it("print every Decision log header whole: a word such as '(dependency)' stays on one line rather than losing its last letter to the next", () => {
    const log = pages.filter((p) => sheetOf(p) === 'Decision log').map((p) => p.text).join('\n');
    for (const word of ['(capacity)', '(dependency)', '(alternative)', 'Initiatives', 'Utilisation', 'Overrides']) expect(log).toContain(word);
  });

  it('print the Decision log two pages wide, each starting with the run time, its headers split between them', () => {
    const log = pages.filter((p) => sheetOf(p) === 'Decision log');
    expect(log).toHaveLength(2);
    for (const page of log) expect(page.text).toContain('Run at (UTC)');
    expect(log[0]!.text).toContain('Weights');
    expect(log[0]!.text).not.toContain('Overrides');
    expect(log[1]!.text).toContain('Overrides');
  });

  it("leave the user's sheets' page setup as it was", () => {
    const part = (file: string, name: string) => readZip(readFileSync(file)).find((e) => e.name === name)!.data().toString();
    const setup = (xml: string) => xml.slice(xml.indexOf('</sheetData>')).replace(/<conditionalFormatting[\s\S]*<\/conditionalFormatting>/, '').replace(/<tableParts[\s\S]*$/, '');
    const head = (xml: string) => xml.slice(0, xml.indexOf('<dimension'));
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(setup(part(output, sheet))).toBe(setup(part(SAMPLE, sheet)));
      expect(head(part(output, sheet))).toBe(head(part(SAMPLE, sheet)));
    }
    expect(pages.filter((p) => sheetOf(p) === undefined).length).toBeGreaterThan(0);
  });
});
