// The links by position, kept in the run's memo: one view per candidate list and links,
// shared by the problems derived from one (the economics' re-runs with new caps).

import { Memo } from '../../../src/engine/memo';
import { linkView, settled, type Links } from '../../../src/engine/select/links';
import type { Candidate, SelectionProblem } from '../../../src/engine/select/problem';

const candidate = (index: number, status: Candidate['status'] = 'open'): Candidate => ({ index, status, priority: 10 - index, annualValue: 1, demand: {} });
// 0 requires 2; 1 and 2 are alternatives.
const links: Links = { requires: new Map([[0, [2]]]), alternatives: new Map([[1, [2]], [2, [1]]]) };
const problem = (memo?: Memo): SelectionProblem => ({ candidates: [candidate(0), candidate(1), candidate(2)], teams: [], inFlightLimit: 3, links, ...(memo ? { memo } : {}) });

describe('the links by position', () => {
  test('say what each position requires, its alternatives and what requires it', () => {
    expect(linkView(problem())).toEqual({ closure: [[2], [], []], alternatives: [[], [2], [1]], dependants: [[], [], [0]], lead: [undefined, undefined, undefined] });
  });

  test("with the run's memo, are worked out once per candidate list, and a re-run with new caps shares them", () => {
    const p = problem(new Memo());
    const view = linkView(p);
    expect(linkView({ ...p, teams: [{ name: 'Legal', capacity: 1, unit: 'FTE' }] })).toBe(view);
    // The same candidates with other links: a view of their own.
    const other: Links = { requires: new Map(), alternatives: new Map() };
    expect(linkView({ ...p, links: other })?.closure).toEqual([[], [], []]);
    expect(linkView(p)).toBe(view);
    // Without a memo nothing is kept: the same answer, worked out again.
    const bare = problem();
    expect(linkView(bare)).not.toBe(linkView(bare));
    expect(linkView(bare)).toEqual(view);
  });

  test('a problem settled with a memo keeps its view for the settled candidates', () => {
    // 0 forced in requires 2, whose alternative 1 is forced in first: 0 cannot be forced in after all.
    const p: SelectionProblem = { ...problem(new Memo()), candidates: [candidate(1, 'forced-in'), candidate(0, 'forced-in'), candidate(2)] };
    const view = linkView(p);
    const s = settled(p);
    expect(s.candidates.map((c) => c.status)).toEqual(['forced-in', 'open', 'open']);
    expect(linkView(s)).toBe(view);
    expect(settled(s)).toBe(s);
  });
});
