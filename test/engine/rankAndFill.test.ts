// Rank and fill on its own: a selection problem in, one decision per candidate out.

import { candidateStatus, type Candidate, type CandidateStatus, type SelectionProblem } from '../../src/engine/select/problem';
import { rankAndFill } from '../../src/engine/select/rankAndFill';
import type { Team } from '../../src/engine/types';

const weeks = (name: string, capacity: number): Team => ({ name, capacity, unit: 'weeks' });

/** Candidates in rank order; the index is the position, the priority falls with it. */
function problem(
  candidates: { demand?: Record<string, number>; status?: CandidateStatus }[],
  teams: Team[],
  inFlightLimit = 10,
): SelectionProblem {
  return {
    candidates: candidates.map(
      (c, index): Candidate => ({ index, status: c.status ?? 'open', priority: 90 - index, annualValue: 100_000, demand: c.demand ?? {} }),
    ),
    teams,
    inFlightLimit,
  };
}

describe('rank and fill commits in rank order while capacity lasts', () => {
  test('commits every candidate when all of them fit', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 4 } }, { demand: { Legal: 6 } }], [weeks('Legal', 10)]));
    expect(selection.decisions).toEqual(['Commit', 'Commit']);
    expect(selection.binding).toEqual([undefined, undefined]);
  });

  test('defers the first candidate that would take a team past its capacity', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 4 } }, { demand: { Legal: 7 } }], [weeks('Legal', 10)]));
    expect(selection.decisions).toEqual(['Commit', 'Deferred (capacity)']);
  });

  test('the higher-ranked candidate wins the capacity, whichever is larger', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 8 } }, { demand: { Legal: 3 } }], [weeks('Legal', 10)]));
    expect(selection.decisions).toEqual(['Commit', 'Deferred (capacity)']);
  });

  test('keeps going past a deferred candidate: a smaller one later still fits', () => {
    const selection = rankAndFill(
      problem([{ demand: { Legal: 6 } }, { demand: { Legal: 5 } }, { demand: { Legal: 4 } }], [weeks('Legal', 10)]),
    );
    expect(selection.decisions).toEqual(['Commit', 'Deferred (capacity)', 'Commit']);
  });

  test('a candidate must fit every team it needs, not just one', () => {
    const selection = rankAndFill(
      problem([{ demand: { Legal: 2, Security: 5 } }, { demand: { Legal: 2, Security: 1 } }], [weeks('Legal', 10), weeks('Security', 5)]),
    );
    expect(selection.decisions).toEqual(['Commit', 'Deferred (capacity)']);
  });

  test('a candidate that needs no bottleneck team always fits the capacity', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 10 } }, {}], [weeks('Legal', 10)]));
    expect(selection.decisions).toEqual(['Commit', 'Commit']);
  });

  test('filling a team exactly with fractional demand is not defeated by rounding', () => {
    // 0.3 - 0.1 is 0.19999999999999998 in floating point; 0.2 must still fit.
    const exact = rankAndFill(problem([{ demand: { Legal: 0.1 } }, { demand: { Legal: 0.2 } }], [weeks('Legal', 0.3)]));
    const over = rankAndFill(problem([{ demand: { Legal: 0.1 } }, { demand: { Legal: 0.21 } }], [weeks('Legal', 0.3)]));
    expect(exact.decisions).toEqual(['Commit', 'Commit']);
    expect(over.decisions).toEqual(['Commit', 'Deferred (capacity)']);
  });

  test('a team with no capacity takes no initiative that needs it', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 0.5 } }], [weeks('Legal', 0)]));
    expect(selection.decisions).toEqual(['Deferred (capacity)']);
    expect(selection.binding[0]).toEqual({ teams: [{ team: 'Legal', needed: 0.5, left: 0, unit: 'weeks' }] });
  });
});

describe('the in-flight limit', () => {
  test('commits up to the limit and defers the rest for the limit', () => {
    const selection = rankAndFill(problem([{}, {}, {}], [], 2));
    expect(selection.decisions).toEqual(['Commit', 'Commit', 'Deferred (in-flight limit)']);
  });

  test('a limit of 0 commits nothing', () => {
    const selection = rankAndFill(problem([{}, {}], [], 0));
    expect(selection.decisions).toEqual(['Deferred (in-flight limit)', 'Deferred (in-flight limit)']);
  });

  test('a deferred candidate does not use up a place in flight', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 20 } }, {}, {}], [weeks('Legal', 10)], 2));
    expect(selection.decisions).toEqual(['Deferred (capacity)', 'Commit', 'Commit']);
  });
});

describe('a deferred candidate names its binding constraint', () => {
  test('names the team with what it needs and what is left', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 7 } }, { demand: { Legal: 5 } }], [weeks('Legal', 10)]));
    expect(selection.binding[1]).toEqual({ teams: [{ team: 'Legal', needed: 5, left: 10 - 7, unit: 'weeks' }] });
  });

  test('names every team that is short, and only those', () => {
    const teams = [weeks('Legal', 10), weeks('Security', 4), weeks('ML platform', 6)];
    const selection = rankAndFill(
      problem([{ demand: { Legal: 8, Security: 3, 'ML platform': 1 } }, { demand: { Legal: 3, Security: 2, 'ML platform': 2 } }], teams),
    );
    expect(selection.binding[1]).toEqual({
      teams: [
        { team: 'Legal', needed: 3, left: 10 - 8, unit: 'weeks' },
        { team: 'Security', needed: 2, left: 4 - 3, unit: 'weeks' },
      ],
    });
  });

  test('names the in-flight limit when the plan is full', () => {
    const selection = rankAndFill(problem([{}, {}], [], 1));
    expect(selection.binding).toEqual([undefined, { teams: [], inFlightLimit: 1 }]);
  });

  test('names both the limit and the short teams when both hold it back, and counts as an in-flight deferral', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 9 } }, { demand: { Legal: 2 } }], [weeks('Legal', 10)], 1));
    expect(selection.decisions[1]).toBe('Deferred (in-flight limit)');
    expect(selection.binding[1]).toEqual({ teams: [{ team: 'Legal', needed: 2, left: 1, unit: 'weeks' }], inFlightLimit: 1 });
  });

  test('committed candidates carry no binding constraint', () => {
    const selection = rankAndFill(problem([{ demand: { Legal: 3 } }], [weeks('Legal', 10)]));
    expect(selection.binding[0]).toBeUndefined();
  });
});

describe('forced, gated and forced-out candidates', () => {
  test('a forced-in candidate is in even beyond a team cap, and what is left for others is never negative', () => {
    const selection = rankAndFill(
      problem([{ status: 'forced-in', demand: { Legal: 12 } }, { demand: { Legal: 1 } }], [weeks('Legal', 10)]),
    );
    expect(selection.decisions).toEqual(['Forced in', 'Deferred (capacity)']);
    expect(selection.binding[1]).toEqual({ teams: [{ team: 'Legal', needed: 1, left: 0, unit: 'weeks' }] });
  });

  test('a team overflowed by forced-in work holds back only the candidates that need that team', () => {
    const selection = rankAndFill(
      problem(
        [{ status: 'forced-in', demand: { Legal: 12 } }, { demand: { Security: 2 } }, {}, { demand: { Legal: 1 } }],
        [weeks('Legal', 10), weeks('Security', 5)],
      ),
    );
    expect(selection.decisions).toEqual(['Forced in', 'Commit', 'Commit', 'Deferred (capacity)']);
    expect(selection.binding[3]).toEqual({ teams: [{ team: 'Legal', needed: 1, left: 0, unit: 'weeks' }] });
  });

  test('a forced-in candidate consumes capacity that open candidates then cannot use', () => {
    const withForce = rankAndFill(problem([{ status: 'forced-in', demand: { Legal: 6 } }, { demand: { Legal: 6 } }], [weeks('Legal', 10)]));
    const without = rankAndFill(problem([{ status: 'gated', demand: { Legal: 6 } }, { demand: { Legal: 6 } }], [weeks('Legal', 10)]));
    expect(withForce.decisions[1]).toBe('Deferred (capacity)');
    expect(without.decisions[1]).toBe('Commit');
  });

  test('a forced-in candidate takes a place in flight, even past the limit', () => {
    const selection = rankAndFill(problem([{ status: 'forced-in' }, { status: 'forced-in' }, {}], [], 1));
    expect(selection.decisions).toEqual(['Forced in', 'Forced in', 'Deferred (in-flight limit)']);
  });

  test('a gated candidate is not ready and leaves its capacity to others', () => {
    const selection = rankAndFill(problem([{ status: 'gated', demand: { Legal: 10 } }, { demand: { Legal: 10 } }], [weeks('Legal', 10)]));
    expect(selection.decisions).toEqual(['Not ready', 'Commit']);
  });

  test('a forced-out candidate is out and leaves its capacity and its place in flight to others', () => {
    const selection = rankAndFill(problem([{ status: 'forced-out', demand: { Legal: 10 } }, { demand: { Legal: 10 } }], [weeks('Legal', 10)], 1));
    expect(selection.decisions).toEqual(['Forced out', 'Commit']);
    expect(selection.binding).toEqual([undefined, undefined]);
  });
});

describe('candidate status from the gate and the override', () => {
  test('an open candidate is committable and has no override', () => {
    expect(candidateStatus(true, undefined)).toBe('open');
  });

  test('Override In on a committable candidate forces it in', () => {
    expect(candidateStatus(true, 'In')).toBe('forced-in');
  });

  test('Override In never lifts a gate', () => {
    expect(candidateStatus(false, 'In')).toBe('gated');
  });

  test('Override Out takes a candidate out whatever its gate', () => {
    expect(candidateStatus(true, 'Out')).toBe('forced-out');
    expect(candidateStatus(false, 'Out')).toBe('forced-out');
  });
});

describe('shortfalls', () => {
  test('deferrals short of the same team by the same amounts share one shortfall; other amounts get their own', () => {
    const selection = rankAndFill(
      problem([{ demand: { Legal: 9 } }, { demand: { Legal: 3 } }, { demand: { Legal: 3 } }, { demand: { Legal: 4 } }], [weeks('Legal', 10)]),
    );
    expect(selection.decisions).toEqual(['Commit', 'Deferred (capacity)', 'Deferred (capacity)', 'Deferred (capacity)']);
    const [second, third, fourth] = selection.binding.slice(1).map((b) => b!.teams[0]!);
    expect(second).toEqual({ team: 'Legal', needed: 3, left: 1, unit: 'weeks' });
    expect(third).toBe(second);
    expect(fourth).toEqual({ team: 'Legal', needed: 4, left: 1, unit: 'weeks' });
    expect(fourth).not.toBe(second);
  });
});
