import fc from 'fast-check';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { rankAndFill, rankAndFillCommitted, rankAndFillOvertakes } from '../../../src/engine/select/rankAndFill';
import { committedOf } from '../../../src/engine/select/selectionModel';
import { candidate, problem, problemArbitrary } from './problems';

/** The problem with the candidate at `from` moved to just before position `to` (to < from). */
function movedAhead(p: SelectionProblem, from: number, to: number): SelectionProblem {
  const candidates = [...p.candidates];
  const [moved] = candidates.splice(from, 1);
  candidates.splice(to, 0, moved!);
  return { ...p, candidates };
}

const deferredPositions = (p: SelectionProblem) => {
  const decisions = rankAndFill(p).decisions;
  return decisions.flatMap((d, i) => (d.startsWith('Deferred') ? [i] : []));
};

describe('what score a deferred initiative needs under rank and fill', () => {
  it('names the committed initiative it must overtake to fit', () => {
    const p = problem(
      [candidate(0, { priority: 90, demand: { Legal: 1 } }), candidate(1, { priority: 70, demand: { Legal: 2 } }), candidate(2, { priority: 60, demand: { Legal: 2 } })],
      { Legal: 4 },
    );
    expect(rankAndFill(p).decisions).toEqual(['Commit', 'Commit', 'Deferred (capacity)']);
    expect(rankAndFillOvertakes(p)(2)).toBe(1);
  });

  it('finds no score when the initiative does not fit even first in line', () => {
    const p = problem([candidate(0, { status: 'forced-in', demand: { Legal: 3 } }), candidate(1, { priority: 70, demand: { Legal: 2 } })], { Legal: 4 });
    expect(rankAndFillOvertakes(p)(1)).toBeUndefined();
  });

  it('is exact: ranked just ahead of that initiative it is committed, just behind it is not', () => {
    fc.assert(
      fc.property(problemArbitrary(16), (p) => {
        const overtakes = rankAndFillOvertakes(p);
        for (const position of deferredPositions(p)) {
          const target = overtakes(position);
          if (target === undefined) {
            const first = p.candidates.findIndex((c) => c.status !== 'forced-in');
            expect(rankAndFill(movedAhead(p, position, first)).decisions[first]).not.toBe('Commit');
            continue;
          }
          expect(p.candidates[target]!.status).toBe('open');
          expect(rankAndFill(p).decisions[target]).toBe('Commit');
          expect(rankAndFill(movedAhead(p, position, target)).decisions[target]).toBe('Commit');
          expect(rankAndFill(movedAhead(p, position, target + 1)).decisions[target + 1]).not.toBe('Commit');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the lean rank and fill the economics re-run', () => {
  it('commits exactly what rank and fill commits', () => {
    fc.assert(
      fc.property(problemArbitrary(16), (p) => {
        expect(rankAndFillCommitted(p)).toEqual(committedOf(rankAndFill(p)));
      }),
      { numRuns: 300 },
    );
  });
});
