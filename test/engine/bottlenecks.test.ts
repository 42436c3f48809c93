import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import type { Bottlenecks } from '../../src/engine/bottlenecks';
import { trim } from '../../src/engine/format';
import { prioritise, type Plan } from '../../src/engine/plan';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { Objective, Settings } from '../../src/engine/types';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { named, NOW, STILL_CLOCK, workbook, type RowSpec } from '../builders';

const optimal = (objective: Objective = 'Priority score'): Settings => ({ ...DEFAULT_SETTINGS, method: 'Optimal', objective });
const committedValue = (plan: Plan) => plan.summary.committedValue;
const decisionOf = (plan: Plan, name: string) => plan.entries.find((e) => e.initiative.name === name)!.decision;
const scoreOf = (plan: Plan, name: string) => plan.entries.find((e) => e.initiative.name === name)!.scores!.priority;
const finding = (b: Bottlenecks | undefined, name: string) => b!.capacity.find((f) => f.name === name)!;

// Same ratings but for annual value, which lifts the impact score: Fraud alerts ranks above Claims triage.
const legalRows: RowSpec[] = [
  named('Fraud alerts', { 'Annual value': 3_000_000, Legal: 2 }),
  named('Claims triage', { 'Annual value': 1_200_000, Legal: 2 }),
];

describe('bottleneck economics with rank and fill', () => {
  it('says what one more Legal week is worth the way a CFO reads it', () => {
    const plan = prioritise(workbook(legalRows, { Legal: 3 }), { now: NOW });
    expect(decisionOf(plan, 'Claims triage')).toBe('Deferred (capacity)');
    const legal = finding(plan.bottlenecks, 'Legal');
    expect(legal).toMatchObject({ exact: true, valueGain: 1_200_000, enters: ['Claims triage'], leaves: [] });
    expect(legal.text).toBe(`Legal +1 week: +$1.2M committed value, +${trim(scoreOf(plan, 'Claims triage'))} priority points (Claims triage enters).`);
  });

  it('matches a re-run with one more unit of every team, as the room would see it', () => {
    const tables = sampleTables();
    const plan = prioritise(tables, { now: NOW });
    for (const f of plan.bottlenecks!.capacity.filter((c) => c.kind === 'team')) {
      const team = tables.capacity.rows.find((r) => r[0] === f.name)!;
      const more = prioritise(tables, { now: NOW, settings: { ...DEFAULT_SETTINGS, capacityOverrides: { [f.name]: Number(team[1]) + 1 } } });
      expect(f.valueGain).toBeCloseTo(committedValue(more) - committedValue(plan), 6);
    }
  });

  it('shows a loss when more capacity lets a larger initiative crowd out smaller ones, and says why', () => {
    const rows = [
      named('Big bet', { 'Annual value': 1_000_000, Legal: 3 }),
      named('Quick win A', { 'Annual value': 900_000, Legal: 1 }),
      named('Quick win B', { 'Annual value': 800_000, Legal: 1 }),
    ];
    const plan = prioritise(workbook(rows, { Legal: 2 }), { now: NOW });
    const legal = finding(plan.bottlenecks, 'Legal');
    expect(legal).toMatchObject({ valueGain: -700_000, enters: ['Big bet'], leaves: ['Quick win A', 'Quick win B'] });
    expect(legal.text).toMatch(/^Legal \+1 week: -\$700k committed value, -[\d.]+ priority points \(Big bet enters; Quick win A and Quick win B leave\)\.$/);
    expect(plan.bottlenecks!.notes).toContain(
      'Rank and fill can lose value when capacity grows: an initiative higher in the ranking may now fit and crowd out smaller ones. The optimal method never does.',
    );
  });

  it('prices one more in-flight slot', () => {
    const rows = [named('First', { 'Annual value': 2_000_000 }), named('Second', { 'Annual value': 500_000 })];
    const plan = prioritise(workbook(rows, {}, { 'In-flight limit': 1 }), { now: NOW });
    expect(finding(plan.bottlenecks, 'In-flight limit').text).toBe(`In-flight limit +1: +$500k committed value, +${trim(scoreOf(plan, 'Second'))} priority points (Second enters).`);
  });

  it('costs a forced-in initiative by the plan without the override', () => {
    const rows = [
      named('Board favourite', { 'Annual value': 200_000, Legal: 2, Override: 'In', 'Override reason': 'CEO request' }),
      named('Claims triage', { 'Annual value': 1_200_000, Legal: 2 }),
    ];
    const plan = prioritise(workbook(rows, { Legal: 2 }), { now: NOW });
    const [cost] = plan.bottlenecks!.overrides;
    expect(cost).toMatchObject({ choice: 'In', reason: 'CEO request', valueWith: 200_000, valueWithout: 1_200_000, valueCost: 1_000_000 });
    const points = scoreOf(plan, 'Claims triage') - scoreOf(plan, 'Board favourite');
    expect(cost!.text).toBe(
      `Forcing in Board favourite costs $1M committed value and ${trim(points)} priority points: without the override, Claims triage enters; Board favourite leaves.`,
    );
  });

  it('says keeping out an initiative that is not ready costs nothing', () => {
    const rows = [named('No owner yet', { Owner: 'TBD', Override: 'Out', 'Override reason': 'Paused' })];
    const plan = prioritise(workbook(rows), { now: NOW });
    expect(plan.bottlenecks!.overrides[0]).toMatchObject({ cost: 0, text: 'Keeping No owner yet out costs nothing: the plan would leave it out anyway.' });
  });

  it('gives a deferred initiative the demand cut and the score that would bring it in', () => {
    const rows = [named('Fraud alerts', { 'Annual value': 3_000_000, Legal: 1 }), named('Claims triage', { 'Annual value': 1_200_000, Legal: 3 })];
    const plan = prioritise(workbook(rows, { Legal: 3 }), { now: NOW });
    const [claims] = plan.bottlenecks!.deferred;
    expect(claims).toMatchObject({ name: 'Claims triage', demandCuts: [{ team: 'Legal', unit: 'weeks', by: 1, to: 2 }], needsInFlightSlot: false });
    expect(claims!.scoreNeeded).toMatchObject({ measure: 'Priority score', overtakes: 'Fraud alerts', needed: scoreOf(plan, 'Fraud alerts') });
    // Each change checked by re-running the plan with it: the cut fits beside the plan; the higher score pushes Fraud alerts out.
    expect(claims!.text).toMatch(
      /^Claims triage: cut its Legal demand by 1 week \(to 2 weeks\): it enters and nothing leaves; or raise its priority score (from [\d.]+ to above [\d.]+|even slightly above [\d.]+) to overtake Fraud alerts: it enters; Fraud alerts leaves\.$/,
    );
    const cut = prioritise(workbook([rows[0]!, { ...rows[1]!, Legal: 2 }], { Legal: 3 }), { now: NOW });
    expect(decisionOf(cut, 'Claims triage')).toBe('Commit');
  });
});

describe('bottleneck economics with the optimal method', () => {
  const run = (tables: ReturnType<typeof workbook> | ReturnType<typeof sampleTables>, settings: Settings) =>
    prioritiseWith(tables, { now: NOW, settings }, highsNodeSolver, { clock: STILL_CLOCK });

  it('matches a re-solve with one more unit of every team', async () => {
    const tables = sampleTables();
    const plan = await run(tables, optimal('Annual value'));
    expect(plan.bottlenecks!.method).toBe('Optimal');
    for (const f of plan.bottlenecks!.capacity.filter((c) => c.kind === 'team')) {
      const team = tables.capacity.rows.find((r) => r[0] === f.name)!;
      const more = await prioritiseWith(tables, { now: NOW, settings: { ...optimal('Annual value'), capacityOverrides: { [f.name]: Number(team[1]) + 1 } } }, highsNodeSolver, { clock: STILL_CLOCK, economics: false });
      expect(f.valueGain).toBeCloseTo(committedValue(more) - committedValue(plan), 0);
      expect(f.valueGain!).toBeGreaterThanOrEqual(0);
    }
  });

  it('never reports an override as a gain: the optimum without it is at least as good', async () => {
    const rows = [
      named('Board favourite', { 'Annual value': 200_000, Legal: 2, Override: 'In', 'Override reason': 'CEO request' }),
      named('Claims triage', { 'Annual value': 1_200_000, Legal: 2 }),
    ];
    const plan = await run(workbook(rows, { Legal: 2 }), optimal('Annual value'));
    expect(plan.bottlenecks!.overrides[0]).toMatchObject({ cost: 1_000_000, valueCost: 1_000_000 });
    expect(plan.bottlenecks!.overrides[0]!.text).toBe('Forcing in Board favourite costs $1M committed value: without the override, Claims triage enters; Board favourite leaves.');
  });

  it('finds the annual value a deferred initiative would need: just above it, it enters; just below, it stays out', async () => {
    const rows = [
      named('Fraud alerts', { 'Annual value': 3_000_000, Legal: 2 }),
      named('Claims triage', { 'Annual value': 1_000_000, Legal: 2 }),
      named('Invoice matching', { 'Annual value': 900_000, Legal: 1 }),
    ];
    const plan = await run(workbook(rows, { Legal: 3 }), optimal('Annual value'));
    const claims = plan.bottlenecks!.deferred.find((d) => d.name === 'Claims triage')!;
    expect(claims.scoreNeeded).toMatchObject({ measure: 'Annual value', now: 1_000_000, needed: 3_000_000 });
    const withValue = async (value: number) => decisionOf(await run(workbook([rows[0]!, { ...rows[1]!, 'Annual value': value }, rows[2]!], { Legal: 3 }), optimal('Annual value')), 'Claims triage');
    expect(await withValue(3_000_001)).toBe('Commit');
    expect(await withValue(2_999_999)).toBe('Deferred (capacity)');
  });

  it('shows the LP estimate, and says so, for teams beyond the re-solve limit', async () => {
    const plan = await prioritiseWith(sampleTables(), { now: NOW, settings: optimal() }, highsNodeSolver, { clock: STILL_CLOCK, limits: { teams: 2, overrides: 20, deferred: 20 } });
    const estimates = plan.bottlenecks!.capacity.filter((f) => !f.exact);
    expect(estimates).toHaveLength(3);
    for (const f of estimates) expect(f.text).toMatch(/^.+ \+1 week: worth about [\d.]+ priority points per week by the LP estimate \(not re-solved\)\.$/);
    expect(plan.bottlenecks!.notes).toContain('Only the 2 teams with the highest LP shadow prices were re-solved; the other 3 show the LP estimate per unit.');
  });
});

describe('a long deferred list', () => {
  test('lists what it would take for the 50 highest-ranked deferred initiatives and says how many there are', () => {
    // 60 initiatives each needing the one Legal week there is: one commits, 59 are deferred.
    const rows = Array.from({ length: 60 }, (_, i) => named(`Initiative ${String(i + 1).padStart(2, '0')}`, { Legal: 1, 'Strategic fit': 1 + (i % 5) }));
    const plan = prioritise(workbook(rows, { Legal: 1 }), { now: NOW });
    const deferred = plan.entries.filter((e) => e.decision === 'Deferred (capacity)');
    expect(deferred).toHaveLength(59);
    expect(plan.bottlenecks!.deferred).toHaveLength(50);
    const ranked = plan.ranking.map((i) => plan.entries[i]!).filter((e) => e.decision === 'Deferred (capacity)').slice(0, 50);
    expect(plan.bottlenecks!.deferred.map((f) => f.name)).toEqual(ranked.map((e) => e.initiative.name));
    expect(plan.bottlenecks!.notes).toContain('What it would take to get in is listed for the 50 highest-ranked of the 59 deferred initiatives.');
  });
});
