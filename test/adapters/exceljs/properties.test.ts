import fc from 'fast-check';
import type ExcelJS from 'exceljs';
import { openXlsx } from '../../../src/adapters/exceljs/xlsxFile';
import { runPlan } from '../../../src/app/runPlan';
import { looksLikeFormula } from '../../../src/layout/grid';
import { NOW, named } from '../../builders';
import { cellsOf, fromBytes, portfolioWorkbook, toBytes } from './xlsxFixtures';

// Names as people type them, with the characters that matter: formula prefixes, quotes, XML specials, accents.
const nameArbitrary = fc
  .string({ unit: fc.constantFrom(...'ab =+-@"\'<>&é€(),1'.split('')), minLength: 1, maxLength: 16 })
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s !== '');

async function prioritised(names: string[]): Promise<{ before: ExcelJS.Workbook; after: ExcelJS.Workbook }> {
  const bytes = await toBytes(portfolioWorkbook({ rows: names.map((name, i) => named(name, { 'Annual value': 100_000 * (i + 1), Legal: 1 })) }));
  const session = await openXlsx(bytes);
  await runPlan(session.port, { now: NOW });
  return { before: await fromBytes(bytes), after: await fromBytes((await session.save()).bytes) };
}

// Each run opens, plans and saves a whole workbook fifteen times: jest's 5 s default is too short on a busy machine.
jest.setTimeout(60_000);

describe('any initiative names', () => {
  it('come back as the same text on the Change impact sheet, never as formulas', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nameArbitrary, { minLength: 1, maxLength: 4 }), async (names) => {
        const { after } = await prioritised(names);
        const shown = new Map<string, ExcelJS.Cell>();
        after.getWorksheet('Change impact')!.getColumn(1).eachCell((cell) => typeof cell.value === 'string' && shown.set(cell.value, cell));
        for (const name of names) {
          const cell = shown.get(name);
          expect(cell?.formula).toBeUndefined();
          expect(cell?.value).toBe(name);
          if (looksLikeFormula(name)) expect(cell?.numFmt).toBe('@');
        }
      }),
      { numRuns: 15 },
    );
  });

  it('leave every cell of the Portfolio sheet they were typed on unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nameArbitrary, { minLength: 1, maxLength: 4 }), async (names) => {
        const { before, after } = await prioritised(names);
        const kept = cellsOf(after.getWorksheet('Portfolio')!);
        for (const [address, cell] of cellsOf(before.getWorksheet('Portfolio')!)) expect(kept.get(address)).toEqual(cell);
      }),
      { numRuns: 15 },
    );
  });
});
