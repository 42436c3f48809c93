// write(): one round trip to check, one to write.
//   3. re-read the Initiatives table's inputs and the add-in's sheets: if the
//      table changed since it was read, or a sheet the add-in needs is one of
//      the user's, nothing is written and the problem is returned;
//   4. write the output columns, the Change impact sheet, the Decision log row
//      and (first run only) the settings sheet, in one request unless it would
//      pass 4 MB.

import type { Plan } from '../../engine/plan';
import type { SheetLayout } from '../../layout/grid';
import { CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, DECISION_LOG_TABLE, SETTINGS_SHEET, SETTINGS_TABLE } from '../../layout/names';
import type { PlanLayout } from '../../layout/planLayout';
import type { SheetRole, WriteOptions, WriteOutcome, WriteProblem } from '../../port/workbookPort';
import { alignLogRow } from './logRow';
import { isNotFound } from './officeErrors';
import { requestBudget, type RequestBudget } from './payload';
import { findTable, inputFingerprint, locate, type Located } from './readWorkbook';
import { CORE_API, SCREEN_AND_BUBBLE_API, UNSUPPORTED_MESSAGE, type Supports } from './requirements';
import { queueSheetChecks, type SheetStatus } from './sheetChecks';
import { inputRuns, syncWithTable, type TableRead } from './tableReads';
import { writeOutputColumns } from './writeOutputs';
import { writeSheetLayout } from './writeSheet';

export type WriteRequest = {
  plan: Plan;
  layout: PlanLayout;
  expectedFingerprint: string;
  options?: WriteOptions;
  /** What the last read saw; without it the workbook is looked at first (one more round trip). */
  seen?: Located;
  supports: Supports;
};

type SheetAction =
  | { kind: 'create' | 'rebuild'; name: string; layout: SheetLayout; status: SheetStatus }
  | { kind: 'append-log'; name: string; headers: string[] }
  | { kind: 'keep' };

/** A sheet action, or the reason nothing may be written. */
type Step = SheetAction | { kind: 'problem'; problem: WriteProblem };

const DEFAULT_NAMES: Record<SheetRole, string> = {
  changeImpact: CHANGE_IMPACT_SHEET,
  decisionLog: DECISION_LOG_SHEET,
  settings: SETTINGS_SHEET,
};

const WHAT: Record<SheetRole, string> = { changeImpact: 'Change impact', decisionLog: 'Decision log', settings: 'settings' };

const changed = (message: string): WriteProblem => ({ kind: 'changed', message: `${message} Nothing was written; run again.` });

const protectedSheet = (sheet: string): WriteProblem => ({
  kind: 'protected',
  sheet,
  message: `Sheet "${sheet}" is protected, so the prioritiser cannot write its results there. Nothing was written. Unprotect it (Review > Unprotect Sheet) and run again.`,
});

function nameTaken(role: SheetRole, sheet: string): WriteProblem {
  return {
    kind: 'name-taken',
    sheet,
    role,
    message: `This workbook already has a sheet called "${sheet}" that the prioritiser did not make, so it was left alone and nothing was written. Choose another name for the prioritiser's ${WHAT[role]} sheet.`,
  };
}

/** What to do with one of the add-in's sheets, or why nothing may be written. */
function sheetStep(role: SheetRole, name: string, layout: SheetLayout, status: SheetStatus): Step {
  if (status.appeared) return { kind: 'problem', problem: changed(`A sheet called "${name}" was added since the workbook was read.`) };
  if (!status.exists) return { kind: 'create', name, layout, status };
  if (!status.ours) return { kind: 'problem', problem: nameTaken(role, name) };
  if (status.protected) return { kind: 'problem', problem: protectedSheet(name) };
  return { kind: 'rebuild', name, layout, status };
}

function planSheets(layout: PlanLayout, seen: Located, statuses: Map<string, SheetStatus>, names: Record<SheetRole, string>, logHeaders: string[]): Step[] {
  const status = (name: string) => statuses.get(name)!;
  const log = findTable(seen, DECISION_LOG_TABLE);
  return [
    sheetStep('changeImpact', names.changeImpact, layout.changeImpact, status(names.changeImpact)),
    log
      ? !status(log.sheet).ours
        ? { kind: 'problem', problem: nameTaken('decisionLog', log.sheet) }
        : status(log.sheet).protected
          ? { kind: 'problem', problem: protectedSheet(log.sheet) }
          : { kind: 'append-log', name: log.sheet, headers: logHeaders }
      : sheetStep('decisionLog', names.decisionLog, layout.decisionLogSheet, status(names.decisionLog)),
    findTable(seen, SETTINGS_TABLE) ? { kind: 'keep' } : sheetStep('settings', names.settings, layout.settingsSheet, status(names.settings)),
  ];
}

function tableProblem(plan: Plan, expected: string, read: TableRead): WriteProblem | undefined {
  const table = plan.table!;
  const sameHeaders = read.headers.length === table.headers.length && read.headers.every((h, i) => h === table.headers[i]);
  if (!sameHeaders) return changed(`The columns of table ${table.name} changed since it was read.`);
  if (read.rowCount !== table.rowCount) {
    return changed(`Rows were added to or removed from table ${table.name} since it was read (it had ${table.rowCount}, now ${read.rowCount}).`);
  }
  if (inputFingerprint(read) !== expected) return changed(`Table ${table.name} was edited or sorted since it was read.`);
  return undefined;
}

type Checked = { table: TableRead; sheet: string; actions: SheetAction[] };

async function check(context: Excel.RequestContext, request: WriteRequest, seen: Located, names: Record<SheetRole, string>): Promise<Checked | WriteProblem> {
  const table = request.plan.table!;
  const log = findTable(seen, DECISION_LOG_TABLE);
  const sheetNames = [...Object.values(names), ...(log ? [log.sheet] : [])];
  try {
    const { rest, table: read } = await syncWithTable(context, () => context.workbook.tables.getItem(table.name), inputRuns(table.headers), () => {
      const readSheets = queueSheetChecks(context, sheetNames, seen.sheets);
      const home = context.workbook.tables.getItem(table.name).worksheet.load('name, protection/protected');
      const logHeader = log && context.workbook.tables.getItem(log.name).getHeaderRowRange().load('values');
      return () => ({
        statuses: readSheets(),
        sheet: home.name,
        locked: home.protection.protected,
        logHeaders: (logHeader?.values[0] ?? []).map((h) => String(h)),
      });
    });
    const problem = tableProblem(request.plan, request.expectedFingerprint, read);
    if (problem) return problem;
    if (rest.locked) return protectedSheet(rest.sheet);
    const steps = planSheets(request.layout, seen, rest.statuses, names, rest.logHeaders);
    const blocked = steps.find((step) => step.kind === 'problem');
    if (blocked) return blocked.problem;
    return { table: read, sheet: rest.sheet, actions: steps.filter((step): step is SheetAction => step.kind !== 'problem') };
  } catch (error) {
    if (isNotFound(error)) return changed(`Table ${table.name} or one of the prioritiser's sheets was renamed or deleted since the workbook was read.`);
    throw error;
  }
}

async function applySheet(context: Excel.RequestContext, action: SheetAction, layout: PlanLayout, budget: RequestBudget, supports: Supports): Promise<string | undefined> {
  const sheets = context.workbook.worksheets;
  if (action.kind === 'keep') return undefined;
  if (action.kind === 'append-log') {
    const row = context.workbook.tables.getItem(DECISION_LOG_TABLE).rows.add().getRange();
    const aligned = alignLogRow(action.headers, layout.logRow);
    row.numberFormat = [aligned.formats];
    row.values = [aligned.values];
    return action.name;
  }
  let sheet: Excel.Worksheet;
  if (action.kind === 'rebuild') {
    sheet = sheets.getItem(action.name);
    for (const chart of action.status.charts) sheet.charts.getItem(chart).delete();
    for (const table of action.status.tables) sheet.tables.getItem(table).delete();
    sheet.freezePanes.unfreeze();
    const everything = sheet.getRange();
    everything.conditionalFormats.clearAll();
    everything.clear();
  } else {
    sheet = sheets.add(action.name);
  }
  await writeSheetLayout(sheet, { ...action.layout, name: action.name }, budget, supports);
  return action.name;
}

export async function writePlan(context: Excel.RequestContext, request: WriteRequest): Promise<WriteOutcome> {
  const { plan, layout, supports } = request;
  if (!supports(CORE_API)) return { ok: false, problem: { kind: 'unsupported', message: UNSUPPORTED_MESSAGE } };
  if (!plan.table) return { ok: false, problem: changed('There is no Initiatives table to write to.') };
  const names = { ...DEFAULT_NAMES, ...request.options?.sheetNames };
  const seen = request.seen ?? (await locate(context));
  const checked = await check(context, request, seen, names);
  if (!('actions' in checked)) return { ok: false, problem: checked };

  const budget = requestBudget(context);
  if (supports(SCREEN_AND_BUBBLE_API)) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const table = context.workbook.tables.getItem(plan.table.name);
  await writeOutputColumns(table, context.workbook.worksheets.getItem(checked.sheet), checked.table, layout.outputs, budget);
  const written = [checked.sheet];
  for (const action of checked.actions) {
    const name = await applySheet(context, action, layout, budget, supports);
    if (name) written.push(name);
  }
  await context.sync();
  return { ok: true, sheetsWritten: written };
}
