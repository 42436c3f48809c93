// `npm run demo`: the engine on the built-in sample portfolio, printed as a finance reader wants it.
// `npm run demo -- --optimal` chooses the plan with the optimal method (HiGHS);
// add `--value` to maximise annual value rather than the total priority score.

import { highsNodeSolver } from '../adapters/solver/highsNode';
import { prioritiseWith } from '../engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { sampleTables } from '../sample/samplePortfolio';
import { summaryText } from './summaryText';

async function main(args: string[]): Promise<void> {
  const tables = sampleTables();
  const settings = {
    ...DEFAULT_SETTINGS,
    method: args.includes('--optimal') ? ('Optimal' as const) : ('Rank and fill' as const),
    objective: args.includes('--value') ? ('Annual value' as const) : ('Priority score' as const),
  };
  const plan = await prioritiseWith({ initiatives: tables.initiatives, capacity: tables.capacity }, { now: new Date().toISOString(), settings }, highsNodeSolver, { clock: () => performance.now() });
  console.log(summaryText(plan));
}

void main(process.argv.slice(2));
