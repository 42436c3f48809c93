import fc from 'fast-check';
import { rankAndFill, rankAndFillCommitted } from '../../../src/engine/select/rankAndFill';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { committedOf } from '../../../src/engine/select/selectionModel';
import { candidate, problem } from '../select/problems';
import { roadmapArbitrary, roadmapBreaks, startsOf } from './roadmapProblems';

const roadmap = (p: SelectionProblem, horizons = ['H1', 'H2']): SelectionProblem => ({ ...p, horizons });

describe('rank and fill over horizons', () => {
  it('starts what does not fit in H1 in H2, saying which team was full in H1', () => {
    const p = roadmap(problem([candidate(0, { priority: 90, demand: { Legal: 3 } }), candidate(1, { priority: 80, demand: { Legal: 3 } })], { Legal: 4 }));
    const s = rankAndFill(p);
    expect(s.decisions).toEqual(['Commit', 'Commit']);
    expect(startsOf(s)).toEqual([0, 1]);
    expect(s.placements?.[1]).toEqual({ start: 1, first: 0, reason: { kind: 'full', constraint: { teams: [{ team: 'Legal', needed: 3, left: 1, unit: 'weeks' }], horizon: 'H1' } } });
  });

  it('needs the demand in every horizon of its duration, and defers what fits in no horizon', () => {
    const p = roadmap(problem([candidate(0, { priority: 90, demand: { Legal: 3 }, duration: 2 }), candidate(1, { priority: 80, demand: { Legal: 2 } })], { Legal: 4 }));
    const s = rankAndFill(p);
    expect(s.decisions).toEqual(['Commit', 'Deferred (capacity)']);
    expect(s.binding[1]).toEqual({ teams: [{ team: 'Legal', needed: 2, left: 1, unit: 'weeks' }], horizon: 'H1' });
  });

  it('never starts before the earliest start, and says so', () => {
    const p = roadmap(problem([candidate(0, { earliest: 1 })], {}), ['Q1', 'Q2', 'Q3']);
    const s = rankAndFill(p);
    expect(s.placements?.[0]).toEqual({ start: 1, first: 1, reason: { kind: 'earliest start' } });
  });

  it('defers what would run past the last horizon even started as early as it may', () => {
    const p = roadmap(problem([candidate(0, { earliest: 1, duration: 2 })], {}));
    const s = rankAndFill(p);
    expect(s.decisions).toEqual(['Deferred (capacity)']);
    expect(s.binding[0]).toEqual({ teams: [], pastLast: 'H2' });
  });

  it('holds the in-flight limit in each horizon', () => {
    const p = roadmap(problem([candidate(0, { priority: 90 }), candidate(1, { priority: 80 }), candidate(2, { priority: 70 })], {}, 1), ['H1', 'H2']);
    const s = rankAndFill(p);
    expect(startsOf(s)).toEqual([0, 1, -1]);
    expect(s.decisions[2]).toBe('Deferred (in-flight limit)');
    expect(s.binding[2]).toEqual({ teams: [], inFlightLimit: 1, horizon: 'H1' });
  });

  it('uses the capacity of each horizon', () => {
    const base = problem([candidate(0, { demand: { Legal: 3 } })], { Legal: 4 });
    const p = roadmap({ ...base, teams: [{ name: 'Legal', capacity: 4, unit: 'weeks', byHorizon: [0, 4] }] });
    expect(startsOf(rankAndFill(p))).toEqual([1]);
  });

  it('never starts an initiative before what it requires starts', () => {
    const p = roadmap(
      {
        ...problem([candidate(0, { priority: 90 }), candidate(1, { priority: 50, earliest: 1, name: 'Data platform' })], {}),
        links: { requires: new Map([[0, [1]]]), alternatives: new Map() },
      },
      ['H1', 'H2', 'H3'],
    );
    const s = rankAndFill(p);
    expect(startsOf(s)).toEqual([1, 1]);
    expect(s.placements?.[0]?.reason).toEqual({ kind: 'requirement', name: 'Data platform' });
  });
});

describe('rank and fill over horizons, for any portfolio', () => {
  it('keeps every rule in every horizon, agrees with its lean form and gives the same roadmap twice', () => {
    fc.assert(
      fc.property(roadmapArbitrary(9), (p) => {
        const s = rankAndFill(p);
        expect(roadmapBreaks(p, startsOf(s))).toBeUndefined();
        expect(rankAndFillCommitted(p)).toEqual(committedOf(s));
        expect(rankAndFill(p)).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
