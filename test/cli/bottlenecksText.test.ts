import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import { bottlenecksText } from '../../src/cli/bottlenecksText';
import { summaryText } from '../../src/cli/summaryText';
import { prioritise } from '../../src/engine/plan';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { named, NOW, STILL_CLOCK, workbook } from '../builders';

const rows = [
  named('Big bet', { 'Annual value': 1_000_000, Legal: 4 }),
  named('Quick win A', { 'Annual value': 900_000, Legal: 2 }),
  named('Quick win B', { 'Annual value': 800_000, Legal: 2 }),
];

describe('the terminal summary of the optimisation and the bottlenecks', () => {
  it('states the optimal plan against its bound and rank and fill', async () => {
    const plan = await prioritiseWith(workbook(rows, { Legal: 4 }, { 'Selection method': 'Optimal', 'Optimise for': 'Annual value' }), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    const lines = bottlenecksText(plan);
    expect(lines).toContain('Optimal plan (maximising annual value)');
    expect(lines).toContain('  Objective $1.7M; best proven bound $1.7M; LP relaxation $1.7M; proven gap 0%.');
    expect(lines).toContain('  Rank and fill on the same data: $1M ($1M committed); this plan: $1.7M ($1.7M committed).');
  });

  it('lists every bottleneck finding and note in the summary', () => {
    const plan = prioritise(workbook(rows, { Legal: 4 }), { now: NOW });
    const text = summaryText(plan);
    expect(text).toContain('Bottlenecks (rank and fill)');
    for (const f of [...plan.bottlenecks!.capacity, ...plan.bottlenecks!.deferred]) expect(text).toContain(f.text);
    for (const note of plan.bottlenecks!.notes) expect(text).toContain(`Note: ${note}`);
  });
});
