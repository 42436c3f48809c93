// Round trips and request sizes of a whole run (read, plan, write) through the
// office.js adapter, on the counting fake Excel: what Excel on the web would
// be sent for 10 and 10,000 initiatives.

import { createOfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import { runPlan } from '../src/app/runPlan';
import { addTable, fakeExcel } from '../test/adapters/office/fakeExcel';
import { generatePortfolio } from './generate';
import { round } from './stats';

export const SYNC_SIZES = [10, 10_000];

/** A first run (the staged Change impact sheet renamed into place) and a rerun (copied into the kept sheet): the larger figures. */
async function measureRun(size: number): Promise<{ syncs: number; largestRequestBytes: number }> {
  const { initiatives, capacity } = generatePortfolio(size, size);
  const fake = fakeExcel();
  for (const table of [initiatives, capacity]) addTable(fake.model, table);
  let syncs = 0;
  let largestRequestBytes = 0;
  for (const run of ['first', 'rerun']) {
    const from = fake.contexts.length;
    const result = await runPlan(createOfficeWorkbook({ run: fake.run, supports: () => true }), { now: '2026-11-23T10:00:00Z' });
    if (result.kind !== 'written') throw new Error(`The ${size}-row bench ${run} was not written: ${result.kind}`);
    const records = fake.contexts.slice(from).flatMap((c) => c.syncs);
    syncs = Math.max(syncs, records.length);
    largestRequestBytes = Math.max(largestRequestBytes, ...records.map((s) => s.requestBytes));
  }
  return { syncs, largestRequestBytes };
}

export async function benchSyncs(): Promise<{ syncs: Record<string, number>; largest_request_kb: number }> {
  const syncs: Record<string, number> = {};
  let largest = 0;
  for (const size of SYNC_SIZES) {
    const run = await measureRun(size);
    syncs[size] = run.syncs;
    largest = Math.max(largest, run.largestRequestBytes);
  }
  return { syncs, largest_request_kb: round(largest / 1024) };
}
