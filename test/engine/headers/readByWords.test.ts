// A finance team's own headers, read through the whole table reader: recognised by their words,
// ambiguous ones not guessed, the user's own columns left alone, and the Column mapping winning.

import { readInitiatives } from '../../../src/engine/read';
import { readColumnMapping } from '../../../src/engine/columnMapping';
import { prioritise } from '../../../src/engine/plan';
import { demandTeamOf, headerWords, recogniseHeader } from '../../../src/engine/headers';
import type { Team } from '../../../src/engine/types';
import { capacity, readyRow, table } from '../../builders';

const renamed = (renames: Record<string, string>) => {
  const row = readyRow();
  return Object.fromEntries(Object.entries(row).map(([header, cell]) => [renames[header] ?? header, cell]));
};

describe('headers recognised by their words', () => {
  it('plans "Baseline / comparison" and "Business function" as if they were named exactly', () => {
    const exact = readInitiatives(table([readyRow()]), []);
    const own = readInitiatives(table([renamed({ 'Baseline method': 'Baseline / comparison', Function: 'Business function' })]), []);
    expect(own.initiatives[0]).toEqual(exact.initiatives[0]);
    expect(own.issues.filter((i) => i.code === 'missing-column')).toEqual([]);
    expect(own.columns.how.baselineMethod).toBe('words');
    expect(own.columns.how.function).toBe('words');
    expect(own.columns.how.name).toBe('exact');
  });

  it('reads "Est. annual benefit (USD)" and "Data rights cleared?" by their words', () => {
    const read = readInitiatives(table([renamed({ 'Annual value': 'Est. annual benefit (USD)', 'Data rights': 'Data rights cleared?' })]), []);
    expect(read.initiatives[0]).toMatchObject({ annualValue: 1_000_000, dataRights: 'Yes' });
  });

  it('scales a value column headed in millions', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Est. annual benefit (USD m)': 1.5 }]), []);
    expect(read.initiatives[0]?.annualValue).toBe(1_500_000);
  });

  it('leaves the user\'s own columns alone and lists them as unrecognised', () => {
    const row = { ...readyRow(), Notes: 'x', 'Budget check': 'ok', 'Owner email': 'a@b.c', 'Last reviewed': '2026-01-01' };
    const read = readInitiatives(table([row]), []);
    expect(read.columns.unrecognised).toEqual(['Notes', 'Budget check', 'Owner email', 'Last reviewed']);
    expect(read.initiatives[0]?.owner).toBe('Marco Ruiz');
    expect(read.issues.filter((i) => i.severity !== 'warning' || i.code === 'ambiguous-column')).toEqual([]);
  });

  it('does not guess a header that could be two columns, and names its cell', () => {
    const row = { Initiative: 'A', 'Data rights and quality': 'Yes' };
    const read = readInitiatives(table([row], { origin: { row: 3, column: 1 } }), []);
    const ambiguous = read.issues.filter((i) => i.code === 'ambiguous-column');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ cell: 'C4', column: 'Data rights and quality' });
    expect(ambiguous[0]?.message).toMatch(/could be Data rights or Data quality/);
    expect(read.initiatives[0]?.dataRights).toBeUndefined();
    expect(read.columns.unrecognised).toContain('Data rights and quality');
  });

  it('prefers a column named exactly over one found by its words, wherever they stand', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Benefit: 5, 'Annual value': 7 }]), []);
    expect(read.initiatives[0]?.annualValue).toBe(7);
    expect(read.columns.unrecognised).toEqual(['Benefit']);
  });

  it('beside the column named exactly, a header found by its words is the user\'s, without a word', () => {
    const read = readInitiatives(table([{ Initiative: 'A', 'Annual value': 7, 'Est. annual benefit ($k)': 5 }]), []);
    expect(read.issues.filter((i) => i.code === 'ambiguous-column')).toEqual([]);
  });

  // A wide tracker's own "Value" (a score of 80) was read as $80 while its "Est. annual benefit ($k)" was passed over without a word.
  it('beside a generic other name ("Value"), a header that spells the column out is said, naming both cells', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Value: 80, 'Est. annual benefit ($k)': 1200 }]), []);
    expect(read.initiatives[0]?.annualValue).toBe(80);
    expect(read.issues.filter((i) => i.code === 'ambiguous-column').map((i) => [i.cell, i.severity, i.message])).toEqual([
      [
        'C1',
        'warning',
        'Column "Est. annual benefit ($k)" (Portfolio!C1) could also be Annual value, which is read from "Value" (Portfolio!B1); if "Est. annual benefit ($k)" holds it, say so in the Column mapping.',
      ],
    ]);
  });

  it('says plainly what a missing column does to the plan', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Owner: 'Ana Ruiz' }]), []);
    const messages = read.issues.map((i) => i.message);
    expect(messages).toContain('No column for Baseline method: every initiative will be at most Learning-only. Name the column that holds it in the Column mapping, or add one.');
    expect(messages.some((m) => m.startsWith('No column for Data rights: every initiative will be Blocked'))).toBe(true);
  });
});

describe('headers a portfolio tracker writes as a question or a range', () => {
  it.each([
    ['Measurable success metric', 'successMetric'],
    ['Incident & rollback process defined?', 'incidentProcess'],
    ['Incident process in place?', 'incidentProcess'],
    ['Named monitoring owner', 'monitoringOwner'],
    ['Earliest start horizon', 'earliestStart'],
    ['Start horizon', 'earliestStart'],
    ['Low case value', 'valueLow'],
    ['Value range low', 'valueLow'],
    ['Value - low case', 'valueLow'],
    ['High case value', 'valueHigh'],
    ['Value range high', 'valueHigh'],
  ])('"%s" is %s', (header, key) => {
    expect(recogniseHeader(header)).toMatchObject({ kind: 'column', key });
  });
});

describe('a header that is one whole phrase of a column', () => {
  // "Upside value" is a phrase of Value high, and "upside" and "value" are each words of Annual value: the whole phrase says which.
  it.each([
    ['Upside value', 'valueHigh'],
    ['Downside value', 'valueLow'],
    ['Earliest start quarter', 'earliestStart'],
    ['PII cleared', 'dataRights'],
  ])('"%s" is %s', (header, key) => {
    expect(recogniseHeader(header)).toMatchObject({ kind: 'column', key });
  });

  it('a header two columns explain word by word is still not guessed', () => {
    expect(recogniseHeader('Data readiness').kind).toBe('ambiguous');
    expect(recogniseHeader('Data rights and quality').kind).toBe('ambiguous');
  });
});

describe('headers grouped by the score they feed ("Friction: incentives")', () => {
  it.each([
    ['Friction: incentives', 'incentiveMisalignment'],
    ['Friction - workload', 'workloadShift'],
    ['Friction: decision rights', 'decisionRightsShift'],
    ['Friction: new obligations', 'newObligations'],
    ['Readiness: instrumentation', 'instrumentation'],
    ['Readiness: data quality', 'dataQuality'],
  ])('"%s" is %s', (header, key) => {
    expect(recogniseHeader(header)).toMatchObject({ kind: 'column', key });
  });

  it.each(['Friction', 'Readiness', 'Friction score', 'Readiness score'])('"%s" alone is no input column', (header) => {
    expect(recogniseHeader(header).kind).not.toBe('column');
  });
});

describe('the Column mapping', () => {
  it('wins over recognition, and a blank header says the table has no such column', () => {
    const row = { Initiative: 'A', Baseline: 'A/B test', 'Comparison used': 'Before/after', Owner: 'Ana Ruiz' };
    const read = readInitiatives(table([row]), [], [
      { column: 'Baseline method', header: 'Comparison used' },
      { column: 'Owner', header: '' },
    ]);
    expect(read.initiatives[0]?.baselineMethod).toBe('Before/after');
    expect(read.columns.how.baselineMethod).toBe('mapped');
    expect(read.initiatives[0]?.owner).toBeUndefined();
    expect(read.columns.unrecognised).toEqual(['Baseline', 'Owner']);
  });

  it('says why no column is read for a contract column the mapping says the table has none of, naming its blank Header cell', () => {
    const at = { sheet: 'Prioritisation settings', cell: 'G5' };
    const read = readInitiatives(table([{ Initiative: 'A', Owner: 'Ana Ruiz' }]), [], [{ column: 'Owner', header: '', at }]);
    expect(read.issues.find((i) => i.column === 'Owner')?.message).toBe(
      "No column is read for Owner: the Column mapping says so (its Header in 'Prioritisation settings'!G5 is blank), so every initiative will be Blocked until it names an accountable owner. To read one, type the header of the column that holds it there, or delete that row to find it by its name.",
    );
    const byFlag = readInitiatives(table([{ Initiative: 'A', Owner: 'Ana Ruiz' }]), [], [{ column: 'Owner', header: '' }]);
    expect(byFlag.issues.find((i) => i.column === 'Owner')?.message).toMatch(/^No column is read for Owner: --map "Owner=" says so, .* To read one, leave out --map "Owner="\.$/);
  });

  it('reports a mapping to a header the table lacks, and falls back to recognition', () => {
    const read = readInitiatives(table([{ Initiative: 'A', Baseline: 'A/B test' }]), [], [{ column: 'Baseline method', header: 'Gone' }]);
    expect(read.issues.find((i) => i.code === 'unknown-mapping')?.message).toMatch(/no such header/);
    expect(read.initiatives[0]?.baselineMethod).toBe('A/B test');
  });

  it("names the mapping's own Header cell when the header it gives is not in the table", () => {
    const mapping = readColumnMapping({
      sheet: 'Prioritisation settings',
      name: 'ColumnMapping',
      headers: ['Column', 'Header'],
      rows: [['Owner', 'Sponsor'], ['Baseline method', 'Proof approach']],
      origin: { row: 3, column: 5 },
    });
    const read = readInitiatives(table([{ Initiative: 'A', Sponsor: 'Ana Ruiz', Baseline: 'A/B test' }]), [], mapping.entries);
    const issue = read.issues.find((i) => i.code === 'unknown-mapping');
    expect(issue).toMatchObject({ sheet: 'Prioritisation settings', column: 'Header', cell: 'G6' });
    expect(issue?.message).toBe(
      "The Column mapping in 'Prioritisation settings'!G6 reads Baseline method from \"Proof approach\", but table Initiatives has no such header; Baseline method is found by its name instead.",
    );
    expect(read.initiatives[0]).toMatchObject({ owner: 'Ana Ruiz', baselineMethod: 'A/B test' });
  });

  it('a contract column named on two rows is read from the first, and the second is said with its cell', () => {
    const mapping = readColumnMapping({
      sheet: 'Prioritisation settings',
      name: 'ColumnMapping',
      headers: ['Column', 'Header'],
      rows: [['Success metric', 'KPI'], ['Success metric', 'Metric']],
      origin: { row: 3, column: 5 },
    });
    const read = readInitiatives(table([{ Initiative: 'A', KPI: 'Cycle time', Metric: 'Cost per claim' }]), [], mapping.entries);
    expect(read.initiatives[0]?.successMetric).toBe('Cycle time');
    expect(read.issues.filter((i) => i.code === 'unknown-mapping')).toEqual([
      expect.objectContaining({
        cell: 'G6',
        message: "The Column mapping names Success metric again in 'Prioritisation settings'!G6; only its first row, in 'Prioritisation settings'!G5, is used. Delete one of the two rows.",
      }),
    ]);
  });

  it('a --map over a row of the table is no second row', () => {
    const mapping = readColumnMapping({ sheet: 'Prioritisation settings', name: 'ColumnMapping', headers: ['Column', 'Header'], rows: [['Success metric', 'KPI']], origin: { row: 3, column: 5 } });
    const read = readInitiatives(table([{ Initiative: 'A', KPI: 'Cycle time', Metric: 'Cost per claim' }]), [], [{ column: 'Success metric', header: 'Metric' }, ...mapping.entries]);
    expect(read.initiatives[0]?.successMetric).toBe('Cost per claim');
    expect(read.issues.filter((i) => i.code === 'unknown-mapping')).toEqual([]);
  });

  it('says which --map names a header the table lacks', () => {
    const read = readInitiatives(table([{ Initiative: 'A' }]), [], [{ column: 'Baseline method', header: 'Gone' }]);
    expect(read.issues.find((i) => i.code === 'unknown-mapping')?.message).toBe(
      '--map "Baseline method=Gone": table Initiatives has no such header; Baseline method is found by its name instead.',
    );
  });

  it('reads one header for two contract columns when the mapping maps both to it', () => {
    const row = { Initiative: 'A', 'Data score': 4 };
    const read = readInitiatives(table([row]), [], [
      { column: 'Data quality', header: 'Data score' },
      { column: 'Data availability', header: 'Data score' },
    ]);
    expect(read.initiatives[0]).toMatchObject({ dataQuality: 4, dataAvailability: 4 });
    expect([read.columns.how.dataQuality, read.columns.how.dataAvailability]).toEqual(['mapped', 'mapped']);
    expect(read.issues.filter((i) => i.code === 'unknown-mapping')).toEqual([]);
  });
});

describe('demand headers name their team however written', () => {
  const teams: Team[] = [
    { name: 'Legal', capacity: 10, unit: 'weeks' },
    { name: 'Data Engineering', capacity: 10, unit: 'weeks' },
    { name: 'ML Platform', capacity: 10, unit: 'weeks' },
    { name: 'Security', capacity: 2, unit: 'FTE' },
  ];

  it.each([
    ['Legal (weeks)', 'Legal'],
    ['Data Eng demand', 'Data Engineering'],
    ['Demand: ML Platform', 'ML Platform'],
    ['Security FTE', 'Security'],
    ['ML platform team (wks)', 'ML Platform'],
    ['Legal review effort', undefined],
    ['Data', undefined],
  ])('"%s" is demand on %s', (header, team) => {
    expect(demandTeamOf(header, teams.map((t) => t.name))).toBe(team);
  });

  it('reads each team\'s demand and warns when a header states another unit than the Capacity table', () => {
    const row = { Initiative: 'A', 'Legal (days)': 2, 'Data Eng demand': 3, 'Demand: ML Platform': 1, 'Security FTE': 0.5 };
    const read = readInitiatives(table([row]), teams);
    expect(read.initiatives[0]?.demand).toEqual({ Legal: 2, 'Data Engineering': 3, 'ML Platform': 1, Security: 0.5 });
    const mismatch = read.issues.filter((i) => i.code === 'demand-unit-mismatch');
    expect(mismatch.map((i) => i.cell)).toEqual(['B1']);
    expect(mismatch[0]?.message).toMatch(/read as weeks/);
  });

  it('plans the same with own headers as with exact ones', () => {
    const cap = capacity({ Legal: 4 });
    const exactRow = { ...readyRow(), Legal: 3 };
    const ownRow = { ...renamed({ 'Baseline method': 'Baseline / comparison', Function: 'Business function' }), 'Legal (weeks)': 3 };
    const run = (row: Record<string, unknown>) => prioritise({ initiatives: table([row as never]), capacity: cap }, { now: '2026-01-01T00:00:00Z' });
    const a = run(exactRow);
    const b = run(ownRow);
    expect(a.entries.map((e) => [e.gate.gate, e.decision])).toEqual([['Scale-ready', 'Commit']]);
    expect(b.entries.map((e) => [e.gate.gate, e.decision, e.why])).toEqual(a.entries.map((e) => [e.gate.gate, e.decision, e.why]));
  });
});

describe('header words', () => {
  it('spell out abbreviations and drop units, question marks and hedges', () => {
    expect(headerWords('Est. # of wks (FTE)?')).toEqual(['number', 'week']);
    expect(headerWords('Benefit p.a. ($M)')).toEqual(['benefit', 'annual']);
  });
});

describe('a team with two demand columns', () => {
  it('reads the first and reports the second with its cell', () => {
    const teams: Team[] = [{ name: 'Legal', capacity: 10, unit: 'weeks' }];
    for (const second of ['Demand: Legal', 'Legal demand', 'Legal (weeks)']) {
      const read = readInitiatives(table([{ Initiative: 'A', Legal: 2, [second]: 5 }]), teams);
      expect(read.initiatives[0]?.demand).toEqual({ Legal: 2 });
      expect(read.issues.filter((i) => i.code === 'duplicate-column').map((i) => [i.cell, i.message])).toEqual([
        ['C1', `Column "${second}" (Portfolio!C1) repeats a column already found; only the first one is used.`],
      ]);
    }
  });
});
