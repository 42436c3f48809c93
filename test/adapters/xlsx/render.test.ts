// A cell of the add-in's as the writer renders it, read back by the reader: any text comes back as it was.

import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { readBlock, sharedStrings } from '../../../src/adapters/xlsx/cells';
import { cellXml } from '../../../src/adapters/xlsx/render';
import { escapeXml } from '../../../src/adapters/xlsx/xml';

/** The text as cellXml writes it, read back from a one-cell sheet (with the shared strings it added). */
function roundTrip(text: string): unknown {
  const added: string[] = [];
  const xml = cellXml('B2', text, 3, (escaped) => added.push(escaped) - 1)!;
  // Well-formed XML (a bare & or < would not be), keeping the spaces at its ends and its line breaks.
  new SaxesParser().write(xml).close();
  if (added.length === 0 && /^\s|\s$|\n/.test(text)) expect(xml).toContain('<t xml:space="preserve">');
  const sst = `<sst>${added.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('')}</sst>`;
  const sheet = `<worksheet><sheetData><row r="2">${xml}</row></sheetData></worksheet>`;
  return readBlock(sheet, { top: 2, bottom: 2, left: 2, right: 2 }, { strings: sharedStrings(sst), date1904: false }).values[0]?.[0];
}

test('any text is read back as written: markup characters, spaces at either end, line breaks, control characters and literal escapes', () => {
  const pieces = fc.constantFrom('a', ' ', '\n', '\t', '\r', '&', '<', '>', '"', "'", '_x0041_', '_x', '\u0007', '\u00a0', '€', '日', '\ufffe');
  fc.assert(
    fc.property(fc.array(pieces, { minLength: 1, maxLength: 12 }).map((p) => p.join('')), (text) => {
      expect(roundTrip(text)).toBe(text);
    }),
  );
});

test('a plain text is written inline, as it is', () => {
  expect(cellXml('B2', 'Deferred (in-flight limit)', 5)).toBe('<c r="B2" s="5" t="inlineStr"><is><t>Deferred (in-flight limit)</t></is></c>');
});
