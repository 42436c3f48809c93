// Pins everything the engine writes for generated portfolios, so the performance work on the
// engine and the layout (issue 2's benchmark) cannot change a single cell, text or format.
// The digests were first computed by the engine before that work (commit f0e6ef2), then re-pinned
// after issue 6b added the Decision log's Scenario column and the settings sheet's Scenario row,
// having checked that a full diff of the two layouts showed nothing else. Re-pinned again when plan
// entries gained `bindingText`: the layouts were byte for byte the same, and so were the plans
// without that field, at 300, 2,000 and 10,000 initiatives.
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
    expect(digest(2000, 7, false)).toBe('2eb93ab8e7e0e0e1a1b4acbdac1ea33be28c0d07b480f17dd5052813bfd0706c');
  });

  it('lays out a 300-initiative portfolio with its bottleneck economics exactly as before the performance work', () => {
    expect(digest(300, 11, true)).toBe('5de53d03307dc0d331629b4993d11a54bb5534b1f5d2e998073961d15a29eff5');
  });
});
