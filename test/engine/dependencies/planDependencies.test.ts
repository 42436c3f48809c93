// Deciding with dependencies, through the whole engine: packages in rank and
// fill, Deferred (dependency), Excluded (alternative), forced packages and
// shared enablers, with the words the Why and Binding constraint columns say.

import { prioritise, type Plan } from '../../../src/engine/plan';
import type { CellValue, PlanEntry } from '../../../src/engine/types';
import { NOW, named, workbook, type RowSpec } from '../../builders';

function run(rows: RowSpec[], teams: Record<string, number> = {}, settings?: Record<string, CellValue>): Plan {
  return prioritise(workbook(rows, teams, settings), { now: NOW });
}

function entry(plan: Plan, name: string): PlanEntry {
  const found = plan.entries.find((e) => e.initiative.name === name);
  if (!found) throw new Error(`No initiative named ${name} in the plan`);
  return found;
}

const decisions = (plan: Plan): Record<string, string> => Object.fromEntries(plan.entries.map((e) => [e.initiative.name, e.decision]));
const byPriority = (plan: Plan): string[] =>
  plan.entries
    .filter((e) => e.priority !== undefined)
    .sort((a, b) => a.priority! - b.priority!)
    .map((e) => e.initiative.name);

describe('rank and fill with requirements', () => {
  test('an initiative goes in with what it requires, as one package at its place in the ranking', () => {
    const plan = run(
      [
        named('Claims triage', { 'Strategic fit': 5, Requires: 'Document intake', Legal: 4 }),
        named('Document intake', { 'Strategic fit': 1, 'Annual value': '', Legal: 3 }),
        named('Churn model', { 'Strategic fit': 3, Legal: 3 }),
      ],
      { Legal: 7 },
    );
    expect(decisions(plan)).toEqual({ 'Claims triage': 'Commit', 'Document intake': 'Commit', 'Churn model': 'Deferred (capacity)' });
    expect(plan.changeImpact.dependencies).toEqual([{ name: 'Claims triage', requires: ['Document intake'] }]);
  });

  test('a package that does not fit as a whole stays out, naming the requirement, and the room goes to the next', () => {
    const plan = run(
      [
        named('Claims triage', { 'Strategic fit': 5, Requires: 'Document intake', Legal: 4 }),
        named('Document intake', { 'Strategic fit': 1, Legal: 3 }),
        named('Churn model', { 'Strategic fit': 3, Legal: 5 }),
      ],
      { Legal: 6 },
    );
    const triage = entry(plan, 'Claims triage');
    expect(triage.decision).toBe('Deferred (dependency)');
    expect(triage.bindingText).toBe('Requires Document intake (together they do not fit: Legal (needs 7 weeks, 6 weeks left))');
    expect(triage.why).toMatch(/; deferred because it requires Document intake, which does not fit alongside it\.$/);
    expect(entry(plan, 'Churn model').decision).toBe('Commit');
  });

  test('a package missing two requirements that does not fit names both, since the shortfall counts both', () => {
    const plan = run(
      [
        named('Claims triage', { 'Strategic fit': 5, Requires: 'Document intake; Evaluation harness', Legal: 4 }),
        named('Document intake', { 'Strategic fit': 1, Legal: 2 }),
        named('Evaluation harness', { 'Strategic fit': 1, Legal: 2 }),
      ],
      { Legal: 6 },
    );
    const triage = entry(plan, 'Claims triage');
    expect(triage.decision).toBe('Deferred (dependency)');
    expect(triage.bindingText).toBe('Requires Document intake and Evaluation harness (together they do not fit: Legal (needs 8 weeks, 6 weeks left))');
    expect(triage.why).toMatch(/deferred because it requires Document intake and Evaluation harness, which do not fit alongside it\.$/);
  });

  test('chains are followed: A needs B needs C, and C not ready keeps both A and B out', () => {
    const plan = run([
      named('A', { 'Strategic fit': 5, Requires: 'B' }),
      named('B', { 'Strategic fit': 4, Requires: 'C' }),
      named('C', { 'Strategic fit': 3, Owner: 'TBD' }),
    ]);
    expect(decisions(plan)).toEqual({ A: 'Deferred (dependency)', B: 'Deferred (dependency)', C: 'Not ready' });
    expect(entry(plan, 'A').bindingText).toBe('Requires C (not ready)');
    expect(entry(plan, 'B').why).toMatch(/deferred because it requires C, which is not ready\.$/);
  });

  test('a bundle (A and B require each other) goes in together or not at all', () => {
    const rows = [named('A', { 'Strategic fit': 5, Requires: 'B', Legal: 4 }), named('B', { 'Strategic fit': 2, Requires: 'A', Legal: 4 })];
    expect(decisions(run(rows, { Legal: 8 }))).toEqual({ A: 'Commit', B: 'Commit' });
    const tight = run(rows, { Legal: 7 });
    expect(decisions(tight)).toEqual({ A: 'Deferred (dependency)', B: 'Deferred (dependency)' });
  });

  test('a forced-out requirement defers what needs it', () => {
    const plan = run([named('A', { Requires: 'B' }), named('B', { Override: 'Out', 'Override reason': 'Vendor exit' })]);
    expect(decisions(plan)).toEqual({ A: 'Deferred (dependency)', B: 'Forced out' });
    expect(entry(plan, 'A').bindingText).toBe('Requires B (forced out)');
    expect(entry(plan, 'A').why).toMatch(/requires B, which leadership forced out\.$/);
  });

  test('the in-flight limit counts every initiative of the package', () => {
    const plan = run([named('A', { 'Strategic fit': 5, Requires: 'B' }), named('B', { 'Strategic fit': 1 }), named('C', { 'Strategic fit': 3 })], {}, { 'In-flight limit': 1 });
    expect(decisions(plan)).toEqual({ A: 'Deferred (dependency)', B: 'Deferred (in-flight limit)', C: 'Commit' });
    expect(entry(plan, 'A').bindingText).toBe('Requires B (together they do not fit: In-flight limit (1))');
  });
});

describe('alternatives', () => {
  test('the first in the ranking that can go in wins; the other is Excluded (alternative), naming it', () => {
    const plan = run([named('Fraud vendor A', { 'Strategic fit': 3, Excludes: 'Fraud vendor B' }), named('Fraud vendor B', { 'Strategic fit': 5 })]);
    expect(decisions(plan)).toEqual({ 'Fraud vendor A': 'Excluded (alternative)', 'Fraud vendor B': 'Commit' });
    const loser = entry(plan, 'Fraud vendor A');
    expect(loser.bindingText).toBe('Alternative Fraud vendor B is in the plan');
    expect(loser.why).toMatch(/; left out because its alternative Fraud vendor B is in the plan\.$/);
  });

  test('an alternative that cannot go in does not shut out the other', () => {
    const plan = run(
      [named('Fraud vendor A', { 'Strategic fit': 3, Excludes: 'Fraud vendor B', Legal: 2 }), named('Fraud vendor B', { 'Strategic fit': 5, Legal: 9 })],
      { Legal: 5 },
    );
    expect(decisions(plan)).toEqual({ 'Fraud vendor A': 'Commit', 'Fraud vendor B': 'Deferred (capacity)' });
  });

  test('a requirement ruled out by its alternative defers its dependant, saying so', () => {
    const plan = run([
      named('Vendor B', { 'Strategic fit': 5, Excludes: 'Vendor A' }),
      named('Vendor A', { 'Strategic fit': 4 }),
      named('Case routing', { 'Strategic fit': 3, Requires: 'Vendor A' }),
    ]);
    expect(entry(plan, 'Case routing').decision).toBe('Deferred (dependency)');
    expect(entry(plan, 'Case routing').bindingText).toBe('Requires Vendor A (its alternative Vendor B is in the plan)');
  });
});

describe('overrides with dependencies', () => {
  test('forcing an initiative in forces in what it requires, and both Why texts say so', () => {
    const plan = run(
      [
        named('Churn model', { 'Strategic fit': 5, Legal: 5 }),
        named('Claims triage', { 'Strategic fit': 2, Requires: 'Document intake', Override: 'In', 'Override reason': 'Board commitment', Legal: 2 }),
        named('Document intake', { 'Strategic fit': 1, Legal: 2 }),
      ],
      { Legal: 5 },
    );
    expect(decisions(plan)).toEqual({ 'Churn model': 'Deferred (capacity)', 'Claims triage': 'Forced in', 'Document intake': 'Forced in' });
    expect(entry(plan, 'Claims triage').why).toMatch(/forced in by leadership to scale \("Board commitment"\), together with Document intake, which it requires\.$/);
    expect(entry(plan, 'Document intake').why).toMatch(/; forced in because Claims triage, forced in by leadership, requires it\.$/);
    expect(byPriority(plan).slice(0, 2).sort()).toEqual(['Claims triage', 'Document intake']);
  });

  test('forcing in an initiative whose requirement is not ready keeps it out, and says which and why', () => {
    const plan = run([
      named('Claims triage', { Requires: 'Document intake', Override: 'In', 'Override reason': 'Board commitment' }),
      named('Document intake', { Owner: 'TBD' }),
    ]);
    const triage = entry(plan, 'Claims triage');
    expect(triage.decision).toBe('Deferred (dependency)');
    expect(triage.why).toMatch(/forced in by leadership to scale \("Board commitment"\), but it requires Document intake, which is not ready, so it is deferred\.$/);
    const warning = plan.issues.find((i) => i.code === 'override-on-gated');
    const cell = warning?.cell;
    expect(cell).toMatch(/^[A-Z]+2$/);
    expect(warning?.message).toMatch(new RegExp(`^Claims triage is forced in \\(Portfolio!${cell}\\), but it requires Document intake, which is not ready \\(Blocked: `));
  });

  test('two alternatives both forced in: the second is warned about naming the first, not itself', () => {
    const plan = run([
      named('Fraud vendor A', { 'Strategic fit': 5, Override: 'In', 'Override reason': 'CFO' }),
      named('Fraud vendor B', { 'Strategic fit': 4, Excludes: 'Fraud vendor A', Override: 'In', 'Override reason': 'CFO' }),
      named('Case routing', { 'Strategic fit': 3, Requires: 'Fraud vendor B', Override: 'In', 'Override reason': 'COO' }),
    ]);
    expect(decisions(plan)).toMatchObject({ 'Fraud vendor A': 'Forced in', 'Fraud vendor B': 'Excluded (alternative)' });
    const messages = plan.issues.filter((i) => i.code === 'override-on-gated').map((i) => i.message);
    expect(messages).toEqual([
      expect.stringMatching(/^Fraud vendor B is forced in \(Portfolio![A-Z]+3\), but so is its alternative Fraud vendor A, and only one of them can be in the plan; it stays out of the plan\.$/),
      expect.stringMatching(/^Case routing is forced in \(Portfolio![A-Z]+4\), but it requires Fraud vendor B, whose alternative Fraud vendor A is forced in; it stays out of the plan\.$/),
    ]);
  });

  test('an override that cannot take effect is said at its Override cell', () => {
    const plan = run([named('Claims triage', { Override: 'In', 'Override reason': 'Board commitment', Owner: 'TBD' }), named('Document intake')]);
    const warning = plan.issues.find((i) => i.code === 'override-on-gated')!;
    const column = Object.keys(named('Claims triage', { Override: 'In', 'Override reason': 'Board commitment', Owner: 'TBD' })).indexOf('Override');
    expect(warning).toMatchObject({ sheet: 'Portfolio', column: 'Override', cell: `${String.fromCharCode(65 + column)}2` });
    expect(warning.message).toMatch(/^Claims triage is forced in \(Portfolio![A-Z]+2\), but its gate is Blocked; an override never lifts a gate/);
  });
});

describe('shared enablers', () => {
  test('an enabler ranks with the best initiative that needs it, and its Why says so', () => {
    const plan = run([
      named('Support reply assistant', { 'Strategic fit': 3, Requires: 'Evaluation harness' }),
      named('Claims triage', { 'Strategic fit': 5, Requires: 'Evaluation harness' }),
      named('Churn model', { 'Strategic fit': 4 }),
      named('Evaluation harness', { 'Strategic fit': 1, 'Annual value': '' }),
    ]);
    expect(byPriority(plan)).toEqual(['Evaluation harness', 'Claims triage', 'Churn model', 'Support reply assistant']);
    expect(entry(plan, 'Evaluation harness').why).toMatch(/; ranks with Claims triage, which needs it; committed/);
    expect(Object.values(decisions(plan))).toEqual(['Commit', 'Commit', 'Commit', 'Commit']);
  });

  test('an enabler whose initiative does not fit is not committed for nothing ahead of others', () => {
    const plan = run(
      [
        named('Claims triage', { 'Strategic fit': 5, Requires: 'Evaluation harness', Legal: 9 }),
        named('Churn model', { 'Strategic fit': 4, Legal: 4 }),
        named('Evaluation harness', { 'Strategic fit': 1, 'Annual value': '', Legal: 2 }),
      ],
      { Legal: 5 },
    );
    expect(decisions(plan)).toEqual({ 'Claims triage': 'Deferred (capacity)', 'Churn model': 'Commit', 'Evaluation harness': 'Deferred (capacity)' });
  });
});
