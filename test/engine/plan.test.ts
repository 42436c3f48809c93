// The whole engine, table cells in, plan out: ranking, selection, overrides,
// gates, change impact, summary and the decision log entry.

import { DIMENSIONS } from '../../src/engine/changeImpact';
import { TIE_RULE, prioritise, type Plan } from '../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { CellValue, PlanEntry } from '../../src/engine/types';
import { NOW, named, workbook, type RowSpec } from '../builders';

function run(rows: RowSpec[], teams: Record<string, number> = {}, settings?: Record<string, CellValue>): Plan {
  return prioritise(workbook(rows, teams, settings), { now: NOW });
}

function entry(plan: Plan, name: string): PlanEntry {
  const found = plan.entries.find((e) => e.initiative.name === name);
  if (!found) throw new Error(`No initiative named ${name} in the plan`);
  return found;
}

/** Names in Priority order. */
const byPriority = (plan: Plan): string[] =>
  plan.entries
    .filter((e) => e.priority !== undefined)
    .sort((a, b) => a.priority! - b.priority!)
    .map((e) => e.initiative.name);

const codes = (plan: Plan): string[] => plan.issues.map((i) => i.code);

/** Only readiness counts, so annual value and friction cannot move the score and ties are easy to make. */
const READINESS_ONLY = { 'Impact weight': 0, 'Readiness weight': 100, 'Friction weight': 0 };

const blocked = (name: string, more: RowSpec = {}) => named(name, { Owner: 'TBD', ...more });
const invalid = (name: string, more: RowSpec = {}) => named(name, { 'Strategic fit': 7, ...more });

describe('ranking by priority score', () => {
  test('the initiative with the higher priority score gets Priority 1', () => {
    const plan = run([named('Alpha', { 'Strategic fit': 2 }), named('Zulu', { 'Strategic fit': 5 })]);
    expect(byPriority(plan)).toEqual(['Zulu', 'Alpha']);
  });

  test('a better strategic fit raises the priority score by its weighted points', () => {
    const plan = run([named('Alpha', { 'Strategic fit': 2 }), named('Zulu', { 'Strategic fit': 5 })]);
    // Fit is worth 25 impact points over the 1-5 scale; impact weighs 50 of 100.
    const expected = (25 * (5 - 2)) / 4 * (DEFAULT_SETTINGS.weights.impact / 100);
    const gap = entry(plan, 'Zulu').scores!.priority - entry(plan, 'Alpha').scores!.priority;
    expect(gap).toBeGreaterThanOrEqual(expected - 0.1);
    expect(gap).toBeLessThanOrEqual(expected + 0.1);
  });

  test('the stated tie rule names annual value, then friction, then name', () => {
    const text = TIE_RULE.toLowerCase();
    expect(text.indexOf('annual value')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('annual value')).toBeLessThan(text.indexOf('friction'));
    expect(text.indexOf('friction')).toBeLessThan(text.indexOf('name'));
  });

  test('on equal scores the higher annual value ranks first', () => {
    const plan = run([named('Alpha', { 'Annual value': 500_000 }), named('Zulu', { 'Annual value': 900_000 })], {}, READINESS_ONLY);
    expect(entry(plan, 'Alpha').scores!.priority).toBe(entry(plan, 'Zulu').scores!.priority);
    expect(byPriority(plan)).toEqual(['Zulu', 'Alpha']);
  });

  test('on equal scores an unknown annual value ranks below a known one, even a zero', () => {
    const plan = run([named('Alpha', { 'Annual value': '' }), named('Zulu', { 'Annual value': 0 })], {}, READINESS_ONLY);
    expect(byPriority(plan)).toEqual(['Zulu', 'Alpha']);
  });

  test('on equal scores and value the lower friction ranks first', () => {
    const plan = run([named('Alpha', { 'Integration complexity': 5 }), named('Zulu', { 'Integration complexity': 1 })], {}, READINESS_ONLY);
    expect(entry(plan, 'Alpha').scores!.friction).toBeGreaterThan(entry(plan, 'Zulu').scores!.friction);
    expect(byPriority(plan)).toEqual(['Zulu', 'Alpha']);
  });

  test('when score, value and friction are equal the names go A to Z, ignoring case', () => {
    const plan = run([named('zulu'), named('Alpha'), named('mike')], {}, READINESS_ONLY);
    expect(byPriority(plan)).toEqual(['Alpha', 'mike', 'zulu']);
  });

  test('row order never decides the ranking', () => {
    const rows = [named('Bravo'), named('Alpha', { 'Annual value': 400_000 }), named('Charlie', { 'Integration complexity': 4 }), named('Delta')];
    const forward = run(rows, {}, READINESS_ONLY);
    const backward = run([...rows].reverse(), {}, READINESS_ONLY);
    expect(byPriority(backward)).toEqual(byPriority(forward));
    expect(byPriority(forward)).toEqual(['Bravo', 'Delta', 'Charlie', 'Alpha']);
  });

  test('priorities run 1, 2, 3 without gaps over the readable initiatives', () => {
    const plan = run([named('A'), blocked('B'), invalid('C'), named('D', { Override: 'Out', 'Override reason': 'Paused' })]);
    expect(plan.entries.map((e) => e.priority).filter((p) => p !== undefined).sort()).toEqual([1, 2, 3]);
  });
});

describe('rank and fill in the plan', () => {
  test('commits in rank order while the team has capacity, and defers what does not fit', () => {
    const plan = run(
      [named('First', { 'Strategic fit': 5, Legal: 6 }), named('Second', { 'Strategic fit': 4, Legal: 5 }), named('Third', { 'Strategic fit': 3, Legal: 4 })],
      { Legal: 10 },
    );
    expect(byPriority(plan)).toEqual(['First', 'Second', 'Third']);
    expect(entry(plan, 'First').decision).toBe('Commit');
    expect(entry(plan, 'Second').decision).toBe('Deferred (capacity)');
    expect(entry(plan, 'Third').decision).toBe('Commit');
  });

  test('a deferred initiative names the team with what it needs and what is left', () => {
    const plan = run([named('First', { 'Strategic fit': 5, Legal: 7 }), named('Second', { 'Strategic fit': 4, Legal: 5 })], { Legal: 10 });
    expect(entry(plan, 'Second').binding).toEqual({ teams: [{ team: 'Legal', needed: 5, left: 3, unit: 'weeks' }] });
    expect(entry(plan, 'Second').bindingText).toBe('Legal (needs 5 weeks, 3 weeks left)');
    expect(entry(plan, 'First').binding).toBeUndefined();
    expect(entry(plan, 'First').bindingText).toBe('');
  });

  test('a deferral held back by the in-flight limit and two teams names all three, limit first', () => {
    const plan = run(
      [named('First', { 'Strategic fit': 5, Legal: 7, Security: 2 }), named('Second', { 'Strategic fit': 4, Legal: 5, Security: 3 })],
      { Legal: 10, Security: 4 },
      { 'In-flight limit': 1 },
    );
    expect(entry(plan, 'Second').bindingText).toBe('In-flight limit (1); Legal (needs 5 weeks, 3 weeks left); Security (needs 3 weeks, 2 weeks left)');
  });

  test('the in-flight limit from the settings defers what comes after it and is named as the constraint', () => {
    const plan = run([named('First', { 'Strategic fit': 5 }), named('Second', { 'Strategic fit': 4 })], {}, { 'In-flight limit': 1 });
    expect(entry(plan, 'First').decision).toBe('Commit');
    expect(entry(plan, 'Second').decision).toBe('Deferred (in-flight limit)');
    expect(entry(plan, 'Second').binding).toEqual({ teams: [], inFlightLimit: 1 });
  });

  test('blank demand means no demand: it fits a team with no capacity left', () => {
    const plan = run([named('Needs Legal', { Legal: 1 }), named('No Legal', { Legal: '' })], { Legal: 0 });
    expect(entry(plan, 'Needs Legal').decision).toBe('Deferred (capacity)');
    expect(entry(plan, 'No Legal').decision).toBe('Commit');
    expect(entry(plan, 'No Legal').initiative.demand).toEqual({});
  });
});

describe('leadership overrides', () => {
  test('Override In with a reason forces in the lowest-scoring initiative and places it first', () => {
    const plan = run([named('Strong', { 'Strategic fit': 5 }), named('Weak', { 'Strategic fit': 1, Override: 'In', 'Override reason': 'Audit finding' })]);
    expect(entry(plan, 'Weak').scores!.priority).toBeLessThan(entry(plan, 'Strong').scores!.priority);
    expect(entry(plan, 'Weak').decision).toBe('Forced in');
    expect(entry(plan, 'Weak').priority).toBe(1);
  });

  test('a forced-in initiative consumes team capacity before anything else', () => {
    const plan = run(
      [named('Strong', { 'Strategic fit': 5, Legal: 6 }), named('Weak', { 'Strategic fit': 1, Legal: 6, Override: 'In', 'Override reason': 'Audit finding' })],
      { Legal: 10 },
    );
    expect(entry(plan, 'Weak').decision).toBe('Forced in');
    expect(entry(plan, 'Strong').decision).toBe('Deferred (capacity)');
    expect(entry(plan, 'Strong').binding).toEqual({ teams: [{ team: 'Legal', needed: 6, left: 4, unit: 'weeks' }] });
  });

  test('forcing in beyond a team cap is honoured and reported as over capacity', () => {
    const plan = run([named('Big', { Legal: 8, Override: 'In', 'Override reason': 'Regulator deadline' })], { Legal: 5 });
    expect(entry(plan, 'Big').decision).toBe('Forced in');
    const warning = plan.issues.find((i) => i.code === 'over-capacity-forced-in');
    expect(warning).toMatchObject({ severity: 'warning', column: 'Legal' });
  });

  test('a team overflowed by a forced-in initiative does not hold back initiatives that do not need it', () => {
    const plan = run(
      [named('Big', { Legal: 8, Override: 'In', 'Override reason': 'Regulator deadline' }), named('Security only', { Legal: '', Security: 2 })],
      { Legal: 5, Security: 4 },
    );
    expect(entry(plan, 'Security only').decision).toBe('Commit');
    expect(entry(plan, 'Security only').binding).toBeUndefined();
  });

  test('forcing in more initiatives than the in-flight limit is honoured and reported', () => {
    const forced = (name: string) => named(name, { Override: 'In', 'Override reason': 'Board decision' });
    const plan = run([forced('One'), forced('Two')], {}, { 'In-flight limit': 1 });
    expect(plan.entries.map((e) => e.decision)).toEqual(['Forced in', 'Forced in']);
    expect(plan.issues.find((i) => i.code === 'over-limit-forced-in')?.message).toContain('above the limit of 1');
  });

  test('forcing in within the cap raises no over-capacity warning', () => {
    const plan = run([named('Small', { Legal: 5, Override: 'In', 'Override reason': 'Regulator deadline' })], { Legal: 5 });
    expect(codes(plan)).not.toContain('over-capacity-forced-in');
  });

  test('Override Out with a reason takes the initiative out and leaves its capacity to the next', () => {
    const plan = run(
      [named('Top', { 'Strategic fit': 5, Legal: 8, Override: 'Out', 'Override reason': 'Vendor under review' }), named('Next', { 'Strategic fit': 3, Legal: 8 })],
      { Legal: 10 },
    );
    expect(entry(plan, 'Top').decision).toBe('Forced out');
    expect(entry(plan, 'Next').decision).toBe('Commit');
  });

  test('an override without a reason is ignored and reported on its cell', () => {
    const plan = run([named('Weak', { 'Strategic fit': 1, Override: 'In' }), named('Kept', { Override: 'Out' })], {}, { 'In-flight limit': 1 });
    expect(entry(plan, 'Weak').decision).toBe('Deferred (in-flight limit)');
    expect(entry(plan, 'Kept').decision).toBe('Commit');
    const ignored = plan.issues.filter((i) => i.code === 'override-without-reason');
    expect(ignored.map((i) => i.rowIndex)).toEqual([0, 1]);
    expect(ignored.every((i) => i.column === 'Override' && i.cell !== undefined)).toBe(true);
  });

  test('Override In on a Blocked initiative never lifts the gate', () => {
    const plan = run([blocked('Ownerless', { Override: 'In', 'Override reason': 'CEO priority' })]);
    expect(entry(plan, 'Ownerless').gate.gate).toBe('Blocked');
    expect(entry(plan, 'Ownerless').decision).toBe('Not ready');
    expect(entry(plan, 'Ownerless').override).toBeUndefined();
    expect(plan.issues.find((i) => i.code === 'override-on-gated')).toMatchObject({ rowIndex: 0, column: 'Override' });
  });

  test('Override In on an Invalid input row never lifts the gate', () => {
    const plan = run([invalid('Broken', { Override: 'In', 'Override reason': 'CEO priority' })]);
    expect(entry(plan, 'Broken').gate.gate).toBe('Invalid input');
    expect(entry(plan, 'Broken').decision).toBe('Not ready');
    expect(codes(plan)).toContain('override-on-gated');
  });

  test('Override In on a ready initiative raises no gate warning', () => {
    const plan = run([named('Ready', { Override: 'In', 'Override reason': 'CEO priority' })]);
    expect(codes(plan)).not.toContain('override-on-gated');
  });
});

describe('gated initiatives', () => {
  test('an Invalid input row is never committed, even with room to spare', () => {
    const plan = run([invalid('Broken', { Legal: 1 })], { Legal: 100 });
    expect(entry(plan, 'Broken').gate.gate).toBe('Invalid input');
    expect(entry(plan, 'Broken').decision).toBe('Not ready');
  });

  test('an Invalid input row gets no priority and no scores', () => {
    const plan = run([invalid('Broken'), named('Fine')]);
    expect(entry(plan, 'Broken').priority).toBeUndefined();
    expect(entry(plan, 'Broken').scores).toBeUndefined();
    expect(entry(plan, 'Fine').priority).toBe(1);
    expect(entry(plan, 'Fine').scores).toBeDefined();
  });

  test('an Invalid input row is ranked after every readable one, whatever its value', () => {
    const plan = run([invalid('Broken', { 'Annual value': 9_000_000 }), blocked('Ownerless', { 'Strategic fit': 1 })]);
    const last = plan.ranking[plan.ranking.length - 1]!;
    expect(plan.entries[last]!.initiative.name).toBe('Broken');
  });

  test('a Blocked initiative is never committed, even with room to spare', () => {
    const plan = run([blocked('Ownerless', { Legal: 1 })], { Legal: 100 });
    expect(entry(plan, 'Ownerless').gate.gate).toBe('Blocked');
    expect(entry(plan, 'Ownerless').decision).toBe('Not ready');
  });

  test('a Blocked initiative is still scored and ranked, so the room sees where it would stand', () => {
    const plan = run([blocked('Ownerless')]);
    expect(entry(plan, 'Ownerless').scores).toBeDefined();
    expect(entry(plan, 'Ownerless').priority).toBe(1);
  });

  test('a Learning-only initiative may be committed', () => {
    const plan = run([named('Pilot', { 'Baseline method': 'None' })]);
    expect(entry(plan, 'Pilot').gate.gate).toBe('Learning-only');
    expect(entry(plan, 'Pilot').decision).toBe('Commit');
  });
});

describe('change impact: load per team before and after', () => {
  // Legal 10 weeks. Forced (2) and Top (4) are committed, Wide (8) does not fit the 4 left,
  // Ownerless (3) is blocked and Broken (5) cannot be read.
  const plan = run(
    [
      named('Top', { 'Strategic fit': 5, Legal: 4 }),
      named('Wide', { 'Strategic fit': 4, Legal: 8 }),
      blocked('Ownerless', { Legal: 3 }),
      invalid('Broken', { Legal: 5 }),
      named('Forced', { 'Strategic fit': 1, Legal: 2, Override: 'In', 'Override reason': 'Board mandate' }),
    ],
    { Legal: 10, Security: 0 },
  );

  test('demand before counts every readable initiative, blocked ones included and unreadable ones not', () => {
    expect(plan.changeImpact.teamLoads[0]).toMatchObject({ team: 'Legal', capacity: 10, demandBefore: 4 + 8 + 3 + 2 });
    expect(plan.changeImpact.teamLoads[0]!.utilisationBefore).toBeCloseTo((4 + 8 + 3 + 2) / 10, 10);
  });

  test('demand after counts only the committed plan, forced-in included', () => {
    expect(entry(plan, 'Wide').decision).toBe('Deferred (capacity)');
    expect(plan.changeImpact.teamLoads[0]).toMatchObject({ demandAfter: 4 + 2 });
    expect(plan.changeImpact.teamLoads[0]!.utilisationAfter).toBeCloseTo((4 + 2) / 10, 10);
  });

  test('a team with no capacity and no demand is 0% used, not unknown', () => {
    expect(plan.changeImpact.teamLoads[1]).toMatchObject({ team: 'Security', demandBefore: 0, utilisationBefore: 0, utilisationAfter: 0 });
  });

  test('utilisation of a team with no capacity but some demand cannot be expressed and is left undefined', () => {
    const overloaded = run([named('Needs security', { Security: 1 })], { Security: 0 });
    expect(overloaded.changeImpact.teamLoads[0]!.utilisationBefore).toBeUndefined();
    expect(overloaded.changeImpact.teamLoads[0]!.utilisationAfter).toBe(0);
  });

  test('in flight before counts every readable initiative and after counts the committed ones', () => {
    expect(plan.changeImpact.inFlight).toEqual({ before: 4, after: 2, limit: DEFAULT_SETTINGS.inFlightLimit });
  });
});

describe('change impact: what changes for each committed initiative', () => {
  const plan = run(
    [
      named('Scaler', { 'Strategic fit': 5, Legal: 4, 'Decision rights shift': 1, 'Workload shift': 3, 'Incentive misalignment': 4, 'New obligations': '' }),
      named('Pilot', { 'Strategic fit': 4, 'Incident process': 'No', 'Decision logging': 'No', 'Monitoring owner': '' }),
      named('Forced', { 'Strategic fit': 1, Override: 'In', 'Override reason': 'Board mandate' }),
      blocked('Ownerless'),
    ],
    { Legal: 10 },
  );
  const change = (name: string) => {
    const found = plan.changeImpact.committed.find((c) => c.name === name);
    if (!found) throw new Error(`${name} is not committed`);
    return found;
  };

  test('lists the committed initiatives in priority order and nothing else', () => {
    expect(plan.changeImpact.committed.map((c) => c.name)).toEqual(['Forced', 'Scaler', 'Pilot']);
  });

  test('each committed initiative has the five dimensions, each with a before and a different after', () => {
    for (const c of plan.changeImpact.committed) {
      expect(c.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
      for (const d of c.dimensions) {
        expect(d.before.length).toBeGreaterThan(0);
        expect(d.after).not.toBe(d.before);
      }
    }
    expect(DIMENSIONS).toEqual(['Decision flow', 'Accountability', 'Work measurement', 'Risk management', 'Capacity']);
  });

  test('accountability after names the owner and the monitoring owner, or the gap', () => {
    const after = (name: string) => change(name).dimensions.find((d) => d.dimension === 'Accountability')!.after;
    expect(after('Scaler')).toContain('Marco Ruiz');
    expect(after('Scaler')).toContain('Lena Fischer');
    expect(after('Pilot')).toContain('(gap)');
    expect(after('Scaler')).not.toContain('(gap)');
  });

  test('decision flow after says whether decisions are logged', () => {
    const after = (name: string) => change(name).dimensions.find((d) => d.dimension === 'Decision flow')!.after;
    expect(after('Scaler')).toContain('logged');
    expect(after('Scaler')).not.toContain('(gap)');
    expect(after('Pilot')).toContain('(gap)');
  });

  test('capacity after names each team it uses with its share of the team', () => {
    const after = (name: string) => change(name).dimensions.find((d) => d.dimension === 'Capacity')!.after;
    expect(after('Scaler')).toContain(`Legal 4 weeks (${(4 / 10) * 100}% of its capacity)`);
    expect(after('Pilot')).not.toContain('Legal');
  });

  test('who absorbs the change names the frontline with its ratings, the teams it draws on and the monitoring owner', () => {
    const who = change('Scaler').absorbedBy;
    expect(who).toContain('Finance operations frontline');
    expect(who).toContain('workload 3/5');
    expect(who).toContain('Legal');
    expect(who).toContain('Lena Fischer');
  });

  test('who absorbs the change says an operations owner is still to be named when there is none', () => {
    expect(change('Pilot').absorbedBy).toContain('still to be named');
    expect(change('Scaler').absorbedBy).not.toContain('still to be named');
  });

  test('the gaps still open are the gate gaps: none at Scale-ready, the scaling controls at Pilot-ready', () => {
    expect(change('Scaler').gate).toBe('Scale-ready');
    expect(change('Scaler').openGaps).toEqual([]);
    expect(change('Pilot').gate).toBe('Pilot-ready');
    expect(change('Pilot').openGaps).toEqual(entry(plan, 'Pilot').gate.gaps);
    expect(change('Pilot').openGaps.length).toBeGreaterThan(0);
  });

  test('the four change impacts carry their rating and level; a blank is Unknown, never Low', () => {
    expect(change('Scaler').changeImpacts).toEqual([
      { label: 'Decision rights shift', rating: 1, level: 'Low' },
      { label: 'Workload shift', rating: 3, level: 'Medium' },
      { label: 'Incentive misalignment', rating: 4, level: 'High' },
      { label: 'New obligations', rating: undefined, level: 'Unknown' },
    ]);
  });

  test('the committed entry records whether it was committed or forced in', () => {
    expect(change('Forced').decision).toBe('Forced in');
    expect(change('Scaler').decision).toBe('Commit');
  });
});

describe('change impact: team lists and ratings read as sentences', () => {
  // Each text is built from the initiative's demand in pieces: these pin the punctuation for every list length.
  const plan = run(
    [
      named('No teams', { 'Workload shift': '', 'Decision rights shift': '', 'Incentive misalignment': '', 'New obligations': '' }),
      named('One team', { Legal: 1, 'Workload shift': '', 'Decision rights shift': 4, 'Incentive misalignment': '' }),
      named('Two teams', { Legal: 2, Security: 1, 'Workload shift': 3, 'Decision rights shift': '', 'Incentive misalignment': 5, 'New obligations': '' }),
      named('Three teams', { Legal: 1, Security: 2, 'Data engineering': 5, 'Monitoring owner': '' }),
    ],
    { Legal: 10, Security: 10, 'Data engineering': 10 },
  );
  const change = (name: string) => plan.changeImpact.committed.find((c) => c.name === name)!;
  const capacityAfter = (name: string) => change(name).dimensions.find((d) => d.dimension === 'Capacity')!.after;

  test('capacity after lists one, two or three teams with commas and a final "and"', () => {
    expect(capacityAfter('No teams')).toBe('Needs no capacity from the bottleneck teams.');
    expect(capacityAfter('One team')).toBe('Uses Legal 1 week (10% of its capacity).');
    expect(capacityAfter('Two teams')).toBe('Uses Legal 2 weeks (20% of its capacity) and Security 1 week (10% of its capacity).');
    expect(capacityAfter('Three teams')).toBe(
      'Uses Legal 1 week (10% of its capacity), Security 2 weeks (20% of its capacity) and Data engineering 5 weeks (50% of its capacity).',
    );
  });

  test('who absorbs the change brackets the ratings given and lists the teams the same way', () => {
    expect(change('No teams').absorbedBy).toBe('Finance operations frontline; Lena Fischer');
    expect(change('One team').absorbedBy).toBe('Finance operations frontline (decision rights 4/5); Legal; Lena Fischer (new obligations 2/5)');
    expect(change('Two teams').absorbedBy).toBe('Finance operations frontline (workload 3/5, incentives 5/5); Legal and Security; Lena Fischer');
    expect(change('Three teams').absorbedBy).toBe(
      'Finance operations frontline (workload 2/5, decision rights 2/5, incentives 2/5); Legal, Security and Data engineering; an operations owner still to be named (new obligations 2/5)',
    );
  });
});

describe('change impact: what the plan is not doing', () => {
  const plan = run(
    [
      named('Top', { 'Strategic fit': 5, Legal: 8 }),
      named('Wide', { 'Strategic fit': 4, Legal: 5 }),
      blocked('Ownerless'),
      invalid('Broken'),
      named('Paused', { Override: 'Out', 'Override reason': 'Vendor under review' }),
    ],
    { Legal: 10 },
  );
  const reason = (name: string) => plan.changeImpact.notDoing.find((n) => n.name === name)?.reason;

  test('lists every initiative that is not committed, and no committed one', () => {
    const notDoing = plan.changeImpact.notDoing.map((n) => n.name).sort();
    const uncommitted = plan.entries.filter((e) => e.decision !== 'Commit' && e.decision !== 'Forced in').map((e) => e.initiative.name).sort();
    expect(notDoing).toEqual(uncommitted);
    expect(notDoing).toEqual(['Broken', 'Ownerless', 'Paused', 'Wide']);
  });

  test('a deferred initiative is not done because of its binding constraint', () => {
    expect(reason('Wide')).toBe('Legal (needs 5 weeks, 2 weeks left)');
  });

  test('a forced-out initiative is not done because leadership took it out, with the reason', () => {
    expect(reason('Paused')).toBe('Leadership took it out: Vendor under review');
  });

  test('a gated initiative is not done because of its gate and what it must fix', () => {
    expect(reason('Ownerless')).toMatch(/^Blocked: /);
    expect(reason('Ownerless')).toContain('Name one accountable owner');
    expect(reason('Broken')).toMatch(/^Invalid input: Correct the cells that could not be read/);
  });
});

describe('summary', () => {
  const plan = run(
    [
      named('Top', { 'Strategic fit': 5, 'Annual value': 2_000_000, Legal: 8 }),
      named('Wide', { 'Strategic fit': 4, 'Annual value': 1_500_000, Legal: 5 }),
      named('Forced', { 'Strategic fit': 1, 'Annual value': 300_000, Override: 'In', 'Override reason': 'Board mandate' }),
      named('Paused', { 'Annual value': 700_000, Override: 'Out', 'Override reason': 'Vendor under review' }),
      named('Unexplained', { 'Annual value': 100_000, Override: 'Out' }),
      blocked('Ownerless', { 'Annual value': 900_000, Override: 'In', 'Override reason': 'CEO priority' }),
      invalid('Broken', { 'Annual value': 5_000_000 }),
    ],
    { Legal: 10 },
  );

  test('counts initiatives per gate', () => {
    expect(plan.summary.initiatives).toBe(7);
    expect(plan.summary.byGate).toEqual({ 'Invalid input': 1, Blocked: 1, 'Learning-only': 0, 'Pilot-ready': 0, 'Scale-ready': 5 });
  });

  test('counts initiatives per decision', () => {
    expect(plan.summary.byDecision).toEqual({
      Commit: 2,
      'Forced in': 1,
      'Deferred (capacity)': 1,
      'Deferred (in-flight limit)': 0,
      'Deferred (dependency)': 0,
      'Excluded (alternative)': 0,
      'Not ready': 2,
      'Forced out': 1,
    });
    expect(plan.summary.inFlight).toBe(3);
  });

  test('committed value adds the annual value of committed and forced-in initiatives only', () => {
    expect(plan.summary.committedValue).toBe(2_000_000 + 300_000 + 100_000);
  });

  test('lists every override that has a reason, with whether it was applied', () => {
    expect(plan.summary.overrides).toEqual([
      { name: 'Forced', choice: 'In', reason: 'Board mandate', applied: true, decision: 'Forced in' },
      { name: 'Paused', choice: 'Out', reason: 'Vendor under review', applied: true, decision: 'Forced out' },
      { name: 'Ownerless', choice: 'In', reason: 'CEO priority', applied: false, decision: 'Not ready' },
    ]);
  });
});

describe('the decision log entry and the clock', () => {
  const rows = [named('Top', { 'Strategic fit': 5, Legal: 8 }), named('Forced', { Override: 'In', 'Override reason': 'Board mandate' })];

  test('carries the time and the user passed in', () => {
    const plan = prioritise(workbook(rows, { Legal: 10 }), { now: '2027-03-01T09:30:00.000Z', runBy: 'Ada Byron' });
    expect(plan.logEntry.runAt).toBe('2027-03-01T09:30:00.000Z');
    expect(plan.logEntry.runBy).toBe('Ada Byron');
    expect(plan.run).toEqual({ at: '2027-03-01T09:30:00.000Z', by: 'Ada Byron' });
  });

  test('leaves who ran it blank when no name was given', () => {
    const plan = prioritise(workbook(rows, { Legal: 10 }), { now: NOW });
    expect(plan.logEntry.runBy).toBe('');
    expect(plan.run).toEqual({ at: NOW });
  });

  test('records the settings in force, the counts, the overrides and the utilisation after', () => {
    const plan = run(rows, { Legal: 10 }, { 'Impact weight': 60, 'Readiness weight': 25, 'Friction weight': 15, 'In-flight limit': 4, 'Planning period': 'FY27 H1' });
    expect(plan.logEntry).toMatchObject({
      planningPeriod: 'FY27 H1',
      method: 'Rank and fill',
      weights: 'Impact 60 / Readiness 25 / Friction 15',
      inFlightLimit: 4,
      initiatives: 2,
      committedValue: 2 * 1_000_000,
      overrides: 'Forced: In - Board mandate',
      utilisation: `Legal ${((8 + 0) / 10) * 100}%`,
    });
    expect(plan.logEntry.counts).toMatchObject({ Commit: 1, 'Forced in': 1 });
  });

  test('the same input and the same time give a deep-equal plan, whatever the system clock says', () => {
    jest.useFakeTimers();
    try {
      jest.setSystemTime(new Date('2020-01-01T00:00:00Z'));
      const first = prioritise(workbook(rows, { Legal: 10 }), { now: NOW, runBy: 'Ada Byron' });
      jest.setSystemTime(new Date('2031-07-15T18:45:00Z'));
      const second = prioritise(workbook(rows, { Legal: 10 }), { now: NOW, runBy: 'Ada Byron' });
      expect(second).toEqual(first);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a different time changes only when the run happened', () => {
    const first = prioritise(workbook(rows, { Legal: 10 }), { now: NOW });
    const later = prioritise(workbook(rows, { Legal: 10 }), { now: '2026-11-24T10:00:00.000Z' });
    expect(later.run.at).not.toBe(first.run.at);
    expect({ ...later, run: first.run, logEntry: { ...later.logEntry, runAt: first.logEntry.runAt } }).toEqual(first);
  });
});

describe('the Initiatives table setting', () => {
  test('naming a table the workbook does not have is reported with its cell, and the table planned is named', () => {
    const plan = prioritise(workbook([named('Claims triage')], {}, { 'Initiatives table': 'Portfolio2027' }), { now: NOW });
    expect(plan.entries).toHaveLength(1);
    expect(plan.issues).toContainEqual(
      expect.objectContaining({
        code: 'invalid-setting',
        severity: 'warning',
        sheet: 'Prioritisation settings',
        cell: 'B5',
        message: `The Initiatives table setting in 'Prioritisation settings'!B5 names Portfolio2027, which is no table of this workbook; table Initiatives on Portfolio is planned instead.`,
      }),
    );
  });

  test('naming the table planned, in any case, says nothing', () => {
    const plan = prioritise(workbook([named('Claims triage')], {}, { 'Initiatives table': 'initiatives' }), { now: NOW });
    expect(codes(plan)).not.toContain('invalid-setting');
  });
});

describe('a "Capacity: team" setting', () => {
  test('naming a team no Capacity row has is reported with its cell, and caps nothing', () => {
    const plan = prioritise(workbook([named('Claims triage')], { Legal: 10, Security: 4 }, { 'Capacity: Legl': 6 }), { now: NOW });
    expect(plan.teams.map((t) => [t.name, t.capacity])).toEqual([
      ['Legal', 10],
      ['Security', 4],
    ]);
    expect(plan.issues).toContainEqual({
      code: 'invalid-setting',
      severity: 'warning',
      sheet: 'Prioritisation settings',
      column: 'Value',
      cell: 'B5',
      message: `Capacity: Legl in 'Prioritisation settings'!B5 names a team that no row of the Capacity table has (its teams are Legal and Security), so it caps nothing; did you mean Legal?`,
    });
  });

  test('naming a team of the Capacity table, in any case or spacing, says nothing and sets its capacity', () => {
    const plan = prioritise(workbook([named('Claims triage')], { 'Data engineering': 10 }, { 'Capacity: data  ENGINEERING': 6 }), { now: NOW });
    expect(plan.teams.map((t) => t.capacity)).toEqual([6]);
    expect(codes(plan)).not.toContain('invalid-setting');
  });

  test('with no Capacity table at all, the setting is reported as capping nothing', () => {
    const input = { ...workbook([named('Claims triage')], {}, { 'Capacity: Legal': 6 }) };
    const plan = prioritise({ initiatives: input.initiatives, settings: input.settings! }, { now: NOW });
    expect(plan.issues.find((i) => i.cell === 'B5')?.message).toBe(
      `Capacity: Legal in 'Prioritisation settings'!B5 names a team that no row of the Capacity table has (the workbook has no Capacity table), so it caps nothing.`,
    );
  });
});
