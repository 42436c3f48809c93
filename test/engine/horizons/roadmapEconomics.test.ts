// The bottleneck economics on a roadmap (issue 19): one more unit of a team in each horizon on its own,
// worked out by re-running the plan's own method, saying what enters, what leaves and what starts at
// another time, and what that does to the value delivered within the horizons ("this year").

import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import type { Bottlenecks, CapacityFinding } from '../../../src/engine/bottlenecks';
import { capacityLines } from '../../../src/engine/bottleneckText';
import { prioritise, type Plan, type WorkbookInput } from '../../../src/engine/plan';
import { prioritiseWith } from '../../../src/engine/prioritiseWith';
import type { RawTable } from '../../../src/engine/types';
import { planLayout } from '../../../src/layout/planLayout';
import { named, NOW, settingsTable, STILL_CLOCK, table } from '../../builders';

/** A Capacity table with a column per horizon. */
const capacityByHorizon = (teams: Record<string, number[]>, labels: string[]): RawTable => ({
  sheet: 'Capacity',
  name: 'Capacity',
  headers: ['Team', 'Capacity', 'Unit', ...labels],
  rows: Object.entries(teams).map(([team, caps]) => [team, caps[0]!, 'weeks', ...caps]),
  origin: { row: 0, column: 0 },
});

// Legal holds 8 weeks in each half: Invoice matching and Claims triage fill H1, so Churn alerts starts in H2.
const rows = [
  named('Invoice matching', { 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 4 }),
  named('Claims triage', { 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 4 }),
  named('Churn alerts', { 'Strategic fit': 3, 'Annual value': 800_000, Legal: 1 }),
];
const input = (legal: number[], settings: Record<string, string | number> = {}): WorkbookInput => ({
  initiatives: table(rows),
  capacity: capacityByHorizon({ Legal: legal }, ['H1', 'H2']),
  settings: settingsTable({ Horizons: 'H1, H2', ...settings }),
});
const cell = (b: Bottlenecks | undefined, horizon: string): CapacityFinding => b!.capacity.find((f) => f.kind === 'team' && f.horizon === horizon)!;
const startOf = (plan: Plan, name: string) => plan.entries.find((e) => e.initiative.name === name)!.schedule?.label;
const delivered = (plan: Plan) =>
  plan.entries.reduce((sum, e) => sum + (e.schedule ? ((e.initiative.annualValue ?? 0) * Math.max(0, 2 - (e.schedule.start + e.schedule.duration))) / 2 : 0), 0);

describe('one more unit of a team in each horizon, by rank and fill', () => {
  const plan = prioritise(input([8, 8]), { now: NOW });

  test('one more Legal week in H1 brings Churn alerts forward from H2, and says what that delivers this year', () => {
    expect(startOf(plan, 'Churn alerts')).toBe('H2');
    const h1 = cell(plan.bottlenecks, 'H1');
    expect(h1).toMatchObject({ exact: true, enters: [], leaves: [], moves: [{ name: 'Churn alerts', from: 'H2', to: 'H1' }], valueGain: 0, deliveredGain: 400_000 });
    expect(h1.text).toMatch(/^Legal \+1 week in H1: \+\$400k delivered this year, \+[\d.]+ priority points \(Churn alerts moves from H2 to H1\)\.$/);
  });

  test('one more in H2 changes nothing, and says so', () => {
    expect(cell(plan.bottlenecks, 'H2').text).toBe('Legal +1 week in H2: no change to the plan.');
  });

  test('findings of equal worth read in the teams’ and the horizons’ order', () => {
    // Invoice matching runs both halves and H2 is the smaller: H2 is the fuller, yet H1 is listed first.
    const long = [{ ...rows[0]!, Duration: 2 }, rows[1]!, { ...rows[2]!, Duration: 1 }];
    const plan = prioritise({ ...input([40, 9]), initiatives: table(long) }, { now: NOW });
    const idle = plan.bottlenecks!.capacity.filter((f) => f.kind === 'team');
    expect(idle.map((f) => [f.horizon, f.text])).toEqual([
      ['H1', 'Legal +1 week in H1: no change to the plan.'],
      ['H2', 'Legal +1 week in H2: no change to the plan.'],
    ]);
  });

  test('each figure is what a re-run with that horizon’s capacity one higher gives', () => {
    for (const [h, legal] of [['H1', [9, 8]], ['H2', [8, 9]]] as const) {
      const more = prioritise(input([...legal]), { now: NOW });
      const f = cell(plan.bottlenecks, h);
      expect(f.valueGain).toBeCloseTo(more.summary.committedValue - plan.summary.committedValue, 6);
      expect(f.deliveredGain).toBeCloseTo(delivered(more) - delivered(plan), 6);
    }
  });

  test('an initiative that fits nowhere enters with the extra unit, starting where it fits', () => {
    // No Legal in H2: Churn alerts fits neither half, and one more week in H2 brings it in there.
    const tight = prioritise(input([8, 0]), { now: NOW });
    expect(tight.entries.find((e) => e.initiative.name === 'Churn alerts')!.decision).toBe('Deferred (capacity)');
    const h2 = cell(tight.bottlenecks, 'H2');
    expect(h2).toMatchObject({ enters: ['Churn alerts'], entersAt: ['H2'], valueGain: 800_000, deliveredGain: 0 });
    expect(h2.text).toMatch(/^Legal \+1 week in H2: \+\$800k committed value, \+[\d.]+ priority points \(Churn alerts enters, starting H2\)\.$/);
  });

  test('the in-flight limit’s finding holds in every horizon', () => {
    const limited = prioritise(input([9, 9], { 'In-flight limit': 2 }), { now: NOW });
    const slot = limited.bottlenecks!.capacity.find((f) => f.kind === 'in-flight')!;
    expect(slot.text).toMatch(/^In-flight limit \+1 \(in every horizon\): /);
  });
});

describe('one more unit of a team in each horizon, by the Optimal method', () => {
  test('re-solves the roadmap with the extra unit, with the same words', async () => {
    const plan = await prioritiseWith(input([8, 8], { 'Selection method': 'Optimal', 'Optimise for': 'Annual value' }), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    expect(plan.selection.method).toBe('Optimal');
    const h1 = cell(plan.bottlenecks, 'H1');
    expect(h1).toMatchObject({ exact: true, moves: [{ name: 'Churn alerts', from: 'H2', to: 'H1' }], deliveredGain: 400_000 });
    expect(h1.text).toBe('Legal +1 week in H1: +$400k delivered this year (Churn alerts moves from H2 to H1).');
  });
});

describe('the sheets say it without the add-in', () => {
  const layout = planLayout(prioritise(input([8, 8]), { now: NOW }));

  test('the Roadmap sheet has a team by horizon table of what one more unit adds this year, as money', () => {
    const roadmap = layout.roadmap!;
    const header = roadmap.values.findIndex((r) => r[0] === 'One more' && r[1] === 'Team');
    expect(roadmap.values[header]!.slice(0, 5)).toEqual(['One more', 'Team', 'Unit', 'H1', 'H2']);
    expect(roadmap.values[header + 1]!.slice(0, 5)).toEqual([1, 'Legal', 'weeks', 400_000, 0]);
    expect(roadmap.formats[header + 1]![3]).toBe('"$"#,##0_0');
    expect(roadmap.conditionalFormats.filter((c) => c.row === header + 1).map((c) => c.column)).toEqual([3, 4]);
  });

  test('the Roadmap names teams in its wide second column and draws the team load chart under its table, within its columns', () => {
    const roadmap = layout.roadmap!;
    const widest = roadmap.widths.indexOf(Math.max(...roadmap.widths));
    const load = roadmap.values.findIndex((r) => r[1] === 'Team and horizon');
    expect(roadmap.values[load + 1]!.slice(0, 3)).toEqual(['H1', 'Legal H1', 'weeks']);
    for (const r of [load, roadmap.values.findIndex((row) => row[1] === 'Team')]) expect(roadmap.values[r]![widest]).toMatch(/^Team/);
    const [chart] = roadmap.charts;
    expect(chart!.categories).toEqual({ row: load + 1, column: widest, rows: 2, columns: 1 });
    expect(chart!.anchor.row).toBeGreaterThan(load + 2);
    expect(chart!.anchor.column + chart!.anchor.columns).toBeLessThanOrEqual(roadmap.widths.length);
    expect(roadmap.pageSetup!.breaks).toContain(chart!.anchor.row);
  });

  test('the Change impact sheet lists each team and horizon with what moves and the value delivered this year', () => {
    const sheet = layout.changeImpact;
    const header = sheet.values.findIndex((r) => r[0] === 'Bottleneck');
    expect(sheet.values[header]![7]).toBe('Delivered this year gained');
    const h1 = sheet.values.find((r) => r[0] === 'Legal' && r[1] === '1 week in H1')!;
    expect([h1[2], h1[4], h1[7]]).toEqual([0, 'Moves: Churn alerts H2 → H1', 400_000]);
    expect(sheet.values.every((r) => r.length === sheet.values[0]!.length)).toBe(true);
  });

  test('without horizons the Change impact sheet keeps its seven columns', () => {
    const plain = planLayout(prioritise({ ...input([8, 8]), settings: settingsTable({}) }, { now: NOW })).changeImpact;
    expect(plain.values[plain.values.findIndex((r) => r[0] === 'Bottleneck')]).toHaveLength(7);
  });
});

test('the pane and the command say in one line where one more unit changes nothing', () => {
  const idle = (name: string, horizon: string): CapacityFinding => ({ kind: 'team', name, unit: 'weeks', step: 1, exact: true, objectiveGain: 0, valueGain: 0, enters: [], leaves: [], gap: 0, horizon, moves: [], deliveredGain: 0, text: `${name} +1 week in ${horizon}: no change to the plan.` });
  const busy = { ...idle('Legal', 'H1'), moves: [{ name: 'Churn alerts', from: 'H2', to: 'H1' }], text: 'Legal +1 week in H1: …' };
  expect(capacityLines([busy, idle('Legal', 'H2'), idle('Legal', 'H3'), idle('Security', 'H1')])).toEqual([
    'Legal +1 week in H1: …',
    'One more unit changes nothing in the plan for Legal in H2 and H3; Security in H1.',
  ]);
  // One alone is said as it is.
  expect(capacityLines([busy, idle('Legal', 'H2')])).toEqual(['Legal +1 week in H1: …', 'Legal +1 week in H2: no change to the plan.']);
});
