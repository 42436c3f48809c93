// write(): four round trips in all with the read's two, for 10 initiatives as
// for 10,000 (the bench measures it):
//   3. stage the Change impact cells on a hidden sheet and, in the same request,
//      re-read the Initiatives table's inputs and the add-in's sheets: if the
//      table changed since it was read, or a sheet the add-in needs is one of
//      the user's or protected, the staging sheet is deleted (one more round
//      trip), nothing else was touched, and the problem is returned;
//   4. promote the staged cells (see staging.ts), write the output columns, the
//      Decision log row and (first run only) the settings sheet.
// Each request is kept under 4 MB (payload.ts). At the bench's density
// (bench/generate.ts: about 330 bytes of output cells and 220 of staged cells
// per initiative) the output columns alone pass 4 MB at about 12,500
// initiatives, the staged cells at about 19,000, and the re-read of the
// inputs comes back above 4 MB at about 20,000 (then it is staged apart).
// Past those sizes a write takes more round trips, never a larger request,
// and the check still comes before anything of the user's is written.

import { DECISION_LOG_TABLE, nextFreeSheetName } from '../../layout/names';
import type { PlanLayout } from '../../layout/planLayout';
import { normalise } from '../../engine/cells';
import type { RawTable } from '../../engine/types';
import { recordEdits } from '../../layout/ownedColumns';
import { cellForExcel } from './cells';
import type { RenamedSheet, SheetRole, WriteOptions, WriteOutcome } from '../../port/workbookPort';
import type { ExcelRun } from './excelRun';
import { changedCellCount, layoutChanges, type LayoutChanges, type SheetChanges, type SheetRun } from '../../layout/layoutChanges';
import { rowsForExcel } from './cells';
import { alignLogRow } from './logRow';
import { applyLook } from './styles';
import { isPayloadTooLarge } from './officeErrors';
import { REQUEST_LIMIT_BYTES, jsonBytes, requestBudget, type RequestBudget } from './payload';
import { locate, settingsEntry, type Located } from './readWorkbook';
import { queueSheetChecks } from './sheetChecks';
import { CORE_API, RANGE_COPY_API, SCREEN_AND_BUBBLE_API, UNSUPPORTED_MESSAGE, type Supports } from './requirements';
import { cellsExtent, dropStaging, stageCells, stagingName } from './staging';
import { changedProblem, DEFAULT_SHEET_NAMES } from '../../port/problems';
import { check, type CheckRequest, type Checked, type SheetAction } from './writeCheck';
import { writeOutputColumns } from './writeOutputs';
import { dressSheet, writeSheetLayout } from './writeSheet';
import { NO_PAGE_LAYOUT_NOTE, PAGE_LAYOUT_API, setPageLayout } from './pageLayout';

export type WriteRequest = CheckRequest & {
  options?: WriteOptions;
  /** What the last read saw; without it the workbook is looked at first (one more round trip). */
  seen?: Located & { inputBytes?: number; settings?: RawTable };
  supports: Supports;
  /** A fresh Excel.run, to delete the staging sheet after a failure without sending whatever the failed step had queued. */
  run: ExcelRun;
};

/** The re-read of the inputs shares its round trip with the staged cells only while its response stays this small (Excel refuses 5 MB). */
export const COMBINED_RESPONSE_LIMIT_BYTES = REQUEST_LIMIT_BYTES;

type Staging = { name: string; layout: PlanLayout['changeImpact'] };
/** Making or rebuilding one of the add-in's sheets. */
type SheetBuild = Extract<SheetAction, { role: SheetRole }>;

function clearSheet(sheet: Excel.Worksheet, action: SheetBuild): void {
  for (const chart of action.status.charts) sheet.charts.getItem(chart).delete();
  for (const table of action.status.tables) sheet.tables.getItem(table).delete();
  sheet.freezePanes.unfreeze();
  const everything = sheet.getRange();
  everything.conditionalFormats.clearAll();
  everything.clear();
  // A header row of the last run made taller may hold other cells now: clear leaves row heights as they were.
  everything.format.useStandardHeight = true;
}

/** The staged cells become the Change impact sheet: renamed into place, or copied into the sheet a rerun keeps. */
async function promote(context: Excel.RequestContext, action: SheetBuild, staging: Staging, budget: RequestBudget, supports: Supports): Promise<void> {
  const sheets = context.workbook.worksheets;
  const staged = sheets.getItem(staging.name);
  const layout = { ...action.layout, name: action.name };
  await budget.spend(1000);
  if (action.kind === 'create') {
    // A name the check found free; should a co-author take it meanwhile, Excel refuses the rename rather than replace their sheet.
    staged.name = action.name;
    const sheet = sheets.getItem(action.name);
    sheet.visibility = 'Visible';
    await dressSheet(sheet, layout, budget, supports);
    return;
  }
  const sheet = sheets.getItem(action.name);
  clearSheet(sheet, action);
  const { rows, columns } = cellsExtent(layout);
  sheet.getRangeByIndexes(0, 0, rows, columns).copyFrom(staged.getRangeByIndexes(0, 0, rows, columns), 'All');
  await dressSheet(sheet, layout, budget, supports);
  staged.delete();
}

/** A live re-run's changed cells of a sheet the add-in keeps: number formats first, so text stays text. */
async function patchSheet(sheet: Excel.Worksheet, runs: readonly SheetRun[], budget: RequestBudget): Promise<void> {
  for (const run of runs) {
    await budget.spend(jsonBytes(run.values) + jsonBytes(run.formats));
    const range = sheet.getRangeByIndexes(run.row, run.column, 1, run.values.length);
    range.numberFormat = [run.formats.map((f) => f ?? 'General')];
    range.values = rowsForExcel([run.values]);
  }
}

async function applySheet(context: Excel.RequestContext, action: SheetAction, layout: PlanLayout, staging: Staging | undefined, budget: RequestBudget, supports: Supports, changes: SheetChanges): Promise<string | undefined> {
  const sheets = context.workbook.worksheets;
  if (action.kind === 'keep') return undefined;
  if (action.kind === 'rebuild' && action.role === 'changeImpact' && changes.kind !== 'rebuild') {
    if (changes.kind === 'same') return undefined;
    const sheet = sheets.getItem(action.name);
    await patchSheet(sheet, changes.runs, budget);
    // The footer names this run.
    if (layout.changeImpact.pageSetup) setPageLayout(sheet, layout.changeImpact.pageSetup, supports);
    return action.name;
  }
  if (action.kind === 'append-log') {
    await budget.spend(1000);
    const row = context.workbook.tables.getItem(DECISION_LOG_TABLE).rows.add().getRange();
    const aligned = alignLogRow(action.headers, layout.logRow);
    row.numberFormat = [aligned.formats];
    row.values = [aligned.values];
    // The row's look on the add-in's own columns (the user's keep theirs), and Excel fits the row to its wrapped texts.
    aligned.known.forEach((known, i) => known && applyLook(row.getCell(0, i), aligned.style));
    row.getEntireRow().format.autofitRows();
    // The footer names the latest run; a log made before page setups gets one.
    if (layout.decisionLogSheet.pageSetup) setPageLayout(sheets.getItem(action.name), layout.decisionLogSheet.pageSetup, supports);
    return action.name;
  }
  if (action.role === 'changeImpact' && staging) {
    await promote(context, action, staging, budget, supports);
    return action.name;
  }
  let sheet: Excel.Worksheet;
  if (action.kind === 'rebuild') {
    sheet = sheets.getItem(action.name);
    clearSheet(sheet, action);
  } else {
    sheet = sheets.add(action.name);
  }
  await writeSheetLayout(sheet, { ...action.layout, name: action.name }, budget, supports);
  return action.name;
}

/**
 * Round trip 4 (more past the sizes above): everything the check allowed. The output columns go
 * first: what Excel is likeliest to refuse (a column added beside another table, a sheet protected
 * since the check) then stops the request before anything ran, and the staging sheet is deleted.
 */
/** The Decision log's row, or its sheet on a first run: what a live re-run leaves out. */
const isLog = (action: SheetAction): boolean => action.kind === 'append-log' || (action.kind !== 'keep' && action.role === 'decisionLog');

/**
 * The settings table's record of the output columns brought up to date (ownedColumns), as saving settings
 * edits it; the row, when added, goes without its meaning beside it, which would take one more round trip to look for.
 */
async function writeRecord(context: Excel.RequestContext, name: string, settings: RawTable, record: string, budget: RequestBudget): Promise<void> {
  const edits = recordEdits(settings, record);
  const value = settings.headers.findIndex((h) => normalise(h) === 'value');
  const write = (range: Excel.Range, cell: string, format: string) => {
    range.numberFormat = [[format]];
    range.values = [[cellForExcel(cell)]];
  };
  for (const update of edits.updates) {
    await budget.spend(200);
    write(context.workbook.tables.getItem(name).getDataBodyRange().getCell(update.rowIndex, value), String(update.value ?? ''), update.format);
  }
  for (const cells of edits.appended) {
    await budget.spend(200);
    const added = context.workbook.tables.getItem(name).rows.add().getRange();
    for (const cell of cells) write(added.getCell(0, cell.column), String(cell.value ?? ''), cell.format);
  }
}

async function commit(context: Excel.RequestContext, request: WriteRequest, seen: Located, checked: Checked, staging: Staging | undefined, changes: LayoutChanges): Promise<WriteOutcome> {
  const { plan, layout, supports } = request;
  const budget = requestBudget(context);
  if (supports(SCREEN_AND_BUBBLE_API)) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const table = context.workbook.tables.getItem(plan.table!.name);
  await writeOutputColumns(table, context.workbook.worksheets.getItem(checked.sheet), checked.table, layout.outputs, budget, checked.owned, changes.outputs);
  const settings = request.seen?.settings;
  const settingsTable = settingsEntry(seen);
  if (settings && settingsTable) await writeRecord(context, settingsTable.name, settings, checked.owned.record, budget);
  const written = [checked.sheet];
  const log = request.options?.log !== false;
  for (const action of checked.actions) {
    if (!log && isLog(action)) continue;
    const name = await applySheet(context, action, layout, staging, budget, supports, changes.changeImpact);
    if (name) written.push(name);
  }
  for (const name of checked.leftovers) context.workbook.worksheets.getItem(name).delete();
  await context.sync();
  const notes = supports(PAGE_LAYOUT_API) ? {} : { notes: [NO_PAGE_LAYOUT_NOTE] };
  return { ok: true, sheetsWritten: written, cellsWritten: changedCellCount(changes, layout), ...notes };
}

/**
 * Whether to stage. Staging adds a sheet, so not while the workbook's structure is protected (a
 * rerun is then rebuilt in place; the check refuses a first run, which must add sheets). It needs a
 * rename (ExcelApi 1.1) on a first run and Range.copyFrom (1.9) on a rerun: a rerun on an Excel
 * without 1.9 (perpetual Office 2019; 2021 has it) is rebuilt in place too, a fifth round trip past
 * about 7,500 initiatives, rather than a deleted sheet and broken formulas.
 */
const canStage = (seen: Located, name: string, supports: Supports) =>
  !seen.structureLocked && (supports(RANGE_COPY_API) || !seen.sheets.some((s) => s.toLowerCase() === name.toLowerCase()));

async function stageAndWrite(
  context: Excel.RequestContext,
  request: WriteRequest,
  seen: Located,
  names: Record<SheetRole, string>,
  staging: Staging | undefined,
  combined: boolean,
  changes: LayoutChanges,
): Promise<WriteOutcome> {
  if (staging) {
    await stageCells(context, staging.name, staging.layout, requestBudget(context));
    if (!combined) await context.sync();
  }
  const checked = await check(context, request, seen, names, { canSplit: !(staging && combined) });
  if (!('actions' in checked)) {
    if (staging) await request.run((fresh) => dropStaging(fresh, staging.name));
    return { ok: false, problem: checked };
  }
  return commit(context, request, seen, checked, staging, changes);
}

/**
 * With 'next-free', each of the add-in's sheets whose name one of the user's sheets has goes under the
 * next free (or own) name instead, found in one round trip; otherwise the names stay and the check refuses.
 */
async function freeNames(context: Excel.RequestContext, wanted: Record<SheetRole, string>, seen: Located, roadmap: boolean): Promise<{ names: Record<SheetRole, string>; renamed: RenamedSheet[] }> {
  const known = new Set(seen.sheets.map((s) => s.toLowerCase()));
  const roles = (Object.keys(wanted) as SheetRole[]).filter(
    (role) => known.has(wanted[role].toLowerCase()) && !(role === 'settings' && settingsEntry(seen)) && !(role === 'roadmap' && !roadmap),
  );
  if (roles.length === 0) return { names: wanted, renamed: [] };
  // Among the existing sheets' count plus one numbered names, one is free.
  const candidates = roles.flatMap((role) => {
    const names = [wanted[role]];
    nextFreeSheetName(wanted[role], (name) => names.push(name) > seen.sheets.length + 1);
    return names;
  });
  const read = queueSheetChecks(context, candidates, seen.sheets);
  await context.sync();
  const statuses = read();
  const usable = (name: string) => {
    const status = statuses.get(name);
    return !status?.exists || status.ours;
  };
  const names = { ...wanted };
  const renamed: RenamedSheet[] = [];
  for (const role of roles) {
    if (usable(wanted[role])) continue;
    names[role] = nextFreeSheetName(wanted[role], usable);
    renamed.push({ wanted: wanted[role], used: names[role] });
  }
  return { names, renamed };
}

export async function writePlan(context: Excel.RequestContext, request: WriteRequest): Promise<WriteOutcome> {
  const { plan, supports } = request;
  if (!supports(CORE_API)) return { ok: false, problem: { kind: 'unsupported', message: UNSUPPORTED_MESSAGE } };
  if (!plan.table) return { ok: false, problem: changedProblem('There is no Initiatives table to write to.') };
  const seen = request.seen ?? (await locate(context));
  const wanted = { ...DEFAULT_SHEET_NAMES, ...request.options?.sheetNames };
  const { names, renamed } = request.options?.whenNameTaken === 'next-free' ? await freeNames(context, wanted, seen, request.layout.roadmap !== undefined) : { names: wanted, renamed: [] };
  const outcome = await writeUnder(context, request, seen, names);
  return outcome.ok && renamed.length > 0 ? { ...outcome, renamed } : outcome;
}

async function writeUnder(context: Excel.RequestContext, request: WriteRequest, seen: Located, names: Record<SheetRole, string>): Promise<WriteOutcome> {
  const { layout, supports } = request;
  const changes = layoutChanges(request.options?.previous, layout);
  // A live re-run that only patches the Change impact sheet's cells has nothing to stage.
  const rebuild = changes.changeImpact.kind === 'rebuild' || !seen.sheets.some((s) => s.toLowerCase() === names.changeImpact.toLowerCase());
  const staging = rebuild && canStage(seen, names.changeImpact, supports) ? { name: stagingName(seen.sheets), layout: layout.changeImpact } : undefined;
  const combined = (request.seen?.inputBytes ?? 0) <= COMBINED_RESPONSE_LIMIT_BYTES;
  try {
    return await stageAndWrite(context, request, seen, names, staging, combined, changes);
  } catch (error) {
    if (!staging) throw error;
    await request.run((fresh) => dropStaging(fresh, staging.name));
    // The re-read came back too large after all, with the staged cells in the same request: stage apart.
    if (combined && isPayloadTooLarge(error)) return writeUnder(context, { ...request, seen: { ...seen, inputBytes: Infinity } }, seen, names);
    throw error;
  }
}
