// Pins everything the engine writes for generated portfolios, so the performance work on the
// engine and the layout (issue 2's benchmark) cannot change a single cell, text or format.
// The digests were computed by the engine before that work (commit f0e6ef2).

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
    expect(digest(2000, 7, false)).toBe('becc3e6216a43c1c6da7bd2d9d08a3f9f8474b5e0efd4e9018adfdc8090587a6');
  });

  it('lays out a 300-initiative portfolio with its bottleneck economics exactly as before the performance work', () => {
    expect(digest(300, 11, true)).toBe('8b680cc93c96ce5575945df8a581a50a044a6cb80e7d924de085455fcebe6df4');
  });
});
