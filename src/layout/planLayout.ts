// Everything a run writes, laid out once for every adapter.

import { Memo } from '../engine/memo';
import type { Plan } from '../engine/plan';
import { bottlenecksSection } from './bottlenecksSection';
import { howSureSection } from './howSureSection';
import { changeImpactSheet, type ExtraSection } from './changeImpactSheet';
import { decisionLogRow, decisionLogSheet } from './decisionLog';
import type { LayoutCell, SheetLayout } from './grid';
import { outputColumnsLayout, type OutputColumnsLayout } from './outputColumns';
import { roadmapSheet } from './roadmapSheet';
import { settingsSheet } from './settingsSheet';

export type PlanLayout = {
  outputs: OutputColumnsLayout;
  changeImpact: SheetLayout;
  /** The sheet to create when there is no Decision log yet; otherwise append `logRow`. */
  decisionLogSheet: SheetLayout;
  logRow: { values: LayoutCell[]; formats: string[] };
  /** The settings sheet to create when the workbook has none. An existing one is left as the user edited it. */
  settingsSheet: SheetLayout;
  /** The Roadmap sheet, rebuilt on every run with two or more horizons; absent otherwise. */
  roadmap?: SheetLayout;
};

/**
 * The settings sheet a run makes when the workbook has none; `record` lists the output columns the
 * adapter placed (ownedColumns), which only the adapter knows, so it lays the sheet out again with it.
 */
export function planSettingsSheet(plan: Plan, record?: string): SheetLayout {
  return settingsSheet(plan.settings, [], record);
}

export function planLayout(plan: Plan, extraSections: ExtraSection[] = []): PlanLayout {
  const sections = [...(plan.bottlenecks ? [bottlenecksSection] : []), ...(plan.confidence ? [howSureSection] : []), ...extraSections];
  // Cells are laid out as computed: every adapter writes them through `writable` (grid.ts), which leaves
  // NaN and Infinity blank and cuts text at Excel's limit, so the port suite holds each adapter to it.
  // Texts the sheets repeat (a gate's gaps) are put together once for the whole layout.
  const memo = new Memo();
  const layout: PlanLayout = {
    outputs: outputColumnsLayout(plan, memo),
    changeImpact: changeImpactSheet(plan, sections, memo),
    decisionLogSheet: decisionLogSheet(plan.logEntry, plan.settings.currency),
    logRow: decisionLogRow(plan.logEntry, plan.settings.currency),
    settingsSheet: planSettingsSheet(plan),
  };
  const roadmap = roadmapSheet(plan);
  if (roadmap) layout.roadmap = roadmap;
  return layout;
}
