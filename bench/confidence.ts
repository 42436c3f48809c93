// How sure is the plan: 500 drawn futures, each re-scored, re-ranked and re-selected, by rank and
// fill at 500 initiatives (goal 1 s) and by the Optimal method at 200 (goal 10 s in Node).

import { highsNodeSolver } from '../src/adapters/solver/highsNode';
import { prioritise, withRankAndFillConfidence, type WorkbookInput } from '../src/engine/plan';
import { prioritiseWith, withConfidenceBy } from '../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../src/engine/settings';
import { generatePortfolio, withValueRanges } from './generate';
import { round } from './stats';

/** A generated portfolio with a value range on every row and named owners, so most rows can be chosen. */
function portfolio(count: number): WorkbookInput {
  const generated = generatePortfolio(count, count);
  const owner = generated.initiatives.headers.indexOf('Owner');
  const rows = generated.initiatives.rows.map((row) => row.map((cell, i) => (i === owner && String(cell).startsWith('Owner') ? 'Dana Okafor' : cell)));
  return { initiatives: withValueRanges({ ...generated.initiatives, rows }), capacity: generated.capacity };
}

export async function benchConfidence(): Promise<{ confidence_ms: { rank_and_fill_500: number; optimal_200: number } }> {
  const now = '2026-11-23T10:00:00Z';
  const settings = { ...DEFAULT_SETTINGS, demandOverrun: 0.2, confidenceDraws: 500 };
  const large = prioritise(portfolio(500), { now, settings: { ...settings, inFlightLimit: 150 } }, { economics: false, confidence: false });
  withRankAndFillConfidence(large); // warm-up
  let start = performance.now();
  withRankAndFillConfidence(large);
  const rankAndFill = performance.now() - start;
  const optimalSettings = { ...settings, method: 'Optimal' as const, inFlightLimit: 70 };
  const clock = () => performance.now();
  const plan = await prioritiseWith(portfolio(200), { now, settings: optimalSettings }, highsNodeSolver, { clock, economics: false, confidence: false });
  start = performance.now();
  await withConfidenceBy(plan, highsNodeSolver, { clock });
  const optimal = performance.now() - start;
  return { confidence_ms: { rank_and_fill_500: round(rankAndFill, 1), optimal_200: round(optimal, 1) } };
}
