// Reading the Initiatives and Capacity tables: the SPEC's workbook contract.

import { isTotalsLabel, readCapacity, readInitiatives } from '../../src/engine/read';
import type { RawTable, Team } from '../../src/engine/types';
import { capacity, readyRow, table, type RowSpec } from '../builders';

const LEGAL: Team = { name: 'Legal', capacity: 10, unit: 'weeks' };
const SECURITY: Team = { name: 'Security', capacity: 6, unit: 'weeks' };

/** Headers of `readyRow` in its own order, without the given ones. */
const headersWithout = (...left: string[]): string[] => Object.keys(readyRow()).filter((h) => !left.includes(h));

const issuesOf = (code: string, issues: { code: string }[]) => issues.filter((i) => i.code === code);

describe('matching columns by header', () => {
  test('headers match ignoring case, spacing and punctuation', () => {
    const row = { INITIATIVE: 'Claims triage', 'annual  VALUE': '$2M', 'data-quality': 'High', 'Decision_rights shift': 4 };
    const read = readInitiatives(table([row]), []);
    expect(read.initiatives[0]).toMatchObject({ name: 'Claims triage', annualValue: 2_000_000, dataQuality: 5, decisionRightsShift: 4 });
  });

  test.each(['Name', 'Use case', 'Initiative name', 'Project'])('"%s" is recognised as the Initiative column', (header) => {
    const read = readInitiatives(table([{ [header]: 'Claims triage' }]), []);
    expect(read.usable).toBe(true);
    expect(read.initiatives[0]?.name).toBe('Claims triage');
  });

  test.each<[string, string, string, unknown]>([
    ['Annual benefit', '$300k', 'annualValue', 300_000],
    ['Expected value', '€1.5m', 'annualValue', 1_500_000],
    ['Accountable owner', 'Ana Ruiz', 'owner', 'Ana Ruiz'],
    ['KPI', 'Cut triage time 30%', 'successMetric', 'Cut triage time 30%'],
    ['Risk', 'High', 'riskTier', 'High'],
    ['Stage', 'PoC', 'phaseRequested', 'Pilot'],
  ])('"%s" is recognised as a synonym: %p reads into %s', (header, cell, field, expected) => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', [header]: cell }]), []);
    expect((read.initiatives[0] as Record<string, unknown>)[field]).toEqual(expected);
  });

  test('column order is free: reversed columns read the same initiative', () => {
    const forward = readInitiatives(table([readyRow()]), []);
    const reversed = readInitiatives(table([readyRow()], { headers: Object.keys(readyRow()).reverse() }), []);
    expect(reversed.initiatives).toEqual(forward.initiatives);
  });

  test("the user's own columns are ignored and not reported", () => {
    const withNotes = readInitiatives(table([readyRow({ Notes: 'ask Ana', 'Budget code': 'FIN-22' })]), []);
    const without = readInitiatives(table([readyRow()]), []);
    expect(withNotes.initiatives).toEqual(without.initiatives);
    expect(withNotes.issues).toEqual(without.issues);
  });

  test('a repeated column is reported and only the first one is read', () => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', Name: 'Other name' }]), []);
    expect(read.initiatives[0]?.name).toBe('Claims triage');
    expect(issuesOf('duplicate-column', read.issues)).toEqual([expect.objectContaining({ column: 'Name', cell: 'B1' })]);
  });
});

describe('team demand columns', () => {
  test.each(['Legal', 'legal', 'Demand: Legal', 'Legal demand', 'LEGAL DEMAND', 'Demand for Legal', 'Demand - Legal'])(
    'a column headed "%s" is the demand on Legal',
    (header) => {
      const read = readInitiatives(table([{ Initiative: 'Claims triage', [header]: 3 }]), [LEGAL]);
      expect(read.initiatives[0]?.demand).toEqual({ Legal: 3 });
      expect(issuesOf('team-without-demand-column', read.issues)).toEqual([]);
    },
  );

  test('a team whose name starts like "on" or "for" is still found without a colon', () => {
    const onboarding: Team = { name: 'Onboarding', capacity: 4, unit: 'weeks' };
    const read = readInitiatives(table([{ Initiative: 'Claims triage', 'Demand Onboarding': 2 }]), [onboarding]);
    expect(read.initiatives[0]?.demand).toEqual({ Onboarding: 2 });
  });

  test('a blank or zero demand means no demand on that team', () => {
    const read = readInitiatives(table([
      { Initiative: 'A', Legal: '', Security: 0 },
      { Initiative: 'B', Legal: '2.5', Security: '50%' },
    ]), [LEGAL, SECURITY]);
    expect(read.initiatives.map((i) => i.demand)).toEqual([{}, { Legal: 2.5, Security: 0.5 }]);
  });

  test('a demand column for a team that is not in the Capacity table is reported', () => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', 'Demand: Procurement': 2 }]), [LEGAL]);
    expect(issuesOf('demand-column-without-team', read.issues)).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'Portfolio', column: 'Demand: Procurement', cell: 'B1', message: expect.stringContaining('Procurement') }),
    ]);
    expect(read.initiatives[0]?.demand).toEqual({});
  });

  test('a plain user column that does not say "demand" is not reported as demand', () => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', Procurement: 2 }]), [LEGAL]);
    expect(issuesOf('demand-column-without-team', read.issues)).toEqual([]);
  });

  test.each<[string, string, string]>([
    ['Risk', 'Risk tier', 'riskTier'],
    ['Integration', 'Integration complexity', 'integrationComplexity'],
  ])('a team named "%s" takes its column when the table has "%s" too: its demand is capped, the contract column still read', (team, contractHeader, field) => {
    const teamRow: Team = { name: team, capacity: 2, unit: 'weeks' };
    const row = readyRow({ [team]: 3 });
    const read = readInitiatives(table([row]), [teamRow]);
    expect(read.initiatives[0]?.demand).toEqual({ [team]: 3 });
    expect((read.initiatives[0] as Record<string, unknown>)[field]).toEqual(readInitiatives(table([readyRow()]), []).initiatives[0]![field as 'riskTier']);
    expect(read.columns.inputs[field as 'riskTier']).toBe(Object.keys(row).indexOf(contractHeader));
    expect(read.issues.filter((i) => ['duplicate-column', 'team-without-demand-column'].includes(i.code))).toEqual([]);
  });

  test('a header that is only a synonym stays the contract column when no team has its name', () => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', Risk: 'High', Legal: 1 }]), [LEGAL]);
    expect(read.initiatives[0]).toMatchObject({ riskTier: 'High', demand: { Legal: 1 } });
  });

  test('a Capacity team with no demand column is reported', () => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', Legal: 2 }]), [LEGAL, SECURITY]);
    expect(issuesOf('team-without-demand-column', read.issues)).toEqual([
      expect.objectContaining({ severity: 'warning', column: 'Security', message: expect.stringContaining('Security') }),
    ]);
  });
});

describe('missing columns and empty tables', () => {
  test('a table without an Initiative column is unusable and says so', () => {
    const read = readInitiatives(table([{ Owner: 'Ana Ruiz', 'Annual value': 100 }]), []);
    expect(read.usable).toBe(false);
    expect(read.initiatives).toEqual([]);
    expect(issuesOf('missing-required-column', read.issues)).toEqual([
      expect.objectContaining({ severity: 'fatal', column: 'Initiative' }),
    ]);
  });

  test('the message for a table without an Initiative column lists the headers it has', () => {
    const read = readInitiatives(table([{ Owner: 'Ana Ruiz', 'Annual value': 100 }]), []);
    expect(read.issues.find((i) => i.code === 'missing-required-column')?.message).toContain('its headers are Owner, Annual value');
  });

  test('a table whose headers sit in a body row (Excel made Column1, Column2 above a title) says which row they are in', () => {
    const raw: RawTable = {
      sheet: 'Portfolio',
      name: 'Initiatives',
      headers: ['Column1', 'Column2', 'Column3'],
      rows: [
        ['AI portfolio FY27', '', ''],
        ['Initiative', 'Owner', 'Annual value'],
        ['Claims triage', 'Ana Ruiz', 100],
      ],
      origin: { row: 3, column: 1 },
    };
    const read = readInitiatives(raw, []);
    expect(read.usable).toBe(false);
    expect(read.issues.find((i) => i.code === 'missing-required-column')?.message).toContain(
      'Its headers look to be in row 6 (Initiative, Owner, Annual value), inside the table: make that row its header row',
    );
  });

  test('a missing optional column is a warning and reads as unknown', () => {
    const read = readInitiatives(table([readyRow()], { headers: headersWithout('Data quality') }), []);
    expect(read.usable).toBe(true);
    expect(issuesOf('missing-column', read.issues)).toEqual([
      expect.objectContaining({ severity: 'warning', column: 'Data quality' }),
    ]);
    expect(read.initiatives[0]?.dataQuality).toBeUndefined();
    expect(read.initiatives[0]?.invalid).toBe(false);
  });

  test('a table with every input column reports no missing column', () => {
    const read = readInitiatives(table([readyRow()]), []);
    expect(read.issues).toEqual([]);
  });

  test('a table with no rows is reported as empty and is unusable', () => {
    const read = readInitiatives(table([], { headers: Object.keys(readyRow()) }), []);
    expect(read.usable).toBe(false);
    expect(issuesOf('empty-table', read.issues)).toEqual([expect.objectContaining({ severity: 'fatal', sheet: 'Portfolio' })]);
  });

  test('a table of only blank rows is reported as empty', () => {
    const read = readInitiatives(table([{ Initiative: '' }, { Initiative: '   ' }]), []);
    expect(read.usable).toBe(false);
    expect(issuesOf('empty-table', read.issues)).toHaveLength(1);
  });
});

describe('reading rows', () => {
  test('wholly blank rows are skipped without a report, and the others keep their row index', () => {
    const blank = Object.fromEntries(Object.keys(readyRow()).map((h) => [h, ''])) as RowSpec;
    const read = readInitiatives(table([readyRow({ ID: 'A' }), blank, readyRow({ ID: 'B' })]), []);
    expect(read.initiatives.map((i) => [i.id, i.rowIndex])).toEqual([['A', 0], ['B', 2]]);
    expect(read.issues).toEqual([]);
  });

  test('a row without a name is reported and is invalid; the named rows are not', () => {
    const read = readInitiatives(table([readyRow({ ID: 'A' }), readyRow({ ID: 'B', Initiative: '' })]), []);
    expect(issuesOf('missing-name', read.issues)).toEqual([
      expect.objectContaining({ severity: 'error', column: 'Initiative', cell: 'B3', rowIndex: 1 }),
    ]);
    expect(read.initiatives.map((i) => i.invalid)).toEqual([false, true]);
  });

  test('duplicate IDs are reported on the later row and both rows are still read with distinct keys', () => {
    const read = readInitiatives(table([readyRow({ ID: 'X-1', Initiative: 'A' }), readyRow({ ID: 'x-1', Initiative: 'B' })]), []);
    expect(issuesOf('duplicate-id', read.issues)).toEqual([
      expect.objectContaining({ column: 'ID', cell: 'A3', rowIndex: 1, message: expect.stringContaining('row 2') }),
    ]);
    expect(read.initiatives.map((i) => i.name)).toEqual(['A', 'B']);
    expect(new Set(read.initiatives.map((i) => i.key)).size).toBe(2);
  });

  test('repeated IDs and unnamed repeats get numbered keys, the first row keeping the plain one', () => {
    const rows = [
      readyRow({ ID: 'X-1', Initiative: 'A' }),
      readyRow({ ID: 'x 1', Initiative: 'B' }),
      readyRow({ ID: '', Initiative: 'Same' }),
      readyRow({ ID: 'X-1', Initiative: 'C' }),
      readyRow({ ID: '', Initiative: 'same' }),
    ];
    const read = readInitiatives(table(rows), []);
    expect(read.initiatives.map((i) => i.key)).toEqual(['id:x1', 'id:x1#2', 'name:same', 'id:x1#3', 'name:same#2']);
  });

  test('distinct IDs are not reported', () => {
    const read = readInitiatives(table([readyRow({ ID: 'X-1' }), readyRow({ ID: 'X-2' })]), []);
    expect(issuesOf('duplicate-id', read.issues)).toEqual([]);
  });

  test('an override with a reason takes effect', () => {
    const read = readInitiatives(table([readyRow({ Override: 'In', 'Override reason': 'Board commitment' })]), []);
    expect(read.initiatives[0]).toMatchObject({ override: 'In', overrideReason: 'Board commitment' });
    expect(issuesOf('override-without-reason', read.issues)).toEqual([]);
  });

  test('an override without a reason is reported and ignored', () => {
    const read = readInitiatives(table([readyRow({ Override: 'Out', 'Override reason': ' ' })]), []);
    expect(read.initiatives[0]?.override).toBeUndefined();
    expect(issuesOf('override-without-reason', read.issues)).toEqual([
      expect.objectContaining({ severity: 'warning', column: 'Override', cell: 'Y2', rowIndex: 0 }),
    ]);
    expect(read.initiatives[0]?.invalid).toBe(false);
  });
});

describe('cells that cannot be read', () => {
  /** readyRow's headers with "Data Quality" (the user's spelling) moved to index 14, so at origin column 2 it is column Q. */
  const headers = (() => {
    const rest = headersWithout('Data quality');
    return [...rest.slice(0, 14), 'Data Quality', ...rest.slice(14)];
  })();
  const row = (id: string, quality: string | number) => {
    const { 'Data quality': _dropped, ...rest } = readyRow({ ID: id, Initiative: `Initiative ${id}` });
    return { ...rest, 'Data Quality': quality };
  };
  // Header on zero-based sheet row 4 (row 5), so the fifth body row is sheet row 10.
  const origin = { row: 4, column: 2 };
  const rows = [row('A', 4), row('B', 3), row('C', 'High'), row('D', 2), row('E', '#N/A')];

  test('the issue names its code, sheet, column as the user spelt it and the A1 cell, honouring the table origin', () => {
    const read = readInitiatives(table(rows, { headers, origin }), []);
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'unreadable-cell', severity: 'error', sheet: 'Portfolio', column: 'Data Quality', cell: 'Q10', rowIndex: 4 }),
    ]);
  });

  test('the message names the sheet-qualified cell, the value and what was expected', () => {
    const [issue] = readInitiatives(table(rows, { headers, origin }), []).issues;
    expect(issue?.message).toMatch(/^Data Quality in Portfolio!Q10 is #N\/A; expected 1-5/);
  });

  test('on a sheet whose name has a space the message quotes the sheet as Excel does', () => {
    const [issue] = readInitiatives(table(rows, { headers, origin, sheet: 'AI portfolio' }), []).issues;
    expect(issue?.message).toContain("'AI portfolio'!Q10");
  });

  test('the bad row is invalid and every other row is still read', () => {
    const read = readInitiatives(table(rows, { headers, origin }), []);
    expect(read.usable).toBe(true);
    expect(read.initiatives.map((i) => [i.id, i.invalid, i.dataQuality])).toEqual([
      ['A', false, 4],
      ['B', false, 3],
      ['C', false, 5],
      ['D', false, 2],
      ['E', true, undefined],
    ]);
    expect(read.initiatives[4]).toMatchObject({ name: 'Initiative E', owner: 'Marco Ruiz', annualValue: 1_000_000 });
  });

  test('7 on a 1-5 scale is reported as out of range and invalidates its row', () => {
    const read = readInitiatives(table([readyRow({ 'Strategic fit': 7 })]), []);
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'out-of-range', column: 'Strategic fit', cell: 'G2', message: expect.stringContaining('is 7; expected 1-5') }),
    ]);
    expect(read.initiatives[0]?.invalid).toBe(true);
  });

  test('text in a number column is reported with the text and invalidates its row', () => {
    const read = readInitiatives(table([readyRow({ 'Annual value': 'quite a lot' })]), []);
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'unreadable-cell', column: 'Annual value', cell: 'F2', message: expect.stringContaining('"quite a lot"') }),
    ]);
    expect(read.initiatives[0]?.invalid).toBe(true);
  });

  test('an unreadable demand names the team it is for', () => {
    const read = readInitiatives(table([readyRow({ 'Legal demand': 'two weeks' })]), [LEGAL]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'unreadable-cell', column: 'Legal demand', message: expect.stringContaining('demand on Legal') })]);
    expect(read.initiatives[0]?.invalid).toBe(true);
  });

  test('a blank cell is unknown, not an error', () => {
    const read = readInitiatives(table([readyRow({ 'Strategic fit': '', 'Annual value': '' })]), []);
    expect(read.issues).toEqual([]);
    expect(read.initiatives[0]).toMatchObject({ invalid: false, strategicFit: undefined, annualValue: undefined });
  });
});

describe('readCapacity', () => {
  test('reads each team with its capacity and unit', () => {
    expect(readCapacity(capacity({ Legal: 10, Security: '6' }, 'weeks'))).toEqual({
      teams: [{ name: 'Legal', capacity: 10, unit: 'weeks' }, { name: 'Security', capacity: 6, unit: 'weeks' }],
      issues: [],
    });
  });

  test('no Capacity table means no team caps and no issue', () => {
    expect(readCapacity(undefined)).toEqual({ teams: [], issues: [] });
  });

  test('a team listed twice is reported and only its first row is used', () => {
    const read = readCapacity(capacity({ Legal: 10, LEGAL: 3 }));
    expect(read.teams).toEqual([{ name: 'Legal', capacity: 10, unit: 'weeks' }]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'duplicate-team', sheet: 'Capacity', column: 'Team', cell: 'A3' })]);
    // The message itself names both cells: the pane and the command show it on its own.
    expect(read.issues[0]?.message).toBe('Team LEGAL in Capacity!A3 appears twice in the Capacity table; only its first row, Legal in Capacity!A2, is used.');
  });

  test.each<[string, string]>([
    ['unreadable', 'a few'],
    ['negative', '-2'],
    ['blank', ''],
  ])('an %s capacity counts as 0 and is reported with its cell', (_what, cell) => {
    const read = readCapacity(capacity({ Legal: cell, Security: 6 }));
    expect(read.teams).toEqual([{ name: 'Legal', capacity: 0, unit: 'weeks' }, { name: 'Security', capacity: 6, unit: 'weeks' }]);
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'invalid-capacity', column: 'Capacity', cell: 'B2', message: expect.stringContaining('Capacity!B2') }),
    ]);
  });

  test('a team name that is an Excel error (#REF!) is reported with its cell; its row is no team', () => {
    const read = readCapacity(capacity({ '#REF!': 4, Legal: 10 }));
    expect(read.teams).toEqual([LEGAL]);
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'invalid-capacity', column: 'Team', cell: 'A2', message: 'The team in Capacity!A2 is #REF!; expected a team name. That row caps nothing until it is fixed.' }),
    ]);
  });

  test('a capacity set in the settings wins over the Capacity table, whatever its case', () => {
    const read = readCapacity(capacity({ Legal: 10, Security: 6 }), { legal: 4 });
    expect(read.teams).toEqual([{ name: 'Legal', capacity: 4, unit: 'weeks' }, { name: 'Security', capacity: 6, unit: 'weeks' }]);
  });

  test('a Capacity table without Team and Capacity columns applies no caps and says so', () => {
    const raw: RawTable = { ...capacity({ Legal: 10 }), headers: ['Group', 'Amount', 'Unit'] };
    const read = readCapacity(raw);
    expect(read.teams).toEqual([]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'missing-required-column', sheet: 'Capacity' })]);
    expect(read.issues[0]?.message).toContain('its headers are Group, Amount, Unit');
  });

  test.each<[string, string[]]>([
    ['a unit in brackets', ['Team', 'Capacity (weeks)', 'Unit']],
    ['other words', ['Team name', 'Capacity per period', 'Units']],
    ['"available" and "shared team"', ['Shared team', 'Available capacity', 'Unit']],
    ['a period and "unit of measure"', ['Bottleneck team', 'Capacity per quarter', 'Unit of measure']],
  ])('Team, Capacity and Unit headers with %s are recognised by their words', (_what, headers) => {
    const read = readCapacity({ ...capacity({ Legal: 10, Security: 6 }), headers });
    expect(read).toEqual({ teams: [LEGAL, SECURITY], issues: [] });
  });

  test('a Capacity header stating its unit in brackets gives the unit when the table has no Unit column', () => {
    const raw: RawTable = { sheet: 'Capacity', name: 'Capacity', headers: ['Team', 'Capacity (weeks)'], rows: [['Legal', 10]], origin: { row: 0, column: 0 } };
    expect(readCapacity(raw).teams).toEqual([LEGAL]);
  });

  test('two headers that could each be the capacity are not guessed between, and both are named', () => {
    const read = readCapacity({ ...capacity({ Legal: 10 }), headers: ['Team', 'Capacity used', 'Capacity available'] });
    expect(read.teams).toEqual([]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'missing-required-column', sheet: 'Capacity' })]);
    expect(read.issues[0]?.message).toContain('"Capacity used" and "Capacity available" could each be the Capacity');
  });
});

describe('a number written with its unit', () => {
  test('a demand of "2 weeks" (or "2 wks") on a team counted in weeks is 2', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Legal: '2 weeks' }, { Initiative: 'B', Legal: '1.5 wks' }]), [LEGAL]);
    expect(read.initiatives.map((i) => i.demand)).toEqual([{ Legal: 2 }, { Legal: 1.5 }]);
    expect(read.issues.filter((i) => i.code !== 'missing-column')).toEqual([]);
  });

  test('a demand in another unit than the team is counted in is reported, saying the unit', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Legal: '3 days' }]), [LEGAL]);
    expect(read.initiatives[0]?.invalid).toBe(true);
    expect(read.issues.filter((i) => i.code !== 'missing-column')).toEqual([expect.objectContaining({ code: 'unreadable-cell', cell: 'B2', message: 'Legal in Portfolio!B2 is "3 days"; expected a number of at least 0 (demand on Legal, in weeks).' })]);
  });

  test('a capacity of "10 weeks" for a team counted in weeks is 10, and one with no Unit takes the unit it states', () => {
    expect(readCapacity(capacity({ Legal: '10 weeks', Security: '6 wks' })).teams).toEqual([LEGAL, SECURITY]);
    const raw: RawTable = { sheet: 'Capacity', name: 'Capacity', headers: ['Team', 'Capacity'], rows: [['Security', '2 FTE']], origin: { row: 0, column: 0 } };
    expect(readCapacity(raw)).toEqual({ teams: [{ name: 'Security', capacity: 2, unit: 'FTE' }], issues: [] });
  });

  test('a Total row of the Capacity table is no team (it was a team "Total" said to have no demand column)', () => {
    expect(readCapacity(capacity({ Legal: 10, Security: 6, Total: 16 }))).toEqual({ teams: [LEGAL, SECURITY], issues: [] });
  });

  // "FTE weeks" was taken for FTE: "2 weeks" of demand on a team counted in FTE weeks made its row Invalid input.
  test('a team counted in "FTE weeks" takes demand in weeks, and its header in weeks is no other unit', () => {
    const legal = { name: 'Legal', capacity: 10, unit: 'FTE weeks' };
    const read = readInitiatives(table([{ Initiative: 'A', 'Legal (weeks)': '2 weeks' }, { Initiative: 'B', 'Legal (weeks)': '1 FTE-week' }]), [legal]);
    expect(read.initiatives.map((i) => [i.demand, i.invalid])).toEqual([[{ Legal: 2 }, false], [{ Legal: 1 }, false]]);
    expect(read.issues.filter((i) => i.code === 'demand-unit-mismatch' || i.code === 'unreadable-cell')).toEqual([]);
    expect(readCapacity(capacity({ Legal: '12 weeks' }, 'FTE weeks')).teams).toEqual([{ ...legal, capacity: 12 }]);
  });

  test('"0.5 FTE" on a team counted in FTE weeks is another unit, and reported', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Legal: '0.5 FTE' }]), [{ name: 'Legal', capacity: 10, unit: 'FTE weeks' }]);
    expect(read.initiatives[0]?.invalid).toBe(true);
  });

  // 10 formatted 0 "days" (showing "10 days") on a team counted in weeks was read as 10 weeks, without a word.
  test('a demand formatted to show its unit reads as shown: in the team\'s unit it is the number, in another it is reported', () => {
    const raw = table([{ Initiative: 'A', Legal: 10, Security: 2 }]);
    raw.formats = raw.rows.map(() => raw.headers.map((h) => (h === 'Legal' ? '0 "days"' : h === 'Security' ? '0.0 "wks"' : 'General')));
    const read = readInitiatives(raw, [LEGAL, SECURITY]);
    expect(read.initiatives[0]).toMatchObject({ demand: { Security: 2 }, invalid: true });
    expect(read.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'Legal in Portfolio!B2 is "10 days"; expected a number of at least 0 (demand on Legal, in weeks).',
    ]);
  });

  // "Legal" beside a Capacity team "Legal & Compliance" was left unused with no word about it.
  test('a team without a demand column names the unused header that is part of its name', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Legal: 2 }]), [{ name: 'Legal & Compliance', capacity: 10, unit: 'weeks' }]);
    expect(read.issues.filter((i) => i.code === 'team-without-demand-column').map((i) => i.message)).toEqual([
      'The Capacity table lists Legal & Compliance, but Initiatives has no "Legal & Compliance" demand column; no initiative is counted against it. Column "Legal" (Portfolio!B1) may be its demand: head it "Legal & Compliance", or name the team "Legal" in the Capacity table, to count it.',
    ]);
  });

  // A dash, the accountant's nil, made every row that used it Invalid input.
  test.each(['-', '–', '—', ' - '])('a demand of %p is no demand on the team, as a blank is', (dash) => {
    const read = readInitiatives(table([{ Initiative: 'A', Legal: dash, Security: 2 }]), [LEGAL, SECURITY]);
    expect(read.initiatives[0]).toMatchObject({ demand: { Security: 2 }, invalid: false });
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('a capacity in another unit than its Unit is reported and counts as 0', () => {
    const read = readCapacity(capacity({ Legal: '10 days' }));
    expect(read.teams).toEqual([{ ...LEGAL, capacity: 0 }]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'invalid-capacity', cell: 'B2' })]);
  });
});

describe('a unit in brackets after a header', () => {
  const teams = [LEGAL];

  test('"Annual value ($M)" reads plain numbers as millions', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value ($M)': 1.2 }]), teams);
    expect(read.initiatives[0]?.annualValue).toBe(1_200_000);
  });

  test('a lone "(b)" after a header is a footnote\'s marker, not billions; "($b)" and "(bn)" are billions', () => {
    expect(readInitiatives(table([{ Initiative: 'A', 'Annual value (b)': 450_000 }]), teams).initiatives[0]?.annualValue).toBe(450_000);
    expect(readInitiatives(table([{ Initiative: 'A', 'Annual value ($b)': 1.5 }]), teams).initiatives[0]?.annualValue).toBe(1_500_000_000);
    expect(readInitiatives(table([{ Initiative: 'A', 'Annual value (bn)': 1.5 }]), teams).initiatives[0]?.annualValue).toBe(1_500_000_000);
  });

  test('"Value (£000s)" reads plain numbers as thousands', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Value (£000s)': 450 }]), teams);
    expect(read.initiatives[0]?.annualValue).toBe(450_000);
  });

  test('text that carries its own suffix is not scaled twice in a ($M) column', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value ($M)': '$300k' }]), teams);
    expect(read.initiatives[0]?.annualValue).toBe(300_000);
  });

  test('a plain number of a million or more in a ($M) column is read as millions, and said to be likely in dollars already, naming its cell', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value ($M)': 1.2 }, { Initiative: 'B', 'Annual value ($M)': 2_500_000 }]), teams);
    expect(read.initiatives.map((i) => i.annualValue)).toEqual([1_200_000, 2_500_000_000_000]);
    expect(read.initiatives[1]?.invalid).toBe(false);
    expect(issuesOf('implausible-amount', read.issues)).toEqual([
      {
        code: 'implausible-amount',
        severity: 'warning',
        sheet: 'Portfolio',
        column: 'Annual value ($M)',
        cell: 'B3',
        rowIndex: 1,
        message:
          "Annual value ($M) in Portfolio!B3 is 2,500,000, read as millions (its header says $M): 2,500,000 million. If it is already a whole amount, write it in millions (2.5) or take the scale out of the header.",
      },
    ]);
  });

  test('"(EUR k)": a plain number of a million or more is said the same way, in thousands; a figure that fits the scale says nothing', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Value low (EUR k)': 1_500_000 }, { Initiative: 'B', 'Value low (EUR k)': 950 }]), teams);
    expect(read.issues.filter((i) => i.code === 'implausible-amount').map((i) => [i.cell, i.message])).toEqual([
      ['B2', 'Value low (EUR k) in Portfolio!B2 is 1,500,000, read as thousands (its header says EUR k): 1,500,000 thousand. If it is already a whole amount, write it in thousands (1,500) or take the scale out of the header.'],
    ]);
  });

  test('text with its own suffix in a ($M) column is not scaled, so says nothing however large', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value ($M)': '$2,500,000k' }]), teams);
    expect(issuesOf('implausible-amount', read.issues)).toEqual([]);
  });

  // Headers as finance teams write them: every one of these once read 1.2 as $1.20 (or 1,200 as 1,200).
  test.each([
    ['Annual value (EURm)', 1.2, 1_200_000, 'EUR'],
    ['Annual value (USDk)', 1200, 1_200_000, 'USD'],
    ['Annual value (USD mln)', 1.2, 1_200_000, 'USD'],
    ['Annual value (T€)', 1200, 1_200_000, 'EUR'],
    ['Annual value (TEUR)', 1200, 1_200_000, 'EUR'],
    ['Annual value, $M', 1.2, 1_200_000, 'USD'],
    ['Annual value $m', 1.2, 1_200_000, 'USD'],
    ['Annual benefit in £m', 1.2, 1_200_000, 'GBP'],
    ['Annual value - £m', 1.2, 1_200_000, 'GBP'],
    ['Benefit (annual, $k)', 1200, 1_200_000, 'USD'],
    ['Est. annual\nbenefit ($k)', 1200, 1_200_000, 'USD'],
    ['FY27 value (£m)', 1.2, 1_200_000, 'GBP'],
    ['Annual value (US$m)', 1.2, 1_200_000, 'USD'],
    ['Annual value (A$m)', 1.2, 1_200_000, 'AUD'],
    ['Annual value in $000s', 1200, 1_200_000, 'USD'],
    ['Annual value (INR crore)', 1.2, 12_000_000, 'INR'],
    ['Annual value (INR lakh)', 12, 1_200_000, 'INR'],
  ])('"%s" reads %d as %d in %s', (header, written, read, currency) => {
    const result = readInitiatives(table([{ Initiative: 'A', [header]: written }]), teams);
    expect(result.initiatives[0]?.annualValue).toBe(read);
    expect(result.money?.currency).toBe(currency);
  });

  test('words after a comma that are no unit leave amounts as they are: "Annual value, net" states no scale', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value, net': 2500 }]), teams);
    expect(read.initiatives[0]?.annualValue).toBe(2500);
  });

  test('a unit that is not a multiplier leaves amounts as they are', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value (USD)': 2500 }]), teams);
    expect(read.initiatives[0]?.annualValue).toBe(2500);
  });

  test('"Data quality (1-5)" is still the Data quality column', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Data quality (1-5)': 4 }]), teams);
    expect(read.initiatives[0]?.dataQuality).toBe(4);
    expect(read.issues.some((i) => i.code === 'missing-column' && i.column === 'Data quality')).toBe(false);
  });

  // 3 on a 1-10 scale was read as a middling 3 of 5, and 3 on 1-3 (the hardest) as 3 of 5, without a word.
  test('a rating header that states another scale ("(1-10)", "(1-3)", "(score /10)") places its numbers on 1-5', () => {
    const read = readInitiatives(
      table([
        { Initiative: 'A', 'Strategic fit (1-10)': 3, 'Integration complexity (1-3)': 3, 'Data quality (score /10)': 8, 'Data availability (0-100)': 'High' },
        { Initiative: 'B', 'Strategic fit (1-10)': 10, 'Integration complexity (1-3)': 1, 'Data quality (score /10)': 0, 'Data availability (0-100)': 50 },
      ]),
      teams,
    );
    expect(read.initiatives.map((i) => [i.strategicFit, i.integrationComplexity, i.dataQuality, i.dataAvailability])).toEqual([
      [1 + 8 / 9, 5, 4.2, 5],
      [5, 1, 1, 3],
    ]);
  });

  test('a number outside the scale its header states is reported, with that scale', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Strategic fit (1-10)': 12 }]), teams);
    expect(read.issues.filter((i) => i.code === 'out-of-range').map((i) => i.message)).toEqual([
      'Strategic fit (1-10) in Portfolio!B2 is 12; expected 1-10 (the scale its header states) or Low/Medium/High.',
    ]);
  });

  test('"Legal (weeks)" is the demand column of team Legal', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Legal (weeks)': 3 }]), teams);
    expect(read.initiatives[0]?.demand).toEqual({ Legal: 3 });
  });
});

describe('a date typed where the decision is named', () => {
  test('is no decision named: read as not named yet, and said with its cell; the row is still planned', () => {
    const read = readInitiatives(table([readyRow({ 'Decision changed': 46027 }), readyRow({ ID: 'X-2', 'Decision changed': 'Route claims' })]), []);
    expect(read.initiatives.map((i) => [i.decisionChanged, i.invalid])).toEqual([[undefined, false], ['Route claims', false]]);
    expect(read.issues).toEqual([
      expect.objectContaining({ cell: 'H2', severity: 'warning', message: 'Decision changed in Portfolio!H2 holds a date (2026-01-05), not the decision the initiative changes, so it is read as not named yet; say which decision or workflow step changes, in words.' }),
    ]);
  });
});

describe('section titles typed as rows of the table', () => {
  test('a row with a name and nothing else among initiatives with details is a section title: left out of the plan and said', () => {
    const rows = [
      { ...Object.fromEntries(Object.keys(readyRow()).map((k) => [k, ''])), Initiative: 'Finance initiatives' },
      readyRow({ Initiative: 'Claims triage', ID: 'A', Legal: 2 }),
      readyRow({ Initiative: 'Invoice matching', ID: 'B', Legal: 1 }),
    ];
    const read = readInitiatives(table(rows), [LEGAL]);
    expect(read.initiatives.map((i) => i.name)).toEqual(['Claims triage', 'Invoice matching']);
    expect(read.issues.filter((i) => i.code === 'section-row').map((i) => [i.cell, i.severity, i.message])).toEqual([
      ['B2', 'warning', 'Row 2 ("Finance initiatives" in Portfolio!B2) has a name and nothing else, so it is read as a section\'s title and left out of the plan; if it is an initiative, fill in its details and it will be planned.'],
    ]);
  });

  test('a table whose rows hold only names (ideas being typed in) keeps them as initiatives', () => {
    const read = readInitiatives(table([{ Initiative: 'Claims triage', ID: '' }, { Initiative: 'Invoice matching', ID: '' }]), []);
    expect(read.initiatives.map((i) => i.name)).toEqual(['Claims triage', 'Invoice matching']);
    expect(read.issues.filter((i) => i.code === 'section-row')).toEqual([]);
  });

  test('a name with only an ID, or only an override, is an initiative', () => {
    const read = readInitiatives(table([readyRow({ Initiative: 'Claims triage', ID: 'A' }), { Initiative: 'Invoice matching', ID: 'B' }, { Initiative: 'Chatbot', ID: '', Override: 'Force in' }]), []);
    expect(read.initiatives.map((i) => i.name)).toEqual(['Claims triage', 'Invoice matching', 'Chatbot']);
  });
});

describe('totals rows typed into the table', () => {
  test('a Total or Subtotal row is left out of the plan and said, naming its cell, so its sums are not counted twice', () => {
    const rows = [
      readyRow({ Initiative: 'Claims triage', ID: 'A', 'Annual value': 1_000_000, Legal: 2 }),
      readyRow({ Initiative: 'Subtotal - Finance', ID: '', 'Annual value': 1_000_000, Legal: 2 }),
      readyRow({ Initiative: 'Invoice matching', ID: 'B', 'Annual value': 500_000, Legal: 1 }),
      readyRow({ Initiative: 'Grand total', ID: '', 'Annual value': 1_500_000, Legal: 3 }),
    ];
    const read = readInitiatives(table(rows), [LEGAL]);
    expect(read.initiatives.map((i) => i.name)).toEqual(['Claims triage', 'Invoice matching']);
    expect(read.issues.filter((i) => i.code === 'totals-row').map((i) => [i.cell, i.severity, i.message])).toEqual([
      ['B3', 'warning', 'Row 3 ("Subtotal - Finance" in Portfolio!B3) is a totals row, not an initiative, so it is left out of the plan; if it is an initiative, give it its own name.'],
      ['B5', 'warning', 'Row 5 ("Grand total" in Portfolio!B5) is a totals row, not an initiative, so it is left out of the plan; if it is an initiative, give it its own name.'],
    ]);
  });

  test.each(['Total', 'TOTAL', 'Totals', 'Sub-total', 'Sub total', 'Total:', 'Total (Finance)', 'Finance subtotal', 'Portfolio total'])('%p labels a totals row', (name) => {
    expect(isTotalsLabel(name)).toBe(true);
  });

  test.each(['Total cost visibility', 'Total-cost optimisation', 'Totally automated AP', 'Subtotal reconciliation bot', 'Claims triage'])('%p names an initiative', (name) => {
    expect(isTotalsLabel(name)).toBe(false);
  });
});
