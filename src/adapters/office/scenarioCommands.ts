// changeScenarios and writeScenarioComparison: the add-in's own sheets for
// scenarios, rebuilt whole from their layout. A sheet of that name the user
// made (no owner mark in A2) is never touched: the command is refused.

import type { RawTable } from '../../engine/types';
import type { ScenarioTables } from '../../engine/scenarios/readScenarios';
import type { SheetLayout } from '../../layout/grid';
import { SCENARIOS_SHEET, SCENARIOS_TABLE, SCENARIO_OVERRIDES_TABLE } from '../../layout/names';
import { scenariosSheet, type ScenarioChange } from '../../layout/scenariosSheet';
import { nameTakenProblem, protectedProblem } from '../../port/problems';
import { WorkbookProblemError } from '../../port/workbookPort';
import { requestBudget } from './payload';
import type { Supports } from './requirements';
import { queueSheetChecks, type SheetStatus } from './sheetChecks';
import { queueTableRead } from './tableReads';
import { writeSheetLayout } from './writeSheet';

const nameTaken = (sheet: string) => new WorkbookProblemError(nameTakenProblem(sheet));

/** Refuses a sheet the user made or protected; says whether it exists. */
function mayRebuild(name: string, status: SheetStatus | undefined): boolean {
  if (!status?.exists) return false;
  if (!status.ours) throw nameTaken(name);
  if (status.protected) throw new WorkbookProblemError(protectedProblem(name));
  return true;
}

/** The sheet `layout` describes, made or rebuilt from nothing under `name`. */
async function build(context: Excel.RequestContext, name: string, layout: SheetLayout, status: SheetStatus | undefined, supports: Supports): Promise<void> {
  const sheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if (status?.exists) {
    sheet = sheets.getItem(name);
    for (const chart of status.charts) sheet.charts.getItem(chart).delete();
    for (const table of status.tables) sheet.tables.getItem(table).delete();
    sheet.freezePanes.unfreeze();
    const everything = sheet.getRange();
    everything.conditionalFormats.clearAll();
    everything.clear();
    // Clear leaves row heights: a header row the last layout made taller may hold other cells now.
    everything.format.useStandardHeight = true;
  } else sheet = sheets.add(name);
  await writeSheetLayout(sheet, { ...layout, name }, requestBudget(context), supports);
  await context.sync();
}

export async function changeScenarios(context: Excel.RequestContext, change: ScenarioChange, supports: Supports): Promise<void> {
  const tables = context.workbook.tables;
  const found = [SCENARIOS_TABLE, SCENARIO_OVERRIDES_TABLE].map((name) => tables.getItemOrNullObject(name).load('name, worksheet/name'));
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const [scenarios, overrides] = found.map((t) => (t.isNullObject ? undefined : { name: t.name, sheet: t.worksheet.name }));
  const name = scenarios?.sheet ?? overrides?.sheet ?? SCENARIOS_SHEET;
  const reads = [scenarios, overrides].map((t) => t && { entry: t, read: queueTableRead(tables.getItem(t.name), 'all') });
  const statusOf = queueSheetChecks(context, [name], sheets.items.map((s) => s.name));
  await context.sync();
  const status = statusOf().get(name);
  mayRebuild(name, status);
  const raw = (i: number): RawTable | undefined => {
    const r = reads[i];
    if (!r) return undefined;
    const t = r.read();
    return { sheet: r.entry.sheet, name: r.entry.name, headers: t.headers, rows: t.rows, origin: t.origin };
  };
  const existing: ScenarioTables = { scenarios: raw(0), overrides: raw(1) };
  // A table of ours left on another sheet gives up its name (its cells stay where they are).
  for (const t of [scenarios, overrides]) if (t && t.sheet.toLowerCase() !== name.toLowerCase()) tables.getItem(t.name).delete();
  await build(context, name, scenariosSheet(existing, change, name), status, supports);
}

export async function writeScenarioComparison(context: Excel.RequestContext, layout: SheetLayout, supports: Supports): Promise<string> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const statusOf = queueSheetChecks(context, [layout.name], sheets.items.map((s) => s.name));
  await context.sync();
  const status = statusOf().get(layout.name);
  mayRebuild(layout.name, status);
  await build(context, layout.name, layout, status, supports);
  return layout.name;
}
