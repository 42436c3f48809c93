// Properties of the whole engine over generated portfolios: caps hold, gates hold,
// the output is deterministic and independent of row order, better inputs never
// score lower, scores stay in range, and every deferral is really forced.

import fc from 'fast-check';
import { statedCurrency } from '../../src/engine/currency';
import { strongestAndWeakest } from '../../src/engine/explain';
import { prioritise, type Plan } from '../../src/engine/plan';
import { Memo } from '../../src/engine/memo';
import { FACTORS, FIRST_POINT, type ScoringContext } from '../../src/engine/scores';
import type { CellValue, PlanEntry } from '../../src/engine/types';
import { NOW, capacity, settingsTable, table, type RowSpec } from '../builders';

const TEAMS = ['Legal', 'Security', 'Data engineering', 'ML platform', 'Change management'] as const;

const INPUT_HEADERS = [
  'Initiative', 'Owner', 'Function', 'AI type', 'Annual value', 'Strategic fit', 'Decision changed', 'Success metric',
  'Baseline method', 'Decision rights shift', 'Workload shift', 'Incentive misalignment', 'New obligations',
  'Integration complexity', 'Data rights', 'Data quality', 'Data availability', 'Instrumentation', 'Decision logging',
  'Monitoring owner', 'Incident process', 'Risk tier', 'Phase requested', 'Override', 'Override reason',
];

type Portfolio = { rows: RowSpec[]; teams: Record<string, number>; settings: Record<string, CellValue> };

const rating = fc.constantFrom<CellValue>('', 1, 2, 3, 4, 5, 2.5, 'Low', 'Medium', 'High', '4/5', ' medium ');
const yesNo = fc.constantFrom<CellValue>('', 'Yes', 'No', true, false, 'Y', 'N', 1, 0);
const money = fc.oneof(fc.constantFrom<CellValue>('', 0, '$1.2M', '€300k', '1,200,000'), fc.integer({ min: 0, max: 5_000_000 }));
const demand = fc.oneof(
  { weight: 3, arbitrary: fc.constant<CellValue>('') },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(0.5, 2.5, '3') },
);

/** One cell a reader must reject, per column kind: the row becomes Invalid input. */
const badCell = fc.constantFrom<[string, CellValue]>(
  ['Strategic fit', 7],
  ['Workload shift', 0],
  ['Data quality', 'abc'],
  ['Annual value', 'lots'],
  ['Annual value', -5],
  ['Data rights', 'maybe'],
  ['Instrumentation', 'perhaps'],
  ['Risk tier', 'Extreme'],
  ['Owner', '#N/A'],
  ['Legal', 'x'],
  ['Legal', -1],
);

const rowFields = fc.record({
  Owner: fc.constantFrom<CellValue>('Priya Natarajan', 'Marco Ruiz', 'Lena Fischer', 'TBD', 'Legal team', 'Ana Silva & Bo Berg', ''),
  Function: fc.constantFrom<CellValue>('Finance', 'Claims', ''),
  'AI type': fc.constantFrom<CellValue>('GenAI', 'ML', 'Automation', ''),
  'Annual value': money,
  'Strategic fit': rating,
  'Decision changed': fc.constantFrom<CellValue>('', 'TBD', 'Routing of new claims'),
  'Success metric': fc.constantFrom<CellValue>('', 'TBD', 'Transform support', 'Cut triage time 30%'),
  'Baseline method': fc.constantFrom<CellValue>('', 'A/B test', 'Before/after', 'Matched cohorts', 'None'),
  'Decision rights shift': rating,
  'Workload shift': rating,
  'Incentive misalignment': rating,
  'New obligations': rating,
  'Integration complexity': rating,
  'Data rights': fc.constantFrom<CellValue>('', 'Yes', 'Yes', 'Partial', 'No', 'Y'),
  'Data quality': rating,
  'Data availability': rating,
  Instrumentation: yesNo,
  'Decision logging': yesNo,
  'Monitoring owner': fc.constantFrom<CellValue>('', 'Lena Fischer', 'TBD'),
  'Incident process': yesNo,
  'Risk tier': fc.constantFrom<CellValue>('', 'Low', 'Medium', 'High'),
  'Phase requested': fc.constantFrom<CellValue>('', 'Pilot', 'Scale'),
  Override: fc.constantFrom<CellValue>('', '', '', 'In', 'Out'),
  'Override reason': fc.constantFrom<CellValue>('', 'Board decision'),
});

/** What a well-prepared initiative has in place, so the upper gates are reached often enough. */
const PREPARED: RowSpec = {
  Owner: 'Priya Natarajan',
  'Data rights': 'Yes',
  'Baseline method': 'A/B test',
  Instrumentation: 'Yes',
  'Decision logging': 'Yes',
  'Monitoring owner': 'Lena Fischer',
  'Incident process': 'Yes',
};

/** Prepared for a pilot but not to scale: one operational control missing, risk not high. */
const PREPARED_FOR_PILOT: RowSpec = { ...PREPARED, 'Incident process': 'No', 'Risk tier': 'Medium' };

const rowArbitrary = fc.record({
  fields: rowFields,
  prepared: fc.constantFrom<'no' | 'scale' | 'pilot'>('no', 'scale', 'pilot'),
  demand: fc.array(demand, { minLength: TEAMS.length, maxLength: TEAMS.length }),
  bad: fc.option(badCell, { freq: 6 }),
});

type RowContent = { fields: RowSpec; prepared: 'no' | 'scale' | 'pilot'; demand: CellValue[]; bad: [string, CellValue] | null };
type Base = { names: string[]; teamCount: number; capacities: number[]; inFlightLimit: number; weights: [number, number, number] };

function assemble(base: Base, pool: RowContent[], picks: number[]): Portfolio {
  const teams = TEAMS.slice(0, base.teamCount);
  const rows = picks.map((pick, i) => {
    const content = pool[pick % pool.length]!;
    const row: RowSpec = { Initiative: base.names[i]!, ...content.fields, ...(content.prepared === 'scale' ? PREPARED : content.prepared === 'pilot' ? PREPARED_FOR_PILOT : {}) };
    teams.forEach((team, t) => (row[team] = content.demand[t]!));
    if (content.bad) row[content.bad[0]] = content.bad[1];
    return row;
  });
  return {
    rows,
    teams: Object.fromEntries(teams.map((team, t) => [team, base.capacities[t]!])),
    settings: {
      'Impact weight': base.weights[0],
      'Readiness weight': base.weights[1],
      'Friction weight': base.weights[2],
      'In-flight limit': base.inFlightLimit,
    },
  };
}

/**
 * 0-40 initiatives with unique names (some differ only in case), 1-5 teams, random caps, limit and weights.
 * Rows draw their contents from a pool: a small pool gives twins that differ only by name, so ties are common.
 */
const portfolioArbitrary: fc.Arbitrary<Portfolio> = fc
  .record({
    names: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][a-z]{0,5}$/), { maxLength: 40 }),
    teamCount: fc.integer({ min: 1, max: TEAMS.length }),
    capacities: fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0.5, 7.25)), { minLength: TEAMS.length, maxLength: TEAMS.length }),
    inFlightLimit: fc.integer({ min: 0, max: 15 }),
    weights: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  })
  .chain((base) =>
    fc
      .record({
        pool: fc.array(rowArbitrary, { minLength: 1, maxLength: Math.max(1, base.names.length) }),
        picks: fc.array(fc.nat(), { minLength: base.names.length, maxLength: base.names.length }),
      })
      .map(({ pool, picks }) => assemble(base, pool, picks)),
  );

function run(p: Portfolio): Plan {
  const headers = [...INPUT_HEADERS, ...Object.keys(p.teams)];
  return prioritise({ initiatives: table(p.rows, { headers }), capacity: capacity(p.teams), settings: settingsTable(p.settings) }, { now: NOW });
}

const committed = (e: PlanEntry) => e.decision === 'Commit' || e.decision === 'Forced in';
const demandOn = (entries: PlanEntry[], team: string) => entries.reduce((sum, e) => sum + (e.initiative.demand[team] ?? 0), 0);
const TOLERANCE = 1e-6;
const RUNS = { numRuns: 300 };

describe('engine properties over generated portfolios', () => {
  test('committed demand fits what forced-in demand leaves of every team', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        const plan = run(p);
        const forced = plan.entries.filter((e) => e.decision === 'Forced in');
        const commits = plan.entries.filter((e) => e.decision === 'Commit');
        for (const team of plan.teams) {
          const forcedDemand = demandOn(forced, team.name);
          const committedDemand = demandOn(commits, team.name);
          // When forced-in work alone overflows a team, nothing else that needs the team fits.
          const room = Math.max(0, team.capacity - forcedDemand);
          expect(committedDemand).toBeLessThanOrEqual(room + TOLERANCE);
        }
      }),
      RUNS,
    );
  });

  test('committed and forced-in initiatives stay within the in-flight limit unless forced-in ones alone exceed it', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        const plan = run(p);
        const forced = plan.entries.filter((e) => e.decision === 'Forced in').length;
        const commits = plan.entries.filter((e) => e.decision === 'Commit').length;
        const limit = plan.settings.inFlightLimit;
        expect(limit).toBe(p.settings['In-flight limit']);
        if (forced <= limit) expect(forced + commits).toBeLessThanOrEqual(limit);
        else expect(commits).toBe(0);
      }),
      RUNS,
    );
  });

  test('Blocked and Invalid input rows are never committed or forced in', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        const plan = run(p);
        for (const e of plan.entries) {
          if (e.gate.gate === 'Blocked' || e.gate.gate === 'Invalid input') {
            expect(e.decision === 'Not ready' || e.decision === 'Forced out').toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test('the same input gives a deep-equal plan', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        expect(run(p)).toEqual(run(structuredClone(p)));
      }),
      { numRuns: 200 },
    );
  });

  test('shuffling the rows changes no decision, priority, score, gate or binding constraint of any initiative', () => {
    const shuffled = portfolioArbitrary.chain((p) =>
      fc
        .shuffledSubarray(p.rows, { minLength: p.rows.length, maxLength: p.rows.length })
        .map((rows) => [p, { ...p, rows }] as const),
    );
    const outcome = (e: PlanEntry) => ({ decision: e.decision, priority: e.priority, scores: e.scores, gate: e.gate.gate, binding: e.binding });
    fc.assert(
      fc.property(shuffled, ([original, reordered]) => {
        const before = new Map(run(original).entries.map((e) => [e.initiative.name, outcome(e)]));
        const after = new Map(run(reordered).entries.map((e) => [e.initiative.name, outcome(e)]));
        expect(after).toEqual(before);
      }),
      RUNS,
    );
  });

  test('improving one initiative’s impact inputs never lowers its priority score', () => {
    const improvement = fc.oneof(
      fc.record({ kind: fc.constant('value' as const), extra: fc.integer({ min: 1, max: 10_000_000 }) }),
      fc.record({ kind: fc.constant('fit' as const), to: fc.integer({ min: 1, max: 5 }) }),
      fc.constant({ kind: 'metric' as const }),
      fc.constant({ kind: 'decision' as const }),
    );
    fc.assert(
      fc.property(portfolioArbitrary, fc.nat(), improvement, (p, pick, change) => {
        const plan = run(p);
        const scored = plan.entries.filter((e) => e.scores !== undefined);
        fc.pre(scored.length > 0);
        const target = scored[pick % scored.length]!;
        const i = target.initiative;
        const better: RowSpec = { ...p.rows[i.rowIndex]! };
        if (change.kind === 'value') {
          // Keep the currency the cell states: "€300k" raised becomes "EUR 300001", not a plain number that
          // would count for another currency when the reporting currency is chosen by most amounts.
          const stated = statedCurrency(String(better['Annual value'] ?? ''));
          const raised = (i.annualValue ?? 0) + change.extra;
          better['Annual value'] = stated ? `${stated} ${raised}` : raised;
        }
        if (change.kind === 'fit') better['Strategic fit'] = Math.max(i.strategicFit ?? 1, change.to);
        if (change.kind === 'metric') better['Success metric'] = 'Cut cycle time 25%';
        if (change.kind === 'decision') better['Decision changed'] = 'Approval of supplier invoices';
        const rows = p.rows.map((row, r) => (r === i.rowIndex ? better : row));
        const improved = run({ ...p, rows }).entries.find((e) => e.initiative.name === i.name)!;
        expect(improved.scores).toBeDefined();
        expect(improved.scores!.priority).toBeGreaterThanOrEqual(target.scores!.priority);
      }),
      RUNS,
    );
  });

  test("each initiative's friction and readiness points are its own: the same as scored afresh, without the run's memo", () => {
    // The run remembers verdicts on repeated texts (a monitoring owner); a verdict remembered for the
    // wrong text would give an initiative another's points.
    const fresh = (): ScoringContext => ({ largestValue: 0, currency: '', memo: new Memo() });
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        for (const e of run(p).entries) {
          if (!e.scores) continue;
          for (const kind of ['friction', 'readiness'] as const) {
            const own = FACTORS[kind].map((f) => f.points(e.initiative, fresh()));
            expect(e.scores.points.slice(FIRST_POINT[kind], FIRST_POINT[kind] + own.length)).toEqual(own);
          }
        }
      }),
      RUNS,
    );
  });

  test("every Why states its own initiative's priority score and strongest factor", () => {
    // The start of each Why is worded while scoring, the end once decided: this checks the two meet on the right row.
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        const plan = run(p);
        for (const e of plan.entries) {
          if (!e.scores) continue;
          expect(e.why.startsWith(`Priority ${e.scores.priority.toFixed(1)}`)).toBe(true);
          const { strongest } = strongestAndWeakest(e.initiative, e.scores, plan.settings);
          if (strongest) expect(e.why).toContain(`lifted by ${strongest.factor.toLowerCase()} (${strongest.input})`);
        }
      }),
      RUNS,
    );
  });

  test('every score stays within 0 to 100', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        for (const e of run(p).entries) {
          if (!e.scores) continue;
          for (const value of [e.scores.impact, e.scores.friction, e.scores.readiness, e.scores.priority]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
      }),
      RUNS,
    );
  });

  test('every deferral names teams that really lack capacity, every such team, or a limit that is really reached', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        const plan = run(p);
        const ranked = plan.entries.filter((e) => e.priority !== undefined).sort((a, b) => a.priority! - b.priority!);
        ranked.forEach((e, position) => {
          if (e.decision !== 'Deferred (capacity)' && e.decision !== 'Deferred (in-flight limit)') {
            expect(e.binding).toBeUndefined();
            return;
          }
          const ahead = ranked.slice(0, position).filter(committed);
          const binding = e.binding!;
          expect(binding.teams.length > 0 || binding.inFlightLimit !== undefined).toBe(true);
          expect(e.decision === 'Deferred (in-flight limit)').toBe(binding.inFlightLimit !== undefined);
          // The limit is named exactly when the initiatives committed ahead of this one have reached it.
          expect(binding.inFlightLimit !== undefined).toBe(ahead.length >= plan.settings.inFlightLimit);
          if (binding.inFlightLimit !== undefined) expect(binding.inFlightLimit).toBe(plan.settings.inFlightLimit);
          const short = plan.teams
            .filter((t) => {
              const needed = e.initiative.demand[t.name] ?? 0;
              return needed > 0 && needed > t.capacity - demandOn(ahead, t.name) + TOLERANCE;
            })
            .map((t) => t.name);
          expect(binding.teams.map((t) => t.team)).toEqual(short);
          for (const shortfall of binding.teams) {
            const team = plan.teams.find((t) => t.name === shortfall.team)!;
            const left = team.capacity - demandOn(ahead, team.name);
            expect(shortfall.needed).toBe(e.initiative.demand[team.name]);
            expect(shortfall.left).toBeCloseTo(Math.max(0, left), 9);
            expect(shortfall.needed).toBeGreaterThan(shortfall.left);
          }
        });
      }),
      RUNS,
    );
  });

  test('the generator produces every gate and every decision, so the properties are not vacuous', () => {
    const gates = new Set<string>();
    const decisions = new Set<string>();
    fc.assert(
      fc.property(portfolioArbitrary, (p) => {
        for (const e of run(p).entries) {
          gates.add(e.gate.gate);
          decisions.add(e.decision);
        }
      }),
      RUNS,
    );
    expect([...gates].sort()).toEqual(['Blocked', 'Invalid input', 'Learning-only', 'Pilot-ready', 'Scale-ready']);
    expect([...decisions].sort()).toEqual(['Commit', 'Deferred (capacity)', 'Deferred (in-flight limit)', 'Forced in', 'Forced out', 'Not ready']);
  });
});
