// Everything the engine writes for two small generated portfolios, held as readable golden files
// (test/layout/golden/*.txt): every cell with its number format, the styles, highlights, tables and
// charts of each sheet. A change to any of them fails here and shows, line by line, what changed.
// When the change is meant, re-write the files and read the diff before committing it:
//   UPDATE_GOLDEN=1 npx jest test/layout/layoutPinned.test.ts

import { join } from 'node:path';
import { generatePortfolio, withValueRanges } from '../../bench/generate';
import { prioritise } from '../../src/engine/plan';
import { planLayout } from '../../src/layout/planLayout';
import { golden, planLayoutText } from './goldenText';

function layoutText(count: number, seed: number, economics: boolean): string {
  const portfolio = generatePortfolio(count, seed);
  const plan = prioritise({ initiatives: portfolio.initiatives, capacity: portfolio.capacity, settings: portfolio.settings }, { now: '2026-11-23T10:00:00Z' }, { economics });
  return planLayoutText(planLayout(plan));
}

/** The same, with a value range on every row: the Confidence column and the Why's How sure sentence. */
function confidenceText(count: number, seed: number): string {
  const portfolio = generatePortfolio(count, seed);
  const settings = { ...portfolio.settings, rows: [...portfolio.settings.rows, ['Demand overrun', '20%'], ['Confidence draws', 200]] };
  const plan = prioritise({ initiatives: withValueRanges(portfolio.initiatives), capacity: portfolio.capacity, settings }, { now: '2026-11-23T10:00:00Z' }, { economics: false });
  return planLayoutText(planLayout(plan));
}

const goldenPath = (name: string) => join(__dirname, 'golden', name);

/** A generated portfolio planned over three horizons, with durations, earliest starts and a team's capacity per horizon. */
function roadmapText(count: number, seed: number): string {
  const portfolio = generatePortfolio(count, seed);
  const initiatives = {
    ...portfolio.initiatives,
    headers: [...portfolio.initiatives.headers, 'Duration', 'Earliest start'],
    rows: portfolio.initiatives.rows.map((row, r) => [...row, r % 4 === 0 ? 2 : '', r % 5 === 0 ? 'H2' : '']),
  };
  const capacity = {
    ...portfolio.capacity,
    headers: [...portfolio.capacity.headers, 'H1', 'H2', 'H3'],
    rows: portfolio.capacity.rows.map((row, r) => [...row, r === 0 ? 2 : '', '', '']),
  };
  const settings = { ...portfolio.settings, rows: [...portfolio.settings.rows, ['Horizons', 'H1, H2, H3']] };
  const plan = prioritise({ initiatives, capacity, settings }, { now: '2026-11-23T10:00:00Z' }, { economics: false });
  return planLayoutText(planLayout(plan));
}

describe('what the engine writes for generated portfolios', () => {
  it('lays out 24 initiatives as the golden file shows', () => {
    expect(layoutText(24, 7, false)).toBe(golden(goldenPath('portfolio-24.txt'), layoutText(24, 7, false)));
  });

  it('lays out a roadmap of 24 initiatives over three horizons as the golden file shows', () => {
    expect(roadmapText(24, 7)).toBe(golden(goldenPath('roadmap-24.txt'), roadmapText(24, 7)));
  });

  it('lays out 30 initiatives with their bottleneck economics as the golden file shows', () => {
    expect(layoutText(30, 11, true)).toBe(golden(goldenPath('portfolio-30-economics.txt'), layoutText(30, 11, true)));
  });

  it('lays out 20 initiatives with value ranges and a demand overrun, with their Confidence, as the golden file shows', () => {
    expect(confidenceText(20, 5)).toBe(golden(goldenPath('portfolio-20-confidence.txt'), confidenceText(20, 5)));
  });
});
