// The "Scenario comparison" sheet for the pack: two scenarios' plans side by
// side in plain values, with a native chart of each team's utilisation, so it
// reads the same for someone without the add-in. Rebuilt each time it is written.

import type { OneSided, ScenarioComparison } from '../engine/scenarios/compare';
import { PERCENT_FORMAT, QUANTITY_FORMAT, UTILISATION_HIGHLIGHTS } from './changeImpactSheet';
import { SheetBuilder, TEXT_FORMAT, type SheetLayout } from './grid';
import { OWNER_MARK, SCENARIO_COMPARISON_SHEET } from './names';

const WIDTH = 6;
/**
 * The team utilisation chart's rows, kept empty for it under the team table, across the first four columns. Beside the
 * tables (columns H-O) it made the sheet, printed one page wide, about half as wide again (at 61% of full size, not 89%).
 */
const CHART_ROWS = 18;

const when = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

function oneSided(s: SheetBuilder, title: string, items: OneSided[], other: string, money: string): void {
  s.row([title], [], 'section');
  s.row(['Initiative', 'Annual value', `Decision in ${other}`, `Why not in ${other}`], [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT], 'header');
  for (const item of items) {
    s.row([item.name, item.annualValue ?? null, item.otherDecision ?? 'Not in the table', item.otherReason], [TEXT_FORMAT, money, TEXT_FORMAT, TEXT_FORMAT]);
  }
  if (items.length === 0) s.row(['None.'], [TEXT_FORMAT]);
  s.blank();
}

export function scenarioComparisonSheet(comparison: ScenarioComparison, run: { at: string; by?: string }, name = SCENARIO_COMPARISON_SHEET): SheetLayout {
  const { a, b } = comparison;
  const money = `"${comparison.currency.replace(/"/g, '')}"#,##0`;
  const s = new SheetBuilder(WIDTH);
  s.runAt = run.at;
  s.row([`Scenario comparison: ${a.label} (A) and ${b.label} (B)`], [TEXT_FORMAT], 'title');
  s.row([`${OWNER_MARK} on ${when(run.at)}${run.by ? ` by ${run.by}` : ''}. Both plans were made from the same Initiatives table; rebuilt each time the comparison is written.`], [TEXT_FORMAT], 'note');
  s.blank();

  s.row(['The two plans'], [], 'section');
  s.row(['', a.label, b.label, 'B minus A'], [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT], 'header');
  s.row(['Committed value (a year)', a.committedValue, b.committedValue, b.committedValue - a.committedValue], [TEXT_FORMAT, money, money, money]);
  s.row(['Initiatives committed', a.committed, b.committed, b.committed - a.committed], [TEXT_FORMAT, '0', '0', '0']);
  s.row(['In flight (limit)', `${a.inFlight} (${a.inFlightLimit})`, `${b.inFlight} (${b.inFlightLimit})`, b.inFlight - a.inFlight], [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, '0']);
  s.blank();

  s.row(['Settings that differ'], [], 'section');
  s.row(['Setting', a.label, b.label], [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT], 'header');
  for (const d of comparison.settings) s.row([d.label, d.a, d.b], [TEXT_FORMAT, typeof d.a === 'number' ? null : TEXT_FORMAT, typeof d.b === 'number' ? null : TEXT_FORMAT]);
  if (comparison.settings.length === 0) s.row(['None: the two scenarios plan with the same settings.'], [TEXT_FORMAT]);
  s.blank();

  oneSided(s, `Committed in ${a.label}, not in ${b.label}`, comparison.onlyInA, b.label, money);
  oneSided(s, `Committed in ${b.label}, not in ${a.label}`, comparison.onlyInB, a.label, money);
  // Only when a plan has horizons can a start differ: a comparison without them reads as before.
  if (comparison.startChanges.length > 0) {
    s.row([`Committed in both, starting at another time`], [], 'section');
    s.row(['Initiative', `Start in ${a.label}`, `Start in ${b.label}`], [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT], 'header');
    for (const change of comparison.startChanges) s.row([change.name, change.startA, change.startB], [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT]);
    s.blank();
  }

  s.row(['Capacity used per team after each plan'], [], 'section');
  s.row(['Team', 'Unit', `Capacity (${a.label})`, `Utilisation (${a.label})`, `Capacity (${b.label})`, `Utilisation (${b.label})`], Array(WIDTH).fill(TEXT_FORMAT), 'header');
  const first = s.rowCount;
  for (const t of comparison.teams) {
    s.row(
      [t.team, t.unit, t.capacityA ?? null, t.utilisationA ?? null, t.capacityB ?? null, t.utilisationB ?? null],
      [TEXT_FORMAT, TEXT_FORMAT, QUANTITY_FORMAT, PERCENT_FORMAT, QUANTITY_FORMAT, PERCENT_FORMAT],
    );
  }
  const teams = s.rowCount - first;
  if (teams === 0) s.row(['No Capacity table, so no team is capped.'], [TEXT_FORMAT]);
  else {
    for (const column of [3, 5]) s.conditionalFormats.push({ row: first, column, rows: teams, rules: UTILISATION_HIGHLIGHTS });
    s.blank();
    const chartRow = s.rowCount;
    for (let r = 0; r < CHART_ROWS; r++) s.blank();
    s.charts.push({
      kind: 'clusteredColumn',
      title: `Team utilisation: ${a.label} and ${b.label}`,
      anchor: { row: chartRow, column: 0, rows: CHART_ROWS, columns: 4 },
      yTitle: 'Share of capacity',
      yFormat: PERCENT_FORMAT,
      categories: { row: first, column: 0, rows: teams, columns: 1 },
      series: [
        { name: a.label, y: { row: first, column: 3, rows: teams, columns: 1 }, color: '#A6A6A6' },
        { name: b.label, y: { row: first, column: 5, rows: teams, columns: 1 }, color: '#2F5597' },
      ],
    });
  }
  return s.build(name, [34, 18, 22, 40, 18, 18], 0);
}
