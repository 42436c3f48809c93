// "What it would take" holds: each suggested change, applied to the initiative's
// row as the room would type it, gives exactly the plan the suggestion promised.

import fc from 'fast-check';
import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import { prioritise, type Plan } from '../../src/engine/plan';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { NOW, STILL_CLOCK, named, workbook, type RowSpec } from '../builders';

const TEAMS = ['Legal', 'Security', 'Data engineering'];

const committedNames = (plan: Plan) => new Set(plan.entries.filter((e) => e.decision === 'Commit' || e.decision === 'Forced in').map((e) => e.initiative.name));

const portfolio = fc.record({
  rows: fc.array(
    fc.record({
      value: fc.integer({ min: 50, max: 5000 }).map((k) => k * 1000),
      fit: fc.integer({ min: 1, max: 5 }),
      demand: fc.tuple(...TEAMS.map(() => fc.integer({ min: 0, max: 5 }))),
    }),
    { minLength: 2, maxLength: 9 },
  ),
  capacity: fc.tuple(...TEAMS.map(() => fc.integer({ min: 1, max: 10 }))),
  inFlight: fc.integer({ min: 2, max: 8 }),
});

type Portfolio = typeof portfolio extends fc.Arbitrary<infer T> ? T : never;

function rowsOf(p: Portfolio): RowSpec[] {
  return p.rows.map((r, i) => named(`Initiative ${i + 1}`, { 'Annual value': r.value, 'Strategic fit': r.fit, ...Object.fromEntries(TEAMS.map((t, k) => [t, r.demand[k]!])) }));
}

const capacities = (p: Portfolio) => Object.fromEntries(TEAMS.map((t, k) => [t, p.capacity[k]!]));

/** Every cut remedy of the plan, applied to its row; the plan then must be exactly the one promised. */
function checkCuts(p: Portfolio, plan: Planned, replan: (rows: RowSpec[]) => Plan | Promise<Plan>): Promise<void>[] {
  const rows = rowsOf(p);
  const before = committedNames(plan);
  return plan.bottlenecks!.deferred.flatMap((finding) =>
    finding.remedies.flatMap((remedy) => {
      if (remedy.kind !== 'cut') return [];
      for (const cut of remedy.cuts) {
        expect(cut.to).toBeGreaterThan(0);
        expect(cut.by).toBeGreaterThan(0);
      }
      const changed = rows.map((row) => (row.Initiative === finding.name ? { ...row, ...Object.fromEntries(remedy.cuts.map((c) => [c.team, c.to])) } : row));
      return [
        Promise.resolve(replan(changed)).then((after) => {
          const now = committedNames(after);
          expect(now.has(finding.name)).toBe(true);
          expect([...now].filter((n) => !before.has(n) && n !== finding.name).sort()).toEqual([...remedy.enters].sort());
          expect([...before].filter((n) => !now.has(n)).sort()).toEqual([...remedy.leaves].sort());
        }),
      ];
    }),
  );
}

type Planned = Plan;

describe('what it would take, checked', () => {
  test('rank and fill: every suggested cut, typed into the row, gives exactly the plan promised, and never cuts a team to nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(portfolio, async (p) => {
        const plan = prioritise(workbook(rowsOf(p), capacities(p), { 'In-flight limit': p.inFlight }), { now: NOW });
        await Promise.all(checkCuts(p, plan, (rows) => prioritise(workbook(rows, capacities(p), { 'In-flight limit': p.inFlight }), { now: NOW })));
      }),
      { numRuns: 60 },
    );
  });

  test('rank and fill: every deferred initiative gets a finding, a change that moves nothing else comes first, and none says 0', () => {
    fc.assert(
      fc.property(portfolio, (p) => {
        const plan = prioritise(workbook(rowsOf(p), capacities(p), { 'In-flight limit': p.inFlight }), { now: NOW });
        const deferred = plan.entries.filter((e) => e.decision === 'Deferred (capacity)' || e.decision === 'Deferred (in-flight limit)');
        expect(plan.bottlenecks!.deferred.map((f) => f.name).sort()).toEqual(deferred.map((e) => e.initiative.name).sort());
        for (const f of plan.bottlenecks!.deferred) {
          expect(f.unchecked).toBe(false);
          expect(f.text).not.toMatch(/\(to 0 \w+\)/);
          const leaving = f.remedies.map((r) => r.leaves.length);
          expect(leaving).toEqual([...leaving].sort((a, b) => a - b));
          if (f.remedies.length === 0) expect(f.text).toMatch(/no single change brings it in/);
        }
      }),
      { numRuns: 80 },
    );
  });

  test('a cut that would push others out says who leaves, as the room found with Claims triage', () => {
    // Claims triage (rank 2) needs 3 Legal weeks; the two below it use the 2 left. Cut to 2, it goes in at its turn and both leave.
    const rows = [
      named('Fraud alerts', { 'Annual value': 5_000_000, Legal: 1 }),
      named('Claims triage', { 'Annual value': 3_000_000, Legal: 3 }),
      named('IT service desk routing', { 'Annual value': 200_000, 'Strategic fit': 2, Legal: 1 }),
      named('Invoice matching', { 'Annual value': 150_000, 'Strategic fit': 2, Legal: 1 }),
    ];
    const plan = prioritise(workbook(rows, { Legal: 3 }), { now: NOW });
    const claims = plan.bottlenecks!.deferred.find((f) => f.name === 'Claims triage')!;
    expect(claims.text).toContain('cut its Legal demand by 1 week (to 2 weeks): it enters; IT service desk routing and Invoice matching leave');
    expect(claims.text).not.toContain('to 0 weeks');
  });

  test('optimal: a suggested cut, applied, gives the plan promised', async () => {
    const rows = [
      named('Fraud alerts', { 'Annual value': 5_000_000, Legal: 2, Security: 1 }),
      named('Claims triage', { 'Annual value': 3_000_000, Legal: 3, Security: 2 }),
      named('Invoice matching', { 'Annual value': 900_000, Legal: 1 }),
    ];
    const teams = { Legal: 5, Security: 2 };
    const settings = { 'Selection method': 'Optimal' };
    const run = (r: RowSpec[]) => prioritiseWith(workbook(r, teams, settings), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    const plan = await run(rows);
    const withCut = plan.bottlenecks!.deferred.filter((f) => f.remedies.some((r) => r.kind === 'cut'));
    expect(withCut.length).toBeGreaterThan(0);
    const before = committedNames(plan);
    for (const f of withCut) {
      const remedy = f.remedies.find((r) => r.kind === 'cut')!;
      if (remedy.kind !== 'cut') continue;
      const after = committedNames(await run(rows.map((row) => (row.Initiative === f.name ? { ...row, ...Object.fromEntries(remedy.cuts.map((c) => [c.team, c.to])) } : row))));
      expect(after.has(f.name)).toBe(true);
      expect([...before].filter((n) => !after.has(n)).sort()).toEqual([...remedy.leaves].sort());
    }
  });
});
