import fc from 'fast-check';
import { bandOf, seededRandom, triangular, uncertaintyStated } from '../../src/engine/confidence';
import { prioritise, type Plan, type WorkbookInput } from '../../src/engine/plan';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { readSettings } from '../../src/engine/settings';
import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import type { RawTable } from '../../src/engine/types';
import { capacity, NOW, readyRow, settingsTable, table, type RowSpec } from '../builders';

const context = { now: NOW };

/** Six initiatives competing for 10 weeks of Legal; each needs 4. */
function portfolio(extra: (i: number) => RowSpec = () => ({}), settings: Record<string, string | number> = {}): WorkbookInput {
  const rows = [0, 1, 2, 3, 4, 5].map((i) =>
    readyRow({ ID: `P-${i + 1}`, Initiative: `Initiative ${i + 1}`, 'Annual value': 1_000_000 + i * 100_000, Legal: 4, ...extra(i) }),
  );
  return { initiatives: table(rows), capacity: capacity({ Legal: 10 }), settings: settingsTable(settings) };
}

const committed = (plan: Plan) => plan.entries.map((e) => e.decision === 'Commit' || e.decision === 'Forced in');
const shares = (plan: Plan) => plan.confidence?.shares ?? [];

describe('the draws', () => {
  it('are the same sequence for the same seed, uniform in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('triangular values stay in their range, peak at the value, and a range of no width gives the value exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (a, b, c, u) => {
          const [low, mode, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const v = triangular(low, mode, high, u);
          expect(v).toBeGreaterThanOrEqual(low);
          expect(v).toBeLessThanOrEqual(high);
          expect(triangular(mode, mode, mode, u)).toBe(mode);
        },
      ),
    );
    // The mean of a triangular distribution is (low + mode + high) / 3.
    const random = seededRandom(1);
    const draws = Array.from({ length: 20000 }, () => triangular(0, 1, 5, random()));
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(2, 1);
  });

  it('bands: 90% or more is core, 10% or less outside, anything between borderline', () => {
    expect(bandOf(0.9)).toBe('core');
    expect(bandOf(1)).toBe('core');
    expect(bandOf(0.1)).toBe('outside');
    expect(bandOf(0)).toBe('outside');
    expect(bandOf(0.5)).toBe('borderline');
    expect(bandOf(0.11)).toBe('borderline');
  });
});

describe('how sure is the plan', () => {
  it('draws nothing and says nothing when no uncertainty is stated', () => {
    const plan = prioritise(portfolio(), context);
    expect(plan.confidence).toBeUndefined();
    expect(plan.entries.some((e) => e.why.includes('How sure'))).toBe(false);
  });

  it('draws nothing when Confidence draws is 0', () => {
    const plan = prioritise(portfolio(() => ({}), { 'Demand overrun': '50%', 'Confidence draws': 0 }), context);
    expect(plan.confidence).toBeUndefined();
  });

  it('with ranges of no width, every confidence is 0% or 100% and matches the plan', () => {
    const input = portfolio((i) => ({ 'Value low': 1_000_000 + i * 100_000, 'Value high': 1_000_000 + i * 100_000 }));
    const plan = prioritise(input, context);
    expect(plan.confidence?.draws).toBe(500);
    expect(shares(plan)).toEqual(committed(plan).map((c) => (c ? 1 : 0)));
  });

  it('a value range that can overtake a rival makes both borderline, and the Why names the range that decides it', () => {
    // Initiatives 5 and 6 are committed on value; initiative 4's range reaches far above theirs.
    const input = portfolio((i): RowSpec => (i === 3 ? { 'Value low': 100_000, 'Value high': 9_000_000 } : {}));
    const plan = prioritise(input, context);
    const fourth = plan.entries[3]!;
    const share = shares(plan)[3]!;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.9);
    expect(fourth.why).toMatch(/How sure: borderline, committed in \d+% of 500 futures drawn from the stated ranges; its value range \$100k-\$9M decides it\./);
    // Only two fit: the shares sum to two in every future.
    expect(shares(plan).reduce((s, x) => s + x, 0)).toBeCloseTo(2, 9);
  });

  it('forced-in initiatives are at 100% and gated ones at 0%, whatever the ranges', () => {
    const input = portfolio(
      (i) => ({
        'Value low': 10_000,
        'Value high': 50_000_000,
        ...(i === 0 ? { 'Annual value': 20_000, 'Value low': 10_000, Override: 'In', 'Override reason': 'Board promise' } : {}),
        ...(i === 5 ? { 'Data rights': 'No' } : {}),
      }),
      { 'Demand overrun': '100%', 'Impact weight range': '20-80' },
    );
    const plan = prioritise(input, context);
    expect(plan.entries[0]!.decision).toBe('Forced in');
    expect(shares(plan)[0]).toBe(1);
    expect(plan.entries[5]!.gate.committable).toBe(false);
    expect(shares(plan)[5]).toBe(0);
  });

  it('gives the same figures for the same workbook, run twice', () => {
    const input = portfolio((i) => ({ 'Value low': 500_000, 'Value high': 2_000_000 + i * 50_000 }), { 'Demand overrun': '30%' });
    expect(shares(prioritise(input, context))).toEqual(shares(prioritise(input, context)));
  });

  it('a demand overrun alone is uncertainty: an initiative that only just fits becomes borderline, decided by its demand', () => {
    // Two of 4 weeks fit in 10 with 2 to spare; with up to 50% more each, the second fits beside the first in about half the futures.
    const input = portfolio(() => ({}), { 'Demand overrun': '50%' });
    const plan = prioritise(input, context);
    expect(uncertaintyStated(plan)).toBe(true);
    const borderline = plan.entries.filter((_, i) => bandOf(shares(plan)[i]!) === 'borderline');
    expect(borderline.length).toBeGreaterThan(0);
    expect(borderline.some((e) => /what it needs of Legal \(\d+ weeks, up to \d+ weeks with the overrun\) decides it/.test(e.why))).toBe(true);
  });

  it('the optimal method draws with the optimal method', async () => {
    const input = portfolio((i) => ({ 'Value low': 100_000, 'Value high': 3_000_000 + i }), { 'Selection method': 'Optimal', 'Optimise for': 'Annual value', 'Confidence draws': 60 });
    const plan = await prioritiseWith(input, context, highsNodeSolver, { clock: () => 0 });
    expect(plan.selection.method).toBe('Optimal');
    expect(plan.confidence?.draws).toBe(60);
    expect(shares(plan).reduce((s, x) => s + x, 0)).toBeCloseTo(2, 9);
    const again = await prioritiseWith(input, context, highsNodeSolver, { clock: () => 0 });
    expect(shares(again)).toEqual(shares(plan));
  });

  it('more draws move a figure only within sampling error of a large-sample answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 150_000, max: 2_000_000 }), (who, spread) => {
        const input = (draws: number) =>
          portfolio((i): RowSpec => (i === who ? { 'Value low': Math.max(0, 1_000_000 - spread), 'Value high': 1_500_000 + spread } : {}), { 'Confidence draws': draws });
        const reference = shares(prioritise(input(4000), context));
        const few = shares(prioritise(input(200), context));
        // Four standard errors of a share from 200 draws: at most 4 · sqrt(0.25 / 200) ≈ 0.14.
        few.forEach((s, i) => expect(Math.abs(s - reference[i]!)).toBeLessThanOrEqual(0.15));
      }),
      { numRuns: 8 },
    );
  });
});

describe('reading the ranges and the settings', () => {
  it('a range without its other end, a low above the high, or a value outside its range is a problem naming the cell', () => {
    const input = portfolio((i): RowSpec =>
      [{ 'Value low': 900_000, 'Value high': '' }, { 'Value low': 2_000_000, 'Value high': 1_500_000 }, { 'Value low': 1_300_000, 'Value high': 2_000_000 }, {}, {}, {}][i] as RowSpec,
    );
    const plan = prioritise(input, context);
    const problems = plan.issues.filter((i) => i.code === 'bad-value-range');
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ['AC2', 'error'],
      ['AB3', 'error'],
      ['AB4', 'error'],
    ]);
    expect(problems[0]!.message).toBe("Value high in Portfolio!AC2 is blank, but Value low is 900,000; give both ends of the range or neither.");
    expect(problems[2]!.message).toContain('leaves Annual value (1,200,000) outside the range 1,300,000 to 2,000,000');
    expect(plan.entries.slice(0, 3).map((e) => e.gate.gate)).toEqual(['Invalid input', 'Invalid input', 'Invalid input']);
  });

  it('a range end or value whose whole column is missing is said at the cell the row gives', () => {
    const table: RawTable = { sheet: 'Portfolio', name: 'Initiatives', headers: ['Initiative', 'Value low'], rows: [['Claims triage', 900_000]], origin: { row: 0, column: 0 } };
    const plan = prioritise({ initiatives: table }, context);
    const problems = plan.issues.filter((i) => i.code === 'bad-value-range');
    expect(problems).toEqual([
      expect.objectContaining({ sheet: 'Portfolio', column: 'Value low', cell: 'B2', message: 'Value low in Portfolio!B2 is 900,000, but the table has no Value high column; give both ends of the range or neither.' }),
    ]);
  });

  it('ranges read like values: text amounts, currencies converted at their rate', () => {
    const rows = [readyRow({ 'Annual value': '€1M', 'Value low': '€800k', 'Value high': 'EUR 1.5M' }), readyRow({ ID: 'X-2', Initiative: 'Other', 'Annual value': '$2M' })];
    const input: WorkbookInput = {
      initiatives: table(rows),
      settings: settingsTable({ 'Reporting currency': 'USD' }),
      fxRates: { sheet: 'FX', name: 'FXRates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.1]], origin: { row: 0, column: 0 } },
    };
    const plan = prioritise(input, context);
    const first = plan.entries[0]!.initiative;
    expect(first.annualValue).toBeCloseTo(1_100_000);
    expect(first.valueLow).toBeCloseTo(880_000);
    expect(first.valueHigh).toBeCloseTo(1_650_000);
    expect(plan.issues.filter((i) => i.code === 'bad-value-range')).toEqual([]);
  });

  it('a range column whose header states no unit is in the value column\'s unit: "Low" and "High" beside "Annual value ($M)"', () => {
    const row = (o: RowSpec) => Object.fromEntries(Object.entries(readyRow(o)).map(([k, v]) => [k === 'Annual value' ? 'Annual value (EUR m)' : k, v]));
    const read = prioritise({ initiatives: table([row({ 'Annual value': 2.5, 'Value low': 2, 'Value high': 3 })] as RowSpec[]) }, context);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.entries[0]!.initiative).toMatchObject({ annualValue: 2_500_000, valueLow: 2_000_000, valueHigh: 3_000_000 });
    expect(read.money?.currency).toBe('EUR');
    // A whole amount there (a million or more) is read as written: the scale was the value column's, not its own.
    const whole = prioritise({ initiatives: table([row({ 'Annual value': 2.5, 'Value low': 2_000_000, 'Value high': 3 })] as RowSpec[]) }, context);
    expect(whole.entries[0]!.initiative).toMatchObject({ valueLow: 2_000_000, valueHigh: 3_000_000 });
    expect(whole.issues.filter((i) => i.code === 'implausible-amount' || i.severity === 'error')).toEqual([]);
    // A range header that states its own unit keeps it.
    const own = Object.fromEntries(Object.entries(row({ 'Annual value': 2.5, 'Value low': 2_000_000, 'Value high': 3_000_000 })).map(([k, v]) => [k === 'Value low' ? 'Value low (EUR)' : k === 'Value high' ? 'Value high (EUR)' : k, v]));
    const kept = prioritise({ initiatives: table([own] as RowSpec[]) }, context);
    expect(kept.entries[0]!.initiative).toMatchObject({ annualValue: 2_500_000, valueLow: 2_000_000, valueHigh: 3_000_000 });
  });

  it('a range end that cannot be read is one problem, its own, not also said to be blank', () => {
    const rows = [
      readyRow({ 'Annual value': '€1M', 'Value low': '£800k', 'Value high': '€1.5M' }),
      readyRow({ ID: 'X-2', Initiative: 'Other', 'Annual value': '€1M', 'Value low': 'about 800k', 'Value high': '€1.5M' }),
      readyRow({ ID: 'X-3', Initiative: 'Third', 'Annual value': '£1M', 'Value low': '€800k', 'Value high': '€1.5M' }),
    ];
    const plan = prioritise({ initiatives: table(rows), settings: settingsTable({ 'Reporting currency': 'EUR' }) }, context);
    const problems = plan.issues.filter((i) => i.cell !== undefined && i.severity === 'error');
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ['unreadable-cell', 'AA3'],
      ['no-fx-rate', 'AA2'],
      ['no-fx-rate', 'F4'],
    ]);
    expect(plan.entries.map((e) => e.gate.gate)).toEqual(['Invalid input', 'Invalid input', 'Invalid input']);
  });

  it('reads Demand overrun as a percentage, Confidence draws as a whole number, and weight ranges', () => {
    const read = readSettings(settingsTable({ 'Demand overrun': '25%', 'Confidence draws': 200, 'Impact weight range': '40-60', 'Friction weight range': '10 to 30' }));
    expect(read.issues).toEqual([]);
    expect(read.settings.demandOverrun).toBe(0.25);
    expect(read.settings.confidenceDraws).toBe(200);
    expect(read.settings.weightRanges).toEqual({ impact: { low: 40, high: 60 }, friction: { low: 10, high: 30 } });
    expect(readSettings(settingsTable({ 'Demand overrun': 50 })).settings.demandOverrun).toBe(0.5);
    const bad = readSettings(settingsTable({ 'Confidence draws': -3, 'Impact weight range': '60-40', 'Demand overrun': 'lots' }));
    expect(bad.issues.map((i) => i.cell)).toEqual(['B5', 'B6', 'B7']);
    expect(bad.settings.confidenceDraws).toBe(500);
    expect(bad.settings.weightRanges).toEqual({});
  });
});
