// A user's merged cells over the output columns, in Excel: found with Range.getMergedAreasOrNullObject
// (ExcelApi 1.13) in the check before a write, and refused there with nothing written. The port suite
// holds the refusal for every adapter; here, a rerun's existing output column, an older Excel, and the
// address Excel gives.

import { runPlan } from '../../../src/app/runPlan';
import { a1 } from '../../../src/engine/address';
import { mergedBlocks } from '../../../src/adapters/office/writeCheck';
import { NOW, everything, portOn, sampleWorkbook } from './workbooks';

/** The sample after a first run, with two body cells of its first output column merged by the user. */
async function mergedAfterFirstRun(): Promise<{ fake: ReturnType<typeof sampleWorkbook>; block: string }> {
  const fake = sampleWorkbook();
  const first = await runPlan(portOn(fake), { now: NOW });
  if (first.kind !== 'written') throw new Error(`the first run was ${first.kind}`);
  const header = first.layout.outputs.headers[0]!;
  const sheet = fake.model.sheet('Portfolio')!;
  let column = 0;
  while (sheet.value(0, column) !== header) column++;
  sheet.merges.push({ row: 2, column, rows: 2, columns: 1 });
  return { fake, block: `${a1(2, column)}:${a1(3, column)}` };
}

describe("a user's merged cells over the output columns", () => {
  it('refuses a rerun over a merged block in an existing output column, naming it, and changes nothing', async () => {
    const { fake, block } = await mergedAfterFirstRun();
    const before = everything(fake);
    const result = await runPlan(portOn(fake), { now: '2026-11-24T10:00:00.000Z' });
    if (result.kind !== 'not-written') throw new Error(`expected a refusal, got ${result.kind}`);
    expect(result.outcome.problem.kind).toBe('unsupported');
    expect(result.outcome.problem.message).toContain(`Cells Portfolio!${block} are merged into the `);
    expect(everything(fake)).toEqual(before);
  });

  it('does not look on an Excel older than ExcelApi 1.13, which cannot tell: the run goes ahead and says nothing of it', async () => {
    const { fake } = await mergedAfterFirstRun();
    const result = await runPlan(portOn(fake, (version) => version !== '1.13'), { now: '2026-11-24T10:00:00.000Z' });
    expect(result.kind).toBe('written');
    if (result.kind === 'written') expect(result.outcome.notes ?? []).not.toEqual(expect.arrayContaining([expect.stringContaining('merged')]));
  });

  it('reads the blocks of a RangeAreas address, a comma inside a quoted sheet name included', () => {
    expect(mergedBlocks("'My, sheet'!A1:B2,'My, sheet'!$D$4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
    expect(mergedBlocks('Portfolio!G3:G4, Portfolio!J10:K10')).toEqual([
      { top: 2, left: 6, bottom: 3, right: 6 },
      { top: 9, left: 9, bottom: 9, right: 10 },
    ]);
  });
});
