import { DEFAULT_SETTINGS, readSettings } from '../../../src/engine/settings';
import type { CellValue, Team, Weights } from '../../../src/engine/types';
import { sharesOf } from '../../../src/taskpane/model/weightShares';
import { settingsTable } from '../../builders';
import { checkDraft, draftOf, isDirty } from '../../../src/taskpane/model/settingsDraft';

const teams: Team[] = [
  { name: 'Legal', capacity: 12, unit: 'weeks' },
  { name: 'Security', capacity: 8, unit: 'weeks' },
];

describe('the settings draft', () => {
  test('a draft of the saved settings is valid and gives them back', () => {
    const settings = { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 20 } };
    expect(checkDraft(draftOf(settings, teams), settings, teams)).toEqual({ errors: { capacities: {} }, settings });
  });

  test("the room's weight ranges travel with the draft: shown from the saved settings, saved from the draft, a change makes it dirty", () => {
    const settings = { ...DEFAULT_SETTINGS, weightRanges: { impact: { low: 40, high: 60 } } };
    const draft = draftOf(settings, teams);
    expect(draft.weightRanges).toEqual({ impact: { low: 40, high: 60 } });
    expect(checkDraft(draft, settings, teams).settings).toEqual(settings);
    const widened = { ...draft, weightRanges: { impact: { low: 30, high: 60 }, friction: { low: 10, high: 20 } } };
    expect(isDirty(widened, draft)).toBe(true);
    expect(checkDraft(widened, settings, teams).settings?.weightRanges).toEqual(widened.weightRanges);
    expect(draftOf(DEFAULT_SETTINGS, teams)).not.toHaveProperty('weightRanges');
  });

  test('a team shows its override, matched ignoring case, or else the Capacity table’s value', () => {
    expect(draftOf({ ...DEFAULT_SETTINGS, capacityOverrides: { legal: 20 } }, teams).capacities).toEqual({ Legal: '20', Security: '8' });
  });

  test('a capacity typed equal to the Capacity table’s is no override', () => {
    const draft = { ...draftOf(DEFAULT_SETTINGS, teams), capacities: { Legal: '12', Security: '9' } };
    expect(checkDraft(draft, DEFAULT_SETTINGS, teams).settings?.capacityOverrides).toEqual({ Security: 9 });
  });

  test('an override for a team the pane does not list is kept', () => {
    const settings = { ...DEFAULT_SETTINGS, capacityOverrides: { Procurement: 3 } };
    expect(checkDraft(draftOf(settings, teams), settings, teams).settings?.capacityOverrides).toEqual({ Procurement: 3 });
  });

  test.each([
    ['', 'The in-flight limit is empty: enter a whole number of initiatives, 0 or more, for example 10.'],
    ['ten', 'The in-flight limit is "ten", which is not a number: enter a whole number of initiatives, 0 or more, for example 10.'],
    ['-1', 'The in-flight limit is -1, which is below 0: enter a whole number of initiatives, 0 or more, for example 10.'],
    ['2.5', 'The in-flight limit is 2.5, which is not a whole number: enter a whole number of initiatives, 0 or more, for example 10.'],
  ])('an in-flight limit of "%s" is refused, the message naming the field, the value and what is wrong', (typed, message) => {
    const check = checkDraft({ ...draftOf(DEFAULT_SETTINGS, teams), inFlightLimit: typed }, DEFAULT_SETTINGS, teams);
    expect(check.settings).toBeUndefined();
    expect(check.errors.inFlightLimit).toBe(message);
  });

  test('an in-flight limit written with spaces is read', () => {
    expect(checkDraft({ ...draftOf(DEFAULT_SETTINGS, teams), inFlightLimit: ' 7 ' }, DEFAULT_SETTINGS, teams).settings?.inFlightLimit).toBe(7);
  });

  test.each([
    ['', "Legal's capacity is empty: enter a number of weeks, 0 or more."],
    ['-3', "Legal's capacity is -3, which is below 0: enter a number of weeks, 0 or more."],
    ['lots', 'Legal\'s capacity is "lots", which is not a number: enter a number of weeks, 0 or more.'],
  ])('a capacity of "%s" is refused, the message naming the team, the value, what is wrong and the unit', (typed, message) => {
    const check = checkDraft({ ...draftOf(DEFAULT_SETTINGS, teams), capacities: { Legal: typed, Security: '8' } }, DEFAULT_SETTINGS, teams);
    expect(check.errors.capacities.Legal).toBe(message);
    expect(check.settings).toBeUndefined();
  });

  test('a blank planning period is refused', () => {
    expect(checkDraft({ ...draftOf(DEFAULT_SETTINGS, teams), planningPeriod: '  ' }, DEFAULT_SETTINGS, teams).errors.planningPeriod).toContain('Name the planning period');
  });

  test('three zero weights are refused, one weight above zero is enough', () => {
    const zero = { ...draftOf(DEFAULT_SETTINGS, teams), weights: { impact: 0, readiness: 0, friction: 0 } };
    expect(checkDraft(zero, DEFAULT_SETTINGS, teams).errors.weights).toContain('All three weights are 0');
    expect(checkDraft({ ...zero, weights: { impact: 0, readiness: 0, friction: 5 } }, DEFAULT_SETTINGS, teams).settings?.weights.friction).toBe(5);
  });

  test('a draft is dirty once it says something the saved settings do not', () => {
    const saved = draftOf(DEFAULT_SETTINGS, teams);
    expect(isDirty({ ...saved }, saved)).toBe(false);
    expect(isDirty({ ...saved, planningPeriod: 'FY27' }, saved)).toBe(true);
  });
});

describe('the draft reads what the settings sheet holds, the way a run reads it', () => {
  test.each<[string, Record<string, CellValue>, Weights, string, string]>([
    ['weights as "50%" beside fractions, a date as the period', { 'Impact weight': '50%', 'Readiness weight': 0.3, 'Friction weight': 0.2, 'Planning period': 46388, 'In-flight limit': 6 }, { impact: 50, readiness: 30, friction: 20 }, '1 Jan 2027', '6'],
    ['weights as fractions 0.5/0.3/0.2, the period as text', { 'Impact weight': 0.5, 'Readiness weight': 0.3, 'Friction weight': 0.2, 'Planning period': 'FY27', 'In-flight limit': '6' }, { impact: 50, readiness: 30, friction: 20 }, 'FY27', '6'],
  ])('%s', (_, sheet, weights, period, limit) => {
    const settings = readSettings(settingsTable(sheet)).settings;
    const draft = draftOf(settings, []);
    expect(sharesOf(draft.weights)).toEqual(weights);
    expect(draft.planningPeriod).toBe(period);
    expect(draft.inFlightLimit).toBe(limit);
    // Saved unchanged, the draft stands for the very settings the sheet gave.
    expect(checkDraft(draft, settings, []).settings).toEqual(expect.objectContaining({ weights: settings.weights, planningPeriod: period, inFlightLimit: Number(limit) }));
  });
});

test('an in-flight limit typed with its unit, "10 initiatives", is 10 in the pane as in the settings sheet', () => {
  expect(readSettings(settingsTable({ 'In-flight limit': '10 initiatives' })).settings.inFlightLimit).toBe(10);
  const draft = { ...draftOf(DEFAULT_SETTINGS, []), inFlightLimit: '10 initiatives' };
  expect(checkDraft(draft, DEFAULT_SETTINGS, []).settings?.inFlightLimit).toBe(10);
  expect(checkDraft({ ...draft, inFlightLimit: 'ten initiatives' }, DEFAULT_SETTINGS, []).errors.inFlightLimit).toBe('The in-flight limit is "ten initiatives", which is not a number: enter a whole number of initiatives, 0 or more, for example 10.');
});
