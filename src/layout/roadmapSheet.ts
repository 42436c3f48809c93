// The `Roadmap` sheet, written on every run with two or more horizons: the
// committed initiatives in start order against the horizons, each horizon it
// runs in filled by a conditional format (a timeline in plain Excel), and each
// team's load per horizon before and after, with a native stacked-column chart
// under it; and what one more unit of each team is worth in each horizon.

import { roadmapHorizons } from '../engine/horizons';
import type { Plan } from '../engine/plan';
import type { PlanEntry } from '../engine/types';
import { PERCENT_FORMAT, QUANTITY_FORMAT, UTILISATION_HIGHLIGHTS, markLine, selectionWords } from './changeImpactSheet';
import { moneyFormat } from './bottlenecksSection';
import { BAD, GOOD, SheetBuilder, TEXT_FORMAT, type SheetLayout } from './grid';
import { ROADMAP_SHEET } from './names';
import { horizonLoads } from '../engine/horizonLoads';

/** A running horizon holds 1, shown as nothing: the fill says it. */
export const ACTIVE_FORMAT = ';;;';
/** The bar colour of a committed initiative, and of one forced in. */
const BAR = { fill: '#2F5597', font: '#2F5597' };
const FORCED_BAR = { fill: '#8FAADC', font: '#8FAADC' };

/**
 * The team load chart's rows, kept empty for it under the load table. Beside the tables it made the sheet, printed
 * one page wide, 1.7 times as wide as its columns (its text at 59% of full size rather than 100%).
 */
const CHART_ROWS = 18;
/** It spans the sheet's first columns, Priority to Requested (about 930 pixels), room for 30 teams and horizons. */
const CHART_COLUMNS = 9;

/** Committed entries in start order, then by priority. */
export function roadmapEntries(plan: Plan): PlanEntry[] {
  return plan.entries
    .filter((e) => e.schedule !== undefined)
    .sort((a, b) => a.schedule!.start - b.schedule!.start || (a.priority ?? Infinity) - (b.priority ?? Infinity));
}

/** The Roadmap sheet, or undefined with fewer than two horizons. */
export function roadmapSheet(plan: Plan): SheetLayout | undefined {
  const horizons = roadmapHorizons(plan.settings);
  if (!horizons) return undefined;
  const H = horizons.length;
  const LEAD = 5; // Priority, Initiative, Decision, Start, Duration
  const width = Math.max(LEAD + H, 9);
  const entries = roadmapEntries(plan);
  const loads = horizonLoads(plan.entries, plan.teams, horizons);
  const worth = horizonWorth(plan, horizons);
  const s = new SheetBuilder(width, 20 + CHART_ROWS + entries.length + loads.length + (worth?.length ?? 0));
  s.runAt = plan.run.at;
  s.row([`Roadmap: ${horizons.join(', ')}`], [], 'title');
  s.row([markLine(plan, `Rebuilt on every run; ${selectionWords(plan)}.`)], [TEXT_FORMAT], 'note');
  s.blank();

  // The timeline's key in its heading: in the sheet's note, after the scenario, it ran past the printed columns.
  s.row(['Committed initiatives in start order: a filled cell is a horizon it runs in, a paler one an initiative forced in'], [], 'section');
  const headerRow = s.row(['Priority', 'Initiative', 'Decision', 'Start', 'Duration', ...horizons], [], 'header');
  const barFormats = s.formatsOf(['0', TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, '0', ...horizons.map(() => ACTIVE_FORMAT)]);
  const first = s.rowCount;
  for (const e of entries) {
    const { start, duration, label } = e.schedule!;
    const bars = horizons.map((_, h) => (h >= start && h < start + duration ? (e.decision === 'Forced in' ? 2 : 1) : null));
    s.row([e.priority ?? null, e.initiative.name, e.decision, label, duration, ...bars], barFormats);
  }
  if (entries.length === 0) s.row(['Nothing is committed in this plan.'], [TEXT_FORMAT]);
  else {
    // One rule per horizon column: 1 is a committed run, 2 a forced-in one.
    for (let h = 0; h < H; h++) {
      s.conditionalFormats.push({ row: first, column: LEAD + h, rows: entries.length, rules: [{ min: 0.5, below: 1.5, ...BAR }, { min: 1.5, ...FORCED_BAR }] });
    }
  }
  s.blank();

  s.row(['Team load per horizon, before (every requested initiative starts as early as it may) and after (the roadmap)'], [], 'section');
  // The team and horizon, which names each column of the chart, is in the wide second column: the first (Priority above) holds the horizon.
  s.row(['Horizon', 'Team and horizon', 'Unit', 'Capacity', 'Demand before', 'Demand after', 'Utilisation before', 'Utilisation after', 'Requested, not in the roadmap'], [], 'header');
  const loadFormats = s.formatsOf([TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, QUANTITY_FORMAT, QUANTITY_FORMAT, QUANTITY_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT]);
  const loadStart = s.rowCount;
  for (const l of loads) {
    const share = (demand: number) => (l.capacity > 0 ? demand / l.capacity : null);
    const after = share(l.demandAfter);
    const before = share(l.demandBefore);
    s.row([l.horizon, `${l.team} ${l.horizon}`, l.unit, l.capacity, l.demandBefore, l.demandAfter, before, after, before === null || after === null ? null : Math.max(0, before - after)], loadFormats);
  }
  if (loads.length === 0) s.row(['No team of the Capacity table caps the roadmap.'], [TEXT_FORMAT]);
  else {
    for (const column of [6, 7]) s.conditionalFormats.push({ row: loadStart, column, rows: loads.length, rules: UTILISATION_HIGHLIGHTS });
    s.blank();
    const chartRow = s.rowCount;
    for (let r = 0; r < CHART_ROWS; r++) s.blank();
    // The after part and the rest of the request, stacked: the whole bar is the load before.
    s.charts.push({
      kind: 'stackedColumn',
      title: 'Team load per horizon: the roadmap, and the rest of what was requested',
      anchor: { row: chartRow, column: 0, rows: CHART_ROWS, columns: CHART_COLUMNS },
      yTitle: 'Share of capacity',
      yFormat: PERCENT_FORMAT,
      categories: { row: loadStart, column: 1, rows: loads.length, columns: 1 },
      series: [
        { name: 'In the roadmap', y: { row: loadStart, column: 7, rows: loads.length, columns: 1 }, color: '#2F5597' },
        { name: 'Requested, not in the roadmap', y: { row: loadStart, column: 8, rows: loads.length, columns: 1 }, color: '#A6A6A6' },
      ],
    });
  }
  if (worth) {
    s.blank();
    s.row(['What one more unit of each team is worth in each horizon: the value it adds to what the roadmap delivers this year'], [], 'section');
    s.row(['A re-run of the plan with one more unit in that horizon alone; blank: not worked out. What it changes is on the Change impact sheet.'], [TEXT_FORMAT], 'note');
    // The team's name in the wide second column: the first (Priority above) would cut it.
    s.row(['One more', 'Team', 'Unit', ...horizons], [], 'header');
    const worthFormats = s.formatsOf(['0', TEXT_FORMAT, TEXT_FORMAT, ...horizons.map(() => moneyFormat(plan.settings.currency))]);
    const worthStart = s.rowCount;
    for (const w of worth) s.row([1, w.team, w.unit, ...w.gains], worthFormats);
    for (let h = 0; h < H; h++) s.conditionalFormats.push({ row: worthStart, column: 3 + h, rows: worth.length, rules: [{ min: 1e-9, ...GOOD }, { below: -1e-9, ...BAD }] });
  }
  const widths = [9, 40, 16, 9, 9, ...horizons.map(() => 7)];
  while (widths.length < width) widths.push(12);
  // Past the timeline, the load table's columns need room for their numbers.
  for (let c = LEAD; c < 9; c++) widths[c] = Math.max(widths[c]!, 12);
  return s.build(ROADMAP_SHEET, widths, headerRow + 1);
}

/** Per team, what one more unit in each horizon adds to the value delivered this year (null: not worked out); undefined without findings. */
function horizonWorth(plan: Plan, horizons: readonly string[]): { team: string; unit: string; gains: (number | null)[] }[] | undefined {
  const findings = plan.bottlenecks?.capacity.filter((f) => f.kind === 'team' && f.horizon !== undefined) ?? [];
  if (findings.length === 0) return undefined;
  const teams: { team: string; unit: string; gains: (number | null)[] }[] = [];
  for (const f of findings) {
    let row = teams.find((t) => t.team === f.name);
    if (!row) teams.push((row = { team: f.name, unit: f.unit, gains: horizons.map(() => null) }));
    const h = horizons.indexOf(f.horizon!);
    if (h >= 0 && f.exact && f.deliveredGain !== undefined) row.gains[h] = f.deliveredGain;
  }
  // In the order of the Capacity table.
  const order = new Map(plan.teams.map((t, i) => [t.name, i]));
  return teams.sort((a, b) => (order.get(a.team) ?? Infinity) - (order.get(b.team) ?? Infinity));
}

/**
 * What the product's own Roadmap sheet becomes on a run without horizons: a roadmap from an earlier
 * run would otherwise stay and show a plan that no longer holds. The sheet keeps its mark (a later run
 * with horizons rebuilds it); a user's sheet of that name is never touched.
 */
export function noRoadmapSheet(plan: Plan): SheetLayout {
  const s = new SheetBuilder(1, 4);
  s.runAt = plan.run.at;
  s.row(['Roadmap: none in this run'], [], 'title');
  s.row([markLine(plan, 'Rebuilt on every run. This run plans one period (the Horizons setting names fewer than two horizons), so there is no roadmap; name two or more to have one, or delete this sheet.')], [TEXT_FORMAT], 'note');
  return s.build(ROADMAP_SHEET, [100], 0);
}
