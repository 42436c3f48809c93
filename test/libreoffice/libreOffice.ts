// LibreOffice as a second spreadsheet application: it opens what we write,
// recalculates every formula, and saves each sheet as CSV with the values
// formatted as it shows them.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * A fresh profile per run, set to recalculate every formula when it loads an .xlsx (OOXMLRecalcMode 0),
 * so what it shows comes from its own calculation, not from values cached in the file.
 */
function freshProfile(dir: string): string {
  const user = join(dir, 'user');
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/**
 * CSV filter options, by position: comma separator, double quotes, UTF-8, from line 1, no column formats,
 * default language, quoted fields not forced to text, detect special numbers, save cells as shown (true),
 * export formulas (false), no space removal, then the sheet: -1 means every sheet, one file each
 * (LibreOffice 7.2 and later).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** RFC 4180 CSV as LibreOffice writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export const sofficeVersion = async (): Promise<string> => (await promisify(execFile)('soffice', ['--version'])).stdout.trim();

/** Every sheet of `xlsx` as LibreOffice shows it, by sheet name. */
export async function sheetsAsShown(xlsx: string): Promise<Map<string, string[][]>> {
  const work = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    const out = join(work, 'csv');
    await promisify(execFile)('soffice', [`-env:UserInstallation=${freshProfile(join(work, 'profile'))}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', out, xlsx], { timeout: 120_000 });
    const prefix = `${basename(xlsx, extname(xlsx))}-`;
    const sheets = new Map<string, string[][]>();
    for (const file of readdirSync(out)) sheets.set(file.slice(prefix.length, -'.csv'.length), parseCsv(readFileSync(join(out, file), 'utf8')));
    return sheets;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `file` converted by LibreOffice to `format` ("xlsx", "pdf"), written into `outDir`; returns the new file's path. */
export async function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    await promisify(execFile)('soffice', [`-env:UserInstallation=${freshProfile(join(work, 'profile'))}`, '--headless', '--convert-to', format, '--outdir', outDir, file], { timeout: 120_000 });
    return join(outDir, `${basename(file, extname(file))}.${format.split(':')[0]}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export type PdfPage = { text: string; width: number; height: number };

/** Each page of a PDF: its text (pdftotext) and size in points (pdfinfo). */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const run = promisify(execFile);
  const count = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1] ?? 0);
  const sizes = [...(await run('pdfinfo', ['-f', '1', '-l', String(count), pdf])).stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
  // pdftotext ends every page with a form feed.
  const texts = (await run('pdftotext', [pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout.split('\f');
  return sizes.map((size, i) => ({ text: texts[i] ?? '', width: Number(size[1]), height: Number(size[2]) }));
}
