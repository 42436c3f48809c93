import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import { NO_SOLVER_NOTE, prioritise } from '../../src/engine/plan';
import { prioritiseWith, withBottlenecks } from '../../src/engine/prioritiseWith';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { Solver } from '../../src/engine/select/solver';
import { named, NOW, STILL_CLOCK, workbook } from '../builders';

const rows = [
  named('Big bet', { 'Annual value': 1_000_000, Legal: 4 }),
  named('Quick win A', { 'Annual value': 900_000, Legal: 2 }),
  named('Quick win B', { 'Annual value': 800_000, Legal: 2 }),
];
const optimalWorkbook = (settings: Record<string, string | number> = {}) => workbook(rows, { Legal: 4 }, { 'Selection method': 'Optimal', ...settings });
const decisions = (plan: { entries: { initiative: { name: string }; decision: string }[] }) =>
  Object.fromEntries(plan.entries.map((e) => [e.initiative.name, e.decision]));

describe('prioritiseWith', () => {
  it('chooses the plan with the solver when the settings ask for Optimal', async () => {
    const plan = await prioritiseWith(optimalWorkbook({ 'Optimise for': 'Annual value' }), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    expect(plan.selection.method).toBe('Optimal');
    expect(decisions(plan)).toEqual({ 'Big bet': 'Deferred (capacity)', 'Quick win A': 'Commit', 'Quick win B': 'Commit' });
    expect(plan.selection.optimisation).toMatchObject({ value: 1_700_000, rankAndFill: { value: 1_000_000 }, improvement: 700_000, gap: 0 });
    expect(plan.logEntry.method).toBe('Optimal');
  });

  it('never calls the solver when the settings ask for rank and fill', async () => {
    const solver = jest.fn<ReturnType<Solver>, Parameters<Solver>>();
    const plan = await prioritiseWith(workbook(rows, { Legal: 4 }), { now: NOW }, solver, { clock: STILL_CLOCK });
    expect(solver).not.toHaveBeenCalled();
    expect(plan.selection).toEqual({ method: 'Rank and fill' });
    expect(plan.bottlenecks!.method).toBe('Rank and fill');
  });

  it('falls back to rank and fill, and the decision log says so, when the solver fails', async () => {
    const failing: Solver = () => Promise.reject(new Error('worker crashed'));
    const plan = await prioritiseWith(optimalWorkbook(), { now: NOW }, failing, { clock: STILL_CLOCK, exactUpTo: 0 });
    const note = 'Optimal was chosen, but the solver failed (worker crashed); rank and fill was used instead.';
    expect(plan.selection).toEqual({ method: 'Rank and fill', note });
    expect(decisions(plan)).toEqual(decisions(prioritise(workbook(rows, { Legal: 4 }), { now: NOW })));
    expect(plan.logEntry.method).toBe(`Rank and fill (${note})`);
    expect(plan.bottlenecks!.method).toBe('Rank and fill');
  });

  it('commits the forced-in set even when it alone is over capacity, and plans the rest around it', async () => {
    const overfull = [
      named('Audit fix', { 'Annual value': 300_000, Legal: 3, Override: 'In', 'Override reason': 'Audit committee' }),
      named('Regulator request', { 'Annual value': 200_000, Legal: 3, Override: 'In', 'Override reason': 'Regulator' }),
      named('Needs Legal', { 'Annual value': 2_000_000, Legal: 1 }),
      named('Needs Security', { 'Annual value': 1_000_000, Security: 2 }),
    ];
    const plan = await prioritiseWith(workbook(overfull, { Legal: 4, Security: 2 }, { 'Selection method': 'Optimal' }), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    expect(plan.selection.method).toBe('Optimal');
    expect(decisions(plan)).toEqual({ 'Audit fix': 'Forced in', 'Regulator request': 'Forced in', 'Needs Legal': 'Deferred (capacity)', 'Needs Security': 'Commit' });
    expect(plan.issues.map((i) => i.code)).toContain('over-capacity-forced-in');
    expect(plan.bottlenecks!.deferred[0]!.text).toBe(
      // The forced-in set leaves Legal nothing: no cut short of dropping Legal's work altogether brings it in.
      'Needs Legal: no single change brings it in: it does not fit even on its own.',
    );
  });

  it('plans teams whose names begin with "inf", which HiGHS\'s LP-format reader would misread', async () => {
    const teams = { Infrastructure: 2, 'inf-sec': 2 };
    const infRows = [named('Big', { 'Annual value': 900_000, Infrastructure: 2 }), named('Small', { 'Annual value': 500_000, 'inf-sec': 2 })];
    const plan = await prioritiseWith(workbook(infRows, teams, { 'Selection method': 'Optimal' }), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    expect(plan.selection.method).toBe('Optimal');
    expect(decisions(plan)).toEqual({ Big: 'Commit', Small: 'Commit' });
  });

  it('leaves the bottleneck economics out when asked to', async () => {
    const plan = await prioritiseWith(optimalWorkbook(), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK, economics: false });
    expect(plan.selection.method).toBe('Optimal');
    expect(plan.bottlenecks).toBeUndefined();
  });

  it('uses rank and fill and says so when Optimal is asked for but no solver is given', async () => {
    const plan = await prioritiseWith(optimalWorkbook(), { now: NOW }, undefined, { clock: STILL_CLOCK });
    expect(plan.selection).toEqual({ method: 'Rank and fill', note: NO_SOLVER_NOTE });
  });

  it('plans nothing and calls no solver when the workbook has no Initiatives table', async () => {
    const solver = jest.fn<ReturnType<Solver>, Parameters<Solver>>();
    const plan = await prioritiseWith({ initiatives: undefined, settings: optimalWorkbook().settings }, { now: NOW }, solver, { clock: STILL_CLOCK });
    expect(plan.usable).toBe(false);
    expect(solver).not.toHaveBeenCalled();
    expect(plan.bottlenecks).toBeUndefined();
  });
});

describe('bottleneck economics after the plan', () => {
  const settings = { ...DEFAULT_SETTINGS, method: 'Optimal' as const };

  it('adds to a plan chosen without them the same findings a full run gives', async () => {
    const first = await prioritiseWith(sampleTables(), { now: NOW, settings }, highsNodeSolver, { clock: STILL_CLOCK, economics: false });
    const later = await withBottlenecks(first, highsNodeSolver, { clock: STILL_CLOCK });
    const full = await prioritiseWith(sampleTables(), { now: NOW, settings }, highsNodeSolver, { clock: STILL_CLOCK });
    expect(later.entries).toEqual(first.entries);
    expect(later.bottlenecks).toEqual(full.bottlenecks);
  });

  it('skips the re-solves left when the time budget runs out, and says so', async () => {
    let calls = 0;
    // The deadline is set from the first reading; the budget then lasts three re-solves (the top three teams).
    const clock = () => (calls++ < 4 ? 0 : 1_000_000);
    const first = await prioritiseWith(sampleTables(), { now: NOW, settings }, highsNodeSolver, { clock: STILL_CLOCK, economics: false });
    const plan = await withBottlenecks(first, highsNodeSolver, { budgetSeconds: 5, clock });
    const b = plan.bottlenecks!;
    expect(b.notes.some((n) => /^The 5 s allowed for these figures ran out: \d+ re-solves were skipped, so those findings show the LP estimate or no figure\.$/.test(n))).toBe(true);
    expect(b.capacity.filter((f) => f.exact)).toHaveLength(3);
    for (const f of b.capacity.filter((c) => !c.exact)) expect(f.text).toMatch(/by the LP estimate \(not re-solved\)\.$/);
  });
});

describe('prioritise, the synchronous engine', () => {
  it('uses rank and fill and says no solver is available when the settings ask for Optimal', () => {
    const plan = prioritise(optimalWorkbook(), { now: NOW });
    expect(plan.selection).toEqual({ method: 'Rank and fill', note: 'Optimal was chosen, but no solver is available here; rank and fill was used instead.' });
    expect(plan.logEntry.method).toBe('Rank and fill (Optimal was chosen, but no solver is available here; rank and fill was used instead.)');
  });

  it('works out the bottleneck economics by rank and fill', () => {
    const plan = prioritise(workbook(rows, { Legal: 4 }), { now: NOW });
    expect(plan.bottlenecks).toMatchObject({ method: 'Rank and fill', baseValue: 1_000_000 });
  });
});
