// The "How sure is the plan" section of the Change impact sheet: how many
// initiatives are core, borderline and outside over the futures drawn, and the
// borderline ones (likeliest first) with their confidence, value range and what
// a better estimate would settle, under a native chart of their confidence.
// The figures are summed up in engine/howSure.ts, as the pane's view's are.

import { CORE_AT, deciderText, OUTSIDE_AT } from '../engine/confidence';
import { formatPercent } from '../engine/format';
import { rangeText, sureFindings } from '../engine/howSure';
import type { Plan } from '../engine/plan';
import { TEXT_FORMAT, type SheetBuilder } from './grid';

export const HOW_SURE_TITLE = 'How sure is the plan: the share of futures, drawn from the stated ranges, that commit each initiative';

const T = TEXT_FORMAT;
const PERCENT = '0%';
/** The chart shows this many borderline initiatives at most (the likeliest first): more would not be read. */
export const HOW_SURE_CHART_MOST = 30;
/** The chart's rows, kept empty for it between the bands and the borderline list (which can run to thousands of rows). */
const CHART_ROWS = 18;
/** It spans the sheet's first four columns (Initiative to What would settle it): room for 30 names under the columns. */
const CHART_COLUMNS = 4;

/** What each future draws, in words: only what the workbook states. */
function drawnFrom(plan: Plan): string {
  const { settings } = plan;
  const parts: string[] = [];
  if (plan.entries.some((e) => e.initiative.valueLow !== undefined && e.initiative.valueHigh !== undefined)) parts.push('each value within its stated range');
  if ((settings.demandOverrun ?? 0) > 0) parts.push(`each team demand up to ${formatPercent(settings.demandOverrun ?? 0)} larger`);
  if (Object.values(settings.weightRanges ?? {}).some((r) => r !== undefined)) parts.push("each weight within the room's range");
  return parts.join(', ');
}

/** An `ExtraSection` for the Change impact sheet; `planLayout` adds it whenever the plan has confidence figures. */
export function howSureSection(s: SheetBuilder, plan: Plan): void {
  const findings = sureFindings(plan);
  if (!findings) return;
  const currency = plan.settings.currency;
  s.row([HOW_SURE_TITLE], [], 'section');
  s.row([`Over ${findings.draws} futures: ${drawnFrom(plan)}.`], [T], 'note');
  s.row(['Band', 'Initiatives', 'Meaning'], [], 'header');
  s.row(['Core', findings.counts.core, `Committed in ${formatPercent(CORE_AT)} of futures or more: safe to start now`], [T, '0', T]);
  s.row(['Borderline', findings.counts.borderline, 'Committed in some futures, not in others: where better estimates pay off'], [T, '0', T]);
  s.row(['Outside', findings.counts.outside, `Committed in ${formatPercent(OUTSIDE_AT)} of futures or fewer`], [T, '0', T]);
  s.blank();
  const borderline = findings.rows.filter((r) => r.band === 'borderline');
  const chartRow = s.rowCount;
  if (borderline.length > 0) for (let r = 0; r <= CHART_ROWS; r++) s.blank();
  s.row(['Initiative', 'Decision', 'Confidence', 'What would settle it', 'Value range'], [], 'header');
  const first = s.rowCount;
  // What would settle it wraps in its column: a long one ("no estimate of its own decides it: ...") ran under the value range and was cut.
  for (const row of borderline) s.row([row.name, row.decision, row.share, deciderText(row.decider, currency), rangeText(row, currency), null, null], [T, T, PERCENT, T, T, null, null], 'wrap');
  if (borderline.length === 0) s.row(['No initiative is borderline: every one is committed in nearly all futures or nearly none.'], [T]);
  else {
    const shown = Math.min(borderline.length, HOW_SURE_CHART_MOST);
    s.charts.push({
      kind: 'clusteredColumn',
      title: 'How sure: the share of futures committing each borderline initiative',
      anchor: { row: chartRow, column: 0, rows: CHART_ROWS, columns: CHART_COLUMNS },
      yTitle: 'Share of futures',
      yFormat: PERCENT,
      // A share of futures reads against the whole: the axis runs to 100% whatever the largest share.
      axisRange: { min: 0, max: 1 },
      categories: { row: first, column: 0, rows: shown, columns: 1 },
      series: [{ name: 'Confidence', y: { row: first, column: 2, rows: shown, columns: 1 }, color: '#BF8F00' }],
    });
  }
  s.blank();
}
