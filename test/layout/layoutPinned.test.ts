// Pins everything the engine writes for generated portfolios, so the performance work on the
// engine and the layout (issue 2's benchmark) cannot change a single cell, text or format.
// The digests were first computed by the engine before that work (commit f0e6ef2), then re-pinned
// after issue 6b added the Decision log's Scenario column and the settings sheet's Scenario row,
// having checked that a full diff of the two layouts showed nothing else.
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
    expect(digest(2000, 7, false)).toBe('9b258df0e33756dc85ec937bb0ead826184ddf29d664c9f6b9ce0a9921b90485');
  });

  it('lays out a 300-initiative portfolio with its bottleneck economics exactly as before the performance work', () => {
    expect(digest(300, 11, true)).toBe('b8555c0ac2cc64b3be9155472539bf3128c4c3d6f5b8bb1a3346e2677f684d3a');
  });
});
