// The `Change impact` sheet, rebuilt on every run: capacity before and after with
// the team utilisation chart and the portfolio map under it, what changes for each
// committed initiative, the four change impacts, and what the plan is not doing now.

import { roadmapHorizons } from '../engine/horizons';
import type { RatedChange } from '../engine/changeImpact';
import { moneySentence } from '../engine/currency';
import { listWords } from '../engine/format';
import { joinedGaps } from '../engine/explain';
import { Memo } from '../engine/memo';
import type { Plan } from '../engine/plan';
import { CHANGE_IMPACTS } from '../engine/scores';
import { DECISION_ORDER } from '../engine/summary';
import type { Decision } from '../engine/types';
import { BAD, GOOD, NEUTRAL, scoreCell, SheetBuilder, TEXT_FORMAT, type ChartSpec, type LayoutCell, type SheetLayout } from './grid';
import { CHANGE_IMPACT_SHEET, OWNER_MARK } from './names';
import { moneyFormat } from './bottlenecksSection';
import { DECISION_HIGHLIGHTS } from './outputColumns';

export const PERCENT_FORMAT = '0%';
// Shared by every row of a section: the sheet can have tens of thousands of rows, each
// built at the full width so the builder keeps it as it is.
const WIDTH = 7;
const TEXT_5 = [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, null, null];
const MAP_FORMATS = [TEXT_FORMAT, TEXT_FORMAT, '0.0', '0.0', '#,##0', '#,##0', null];
/** The map's formats with its amounts shown in the reporting currency, when the amounts state one. */
const mapFormats = (plan: Plan): (string | null)[] =>
  plan.money && plan.money.currency !== '' ? MAP_FORMATS.map((f, i) => (i === 4 || i === 5 ? moneyFormat(plan.settings.currency) : f)) : MAP_FORMATS;
/**
 * The smallest bubble, as a share of the largest annual value: Excel draws no bubble of size 0, so an initiative of no
 * or unknown value (a shared enabler, an estimate still to come) would be missing from the map, committed or not.
 */
export const SMALLEST_BUBBLE = 0.03;
const RATING_FORMATS = [TEXT_FORMAT, '0', '0', '0', '0', TEXT_FORMAT, null];
export const QUANTITY_FORMAT = '#,##0.0';
/**
 * The two charts sit side by side under the capacity table, in rows kept empty for them, rather than to the right
 * of the sections: there they hid the long texts that run on past their column and made the sheet, printed one page
 * wide, about half as wide again (its text at 45% of full size rather than 61%).
 */
export const CHART_ROWS = 20;

/** Over capacity is red, within 10% of full amber, the rest green. */
export const UTILISATION_HIGHLIGHTS = [
  { min: 1.0000001, ...BAD },
  { min: 0.9, below: 1.0000001, ...NEUTRAL },
  { below: 0.9, ...GOOD },
];

/** Plain-Excel description of when the sheet was made, for people without the add-in. */
export function markLine(plan: Plan, what: string): string {
  return `${OWNER_MARK} on ${plan.run.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}${plan.run.by ? ` by ${plan.run.by}` : ''}. ${what}`;
}

/**
 * "rank and fill selection", and the saved scenario in force when there is one: its overrides and capacities made the
 * plan shown, which a reader without the add-in would otherwise learn only from the Decision log.
 */
export function selectionWords(plan: Plan): string {
  const { scenario } = plan.settings;
  return `${plan.selection.method.toLowerCase()} selection${scenario ? `, with the saved scenario "${scenario}" in force` : ''}`;
}

/**
 * The portfolio map's colour per decision. Forced out is charcoal (the font of its cells' highlight): a mid grey
 * (#7F7F7F) beside Excluded (alternative)'s light grey could not be told apart in the legend.
 */
export const DECISION_COLOURS: Record<string, string> = {
  Commit: '#548235',
  'Forced in': '#2F5597',
  'Deferred (capacity)': '#C55A11',
  'Deferred (in-flight limit)': '#BF8F00',
  'Deferred (dependency)': '#7030A0',
  'Excluded (alternative)': '#A5A5A5',
  'Not ready': '#C00000',
  'Forced out': '#404040',
};

/**
 * How the portfolio map draws `points` bubbles so a room can read it on a projector at any portfolio size. Bubble
 * area grows with the count times the bubbles' size squared, so the bubbles shrink as the count's fourth root (30%
 * of the viewer's default at 25 initiatives, 14% at 500, 8% at 5,000, never under 5%): enough that bubbles part,
 * not so much that a small initiative vanishes. Fills grow more transparent with the count (75% opaque at 25,
 * 48% at 500, 34% at 5,000, never under 30%), so where bubbles pile up the colour deepens and shows the density.
 * Every point stays in the chart's data.
 */
export function portfolioMapLook(points: number): { bubbleScale: number; fillOpacity: number } {
  const ratio = 25 / Math.max(points, 1);
  const bubbleScale = Math.round(Math.min(30, Math.max(5, 30 * ratio ** 0.25)));
  const fillOpacity = Math.round(100 * Math.min(0.75, Math.max(0.3, 0.75 * ratio ** 0.15))) / 100;
  return { bubbleScale, fillOpacity };
}

/** The score scale both axes of the portfolio map keep, whatever the scores: bubbles sit where the scale says. */
export const SCORE_AXIS = { min: 0, max: 100 };

const DECISION_POSITION = Object.fromEntries(DECISION_ORDER.map((d, i) => [d, i])) as Record<Decision, number>;

/**
 * The portfolio map's data, one block per decision so each decision is one coloured
 * bubble series: friction across, impact up, bubble size the annual value.
 */
function portfolioMapData(s: SheetBuilder, plan: Plan, chartRow: number): void {
  s.row([`Portfolio map data: impact against friction, bubble size is annual value (at least ${SMALLEST_BUBBLE * 100}% of the largest, so every initiative shows)`], [], 'section');
  const currency = plan.money?.currency ?? '';
  s.row(['Initiative', 'Decision', 'Friction score', 'Impact score', currency === '' ? 'Annual value' : `Annual value (${currency})`, 'Bubble size'], [], 'header');
  const formats = mapFormats(plan);
  let largest = 0;
  for (const e of plan.entries) if (e.scores) largest = Math.max(largest, e.initiative.annualValue ?? 0);
  const smallest = largest > 0 ? largest * SMALLEST_BUBBLE : 1;
  // Each scored entry's row and decision are read in table order, where the entry's objects sit
  // together in memory; one walk down the ranking then places each row in its decision's block.
  const entries = plan.entries;
  const rows = new Array<LayoutCell[] | undefined>(entries.length);
  const blockOf = new Int8Array(entries.length);
  const blockSizes = new Int32Array(DECISION_ORDER.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (!e.scores) continue;
    const value = e.initiative.annualValue;
    rows[i] = [e.initiative.name, e.decision, scoreCell(e.scores.friction), scoreCell(e.scores.impact), value ?? null, Math.max(value ?? 0, smallest), null];
    blockSizes[(blockOf[i] = DECISION_POSITION[e.decision])]!++;
  }
  const blockStarts = new Int32Array(DECISION_ORDER.length);
  for (let b = 1; b < blockStarts.length; b++) blockStarts[b] = blockStarts[b - 1]! + blockSizes[b - 1]!;
  const placed = new Array<LayoutCell[]>(blockStarts[blockStarts.length - 1]! + blockSizes[blockSizes.length - 1]!);
  const next = blockStarts.slice();
  for (const i of plan.ranking) {
    const row = rows[i];
    if (row) placed[next[blockOf[i]!]!++] = row;
  }
  const series: ChartSpec['series'] = [];
  DECISION_ORDER.forEach((decision, position) => {
    const size = blockSizes[position]!;
    if (size === 0) return;
    const first = s.rowCount;
    for (let k = blockStarts[position]!; k < blockStarts[position]! + size; k++) s.row(placed[k]!, formats);
    const range = (column: number) => ({ row: first, column, rows: size, columns: 1 });
    series.push({ name: decision, x: range(2), y: range(3), size: range(5), color: DECISION_COLOURS[decision] });
  });
  if (series.length > 0) {
    // Series are drawn in order, each over the ones before: the plan's own decisions last, so hundreds of deferred
    // and blocked bubbles do not bury the few committed ones. The table keeps the decisions' order.
    series.reverse();
    s.charts.push({
      kind: 'bubble',
      title: 'Portfolio map: impact against friction (bubble size = annual value)',
      // The portfolio map spans the next two (Demand before, Utilisation before).
      anchor: { row: chartRow, column: 3, rows: CHART_ROWS, columns: 2 },
      xTitle: 'Friction score (change load)',
      yTitle: 'Impact score',
      series,
      axisRange: SCORE_AXIS,
      ...portfolioMapLook(placed.length),
    });
  }
}

/** "Workload shift (High)": rated changes are shared (see changeImpact.ts), so each is worded once a layout. */
const heaviestText = (rated: RatedChange): string => `${rated.label} (${rated.level})`;

/** A hook for sections added by other parts of the engine (bottleneck economics). */
export type ExtraSection = (sheet: SheetBuilder, plan: Plan) => void;

/** `memo` is the layout's: gate results are shared, so each list of gaps is joined once. */
export function changeImpactSheet(plan: Plan, extraSections: ExtraSection[] = [], memo = new Memo()): SheetLayout {
  const impact = plan.changeImpact;
  // Eight rows per committed initiative, one per initiative not done and per bubble, and a few dozen
  // for titles, teams and the sections added by other parts of the engine.
  // On a roadmap the bottlenecks' table has one more column: the value delivered this year.
  const horizons = roadmapHorizons(plan.settings);
  const width = plan.bottlenecks && horizons ? WIDTH + 1 : WIDTH;
  const s = new SheetBuilder(width, 64 + CHART_ROWS + impact.teamLoads.length + 8 * impact.committed.length + impact.notDoing.length + plan.entries.length);
  s.runAt = plan.run.at;
  const period = plan.settings.planningPeriod;
  s.row([`Change impact: ${period}`], [], 'title');
  // Which currency the amounts are in, and the rates that converted them, said where a reader of the sheet looks first.
  const money = moneySentence(plan.money);
  s.row([markLine(plan, `Rebuilt on every run; ${selectionWords(plan)}.${money ? ` ${money}` : ''}`)], [TEXT_FORMAT], 'note');
  s.blank();

  s.row(['Capacity per team, before (every requested initiative starts) and after (the committed plan)'], [], 'section');
  // On a roadmap these are totals, which neither the Capacity table nor the demand columns show: a reader is told how.
  if (horizons) {
    const note = `Over the whole roadmap (${listWords(horizons)}): each team's capacity in every horizon added together, and an initiative's demand counted once for each horizon it runs. In flight after: the most running in any one horizon. Horizon by horizon on the Roadmap sheet.`;
    s.row([note], [TEXT_FORMAT], 'note');
  }
  s.row(['Team', 'Unit', 'Capacity', 'Demand before', 'Utilisation before', 'Demand after', 'Utilisation after'], [], 'header');
  const loadStart = s.rowCount;
  for (const load of plan.changeImpact.teamLoads) {
    s.row(
      [load.team, load.unit, load.capacity, load.demandBefore, load.utilisationBefore ?? null, load.demandAfter, load.utilisationAfter ?? null],
      [TEXT_FORMAT, TEXT_FORMAT, QUANTITY_FORMAT, QUANTITY_FORMAT, PERCENT_FORMAT, QUANTITY_FORMAT, PERCENT_FORMAT],
    );
  }
  const loadEnd = s.rowCount;
  const flight = plan.changeImpact.inFlight;
  s.row(
    ['In-flight initiatives', 'initiatives', flight.limit, flight.before, flight.limit > 0 ? flight.before / flight.limit : null, flight.after, flight.limit > 0 ? flight.after / flight.limit : null],
    [null, null, '0', '0', PERCENT_FORMAT, '0', PERCENT_FORMAT],
  );
  for (const column of [4, 6]) s.conditionalFormats.push({ row: loadStart, column, rows: s.rowCount - loadStart, rules: UTILISATION_HIGHLIGHTS });
  s.blank();
  // The charts' rows and one to space them from the next section; the map is drawn when some initiative is scored (portfolioMapData).
  const chartRow = s.rowCount;
  if (loadEnd > loadStart || plan.entries.some((e) => e.scores)) for (let r = 0; r <= CHART_ROWS; r++) s.blank();
  if (loadEnd > loadStart) {
    const teams = loadEnd - loadStart;
    s.charts.push({
      kind: 'clusteredColumn',
      title: 'Team utilisation: everything requested vs the committed plan',
      // The first three columns (Team, Unit, Capacity).
      anchor: { row: chartRow, column: 0, rows: CHART_ROWS, columns: 3 },
      yTitle: 'Share of capacity',
      yFormat: PERCENT_FORMAT,
      categories: { row: loadStart, column: 0, rows: teams, columns: 1 },
      series: [
        { name: 'Before', y: { row: loadStart, column: 4, rows: teams, columns: 1 }, color: '#A6A6A6' },
        { name: 'After', y: { row: loadStart, column: 6, rows: teams, columns: 1 }, color: '#2F5597' },
      ],
    });
  }

  s.row(['What changes for each committed initiative'], [], 'section');
  s.row(['Initiative', 'Decision', 'Dimension', 'Before', 'After'], [], 'header');
  // Before and After are sentences side by side: each wraps in its column rather than being cut by the next.
  for (const c of plan.changeImpact.committed) {
    for (const d of c.dimensions) s.row([c.name, c.decision, d.dimension, d.before, d.after, null, null], TEXT_5, 'wrap');
    s.row([c.name, c.decision, 'Who absorbs the change', null, c.absorbedBy, null, null], TEXT_5, 'wrap');
    s.row([c.name, c.decision, 'Gaps still open', null, joinedGaps(c.openGaps, memo) || 'None', null, null], TEXT_5, 'wrap');
  }
  if (plan.changeImpact.committed.length === 0) s.row(['Nothing is committed in this plan.'], [TEXT_FORMAT]);
  s.blank();

  s.row(['The four change impacts of the committed plan (1 = light, 5 = heavy)'], [], 'section');
  s.row(['Initiative', ...CHANGE_IMPACTS.map((c) => c.label), 'Heaviest'], [], 'header');
  const ratingsStart = s.rowCount;
  for (const c of plan.changeImpact.committed) {
    // One row at the full width, filled in place: this runs for every committed initiative.
    const row: LayoutCell[] = [c.name, null, null, null, null, 'Unknown', null];
    let heaviest: RatedChange | undefined;
    for (let k = 0; k < c.changeImpacts.length; k++) {
      const rated = c.changeImpacts[k]!;
      row[k + 1] = rated.rating ?? 'Unknown';
      // The first of the highest known ratings.
      if (rated.rating !== undefined && (heaviest === undefined || rated.rating > heaviest.rating!)) heaviest = rated;
    }
    if (heaviest) row[5] = memo.of(heaviestText)(heaviest);
    s.row(row, RATING_FORMATS);
  }
  if (s.rowCount > ratingsStart) {
    // A conditional format covers one column, so each of the four rating columns gets its own.
    for (let column = 1; column <= CHANGE_IMPACTS.length; column++) {
      s.conditionalFormats.push({
        row: ratingsStart,
        column,
        rows: s.rowCount - ratingsStart,
        rules: [{ min: 4, ...BAD }, { min: 3, below: 4, ...NEUTRAL }, { below: 3, ...GOOD }, { equals: 'Unknown', ...BAD }],
      });
    }
  }
  s.blank();

  for (const section of extraSections) section(s, plan);

  portfolioMapData(s, plan, chartRow);
  s.blank();

  s.row(['What the plan is not doing now, and why'], [], 'section');
  s.row(['Initiative', 'Decision', 'Why not now'], [], 'header');
  const notStart = s.rowCount;
  for (const n of plan.changeImpact.notDoing) s.row([n.name, n.decision, n.reason, null, null, null, null], TEXT_5);
  if (plan.changeImpact.notDoing.length === 0) s.row(['Every requested initiative is in the plan.'], [TEXT_FORMAT]);
  else s.conditionalFormats.push({ row: notStart, column: 1, rows: s.rowCount - notStart, rules: DECISION_HIGHLIGHTS });

  // Only a portfolio with a Requires column has this section: the plan commits each requirement listed.
  if (plan.changeImpact.dependencies.length > 0) {
    s.blank();
    s.row(['Dependencies of the committed plan: each initiative goes ahead only with what it requires'], [], 'section');
    s.row(['Initiative', 'Requires (in the plan too)'], [], 'header');
    for (const d of plan.changeImpact.dependencies) s.row([d.name, d.requires.join('; '), null, null, null, null, null], TEXT_5);
  }

  return s.build(CHANGE_IMPACT_SHEET, [30, 22, 24, 52, 60, 16, 16, 16].slice(0, width), 0);
}
