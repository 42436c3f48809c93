// A large part written piece by piece as UTF-8 bytes: the same bytes as the pieces joined and encoded.

import fc from 'fast-check';
import { XmlBytes } from '../../../src/adapters/xlsx/xmlBytes';

test('pieces written one after the other give the UTF-8 bytes of their text, whatever the estimate and the characters', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), fc.nat(64), (pieces, estimate) => {
      const out = new XmlBytes(estimate);
      for (const piece of pieces) out.write(piece);
      expect(out.result().equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    }),
  );
});

test('a part past the estimate grows, keeping what was written before', () => {
  const out = new XmlBytes(0);
  const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>Coût €, naïve 日本 😀</t></is></c></row>';
  for (let i = 0; i < 500; i++) out.write(row);
  expect(out.result().toString('utf8')).toBe(row.repeat(500));
});
