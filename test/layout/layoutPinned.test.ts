// Pins everything the engine writes for generated portfolios, so the performance work on the
// engine and the layout (issue 2's benchmark) cannot change a single cell, text or format.
// The digests were first computed by the engine before that work (commit f0e6ef2), then re-pinned
// after issue 6b added the Decision log's Scenario column and the settings sheet's Scenario row,
// having checked that a full diff of the two layouts showed nothing else. Re-pinned again when plan
// entries gained `bindingText`: the layouts were byte for byte the same, and so were the plans
// without that field, at 300, 2,000 and 10,000 initiatives. Re-pinned when the plan's column map
// gained `how` and `unrecognised`, the settings sheet its Reporting currency row and the plan its
// `money` (issue 17): a diff of the layouts and plans at 300 initiatives showed nothing else.
// A change here must be explained the same way: diff the old and new layouts, then re-pin.

import { createHash } from 'node:crypto';
import { generatePortfolio } from '../../bench/generate';
import { prioritise } from '../../src/engine/plan';
import { planLayout } from '../../src/layout/planLayout';

function digest(count: number, seed: number, economics: boolean): string {
  const portfolio = generatePortfolio(count, seed);
  const plan = prioritise({ initiatives: portfolio.initiatives, capacity: portfolio.capacity, settings: portfolio.settings }, { now: '2026-11-23T10:00:00Z' }, { economics });
  const { bottlenecks: _, ...rest } = plan;
  // The layout is what every adapter writes; the plan is what the pane shows.
  return createHash('sha256').update(JSON.stringify({ layout: planLayout(plan), plan: rest })).digest('hex');
}

describe('the engine on generated portfolios', () => {
  it('lays out a 2,000-initiative portfolio exactly as before the performance work', () => {
    expect(digest(2000, 7, false)).toBe('d58d45509d67aa270e873841e7b58f14636d48c6f98cc23d144e1adb2d1a5b09');
  });

  it('lays out a 300-initiative portfolio with its bottleneck economics exactly as before the performance work', () => {
    expect(digest(300, 11, true)).toBe('3bd7098db981c5fc59c4c18ea1bd71f0df81fcc8d3b64cd6182b13391f84fea4');
  });
});
