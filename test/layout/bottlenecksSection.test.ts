import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import { prioritise } from '../../src/engine/plan';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { BOTTLENECKS_TITLE, moneyFormat } from '../../src/layout/bottlenecksSection';
import { TEXT_FORMAT, type SheetLayout } from '../../src/layout/grid';
import { planLayout } from '../../src/layout/planLayout';
import { named, NOW, STILL_CLOCK, workbook } from '../builders';

const rows = [
  named('Fraud alerts', { 'Annual value': 3_000_000, Legal: 2 }),
  named('=HYPERLINK("http://x","y")', { 'Annual value': 1_200_000, Legal: 2 }),
];
const tables = workbook(rows, { Legal: 3 });

const rowOf = (sheet: SheetLayout, first: string) => sheet.values.findIndex((r) => r[0] === first);
const rowAfter = (sheet: SheetLayout, header: string) => {
  const at = rowOf(sheet, header);
  return { values: sheet.values[at + 1]!, formats: sheet.formats[at + 1]! };
};

describe('the Bottlenecks section of the Change impact sheet', () => {
  it('is there when the plan has bottleneck findings', () => {
    const sheet = planLayout(prioritise(tables, { now: NOW })).changeImpact;
    expect(rowOf(sheet, BOTTLENECKS_TITLE)).toBeGreaterThan(0);
    expect(sheet.styles).toContainEqual(expect.objectContaining({ row: rowOf(sheet, BOTTLENECKS_TITLE), style: 'section' }));
  });

  it('is left out when the plan has none', () => {
    const plan = { ...prioritise(tables, { now: NOW }), bottlenecks: undefined };
    expect(rowOf(planLayout(plan).changeImpact, BOTTLENECKS_TITLE)).toBe(-1);
  });

  it('writes what one more unit is worth as a plain number in the currency format, beside the sentence', () => {
    const sheet = planLayout(prioritise(tables, { now: NOW })).changeImpact;
    const { values, formats } = rowAfter(sheet, 'Bottleneck');
    expect(values.slice(0, 3)).toEqual(['Legal', '1 week', 1_200_000]);
    expect(formats[2]).toBe(`${moneyFormat('$')}_0`);
    expect(String(values[3])).toMatch(/^Legal \+1 week: \+\$1\.2M committed value/);
  });

  it('lists each shared enabler with the value the plan loses without it, only when there is one', () => {
    expect(rowOf(planLayout(prioritise(tables, { now: NOW })).changeImpact, 'Shared enabler')).toBe(-1);
    const withEnabler = workbook(
      [
        named('Claims triage', { 'Strategic fit': 5, 'Annual value': 1_700_000, Requires: 'Evaluation harness', Legal: 1 }),
        named('Evaluation harness', { 'Strategic fit': 1, 'Annual value': '', Legal: 1 }),
        named('Document search', { 'Strategic fit': 4, Requires: 'Document intake' }),
        named('Document intake', { Owner: 'TBD' }),
      ],
      { Legal: 3 },
    );
    const sheet = planLayout(prioritise(withEnabler, { now: NOW })).changeImpact;
    const { values, formats } = rowAfter(sheet, 'Shared enabler');
    expect(values.slice(0, 3)).toEqual(['Evaluation harness', 'Claims triage', 1_700_000]);
    expect(formats[2]).toBe(`${moneyFormat('$')}_0`);
    expect(String(values[3])).toMatch(/^Evaluation harness unlocks Claims triage: \$1\.7M a year/);
    const deferred = sheet.values.find((r) => r[0] === 'Document search')!;
    expect(deferred[2]).toBe('None: it waits for Document intake');
  });

  it('stores a deferred initiative named like a formula as text', () => {
    const sheet = planLayout(prioritise(tables, { now: NOW })).changeImpact;
    const { values, formats } = rowAfter(sheet, 'Deferred initiative');
    expect(values[0]).toBe('=HYPERLINK("http://x","y")');
    expect(formats[0]).toBe(TEXT_FORMAT);
    expect(formats[3]).toBe(TEXT_FORMAT);
  });

  it('reports how the optimal plan was chosen: its total, the bounds and the proven gap', async () => {
    const settings = { 'Selection method': 'Optimal', 'Optimise for': 'Annual value' };
    const plan = await prioritiseWith(workbook(rows, { Legal: 3 }, settings), { now: NOW }, highsNodeSolver, { clock: STILL_CLOCK });
    const sheet = planLayout(plan).changeImpact;
    const value = (label: string) => sheet.values[rowOf(sheet, label)]![1];
    expect(value('Selection method')).toBe('Optimal');
    expect(value('Total annual value of this plan')).toBe(3_000_000);
    expect(value('Best proven bound')).toBe(3_000_000);
    expect(value('Proven gap')).toBe(0);
    expect(sheet.formats[rowOf(sheet, 'Proven gap')]![1]).toBe('0.00%_0');
    expect(value('Rank and fill on the same data')).toBe(3_000_000);
  });

  it('holds only plain values: text, numbers or blanks', () => {
    const cells = planLayout(prioritise(tables, { now: NOW })).changeImpact.values.flat();
    expect(cells.every((cell) => cell === null || typeof cell === 'string' || typeof cell === 'number')).toBe(true);
  });
});
