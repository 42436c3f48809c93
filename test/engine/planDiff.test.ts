import { prioritise, type Plan } from '../../src/engine/plan';
import { isUnchanged, planDiff, whatMovedSentence } from '../../src/engine/planDiff';
import { named, NOW, workbook, type RowSpec } from '../builders';

const plan = (rows: RowSpec[], teams: Record<string, number>, settings?: Record<string, string | number>): Plan =>
  prioritise(workbook(rows, teams, settings), { now: NOW });

// Three ready initiatives that each need 4 weeks of Legal, best first.
const rows = [
  named('Invoice matching', { 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 4 }),
  named('Claims triage', { 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 4 }),
  named('Churn alerts', { 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 4 }),
];

describe('planDiff', () => {
  test('the same plan twice has nothing moved', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 8 }));
    expect(isUnchanged(diff)).toBe(true);
    expect(whatMovedSentence(diff, '$')).toBe('Nothing in the plan changed.');
  });

  test('more capacity on a team brings the next initiative into the plan', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 12 }));
    expect(diff.entered.map((c) => [c.name, c.from, c.to])).toEqual([['Churn alerts', 'Deferred (capacity)', 'Commit']]);
    expect(diff.left).toEqual([]);
  });

  test('less capacity pushes the last committed initiative out', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 4 }));
    expect(diff.left.map((c) => [c.name, c.to])).toEqual([['Claims triage', 'Deferred (capacity)']]);
  });

  test('a team whose utilisation changed is listed with before and after', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 10 }));
    expect(diff.loads).toEqual([{ team: 'Legal', unit: 'weeks', from: 1, to: 0.8 }]);
  });

  test('a team full before and after is not listed', () => {
    expect(planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 12 })).loads).toEqual([]);
  });

  test('rank moves are followed by key, biggest move first', () => {
    const before = plan(rows, { Legal: 12 });
    const reordered = [{ ...rows[2]!, 'Strategic fit': 5, 'Annual value': 9_000_000 }, rows[0]!, rows[1]!];
    const diff = planDiff(before, plan(reordered, { Legal: 12 }));
    expect(diff.moves.map((m) => [m.name, m.from, m.to])).toEqual([
      ['Churn alerts', 3, 1],
      ['Invoice matching', 1, 2],
      ['Claims triage', 2, 3],
    ]);
  });

  test('a row moved in the table without a change in priority is not a move', () => {
    const diff = planDiff(plan(rows, { Legal: 12 }), plan([rows[2]!, rows[0]!, rows[1]!], { Legal: 12 }));
    expect(diff.moves).toEqual([]);
    expect(isUnchanged(diff)).toBe(true);
  });

  test('a gate that changes is reported with both gates', () => {
    const blocked = [rows[0]!, { ...rows[1]!, 'Data rights': 'No' }, rows[2]!];
    const diff = planDiff(plan(rows, { Legal: 12 }), plan(blocked, { Legal: 12 }));
    expect(diff.gates.map((g) => [g.name, g.from, g.to])).toEqual([['Claims triage', 'Scale-ready', 'Blocked']]);
  });

  test('rows added or removed are named, not counted as moves', () => {
    const diff = planDiff(plan(rows.slice(0, 2), { Legal: 12 }), plan(rows, { Legal: 12 }));
    expect(diff.added).toEqual(['Churn alerts']);
    expect(diff.removed).toEqual([]);
    expect(diff.entered).toEqual([]);
  });

  test('an initiative whose ID was retyped is still followed: its leaving the plan is said, and no row was added or removed', () => {
    const withIds = rows.map((row, i) => ({ ...row, ID: `AI-0${i + 1}` }));
    const retyped = [withIds[0]!, withIds[1]!, { ...withIds[2]!, ID: 'AI-03X' }];
    const diff = planDiff(plan(withIds, { Legal: 12 }), plan(retyped, { Legal: 8 }));
    expect(diff.left.map((c) => c.name)).toEqual(['Churn alerts']);
    expect([diff.added, diff.removed]).toEqual([[], []]);
    expect(whatMovedSentence(diff, '$')).toBe('Churn alerts leaves the plan; committed value down $1M to $5M.');
  });

  test('an initiative without an ID renamed in its row is still followed; a deleted row stays removed', () => {
    const renamed = [rows[0]!, { ...rows[1]!, Initiative: 'Claims triage v2' }, rows[2]!];
    const diff = planDiff(plan(rows, { Legal: 12 }), plan(renamed, { Legal: 12 }));
    expect([diff.added, diff.removed, diff.moves]).toEqual([[], [], []]);
    const swapped = planDiff(plan(rows, { Legal: 12 }), plan([rows[0]!, rows[1]!], { Legal: 12 }));
    expect(swapped.removed).toEqual(['Churn alerts']);
  });

  test('a row whose ID and name were both typed over is another initiative: one removed, one added', () => {
    const withIds = rows.map((row, i) => ({ ...row, ID: `AI-0${i + 1}` }));
    const replaced = [withIds[0]!, { ...withIds[1]!, ID: 'AI-09', Initiative: 'Data catalogue' }, withIds[2]!];
    const diff = planDiff(plan(withIds, { Legal: 12 }), plan(replaced, { Legal: 12 }));
    expect([diff.added, diff.removed]).toEqual([['Data catalogue'], ['Claims triage']]);
  });

  test('input problems the plan before did not have are new; one that only moved with its row is not', () => {
    const noReason = [rows[0]!, { ...rows[1]!, Override: 'In' }, rows[2]!];
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(noReason, { Legal: 8 }));
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Override "In" in Portfolio!\w+3 has no reason, so it is ignored/)]);
    const rowAbove = named('Board pack', { Legal: 40 });
    expect(planDiff(plan(noReason, { Legal: 8 }), plan([rowAbove, ...noReason], { Legal: 8 })).problems).toEqual([]);
  });

  test('on a roadmap, an initiative committed in both that starts in another horizon is named with both starts', () => {
    const halves = { Horizons: 'H1, H2' };
    const diff = planDiff(plan(rows, { Legal: 8 }, halves), plan(rows, { Legal: 12 }, halves));
    expect(diff.entered).toEqual([]);
    expect(diff.starts).toEqual([{ key: expect.any(String), name: 'Churn alerts', from: 'H2', to: 'H1', earlier: true }]);
    expect(whatMovedSentence(diff, '$')).toBe('Churn alerts starts H1 instead of H2; Legal now at 50%.');
    expect(planDiff(plan(rows, { Legal: 12 }, halves), plan(rows, { Legal: 8 }, halves)).starts[0]).toMatchObject({ from: 'H1', to: 'H2', earlier: false });
  });

  test('switching horizons on moves no start: without horizons before, nothing had one', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 8 }, { Horizons: 'H1, H2' }));
    expect(diff.starts).toEqual([]);
  });

  test('committed value before and after', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 12 }));
    expect(diff.committedValue).toEqual({ from: 5_000_000, to: 6_000_000 });
  });
});

describe('whatMovedSentence', () => {
  test('says who enters, the team loads and the committed value in one sentence', () => {
    const diff = planDiff(plan(rows, { Legal: 10 }), plan(rows, { Legal: 12 }));
    expect(whatMovedSentence(diff, '$')).toBe('Churn alerts enters the plan; Legal now at 100%; committed value up $1M to $6M.');
  });

  test('says who leaves the plan', () => {
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(rows, { Legal: 4 }));
    expect(whatMovedSentence(diff, '€')).toBe('Claims triage leaves the plan; committed value down €2M to €3M.');
  });

  test('a single gate change is named', () => {
    const blocked = [rows[0]!, rows[1]!, { ...rows[2]!, Owner: 'TBD' }];
    const diff = planDiff(plan(rows, { Legal: 8 }), plan(blocked, { Legal: 8 }));
    expect(whatMovedSentence(diff, '$')).toBe('Churn alerts is now Blocked.');
  });

  test('rank changes alone say the plan itself is the same', () => {
    const swapped = [rows[0]!, { ...rows[1]!, 'Strategic fit': 1, 'Data quality': 2 }, rows[2]!];
    const diff = planDiff(plan(rows, { Legal: 12 }), plan(swapped, { Legal: 12 }));
    expect(diff.moves.map((m) => m.name).sort()).toEqual(['Churn alerts', 'Claims triage']);
    expect(whatMovedSentence(diff, '$')).toBe('Churn alerts and Claims triage change rank; the plan itself is the same.') // equal moves: new rank order;
  });

  test('a deleted row is named, so a committed one is seen to go: the table change first, then what it did to the plan', () => {
    const diff = planDiff(plan(rows, { Legal: 12 }), plan([rows[0]!, rows[2]!], { Legal: 12 }));
    expect(whatMovedSentence(diff, '$')).toBe('Claims triage is no longer in the table; Legal now at 67%; committed value down $2M to $4M.');
  });

  test('a row added that changes nothing else says the plan itself is the same: the ranks it pushes down are no moves', () => {
    const top = named('Board pack', { 'Strategic fit': 5, 'Annual value': 9_000_000, Legal: 40 });
    const diff = planDiff(plan(rows, { Legal: 12 }), plan([...rows, top], { Legal: 12 }));
    expect(diff.moves).toEqual([]);
    expect(whatMovedSentence(diff, '$')).toBe('Board pack is new in the table; the plan itself is the same.');
  });

  test('a row deleted above others shifts them up a place without a move to show; a real move still shows', () => {
    const deleted = planDiff(plan(rows, { Legal: 12 }), plan([rows[1]!, rows[2]!], { Legal: 12 }));
    expect(deleted.moves).toEqual([]);
    const churnUp = { ...rows[2]!, 'Strategic fit': 5, 'Annual value': 2_500_000 };
    const moved = planDiff(plan(rows, { Legal: 12 }), plan([rows[1]!, churnUp], { Legal: 12 }));
    expect(moved.moves.map((m) => [m.name, m.from, m.to])).toEqual([['Churn alerts', 3, 1]]);
  });

  test('a team left with no capacity that is still needed says so, not a percentage', () => {
    const forced = [{ ...rows[0]!, Override: 'In', 'Override reason': 'Board' }, rows[1]!, rows[2]!];
    const diff = planDiff(plan(forced, { Legal: 8 }), plan(forced, { Legal: 0 }));
    expect(whatMovedSentence(diff, '$')).toMatch(/^Claims triage leaves the plan; Legal now needed with no capacity; /);
  });

  test('more than three initiatives entering are counted, not listed', () => {
    const many = Array.from({ length: 5 }, (_, i) => named(`Idea ${i + 1}`, { Legal: 1 }));
    const diff = planDiff(plan(many, { Legal: 0 }), plan(many, { Legal: 5 }));
    expect(whatMovedSentence(diff, '$')).toMatch(/^5 initiatives enter the plan; Legal now at 100%/);
  });
});
