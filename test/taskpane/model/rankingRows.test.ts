import fc from 'fast-check';
import { prioritise } from '../../../src/engine/plan';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { DECISION_GROUP, NO_FILTER, filterChoices, filterRows, fold, rankingRows, shownText, type RankingRow } from '../../../src/taskpane/model/rankingRows';
import { listWindow, withNeighbours } from '../../../src/taskpane/model/listWindow';
import { NOW, named, workbook } from '../../builders';

const samplePlan = () => prioritise(sampleTables(), { now: NOW });

describe('the ranking rows', () => {
  test('each row carries the value in the reporting currency, the gate, the decision and, when deferred, what held it back', () => {
    const plan = samplePlan();
    const rows = rankingRows(plan);
    expect(rows.map((r) => r.priority)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      const entry = plan.entries.find((e) => e.initiative.key === row.key)!;
      expect(row.decision).toBe(entry.decision);
      expect(row.gate).toBe(entry.gate.gate);
      if (entry.initiative.annualValue !== undefined) expect(row.value).toMatch(/^\$\d/);
      if (row.decision === 'Deferred (capacity)') expect(row.heldBy).toBe(entry.bindingText);
      if (row.decision === 'Not ready') expect(row.heldBy).toBeTruthy();
      if (row.group === 'committed') expect(row.heldBy).toBeUndefined();
    }
    expect(rows.some((r) => r.decision === 'Deferred (capacity)' && /\(needs .* left\)/.test(r.heldBy ?? ''))).toBe(true);
  });

  test('a forced-in initiative says why it sits first, above a higher score', () => {
    const plan = prioritise(
      workbook(
        [
          named('Claims triage', { 'Annual value': 5_000_000 }),
          named('Churn model', { 'Annual value': 100_000, 'Strategic fit': 1, Override: 'In', 'Override reason': 'Board commitment' }),
        ],
        { Legal: 10 },
      ),
      { now: NOW },
    );
    const [first, second] = rankingRows(plan);
    expect(first).toMatchObject({ name: 'Churn model', decision: 'Forced in' });
    expect(first!.score).toBeLessThan(second!.score);
    expect(first!.placement).toBe('Listed first: forced in by leadership: Board commitment.');
    expect(second!.placement).toBeUndefined();
  });

  test('a forced-out initiative says it was kept out by leadership', () => {
    const plan = prioritise(workbook([named('Churn model', { Override: 'Out', 'Override reason': 'Vendor exit' }), named('Claims triage')]), { now: NOW });
    const row = rankingRows(plan).find((r) => r.name === 'Churn model')!;
    expect(row.decision).toBe('Forced out');
    expect(row.placement).toBe('Kept out by leadership: Vendor exit; ranked by its score.');
  });
});

describe('filter and search', () => {
  const rows = () => rankingRows(samplePlan());

  test('no filter keeps every row, in ranking order', () => {
    expect(filterRows(rows(), NO_FILTER)).toEqual(rows());
  });

  test('deferred only keeps exactly the deferred rows', () => {
    const all = rows();
    const kept = filterRows(all, { ...NO_FILTER, group: 'deferred' });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(all.filter((r) => r.decision.startsWith('Deferred') || r.decision.startsWith('Excluded')));
  });

  test('a team keeps the initiatives that ask time of it; a gate, those at that gate', () => {
    const all = rows();
    const team = filterChoices(all).teams[0]!;
    expect(filterRows(all, { ...NO_FILTER, team }).every((r) => r.teams.includes(team))).toBe(true);
    expect(filterRows(all, { ...NO_FILTER, gate: 'Scale-ready' }).every((r) => r.gate === 'Scale-ready')).toBe(true);
  });

  test('search ignores case, accents and extra spaces, and matches any part of the name', () => {
    const all = rows();
    const name = all[3]!.name;
    const part = name.slice(2, 8);
    expect(filterRows(all, { ...NO_FILTER, search: ` ${part.toUpperCase()}  ` }).map((r) => r.name)).toContain(name);
    expect(fold('  Émission   Control ')).toBe('emission control');
    expect(filterRows(all, { ...NO_FILTER, search: 'no such initiative anywhere' })).toEqual([]);
  });

  test('the choices offer only what some row has, with counts that add up', () => {
    const all = rows();
    const choices = filterChoices(all);
    expect(choices.groups.reduce((n, g) => n + g.count, 0)).toBe(all.length);
    expect(choices.gates.reduce((n, g) => n + g.count, 0)).toBe(all.length);
    for (const g of choices.groups) expect(filterRows(all, { ...NO_FILTER, group: g.group })).toHaveLength(g.count);
  });

  test('filters combine as "and", and the result is always in ranking order (property)', () => {
    const all = rows();
    const choices = filterChoices(all);
    const filter = fc.record({
      group: fc.constantFrom('all' as const, ...choices.groups.map((g) => g.group)),
      gate: fc.constantFrom('all' as const, ...choices.gates.map((g) => g.gate)),
      team: fc.constantFrom('all', ...choices.teams),
      search: fc.oneof(fc.constant(''), fc.constantFrom(...all.map((r) => r.name.slice(0, 4))), fc.string({ maxLength: 3 })),
    });
    fc.assert(
      fc.property(filter, (f) => {
        const kept = filterRows(all, f);
        const ranks = kept.map((r) => r.priority);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        const alone = (part: Partial<typeof f>) => new Set(filterRows(all, { ...NO_FILTER, ...part }).map((r: RankingRow) => r.key));
        const sets = [alone({ group: f.group }), alone({ gate: f.gate }), alone({ team: f.team }), alone({ search: f.search })];
        expect(kept.map((r) => r.key)).toEqual(all.filter((r) => sets.every((s) => s.has(r.key))).map((r) => r.key));
      }),
    );
  });

  test('every decision has a group', () => {
    expect(Object.keys(DECISION_GROUP)).toHaveLength(8);
  });

  test('the count says how many are shown', () => {
    expect(shownText(500, 500)).toBe('500 initiatives');
    expect(shownText(12, 500)).toBe('12 of 500 shown');
  });
});

describe('the list window', () => {
  const sum = (heights: number[], from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);

  test('renders the rows in view plus the margin, and keeps the height of the rest', () => {
    const w = listWindow(10_000, () => 80, 8000, 600, 200);
    expect(w.start).toBe(97);
    expect(w.end).toBeLessThanOrEqual(112);
    expect(w.before + (w.end - w.start) * 80 + w.after).toBe(800_000);
  });

  test('covers the viewport and accounts for every row, whatever the heights and scroll (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 300 }), fc.nat(200_000), fc.integer({ min: 0, max: 2000 }), (heights, scroll, viewport) => {
        const total = sum(heights, 0, heights.length);
        const scrollTop = Math.min(scroll, Math.max(0, total - viewport));
        const w = listWindow(heights.length, (i) => heights[i]!, scrollTop, viewport, 100);
        expect(w.before).toBe(sum(heights, 0, w.start));
        expect(w.after).toBe(sum(heights, w.end, heights.length));
        if (heights.length === 0) return expect(w.end).toBe(0);
        expect(w.end).toBeGreaterThan(w.start);
        expect(w.before).toBeLessThanOrEqual(scrollTop);
        expect(w.before + sum(heights, w.start, w.end)).toBeGreaterThanOrEqual(Math.min(total, scrollTop + viewport));
      }),
    );
  });

  test('scrolled past the end of a list that shrank, it still shows its last row', () => {
    const w = listWindow(3, () => 50, 10_000, 500, 0);
    expect(w).toEqual({ start: 2, end: 3, before: 100, after: 0 });
  });

  test('the focused row and its neighbours are added to a window next to it; a row far away is not (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }), fc.nat(100_000), fc.nat(310), (heights, scroll, index) => {
        const heightOf = (i: number) => heights[i]!;
        const base = listWindow(heights.length, heightOf, scroll, 500, 100);
        const w = withNeighbours(base, heights.length, index, heightOf);
        expect(w.before).toBe(sum(heights, 0, w.start));
        expect(w.after).toBe(sum(heights, w.end, heights.length));
        expect(w.start).toBeLessThanOrEqual(base.start);
        expect(w.end).toBeGreaterThanOrEqual(base.end);
        if (index >= heights.length || index < base.start - 2 || index > base.end + 1) return expect(w).toEqual(base);
        expect(w.start).toBe(Math.min(base.start, Math.max(0, index - 1)));
        expect(w.end).toBe(Math.max(base.end, Math.min(heights.length, index + 2)));
      }),
    );
    expect(withNeighbours({ start: 5, end: 10, before: 50, after: 100 }, 20, undefined, () => 10)).toEqual({ start: 5, end: 10, before: 50, after: 100 });
  });
});
