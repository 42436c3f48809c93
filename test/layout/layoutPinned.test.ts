// Everything the engine writes for two small generated portfolios, held as readable golden files
// (test/layout/golden/*.txt): every cell with its number format, the styles, highlights, tables and
// charts of each sheet. A change to any of them fails here and shows, line by line, what changed.
// When the change is meant, re-write the files and read the diff before committing it:
//   UPDATE_GOLDEN=1 npx jest test/layout/layoutPinned.test.ts

import { join } from 'node:path';
import { generatePortfolio } from '../../bench/generate';
import { prioritise } from '../../src/engine/plan';
import { planLayout } from '../../src/layout/planLayout';
import { golden, planLayoutText } from './goldenText';

function layoutText(count: number, seed: number, economics: boolean): string {
  const portfolio = generatePortfolio(count, seed);
  const plan = prioritise({ initiatives: portfolio.initiatives, capacity: portfolio.capacity, settings: portfolio.settings }, { now: '2026-11-23T10:00:00Z' }, { economics });
  return planLayoutText(planLayout(plan));
}

const goldenPath = (name: string) => join(__dirname, 'golden', name);

describe('what the engine writes for generated portfolios', () => {
  it('lays out 24 initiatives as the golden file shows', () => {
    expect(layoutText(24, 7, false)).toBe(golden(goldenPath('portfolio-24.txt'), layoutText(24, 7, false)));
  });

  it('lays out 30 initiatives with their bottleneck economics as the golden file shows', () => {
    expect(layoutText(30, 11, true)).toBe(golden(goldenPath('portfolio-30-economics.txt'), layoutText(30, 11, true)));
  });
});
