import type { PlanDiff, RankMove } from '../../src/engine/planDiff';
import { movedRows } from '../../src/taskpane/WhatMoved/movedRows';

const EMPTY: PlanDiff = { moves: [], entered: [], left: [], gates: [], starts: [], loads: [], committedValue: { from: 0, to: 0 }, added: [], removed: [], problems: [] };
const move = (name: string, from: number | undefined, to: number | undefined): RankMove => ({ key: name, name, from, to });

describe('the rows What moved lists', () => {
  test('a move up says how many places and the new rank', () => {
    const { rows } = movedRows({ ...EMPTY, moves: [move('Claims triage', 7, 4)] });
    expect(rows).toEqual([{ kind: 'rank', key: 'Claims triage', name: 'Claims triage', direction: 'up', places: 3, text: 'up 3 places, now 4' }]);
  });

  test('a move down by one says one place', () => {
    expect(movedRows({ ...EMPTY, moves: [move('Fraud scoring', 2, 3)] }).rows[0]).toMatchObject({ direction: 'down', places: 1, text: 'down 1 place, now 3' });
  });

  test('an initiative that lost its rank says so, with the rank it had', () => {
    expect(movedRows({ ...EMPTY, moves: [move('Fraud scoring', 5, undefined)] }).rows[0]).toMatchObject({ direction: 'down', text: 'no longer ranked (was 5)' });
  });

  test('entering and leaving the plan come before rank moves', () => {
    const diff: PlanDiff = {
      ...EMPTY,
      moves: [move('A', 2, 1)],
      entered: [{ key: 'B', name: 'B', from: 'Deferred (capacity)' as const, to: 'Commit' as const }],
      left: [{ key: 'C', name: 'C', from: 'Commit' as const, to: 'Deferred (capacity)' as const }],
      gates: [{ key: 'D', name: 'D', from: 'Pilot-ready' as const, to: 'Scale-ready' as const }],
    };
    expect(movedRows(diff).rows.map((r) => `${r.kind} ${r.name}: ${r.text}`)).toEqual([
      'entered B: enters the plan (Commit)',
      'left C: leaves the plan (now Deferred (capacity))',
      'gate D: gate Pilot-ready → Scale-ready',
      'rank A: up 1 place, now 1',
    ]);
  });

  test('a start that moves says when it starts now and when before, after gate changes and before rank moves', () => {
    const diff: PlanDiff = {
      ...EMPTY,
      moves: [move('A', 2, 1)],
      starts: [{ key: 'S', name: 'Claims triage', from: 'H2', to: 'H1', earlier: true }],
      gates: [{ key: 'D', name: 'D', from: 'Pilot-ready' as const, to: 'Scale-ready' as const }],
    };
    expect(movedRows(diff).rows.map((r) => `${r.kind} ${r.name}: ${r.text}`)).toEqual([
      'gate D: gate Pilot-ready → Scale-ready',
      'start Claims triage: starts H1 instead of H2',
      'rank A: up 1 place, now 1',
    ]);
    const later = Array.from({ length: 7 }, (_, i) => ({ key: `s${i}`, name: `s${i}`, from: 'H1', to: 'H3', earlier: false }));
    expect(movedRows({ ...EMPTY, starts: later }, 5).notShown).toBe('Not shown: 2 more start changes.');
  });

  test('beyond the limit per kind, the rest are counted, not listed', () => {
    const entered = Array.from({ length: 7 }, (_, i) => ({ key: `e${i}`, name: `e${i}`, from: 'Deferred (capacity)' as const, to: 'Commit' as const }));
    const moves = Array.from({ length: 6 }, (_, i) => move(`m${i}`, i + 2, i + 1));
    const { rows, notShown } = movedRows({ ...EMPTY, entered, moves }, 5);
    expect(rows.filter((r) => r.kind === 'entered')).toHaveLength(5);
    expect(rows.filter((r) => r.kind === 'rank')).toHaveLength(5);
    expect(notShown).toBe('Not shown: 2 more enter, 1 more rank change.');
  });

  test('nothing beyond the limit leaves no count line', () => {
    expect(movedRows({ ...EMPTY, moves: [move('A', 2, 1)] }).notShown).toBeUndefined();
  });
});
