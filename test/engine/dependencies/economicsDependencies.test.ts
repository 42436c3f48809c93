// Bottleneck economics with dependencies: what a shared enabler is worth (what
// the plan loses without it, and how its cost is shared), what a dependency-
// deferred initiative waits for, and an override's cost lifting the
// requirements it forced in. Both methods.

import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { prioritise, type Plan } from '../../../src/engine/plan';
import { prioritiseWith } from '../../../src/engine/prioritiseWith';
import type { CellValue } from '../../../src/engine/types';
import { NOW, STILL_CLOCK, named, workbook, type RowSpec } from '../../builders';

const run = (rows: RowSpec[], teams: Record<string, number> = {}, settings?: Record<string, CellValue>): Plan => prioritise(workbook(rows, teams, settings), { now: NOW });
const optimal = (rows: RowSpec[], teams: Record<string, number> = {}) =>
  prioritiseWith(workbook(rows, teams, { 'Selection method': 'Optimal', 'Optimise for': 'Annual value' }), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });

const harness = [
  named('Support reply assistant', { 'Strategic fit': 5, 'Annual value': 2_000_000, Requires: 'Evaluation harness', Legal: 1 }),
  named('Claims triage', { 'Strategic fit': 4, 'Annual value': 1_700_000, Requires: 'Evaluation harness', Legal: 1 }),
  named('Evaluation harness', { 'Strategic fit': 1, 'Annual value': '', Legal: 4 }),
  named('Churn model', { 'Strategic fit': 2, 'Annual value': 500_000, Legal: 3 }),
];

describe('a shared enabler is worth what the plan loses without it', () => {
  test('rank and fill: the value of what it unlocks, less what takes their place, and its cost shared by those that need it', () => {
    const b = run(harness, { Legal: 6 }).bottlenecks!;
    expect(b.enablers).toHaveLength(1);
    const [enabler] = b.enablers;
    expect(enabler).toMatchObject({ name: 'Evaluation harness', unlocks: ['Support reply assistant', 'Claims triage'], valueLost: 3_200_000, enters: ['Churn model'] });
    expect(enabler!.text).toBe(
      'Evaluation harness unlocks Support reply assistant and Claims triage: $3.2M a year (without it, Churn model enters; Evaluation harness, Support reply assistant and Claims triage leave). Its cost, Legal 4 weeks, is shared by the 2 initiatives that need it: Legal 2 weeks each.',
    );
  });

  test('an initiative nothing committed requires is no enabler, and a portfolio without dependencies has none', () => {
    expect(run(harness, { Legal: 3 }).bottlenecks!.enablers).toEqual([]);
    expect(run([named('A', {}), named('B', {})]).bottlenecks!.enablers).toEqual([]);
  });

  test('optimal: the same finding from a re-solve', async () => {
    const plan = await optimal(harness, { Legal: 6 });
    expect(plan.selection.method).toBe('Optimal');
    expect(plan.bottlenecks!.enablers).toMatchObject([{ name: 'Evaluation harness', valueLost: 3_200_000, leaves: expect.arrayContaining(['Claims triage']) }]);
  });
});

describe('what a dependency-deferred initiative would take', () => {
  test('a requirement not ready: get it through its gate', () => {
    const b = run([named('Claims triage', { 'Strategic fit': 5, Requires: 'Document intake' }), named('Document intake', { Owner: 'TBD' })]).bottlenecks!;
    const f = b.deferred.find((d) => d.name === 'Claims triage')!;
    expect(f).toMatchObject({ decision: 'Deferred (dependency)', waitsFor: { requirement: 'Document intake', reason: 'not ready' } });
    expect(f.scoreNeeded).toBeUndefined();
    expect(f.text).toMatch(/^Claims triage: it waits for Document intake, which is not ready \(Blocked: .*\): get Document intake through its gate first\.$/);
  });

  test('a package that does not fit: the capacity that would bring the pair in', () => {
    const b = run(
      [
        named('Claims triage', { 'Strategic fit': 5, Requires: 'Document intake', Legal: 4 }),
        named('Document intake', { 'Strategic fit': 1, Legal: 3 }),
        named('Churn model', { 'Strategic fit': 3, Legal: 5 }),
      ],
      { Legal: 6 },
    ).bottlenecks!;
    const f = b.deferred.find((d) => d.name === 'Claims triage')!;
    expect(f.text).toBe('Claims triage: it needs Document intake with it, and together they do not fit: fund another 1 week of Legal to bring the pair in.');
  });

  test('a forced-out requirement, and an alternative in the plan', () => {
    const b = run([
      named('A', { 'Strategic fit': 5, Requires: 'B' }),
      named('B', { Override: 'Out', 'Override reason': 'Vendor exit' }),
      named('Fraud A', { 'Strategic fit': 4, Excludes: 'Fraud B' }),
      named('Fraud B', { 'Strategic fit': 3 }),
    ]).bottlenecks!;
    const text = (name: string) => b.deferred.find((d) => d.name === name)!.text;
    expect(text('A')).toBe('A: it waits for B, which leadership forced out: it can come in only if that override is lifted.');
    expect(text('Fraud B')).toBe('Fraud B: its alternative Fraud A is in the plan, and only one of them can be; it comes in only in its place.');
  });
});

describe("an override's cost lifts what it forced in", () => {
  test('without the forced-in initiative, the requirement it brought leaves too', () => {
    const b = run(
      [
        named('Claims triage', { 'Strategic fit': 1, 'Annual value': 100_000, Requires: 'Document intake', Legal: 2, Override: 'In', 'Override reason': 'Board ask' }),
        named('Document intake', { 'Strategic fit': 1, 'Annual value': '', Legal: 3 }),
        named('Churn model', { 'Strategic fit': 5, 'Annual value': 900_000, Legal: 5 }),
      ],
      { Legal: 5 },
    ).bottlenecks!;
    expect(b.overrides).toMatchObject([{ name: 'Claims triage', enters: ['Churn model'], leaves: ['Claims triage', 'Document intake'], valueCost: 800_000 }]);
  });
});

describe('Optimal: why a dependant is out', () => {
  test('a requirement ruled out by its alternative in the plan is the reason, even when the dependant would not fit anyway', async () => {
    const plan = await optimal(
      [
        named('Vendor B', { 'Annual value': 3_000_000, Excludes: 'Vendor A', Legal: 1 }),
        named('Vendor A', { 'Annual value': 100_000, Legal: 1 }),
        named('Case routing', { 'Annual value': 1_000_000, Requires: 'Vendor A', Legal: 5 }),
      ],
      { Legal: 3 },
    );
    const routing = plan.entries.find((e) => e.initiative.name === 'Case routing')!;
    expect(routing.decision).toBe('Deferred (dependency)');
    expect(routing.bindingText).toBe('Requires Vendor A (its alternative Vendor B is in the plan)');
  });
});
