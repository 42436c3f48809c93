// Horizons through the whole engine: reading the setting, the columns and the capacity per horizon,
// the Start column and the Why; and with no horizons or one, every output exactly as without them.

import { generatePortfolio } from '../../../bench/generate';
import { prioritise, type WorkbookInput } from '../../../src/engine/plan';
import type { RawTable } from '../../../src/engine/types';
import { planLayout } from '../../../src/layout/planLayout';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { capacity, NOW, readyRow, settingsTable, table } from '../../builders';

const withSetting = (settings: RawTable | undefined, label: string, value: string): RawTable => ({
  ...(settings ?? settingsTable({})),
  rows: [...(settings?.rows ?? []), [label, value]],
});

/** A table with extra columns appended: each row gets the next value of its column's list. */
const withColumns = (t: RawTable, columns: Record<string, (row: number) => string | number>): RawTable => ({
  ...t,
  headers: [...t.headers, ...Object.keys(columns)],
  rows: t.rows.map((row, r) => [...row, ...Object.values(columns).map((f) => f(r))]),
});

/** What a run writes, the settings sheet (which lists the settings in force) and the log's time aside. */
const written = (input: WorkbookInput) => {
  const plan = prioritise(input, { now: NOW });
  const layout = planLayout(plan);
  return { outputs: layout.outputs, changeImpact: layout.changeImpact, log: layout.logRow, summary: plan.summary, issues: plan.issues };
};

describe('with no horizons, or one, every output is what it was before horizons', () => {
  const inputs: [string, WorkbookInput][] = [
    ['the sample', sampleTables()],
    ['a generated portfolio', (() => {
      const g = generatePortfolio(150, 5);
      return { initiatives: g.initiatives, capacity: g.capacity, settings: g.settings };
    })()],
  ];
  it.each(inputs)('%s plans the same with Horizons blank, one horizon, or Duration and Start columns of the user', (_, input) => {
    const before = written(input);
    expect(before.outputs.headers).not.toContain('Start');
    expect(written({ ...input, settings: withSetting(input.settings, 'Horizons', '') })).toEqual(before);
    expect(written({ ...input, settings: withSetting(input.settings, 'Horizons', 'H1') })).toEqual(before);
    expect(written({ ...input, settings: withSetting(input.settings, 'Horizons', 'None') })).toEqual(before);
    // Without a roadmap, Duration, Earliest start and Start are the user's own columns: read for nothing, never written.
    const userColumns = withColumns(input.initiatives!, { Duration: () => 'two sprints', 'Earliest start': () => 'May', Start: () => 'kick-off' });
    const plan = prioritise({ ...input, initiatives: userColumns }, { now: NOW });
    expect(plan.table?.columns.unrecognised).toEqual(expect.arrayContaining(['Duration', 'Earliest start', 'Start']));
    expect(plan.table?.columns.outputs.start).toBeUndefined();
    const layout = planLayout(plan);
    expect(layout.outputs.keys).toEqual(before.outputs.keys);
    expect(layout.outputs.values).toEqual(before.outputs.values);
  });
});

describe('a roadmap over horizons', () => {
  const rows = [
    readyRow({ ID: 'A', Initiative: 'Claims triage', 'Annual value': 2_000_000, Legal: 3 }),
    readyRow({ ID: 'B', Initiative: 'Invoice matching', 'Annual value': 1_000_000, Legal: 3 }),
    readyRow({ ID: 'C', Initiative: 'Churn model', 'Annual value': 500_000, Legal: 1, Duration: 2 }),
    readyRow({ ID: 'D', Initiative: 'Fraud alerts', 'Annual value': 400_000, 'Earliest start': 'H2' }),
  ];
  const input = (extra: Record<string, string> = {}): WorkbookInput => ({
    initiatives: table(rows),
    capacity: capacity({ Legal: 4 }),
    settings: settingsTable({ Horizons: 'H1, H2', ...extra }),
  });

  it('the Decision log row names the horizons with the planning period, in the columns the log always had', () => {
    const layout = planLayout(prioritise(input(), { now: NOW }));
    expect(layout.logRow.values[2]).toBe('Next planning period (horizons H1, H2)');
    expect(layout.logRow.values).toHaveLength(planLayout(prioritise({ ...input(), settings: settingsTable({}) }, { now: NOW })).logRow.values.length);
  });

  it('writes the Start column beside the Decision, and says in the Why and Binding constraint why each starts when it does', () => {
    const plan = prioritise(input(), { now: NOW });
    const layout = planLayout(plan);
    expect(layout.outputs.headers.slice(7, 9)).toEqual(['Decision', 'Start']);
    const byName = new Map(plan.entries.map((e) => [e.initiative.name, e]));
    expect(byName.get('Claims triage')?.schedule?.label).toBe('H1');
    expect(byName.get('Invoice matching')?.schedule?.label).toBe('H2');
    expect(byName.get('Invoice matching')?.why).toMatch(/; starts H2: Legal is full in H1\.$/);
    expect(byName.get('Invoice matching')?.bindingText).toBe('Legal (needs 3 weeks, 1 week left) in H1');
    expect(byName.get('Churn model')?.schedule).toMatchObject({ label: 'H1', duration: 2 });
    expect(byName.get('Churn model')?.why).toMatch(/starts H1 for 2 horizons, the first horizon\.$/);
    expect(byName.get('Fraud alerts')?.why).toMatch(/starts H2, its earliest start\.$/);
    const start = layout.outputs.keys.indexOf('start');
    const row = (name: string) => layout.outputs.values[byName.get(name)!.initiative.rowIndex]!;
    expect(row('Invoice matching')[start]).toBe('H2');
  });

  it('reads capacity per horizon from the Capacity table columns headed by the labels', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Capacity', 'Unit', 'H1', 'H2'], rows: [['Legal', 4, 'weeks', 0, '']] };
    const plan = prioritise({ ...input(), capacity: cap }, { now: NOW });
    expect(plan.teams[0]?.byHorizon).toEqual([0, 4]);
    expect(plan.entries.filter((e) => e.schedule?.label === 'H1' && (e.initiative.demand.Legal ?? 0) > 0)).toEqual([]);
  });

  it.each<[string[]]>([
    [['Team', 'Unit', 'Capacity H1', 'Capacity H2']],
    [['Team', 'Unit', 'H1 capacity', 'H2 capacity']],
    [['Team', 'Unit', 'Capacity (H1)', 'Capacity (H2)']],
    [['Team', 'Unit', 'H1 capacity (weeks)', 'H2 capacity (weeks)']],
  ])('reads capacity per horizon from columns headed by the label with the word capacity: %p', (headers) => {
    const cap: RawTable = { ...capacity({}), headers, rows: [['Legal', 'weeks', 3, 5]] };
    const plan = prioritise({ ...input(), capacity: cap }, { now: NOW });
    expect(plan.teams[0]).toMatchObject({ name: 'Legal', unit: 'weeks', byHorizon: [3, 5] });
    expect(plan.issues.filter((i) => i.sheet === 'Capacity')).toEqual([]);
  });

  // "H1 (FTE weeks)" was no horizon's column: the whole Capacity table was dropped and no team capped the plan.
  it('reads capacity per horizon from columns headed by the label and a unit in brackets, which is the unit without a Unit column', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'H1 (FTE weeks)', 'H2 (FTE weeks)'], rows: [['Legal', 3, 5]] };
    const plan = prioritise({ ...input(), capacity: cap }, { now: NOW });
    expect(plan.teams[0]).toMatchObject({ name: 'Legal', unit: 'FTE weeks', byHorizon: [3, 5] });
    expect(plan.issues.filter((i) => i.sheet === 'Capacity')).toEqual([]);
  });

  // It said "Legal is full in H2, the first it could start in", when H1 was the first and its run hit H2.
  it('a deferral whose run is blocked in a later horizon says it would run into that one, not that it could start there', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Capacity', 'Unit', 'H1', 'H2'], rows: [['Legal', 4, 'weeks', 4, 0]] };
    const long = readyRow({ ID: 'L', Initiative: 'Long build', Legal: 1, Duration: 2 });
    const plan = prioritise({ ...input(), initiatives: table([long]), capacity: cap }, { now: NOW });
    expect(plan.entries[0]?.decision).toBe('Deferred (capacity)');
    expect(plan.entries[0]?.why).toMatch(/; deferred because it fits in no horizon: started in H1, the first it could start in, it would run into H2, where Legal is full\.$/);
    expect(plan.entries[0]?.bindingText).toBe('Legal (needs 1 week, 0 weeks left) in H2');
  });

  // With columns for some horizons and no Capacity column, the whole table was dropped with "needs Team and
  // Capacity columns", not saying which horizons had no column.
  it('a Capacity table with columns for only some horizons and no Capacity column names the horizons without one', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Unit', 'Capacity H1'], rows: [['Legal', 'weeks', 3]] };
    const plan = prioritise({ ...input(), capacity: cap }, { now: NOW });
    expect(plan.issues.find((i) => i.sheet === 'Capacity')?.message).toBe(
      'The Capacity table on Capacity has a column for H1 but none for H2, and no Capacity column to stand for it: add a column headed H2 (or a Capacity column) with each team\'s capacity. No team caps are applied.',
    );
  });

  // A forced-in initiative whose run went past the last horizon said only "starts H2 for 2 horizons, its earliest start".
  it('a forced-in initiative that runs past the last horizon says so in its Why', () => {
    const forced = readyRow({ ID: 'F', Initiative: 'Board pet project', Legal: 1, Duration: 2, 'Earliest start': 'H2', Override: 'In', 'Override reason': 'Board asked' });
    const plan = prioritise({ ...input(), initiatives: table([forced]) }, { now: NOW });
    expect(plan.entries[0]?.decision).toBe('Forced in');
    expect(plan.entries[0]?.schedule).toMatchObject({ label: 'H2', duration: 2, pastLast: 'H2' });
    expect(plan.entries[0]?.why).toMatch(/; starts H2 for 2 horizons, its earliest start, and runs past H2, the last horizon\.$/);
  });

  // Checked only over the whole roadmap: 4 weeks forced into H2, where Legal has 2, was no warning since 4 < 4 + 2.
  it('warns of forced-in initiatives over a team\'s capacity in any one horizon, naming the horizon', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Capacity', 'Unit', 'H1', 'H2'], rows: [['Legal', 4, 'weeks', 4, 2]] };
    const forced = readyRow({ ID: 'F', Initiative: 'Board pet project', Legal: 4, 'Earliest start': 'H2', Override: 'In', 'Override reason': 'Board asked' });
    const plan = prioritise({ ...input(), initiatives: table([forced]), capacity: cap }, { now: NOW });
    expect(plan.issues.filter((i) => i.code === 'over-capacity-forced-in').map((i) => [i.column, i.message])).toEqual([
      ['Legal', 'Forced-in initiatives need 4 weeks of Legal in H2, more than its 2 weeks there (200%).'],
    ]);
  });

  // It said "Legal's capacity in H1 capacity in Capacity!C2", the header where the horizon was meant, and a
  // blank one only "has no capacity in Capacity!D2", not for which horizon.
  it('a bad or blank horizon capacity under a header with the word capacity names the horizon, not the header', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Unit', 'H1 capacity', 'H2 capacity'], rows: [['Legal', 'weeks', 'lots', '']] };
    const plan = prioritise({ ...input(), capacity: cap }, { now: NOW });
    expect(plan.issues.filter((i) => i.code === 'invalid-capacity').map((i) => i.message)).toEqual([
      `Legal's capacity in H1 in Capacity!C2 is "lots"; expected a number of at least 0. It counts as 0 until fixed.`,
      'Legal has no capacity for H2 in Capacity!D2; it counts as 0 until it is filled in.',
    ]);
  });

  // Columns headed H1 and H2 on a roadmap of "H1 FY27, H2 FY27" were read for nothing, unsaid: every horizon had
  // the team's Capacity, more than the H1 column said.
  it('a Capacity column headed like a horizon but not its label is named, with the label it most likely means', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Capacity', 'Unit', 'H1', 'H2'], rows: [['Legal', 8, 'weeks', 4, 0]] };
    const plan = prioritise({ ...input(), capacity: cap, settings: settingsTable({ Horizons: 'H1 FY27, H2 FY27' }) }, { now: NOW });
    expect(plan.issues.filter((i) => i.sheet === 'Capacity').map((i) => [i.cell, i.message])).toEqual([
      ['D1', 'Column H1 of the Capacity table (Capacity!D1) is not read: H1 is not a horizon. Did you mean H1 FY27? Head it H1 FY27 to use its figures; until then the team\'s Capacity stands for H1 FY27.'],
      ['E1', 'Column H2 of the Capacity table (Capacity!E1) is not read: H2 is not a horizon. Did you mean H2 FY27? Head it H2 FY27 to use its figures; until then the team\'s Capacity stands for H2 FY27.'],
    ]);
  });

  it('reports a bad horizon capacity with its cell, counting it as 0', () => {
    const cap: RawTable = { ...capacity({}), headers: ['Team', 'Capacity', 'Unit', 'H1', 'H2'], rows: [['Legal', 4, 'weeks', 'lots', 2]] };
    const plan = prioritise({ ...input(), capacity: cap }, { now: NOW });
    expect(plan.teams[0]?.byHorizon).toEqual([0, 2]);
    expect(plan.issues.find((i) => i.code === 'invalid-capacity')?.message).toBe(`Legal's capacity in H1 in Capacity!D2 is "lots"; expected a number of at least 0. It counts as 0 until fixed.`);
  });

  it.each([
    ['Duration', 'abc', 'Duration in Portfolio!AB2 is "abc"; expected a whole number of horizons from 1 to 2 (the Horizons setting has H1, H2).'],
    ['Duration', '2 quarters', 'Duration in Portfolio!AB2 is "2 quarters"; expected a whole number of horizons from 1 to 2 (the Horizons setting has H1, H2).'],
    ['Duration', 0, 'Duration in Portfolio!AB2 is 0; expected a whole number of horizons from 1 to 2 (the Horizons setting has H1, H2).'],
    ['Duration', 1.5, 'Duration in Portfolio!AB2 is 1.5; expected a whole number of horizons from 1 to 2 (the Horizons setting has H1, H2).'],
    ['Duration', 3, 'Duration in Portfolio!AB2 is 3; expected a whole number of horizons from 1 to 2 (the Horizons setting has H1, H2).'],
    ['Earliest start', 'H9', 'Earliest start in Portfolio!AC2 is "H9", which is not a horizon; expected one of H1, H2 (the Horizons setting).'],
    // A number is said as the number the cell holds, not in quotes as if typed as text.
    ['Earliest start', 2, 'Earliest start in Portfolio!AC2 is 2, which is not a horizon; expected one of H1, H2 (the Horizons setting).'],
  ])('a %s of %p is a problem naming its cell, and its row is Invalid input', (column, value, message) => {
    const bad = [readyRow({ ID: 'A', Initiative: 'Claims triage', Legal: 1, Duration: 1, 'Earliest start': 'H1', [column]: value }), rows[1]!];
    const plan = prioritise({ ...input(), initiatives: table(bad) }, { now: NOW });
    expect(plan.issues.filter((i) => i.cell && i.rowIndex === 0).map((i) => i.message)).toEqual([message]);
    expect(plan.entries[0]?.gate.gate).toBe('Invalid input');
    expect(plan.entries[1]?.decision).toBe('Commit');
  });

  // "H2" on a roadmap of "H1 FY27, H2 FY27", or "2027-Q2" on one of quarters, was said not to be a horizon with
  // no word of the label it most likely means; it is still not read as that label, only named.
  it.each([
    ['H1 FY27, H2 FY27', 'H2', ' Did you mean H2 FY27?'],
    ['Q1, Q2, Q3, Q4', '2027-Q2', ' Did you mean Q2?'],
    ['Q1, Q2, Q3, Q4', 'Q2 FY27', ' Did you mean Q2?'],
    ['2027 Q1, 2027 Q2', '2027', ''],
    ['Q1, Q2, Q3, Q4', 'next quarter', ''],
  ])('on a roadmap of %s, an Earliest start of %p names the horizon it most likely means, when only one fits', (horizons, typed, hint) => {
    const row = readyRow({ ID: 'A', Initiative: 'Claims triage', Legal: 1, 'Earliest start': typed });
    const plan = prioritise({ ...input(), initiatives: table([row]), settings: settingsTable({ Horizons: horizons }) }, { now: NOW });
    const message = plan.issues.find((i) => i.code === 'invalid-horizon')?.message;
    expect(message).toBe(`Earliest start in Portfolio!${message?.match(/Portfolio!(\w+)/)?.[1]} is "${typed}", which is not a horizon; expected one of ${horizons} (the Horizons setting).${hint}`);
    expect(plan.entries[0]?.gate.gate).toBe('Invalid input');
  });

  // "February 2027" typed as text was no horizon on a roadmap of "Jan 2027, Feb 2027", though the same month
  // typed as a date was read as Feb 2027.
  it.each(['February 2027', 'Feb-27', '2027-02'])('on a roadmap of months, an Earliest start typed as the text %p names that month', (typed) => {
    const row = readyRow({ ID: 'A', Initiative: 'Claims triage', Legal: 1, 'Earliest start': typed });
    const plan = prioritise({ ...input(), initiatives: table([row]), settings: settingsTable({ Horizons: 'Jan 2027, Feb 2027, Mar 2027' }) }, { now: NOW });
    expect(plan.issues.filter((i) => i.code === 'invalid-horizon')).toEqual([]);
    expect(plan.entries[0]?.schedule?.label).toBe('Feb 2027');
  });

  it('an Earliest start typed as a date is said as the date the cell shows, not its serial number', () => {
    const bad = table([readyRow({ ID: 'A', Initiative: 'Claims triage', Legal: 1, 'Earliest start': 46478 }), rows[1]!]);
    const formats = bad.rows.map((row) => row.map((_, c) => (bad.headers[c] === 'Earliest start' ? 'd-mmm-yy' : 'General')));
    const plan = prioritise({ ...input(), initiatives: { ...bad, formats } }, { now: NOW });
    expect(plan.issues.find((i) => i.column === 'Earliest start')?.message).toBe(
      'Earliest start in Portfolio!AB2 is 2027-04-01, a date, which is not a horizon; expected one of H1, H2 (the Horizons setting).',
    );
    expect(plan.entries[0]?.gate.gate).toBe('Invalid input');
  });

  it('on a roadmap of months, an Earliest start Excel turned into a date names that month', () => {
    // 46478 is 2027-04-01: "Apr 2027" typed in a cell, which Excel keeps as that date.
    const months = table([readyRow({ ID: 'A', Initiative: 'Claims triage', Legal: 1, 'Earliest start': 46478 }), rows[1]!]);
    const formats = months.rows.map((row) => row.map((_, c) => (months.headers[c] === 'Earliest start' ? 'mmm yyyy' : 'General')));
    for (const labels of ['Mar 2027, Apr 2027, May 2027', 'March 2027, April 2027, May 2027', 'Mar-27, Apr-27, May-27', '2027-03, 2027-04, 2027-05']) {
      const plan = prioritise({ ...input({ Horizons: labels }), initiatives: { ...months, formats } }, { now: NOW });
      expect({ labels, issues: plan.issues.filter((i) => i.column === 'Earliest start'), start: plan.entries[0]?.schedule?.start }).toEqual({ labels, issues: [], start: 1 });
    }
    // A date that is no horizon's month is still said as the date.
    const plan = prioritise({ ...input({ Horizons: 'Jan 2027, Feb 2027' }), initiatives: { ...months, formats } }, { now: NOW });
    expect(plan.issues.find((i) => i.column === 'Earliest start')?.message).toMatch(/is 2027-04-01, a date, which is not a horizon/);
  });

  it('reads the Horizons setting, and reports a repeated label', () => {
    expect(prioritise(input({ Horizons: 'Q1; Q2 , Q3' }), { now: NOW }).settings.horizons).toEqual(['Q1', 'Q2', 'Q3']);
    const repeated = prioritise(input({ Horizons: 'H1, h1' }), { now: NOW });
    expect(repeated.settings.horizons).toBeUndefined();
    expect(repeated.issues.some((i) => i.code === 'invalid-setting' && i.message.startsWith('Horizons in'))).toBe(true);
  });
});
