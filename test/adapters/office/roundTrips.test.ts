// The performance contract, measured on the counting fake: round trips
// that do not grow with the rows, and no request over 4 MB.

import { runPlan } from '../../../src/app/runPlan';
import { REQUEST_LIMIT_BYTES } from '../../../src/adapters/office/payload';
import { NOW, generatedWorkbook, portOn, syncsSince } from './workbooks';

async function measure(rows: number, runs = 1) {
  const fake = generatedWorkbook(rows);
  const results = [];
  for (let run = 0; run < runs; run++) {
    const from = fake.contexts.length;
    const result = await runPlan(portOn(fake), { now: NOW });
    results.push({ kind: result.kind, syncs: syncsSince(fake, from) });
  }
  return results;
}

const largest = (syncs: { requestBytes: number }[]) => Math.max(...syncs.map((s) => s.requestBytes));

describe('round trips of a whole run (read and write)', () => {
  it('are four for 10 initiatives, first run and rerun', async () => {
    const runs = await measure(10, 2);
    expect(runs.map((r) => [r.kind, r.syncs.length])).toEqual([['written', 4], ['written', 4]]);
  });

  describe('for 10,000 initiatives', () => {
    let runs: Awaited<ReturnType<typeof measure>>;
    beforeAll(async () => {
      runs = await measure(10_000, 2);
    });

    it('are four on the first run (staged sheet renamed into place) and on a rerun (staged cells copied into the sheet)', () => {
      expect(runs.map((r) => [r.kind, r.syncs.length])).toEqual([['written', 4], ['written', 4]]);
    });

    it('never send a request over 4 MB', () => {
      for (const run of runs) expect(largest(run.syncs)).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    });

    it('share the cells between the check\'s round trip and the write\'s, neither carrying less than a third', () => {
      for (const run of runs) {
        const [readNames, readTables, check, write] = run.syncs.map((s) => s.requestBytes);
        expect(Math.max(readNames!, readTables!)).toBeLessThan(10_000);
        expect(check! + write!).toBeGreaterThan(REQUEST_LIMIT_BYTES);
        expect(Math.min(check!, write!)).toBeGreaterThan((check! + write!) / 3);
      }
    });
  });
});
