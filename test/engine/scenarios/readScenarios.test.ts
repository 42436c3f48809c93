import { readScenarios } from '../../../src/engine/scenarios/readScenarios';
import type { RawTable } from '../../../src/engine/types';
import { scenarioTables } from './scenarioBuilders';

const legalPlus2 = { Scenario: 'Legal +2 weeks', 'Impact weight': 60, 'Readiness weight': 25, 'Friction weight': 15, 'In-flight limit': 8, 'Capacity: Legal': 14 };

describe('reading the scenarios table', () => {
  test('a scenario row gives its name, the settings it sets and each team capacity', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([legalPlus2]));
    expect(issues).toEqual([]);
    expect(scenarios).toEqual([
      {
        name: 'Legal +2 weeks',
        settings: { 'Impact weight': 60, 'Readiness weight': 25, 'Friction weight': 15, 'In-flight limit': 8 },
        capacities: { Legal: 14 },
        overrides: [],
      },
    ]);
  });

  test('settings are read in the forms the settings sheet accepts: text numbers and any case of a method', () => {
    const { scenarios } = readScenarios(scenarioTables([{ Scenario: 'Optimal', 'In-flight limit': '12', 'Selection method': 'optimal', 'Capacity: Security': '6.5' }]));
    expect(scenarios[0]).toMatchObject({ settings: { 'In-flight limit': 12, 'Selection method': 'Optimal' }, capacities: { Security: 6.5 } });
  });

  test('a blank cell leaves that setting out, so the scenario keeps what is in force there', () => {
    const { scenarios } = readScenarios(scenarioTables([{ Scenario: 'Only the limit', 'Impact weight': '', 'In-flight limit': 5 }]));
    expect(scenarios[0]!.settings).toEqual({ 'In-flight limit': 5 });
  });

  test('a bad setting is reported with its cell and left out; the rest of the scenario is read', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Odd', 'In-flight limit': 2.5, 'Impact weight': 40 }]));
    expect(scenarios[0]!.settings).toEqual({ 'Impact weight': 40 });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid-scenario', sheet: 'Scenarios', column: 'In-flight limit', cell: 'B5', message: expect.stringContaining('In-flight limit of scenario "Odd" in Scenarios!B5 is 2.5; expected a whole number of at least 0') }),
    ]);
  });

  test('Horizons are read as the cell shows them; None (any case) says the scenario plans one period', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Halves', Horizons: 'h1 ; H2' }, { Scenario: 'Plain', Horizons: 'none' }, { Scenario: 'Kept', Horizons: '' }]));
    expect(issues).toEqual([]);
    expect(scenarios.map((s) => s.settings.Horizons)).toEqual(['h1, H2', 'None', undefined]);
  });

  test('bad Horizons (a label twice, or more than 24) are reported naming the sheet, the column and the cell, and the horizons in force are kept', () => {
    const many = Array.from({ length: 25 }, (_, i) => `M${i + 1}`).join(', ');
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Twice', Horizons: 'H1, h1' }, { Scenario: 'Many', Horizons: many }]));
    expect(scenarios.map((s) => s.settings)).toEqual([{}, {}]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid-scenario', sheet: 'Scenarios', column: 'Horizons', cell: 'B5', message: expect.stringContaining('Horizons of scenario "Twice" in Scenarios!B5 is "H1, h1"; expected horizon labels') }),
      expect.objectContaining({ column: 'Horizons', cell: 'B6', message: expect.stringMatching(/or None or blank for one planning period\. The scenario leaves it as it is in force\.$/) }),
    ]);
  });

  test('a negative team capacity is reported and the Capacity table is used for that team', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Cut', 'Capacity: Legal': -3 }]));
    expect(scenarios[0]!.capacities).toEqual({});
    expect(issues[0]).toMatchObject({ cell: 'B5', message: expect.stringContaining('expected a number of at least 0') });
  });

  test('an Excel error in a cell is reported, not read as a value', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Broken', 'Friction weight': '#REF!' }]));
    expect(scenarios[0]!.settings).toEqual({});
    expect(issues[0]!.message).toContain('is #REF!');
  });

  test('a row without a name is reported and left out; a wholly blank row is not a scenario', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: '', 'In-flight limit': 3 }, { Scenario: '' }, legalPlus2]));
    expect(scenarios.map((s) => s.name)).toEqual(['Legal +2 weeks']);
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid-scenario', cell: 'A5', message: expect.stringContaining('has no name') })]);
  });

  test('a repeated name (case and spacing aside) is reported and only the first is used', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([legalPlus2, { ...legalPlus2, Scenario: ' legal  +2 WEEKS', 'In-flight limit': 3 }]));
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]!.settings['In-flight limit']).toBe(8);
    expect(issues).toEqual([expect.objectContaining({ code: 'duplicate-scenario', cell: 'A6' })]);
  });

  test('names that differ only in punctuation are two scenarios', () => {
    const { scenarios } = readScenarios(scenarioTables([{ Scenario: 'Legal +2' }, { Scenario: 'Legal -2' }]));
    expect(scenarios.map((s) => s.name)).toEqual(['Legal +2', 'Legal -2']);
  });

  test('all three weights at 0 are reported and the weights left out', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Zero', 'Impact weight': 0, 'Readiness weight': 0, 'Friction weight': 0, 'In-flight limit': 4 }]));
    expect(scenarios[0]!.settings).toEqual({ 'In-flight limit': 4 });
    expect(issues[0]!.message).toContain('all three weights to 0');
  });

  test('when it was saved and by whom are read back; a date is the sheet’s serial date in UTC', () => {
    const { scenarios } = readScenarios(scenarioTables([{ Scenario: 'Dated', 'Saved at (UTC)': 46349.4166666667, 'Saved by': 'Ana Ortiz' }]));
    expect(scenarios[0]!.savedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(scenarios[0]!.savedBy).toBe('Ana Ortiz');
  });

  test('columns the add-in does not know are the user’s notes and are ignored', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Scenario: 'Noted', Notes: 'asked by the CFO', 'In-flight limit': 6 }]));
    expect(issues).toEqual([]);
    expect(scenarios[0]!.settings).toEqual({ 'In-flight limit': 6 });
  });

  test('a table without a Scenario column is reported and gives no scenarios', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([{ Name: 'x' }]));
    expect(scenarios).toEqual([]);
    expect(issues[0]).toMatchObject({ code: 'missing-required-column', message: expect.stringContaining('no "Scenario" column') });
  });

  test('no tables at all is no scenarios and no problem', () => {
    expect(readScenarios({ scenarios: undefined, overrides: undefined })).toEqual({ scenarios: [], issues: [], issuesByScenario: {} });
  });

  test('a table whose rows are not a grid is reported, not thrown', () => {
    const broken = { sheet: 'Scenarios', name: 'PrioritiserScenarios', headers: ['Scenario'], rows: 'nope', origin: { row: 3, column: 0 } } as unknown as RawTable;
    const { scenarios, issues } = readScenarios({ scenarios: broken, overrides: undefined });
    expect(scenarios).toEqual([]);
    expect(issues[0]!.message).toContain('could not be read');
  });
});

describe('reading the overrides table', () => {
  test('each override row is attached to its scenario, with where it sits', () => {
    const tables = scenarioTables([legalPlus2], [{ Scenario: 'Legal +2 weeks', 'Initiative ID': 'AI-04', Initiative: 'Claims triage', Override: 'In', 'Override reason': 'Regulator deadline; board asked' }]);
    const { scenarios, issues } = readScenarios(tables);
    expect(issues).toEqual([]);
    expect(scenarios[0]!.overrides).toEqual([
      { id: 'AI-04', initiative: 'Claims triage', choice: 'In', reason: 'Regulator deadline; board asked', at: { sheet: 'Scenarios', cell: 'D22' } },
    ]);
  });

  test('names and reasons with semicolons, colons and formula signs come back exactly', () => {
    const awkward = { Scenario: 'Legal +2 weeks', Initiative: '=Claims: triage; v2', Override: 'Out', 'Override reason': 'Vendor: review; "pending"' };
    const { scenarios } = readScenarios(scenarioTables([legalPlus2], [awkward]));
    expect(scenarios[0]!.overrides[0]).toMatchObject({ initiative: '=Claims: triage; v2', reason: 'Vendor: review; "pending"', choice: 'Out' });
  });

  test('the override is read in the forms the table accepts ("force in", "exclude")', () => {
    const { scenarios } = readScenarios(
      scenarioTables([legalPlus2], [
        { Scenario: 'Legal +2 weeks', Initiative: 'A', Override: 'force in', 'Override reason': 'r' },
        { Scenario: 'Legal +2 weeks', Initiative: 'B', Override: 'exclude', 'Override reason': 'r' },
      ]),
    );
    expect(scenarios[0]!.overrides.map((o) => o.choice)).toEqual(['In', 'Out']);
  });

  test('an override without a reason is reported and left out, as in the table', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([legalPlus2], [{ Scenario: 'Legal +2 weeks', Initiative: 'A', Override: 'In' }]));
    expect(scenarios[0]!.overrides).toEqual([]);
    expect(issues[0]).toMatchObject({ code: 'invalid-scenario', cell: 'E22', message: expect.stringContaining('has no reason') });
  });

  test('an override that is neither In nor Out is reported with what it says', () => {
    const { issues } = readScenarios(scenarioTables([legalPlus2], [{ Scenario: 'Legal +2 weeks', Initiative: 'A', Override: 'Maybe', 'Override reason': 'r' }]));
    expect(issues[0]).toMatchObject({ cell: 'D22', message: expect.stringContaining('is "Maybe"; expected In or Out') });
  });

  test('an override naming no initiative, or no scenario, is reported and left out', () => {
    const { issues } = readScenarios(
      scenarioTables([legalPlus2], [
        { Scenario: 'Legal +2 weeks', Override: 'In', 'Override reason': 'r' },
        { Scenario: '', Initiative: 'A', Override: 'In', 'Override reason': 'r' },
      ]),
    );
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('names no initiative'), expect.stringContaining('names no scenario')]);
  });

  test('an override of a scenario that is not in the scenarios table is reported', () => {
    const { scenarios, issues } = readScenarios(scenarioTables([legalPlus2], [{ Scenario: 'Gone', Initiative: 'A', Override: 'In', 'Override reason': 'r' }]));
    expect(scenarios[0]!.overrides).toEqual([]);
    expect(issues[0]).toMatchObject({ code: 'unknown-scenario', cell: 'A22' });
  });

  test('each scenario keeps its own problems apart from the others’', () => {
    const read = readScenarios(
      scenarioTables([legalPlus2, { Scenario: 'Other', 'In-flight limit': -1 }], [{ Scenario: 'Legal +2 weeks', Initiative: 'A', Override: 'Maybe', 'Override reason': 'r' }]),
    );
    expect(read.issuesByScenario['Other']!.map((i) => i.cell)).toEqual(['E6']);
    expect(read.issuesByScenario['Legal +2 weeks']!.map((i) => i.cell)).toEqual(['D22']);
  });

  test('an overrides table without its columns is reported', () => {
    const { issues } = readScenarios(scenarioTables([legalPlus2], [], { overrides: ['Scenario', 'Reason'] }));
    expect(issues[0]).toMatchObject({ code: 'missing-required-column', message: expect.stringContaining('Initiative ID') });
  });
});
