// The "How sure is the plan" section of Change impact: the counts by band, the
// borderline initiatives with what would settle them, and its native chart.

import { prioritise, withRankAndFillConfidence } from '../../src/engine/plan';
import { sureFindings } from '../../src/engine/howSure';
import { planLayout } from '../../src/layout/planLayout';
import { HOW_SURE_TITLE } from '../../src/layout/howSureSection';
import { pageSetupOf } from '../../src/layout/pageSetup';
import { valueAxisBounds } from '../../src/layout/grid';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { withValueRanges } from '../../bench/generate';
import { NOW } from '../builders';

const { initiatives, capacity } = sampleTables();
const plain = prioritise({ initiatives: withValueRanges(initiatives), capacity }, { now: NOW }, { confidence: false });
const sure = withRankAndFillConfidence(plain);
const sheet = planLayout(sure).changeImpact;
const rowOf = (text: string) => sheet.values.findIndex((row) => row[0] === text);

describe('How sure is the plan, on Change impact', () => {
  it('counts the initiatives in each band, as the pane does', () => {
    const title = rowOf(HOW_SURE_TITLE);
    expect(title).toBeGreaterThan(0);
    const findings = sureFindings(sure)!;
    const band = (name: string) => sheet.values[rowOf(name)]!.slice(0, 2);
    expect([band('Core'), band('Borderline'), band('Outside')]).toEqual([
      ['Core', findings.counts.core],
      ['Borderline', findings.counts.borderline],
      ['Outside', findings.counts.outside],
    ]);
    expect(findings.counts.core + findings.counts.borderline + findings.counts.outside).toBe(initiatives.rows.length);
  });

  it('lists each borderline initiative, likeliest first, with its confidence as a number formatted 0%, its range and what would settle it', () => {
    const header = sheet.values.findIndex((row, r) => r > rowOf(HOW_SURE_TITLE) && row[0] === 'Initiative' && row[2] === 'Confidence');
    const borderline = sureFindings(sure)!.rows.filter((r) => r.band === 'borderline');
    expect(borderline.length).toBeGreaterThan(0);
    borderline.forEach((row, k) => {
      const r = header + 1 + k;
      expect(sheet.values[r]!.slice(0, 3)).toEqual([row.name, row.decision, row.share]);
      expect(sheet.formats[r]![2]).toBe('0%_0');
      expect(sheet.values[r]![3]).toMatch(/^its value range \$[\d.]+[kM]?-\$[\d.]+[kM]? decides it$|^no estimate of its own/);
      expect(sheet.values[r]![4]).toMatch(/^\$[\d.]+[kM]?-\$[\d.]+[kM]?$/);
    });
    const shares = borderline.map((r) => r.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it('wraps what would settle each borderline initiative in its column, so the value range beside it does not cut the sentence', () => {
    // Ranges on every other row and a demand overrun: some are settled by no estimate of their own, some by a team's demand,
    // sentences longer than the column ("no estimate of its own decides it: it turns on the other initiatives' estimates").
    const ranged = withValueRanges(initiatives);
    const halfRanged = { ...ranged, rows: ranged.rows.map((row, r) => (r % 2 === 0 ? row : [...row.slice(0, -2), '', ''])) };
    const settings = { sheet: 'Prioritisation settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows: [['Demand overrun', '30%']], origin: { row: 3, column: 0 } };
    const mixed = withRankAndFillConfidence(prioritise({ initiatives: halfRanged, capacity, settings }, { now: NOW }, { confidence: false }));
    const ci = planLayout(mixed).changeImpact;
    const title = ci.values.findIndex((row) => row[0] === HOW_SURE_TITLE);
    const header = ci.values.findIndex((row, r) => r > title && row[0] === 'Initiative' && row[2] === 'Confidence');
    const count = sureFindings(mixed)!.counts.borderline;
    const wrapped = (row: number) => ci.styles.some((s) => s.style === 'wrap' && s.row <= row && row < s.row + (s.rows ?? 1));
    const long = Array.from({ length: count }, (_, k) => header + 1 + k).filter((r) => String(ci.values[r]![3]).length > ci.widths[3]!);
    expect(long.length).toBeGreaterThan(0);
    for (let k = 0; k < count; k++) expect(wrapped(header + 1 + k)).toBe(true);
    for (const row of long) expect(ci.rowHeights?.find((h) => h.row === row)?.points).toBeGreaterThan(15);
  });

  it('charts the borderline confidences natively, below the sheet\'s other charts and above the list, within its columns, and keeps it whole on a printed page', () => {
    const chart = sheet.charts.find((c) => c.title.startsWith('How sure'))!;
    expect(chart.kind).toBe('clusteredColumn');
    const header = sheet.values.findIndex((row, r) => r > rowOf(HOW_SURE_TITLE) && row[0] === 'Initiative' && row[2] === 'Confidence');
    expect(chart.categories).toEqual({ row: header + 1, column: 0, rows: sureFindings(sure)!.counts.borderline, columns: 1 });
    expect(chart.series).toEqual([expect.objectContaining({ name: 'Confidence', y: { row: header + 1, column: 2, rows: sureFindings(sure)!.counts.borderline, columns: 1 } })]);
    for (const other of sheet.charts.filter((c) => c !== chart)) expect(chart.anchor.row).toBeGreaterThanOrEqual(other.anchor.row + other.anchor.rows);
    expect(chart.anchor.row + chart.anchor.rows).toBeLessThanOrEqual(header);
    expect(chart.anchor.column + chart.anchor.columns).toBeLessThanOrEqual(sheet.widths.length);
    // A share of futures reads against the whole: the axis runs to 100% whatever the largest share (it stopped at 90% for an 81% top).
    expect(valueAxisBounds(chart)).toEqual({ min: 0, max: 1 });
    const { breaks } = pageSetupOf(sheet, sure.run.at);
    for (const row of breaks) expect(row > chart.anchor.row && row < chart.anchor.row + chart.anchor.rows).toBe(false);
  });

  it('is not on the sheet while the figures are not drawn, nor for a plan without uncertainty', () => {
    expect(planLayout(plain).changeImpact.values.some((row) => row[0] === HOW_SURE_TITLE)).toBe(false);
    expect(planLayout(plain).changeImpact.charts.some((c) => c.title.startsWith('How sure'))).toBe(false);
    const certain = prioritise({ initiatives, capacity }, { now: NOW });
    expect(planLayout(certain).changeImpact.values.some((row) => row[0] === HOW_SURE_TITLE)).toBe(false);
  });
});
