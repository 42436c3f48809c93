// The check before a write: the Initiatives table's inputs read again and
// compared with what the plan was made from, the add-in's sheets looked at
// (there, the user's, protected), and staging sheets an interrupted run left
// behind found, all in one round trip, with whatever writes were queued
// before it (the staged Change impact cells) going in the same request.

import type { SheetLayout } from '../../layout/grid';
import { DECISION_LOG_TABLE } from '../../layout/names';
import { planSettingsSheet, type PlanLayout } from '../../layout/planLayout';
import type { Plan } from '../../engine/plan';
import { changedProblem, lockedStructureProblem, mergedOutputProblem, nameTakenProblem, protectedProblem, userColumnProblem, type MergedBlock } from '../../port/problems';
import { parseA1 } from '../../engine/address';
import { MERGED_AREAS_API, type Supports } from './requirements';
import type { SheetRole, WriteOptions, WriteProblem } from '../../port/workbookPort';
import type { RawTable } from '../../engine/types';
import { placeOutputColumns, recordedOutputs, type OutputColumnPlacement } from '../../layout/ownedColumns';
import { noRoadmapSheet } from '../../layout/roadmapSheet';
import { isNotFound } from './officeErrors';
import { findTable, settingsEntry, type Located } from './readWorkbook';
import { inputFingerprint } from '../../engine/fingerprint';
import { queueSheetChecks, type SheetStatus } from './sheetChecks';
import { looksLikeStaging } from './staging';
import { inputRuns, syncWithTable, usedRows, type TableRead } from './tableReads';

export type CheckRequest = { plan: Plan; layout: PlanLayout; expectedFingerprint: string; options?: WriteOptions; supports?: Supports };

/** The blocks of a RangeAreas address ("Sheet1!A1:B2,'My, sheet'!D4"): commas inside a quoted sheet name do not split. */
export function mergedBlocks(address: string): MergedBlock[] {
  const parts = address.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? [];
  return parts.map((part) => {
    const [from = '', to = from] = part.slice(part.lastIndexOf('!') + 1).split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    return { top: a.row, left: a.column, bottom: b.row, right: b.column };
  });
}

/**
 * The merged blocks in the table's rows, wherever its outputs go (ExcelApi 1.13; an older Excel is not asked,
 * and its write goes ahead as before), read in the check's round trip. Whole rows, as the table's position is
 * not known before that trip and a table near Excel's last column cannot be widened to look; only the rows
 * the write reaches (usedRows), not a whole-column table's million.
 */
function queueMerges(context: Excel.RequestContext, request: CheckRequest): (() => MergedBlock[]) | undefined {
  if (!request.supports?.(MERGED_AREAS_API)) return undefined;
  const areas = usedRows(context.workbook.tables.getItem(request.plan.table!.name)).getEntireRow().getMergedAreasOrNullObject().load('address');
  return () => (areas.isNullObject ? [] : mergedBlocks(areas.address));
}

export type SheetAction =
  | { kind: 'create' | 'rebuild'; role: SheetRole; name: string; layout: SheetLayout; status: SheetStatus }
  | { kind: 'append-log'; name: string; headers: string[] }
  | { kind: 'keep' };

/** A sheet action, or the reason nothing may be written. */
type Step = SheetAction | { kind: 'problem'; problem: WriteProblem };

/** What to do with one of the add-in's sheets, or why nothing may be written. */
function sheetStep(role: SheetRole, name: string, layout: SheetLayout, status: SheetStatus, structureLocked: boolean): Step {
  if (status.appeared) return { kind: 'problem', problem: changedProblem(`A sheet called "${name}" was added since the workbook was read.`) };
  if (!status.exists) return structureLocked ? { kind: 'problem', problem: lockedStructureProblem(name) } : { kind: 'create', role, name, layout, status };
  if (!status.ours) return { kind: 'problem', problem: nameTakenProblem(name, role) };
  if (status.protected) return { kind: 'problem', problem: protectedProblem(name) };
  return { kind: 'rebuild', role, name, layout, status };
}

type Found = { statuses: Map<string, SheetStatus>; logHeaders: string[]; structureLocked: boolean };

/** Without horizons, the product's own Roadmap sheet of an earlier run is cleared (noRoadmapSheet); a user's is no concern. */
const oldRoadmap = (status: SheetStatus | undefined): boolean => status !== undefined && status.exists && status.ours && !status.appeared;

function planSheets(plan: Plan, layout: PlanLayout, seen: Located, names: Record<SheetRole, string>, found: Found, owned: OutputColumnPlacement): Step[] {
  const status = (name: string) => found.statuses.get(name)!;
  const step = (role: SheetRole, sheet: SheetLayout) => sheetStep(role, names[role], sheet, status(names[role]), found.structureLocked);
  const log = findTable(seen, DECISION_LOG_TABLE);
  return [
    step('changeImpact', layout.changeImpact),
    log
      ? !status(log.sheet).ours
        ? { kind: 'problem', problem: nameTakenProblem(log.sheet, 'decisionLog') }
        : status(log.sheet).protected
          ? { kind: 'problem', problem: protectedProblem(log.sheet) }
          : { kind: 'append-log', name: log.sheet, headers: found.logHeaders }
      : step('decisionLog', layout.decisionLogSheet),
    // The settings sheet a first run makes holds the record of the output columns; an existing table has its row kept up to date (commit).
    settingsEntry(seen) ? { kind: 'keep' } : step('settings', planSettingsSheet(plan, owned.record)),
    ...(layout.roadmap ? [step('roadmap', layout.roadmap)] : oldRoadmap(status(names.roadmap)) ? [step('roadmap', noRoadmapSheet(plan))] : []),
  ];
}

function tableProblem(plan: Plan, expected: string, read: TableRead): WriteProblem | undefined {
  const table = plan.table!;
  const sameHeaders = read.headers.length === table.headers.length && read.headers.every((h, i) => h === table.headers[i]);
  if (!sameHeaders) return changedProblem(`The columns of table ${table.name} changed since it was read.`);
  if (read.rowCount !== table.rowCount) {
    return changedProblem(`Rows were added to or removed from table ${table.name} since it was read (it had ${table.rowCount}, now ${read.rowCount}).`);
  }
  if (inputFingerprint(read) !== expected) return changedProblem(`Table ${table.name} was edited or sorted since it was read.`);
  return undefined;
}

export type Checked = {
  table: TableRead;
  /** Where the output columns go (ownedColumns). */
  owned: OutputColumnPlacement;
  /** The Initiatives table's sheet. */
  sheet: string;
  actions: SheetAction[];
  /** Staging sheets of the add-in's that an interrupted run left behind: the write deletes them (none while the structure is protected). */
  leftovers: string[];
};

/** `canSplit: false` when writes are queued for the same request (see syncWithTable). */
export async function check(
  context: Excel.RequestContext,
  request: CheckRequest,
  seen: Located & { settings?: RawTable },
  names: Record<SheetRole, string>,
  options: { canSplit: boolean },
): Promise<Checked | WriteProblem> {
  const table = request.plan.table!;
  const log = findTable(seen, DECISION_LOG_TABLE);
  // The Roadmap's name is looked at only when there is a roadmap or a sheet of that name to clear (planSheets).
  const roadmapSeen = seen.sheets.some((s) => s.toLowerCase() === names.roadmap.toLowerCase());
  const sheetNames = [...(Object.entries(names) as [SheetRole, string][]).filter(([role]) => role !== 'roadmap' || request.layout.roadmap || roadmapSeen).map(([, name]) => name), ...(log ? [log.sheet] : [])];
  const staleNames = seen.sheets.filter(looksLikeStaging);
  try {
    const { rest, table: read } = await syncWithTable(context, () => context.workbook.tables.getItem(table.name), inputRuns(table.headers), () => {
      const readSheets = queueSheetChecks(context, sheetNames, seen.sheets);
      const readStale = queueSheetChecks(context, staleNames, seen.sheets);
      const home = context.workbook.tables.getItem(table.name).worksheet.load('name, protection/protected');
      const logHeader = log && context.workbook.tables.getItem(log.name).getHeaderRowRange().load('values');
      const structure = context.workbook.protection.load('protected');
      const merges = queueMerges(context, request);
      return () => ({
        merges: merges?.() ?? [],
        statuses: readSheets(),
        sheet: home.name,
        locked: home.protection.protected,
        logHeaders: (logHeader?.values[0] ?? []).map((h) => String(h)),
        leftovers: [...readStale()].filter(([, status]) => status.ours).map(([name]) => name),
        structureLocked: structure.protected,
      });
    }, options);
    const problem = tableProblem(request.plan, request.expectedFingerprint, read);
    if (problem) return problem;
    if (rest.locked) return protectedProblem(rest.sheet);
    const owned = placeOutputColumns(read.headers, request.layout.outputs, recordedOutputs(seen.settings), request.options?.userColumns);
    if ('userColumns' in owned) return userColumnProblem({ name: table.name, sheet: rest.sheet, origin: read.origin }, owned.userColumns);
    let next = read.origin.column + read.headers.length;
    // Every column the write changes: the outputs, then the resting ones it blanks.
    const columns = [...owned.existing.map((at) => (at === undefined ? next++ : read.origin.column + at)), ...owned.resting.map((r) => read.origin.column + r.index)];
    const merged = mergedOutputProblem(rest.sheet, rest.merges, { top: read.origin.row, bottom: read.origin.row + read.rowCount }, columns, [...owned.headers, ...owned.resting.map((r) => r.header)]);
    if (merged) return merged;
    const steps = planSheets(request.plan, request.layout, seen, names, rest, owned);
    const blocked = steps.find((step) => step.kind === 'problem');
    if (blocked) return blocked.problem;
    const actions = steps.filter((step): step is SheetAction => step.kind !== 'problem');
    return { table: read, owned, sheet: rest.sheet, actions, leftovers: rest.structureLocked ? [] : rest.leftovers };
  } catch (error) {
    if (isNotFound(error)) return changedProblem(`Table ${table.name} or one of the prioritiser's sheets was renamed or deleted since the workbook was read.`);
    throw error;
  }
}

