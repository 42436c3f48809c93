import fc from 'fast-check';
import { inputFingerprint, tableFingerprint } from '../../src/engine/fingerprint';
import type { CellValue } from '../../src/engine/types';

const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean()) as fc.Arbitrary<CellValue>;
const table = fc.record({ headers: fc.array(fc.string(), { minLength: 1, maxLength: 4 }), rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }) });

describe('tableFingerprint', () => {
  it('is the same for the same cells, read again into new arrays', () => {
    fc.assert(fc.property(table, (t) => expect(tableFingerprint(structuredClone(t))).toBe(tableFingerprint(t))));
  });

  it('changes when one cell changes', () => {
    fc.assert(
      fc.property(table, cell, fc.nat(), fc.nat(), (t, value, r, c) => {
        fc.pre(t.rows.length > 0);
        const row = r % t.rows.length;
        const column = c % t.rows[row]!.length;
        const old = t.rows[row]![column]!;
        fc.pre(!Object.is(old, value) && !(typeof old === 'number' && typeof value === 'number' && (old === value || (Number.isNaN(old) && Number.isNaN(value)))));
        const changed = { ...t, rows: t.rows.map((cells, i) => (i === row ? cells.map((v, j) => (j === column ? value : v)) : cells)) };
        expect(tableFingerprint(changed)).not.toBe(tableFingerprint(t));
      }),
    );
  });

  it('tells a number from the same text, and a boolean from 1 or "true"', () => {
    const of = (value: CellValue) => tableFingerprint({ headers: ['A'], rows: [[value]] });
    expect(new Set([of(1), of('1'), of(true), of('true'), of(0), of(false), of('')]).size).toBe(7);
  });

  it('reads 0 and -0 alike, as a sheet shows them', () => {
    expect(tableFingerprint({ headers: ['A'], rows: [[-0]] })).toBe(tableFingerprint({ headers: ['A'], rows: [[0]] }));
  });

  it("ignores the add-in's own output columns, so a run's outputs do not make its table look edited", () => {
    const before = { headers: ['Name', 'Priority'], rows: [['A', 1]] };
    expect(inputFingerprint({ ...before, rows: [['A', 99]] })).toBe(inputFingerprint(before));
    expect(inputFingerprint({ ...before, rows: [['B', 1]] })).not.toBe(inputFingerprint(before));
  });
});
