// The headless command as a plain function: words in, exit code out, all output
// through `io`. Exit 0 when the plan was written; 1 when the workbook cannot be
// used or the copy cannot be written (nothing is written then); 2 for a usage
// error. Every failure is one line, never a stack trace.

import { readFile } from 'node:fs/promises';
import { plannerWith, runPlan, type Planner, type RunResult } from '../app/runPlan';
import { highsNodeSolver } from '../adapters/solver/highsNode';
import type { TableInfo } from '../port/workbookPort';
import { NotAWorkbookError } from '../adapters/exceljs/limits';
import { ZipTooLargeError } from '../adapters/exceljs/zip';
import { openSurgical } from '../adapters/xlsx/session';
import type { WorkbookPort } from '../port/workbookPort';
import type { FeatureCount } from '../adapters/exceljs/features';
import type { ColumnMappingEntry } from '../engine/read';
import { outputProblem } from './outputPath';
import { writeFileAtomic } from './atomicWrite';
import { parseOptions, USAGE, type Options } from './options';
import { buildReport, reportText, type Failure } from './report';
import { errorText } from '../app/errorText';

export type CommandIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The clock, passed in so tests (and the engine) stay deterministic. */
  now: () => string;
  readFile: (path: string) => Promise<Buffer>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  /** How the copy is made; the surgical writer unless a caller (the bench) asks for the exceljs one. */
  writer?: Writer;
};

type Session = {
  port: WorkbookPort;
  save(): Promise<{ bytes: Buffer; lost: FeatureCount[] }>;
  /** Records --map in the output's Column mapping table; resolves to where the table is, when the writer can tell. */
  recordMapping(entries: ColumnMappingEntry[], initiativesTable?: string): Promise<string | undefined>;
};

/**
 * 'surgical' (the default): the input package with only the changed parts rewritten and both charts drawn
 * (src/adapters/xlsx). 'exceljs': the whole workbook re-saved through exceljs, which drops what it cannot
 * read and draws no charts; kept to compare against.
 */
export type Writer = 'surgical' | 'exceljs';

async function openWith(writer: Writer, bytes: Buffer): Promise<Session> {
  if (writer === 'surgical') return openSurgical(bytes);
  // Loaded only when asked for: exceljs takes a while to load.
  const { openXlsx } = await import('../adapters/exceljs/xlsxFile');
  const session = await openXlsx(bytes);
  return {
    ...session,
    recordMapping: async (entries) => {
      await session.port.saveColumnMapping(entries);
      return undefined;
    },
  };
}

export const nodeIo = (): CommandIo => ({
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  now: () => new Date().toISOString(),
  readFile: (path) => readFile(path),
  writeFile: writeFileAtomic,
});

/** The one place the command picks its planner: Optimal with HiGHS in this process when the settings ask for it, rank and fill otherwise. */
export const PLANNER: Planner = plannerWith(highsNodeSolver, () => performance.now());

/** A failure the user can act on: its exit code and one line saying what is wrong and what to do. */
class CommandFailure extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** Why the copy could not be written, in plain words (never the temporary file's name a system message carries). */
function writeProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'ENOTDIR') return 'a folder in its path is a file';
  if (code === 'EISDIR') return 'it is a folder; name the .xlsx file to write';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'its folder is on a read-only disk';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  return errorText(error);
}

function readProblem(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `cannot find ${path}; check the path and the file name`;
  if (code === 'EISDIR') return `${path} is a folder, not a workbook; name the .xlsx file inside it`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${path}: permission denied`;
  return `cannot read ${path}: ${errorText(error)}`;
}

async function open(options: Options, io: CommandIo): Promise<Session> {
  let bytes: Buffer;
  try {
    bytes = await io.readFile(options.input);
  } catch (error) {
    throw new CommandFailure(1, readProblem(options.input, error));
  }
  try {
    return await openWith(io.writer ?? 'surgical', bytes);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw new CommandFailure(1, `${options.input} is too large for the command: ${error.message}; nothing was written`);
    if (error instanceof NotAWorkbookError) throw new CommandFailure(1, `${options.input} is not a workbook the command can read: ${error.message}`);
    throw error;
  }
}

const tableList = (tables: TableInfo[]): string => tables.map((t) => `${t.name} on ${t.sheet}`).join(', ');

function unusableMessage(input: string, result: Extract<RunResult, { kind: 'unusable' }>): string {
  const fatal = result.plan.issues.find((i) => i.severity === 'fatal');
  if (fatal?.code === 'missing-table') {
    const others = result.snapshot.tables.length > 0 ? ` (its tables: ${tableList(result.snapshot.tables)})` : ' (it has no Excel tables at all)';
    return `${input} has no table named Initiatives${others}. In Excel, click in your list of initiatives, choose Insert > Table, and name it Initiatives (Table Design > Table Name); or see the sample: npm run sample`;
  }
  return `${input} cannot be prioritised: ${fatal?.message ?? 'the Initiatives table could not be read'}`;
}

async function checkOutput(options: Options): Promise<void> {
  const problem = await outputProblem(options.input, options.out);
  if (problem === 'is-input') throw new CommandFailure(2, `--out ${options.out} is the input workbook under another path: the input workbook is never changed; choose another --out`);
  if (problem === 'is-folder') throw new CommandFailure(2, `--out ${options.out} is a folder; name the .xlsx file to write, for example ${options.out}/prioritised.xlsx`);
}

/**
 * --map is saved into the output like a mapping made in the pane, so a rerun and the add-in read the same
 * columns. When that would change a cell of the user's, the plan is still written and the note says why not.
 */
async function mappingNote(session: Session, map: Options['map'], initiativesTable: string | undefined): Promise<string | undefined> {
  if (!map || map.length === 0) return undefined;
  try {
    const where = await session.recordMapping(map, initiativesTable);
    return `--map is saved in the Column mapping table${where ? ` (${where})` : ''}: a rerun and the add-in read the same columns.`;
  } catch (error) {
    return `--map was used for this run but not saved in the workbook: ${errorText(error).replace(/\.$/, '')}.`;
  }
}

async function run(options: Options, io: CommandIo): Promise<number> {
  await checkOutput(options);
  const session = await open(options, io);
  const context = { now: io.now(), ...(options.by ? { runBy: options.by } : {}), ...(options.map ? { columnMapping: options.map } : {}) };
  const result = await runPlan(session.port, context, { planner: PLANNER, write: { whenNameTaken: 'next-free', ...(options.beside ? { userColumns: 'beside' } : {}) } });
  if (result.kind === 'unusable') throw new CommandFailure(1, unusableMessage(options.input, result));
  if (result.kind === 'not-written') {
    const how = result.outcome.problem.kind === 'user-column' ? ' Run again with --beside to do that.' : '';
    throw new CommandFailure(1, `${options.input}: ${result.outcome.problem.message}${how}`);
  }
  const saved = await mappingNote(session, options.map, result.plan.table?.name);
  const { bytes, lost } = await session.save();
  try {
    await io.writeFile(options.out, bytes);
  } catch (error) {
    throw new CommandFailure(1, `cannot write ${options.out}: ${writeProblem(error)}; nothing was written`);
  }
  const report = buildReport(options.input, options.out, result, lost, (io.writer ?? 'surgical') === 'surgical');
  if (saved) report.notes.push(saved);
  io.stdout(options.json ? JSON.stringify(report) : reportText(report, result.plan));
  return 0;
}

function fail(io: CommandIo, json: boolean, exitCode: 1 | 2, message: string): number {
  const error = oneLine(message);
  io.stderr(`prioritise: ${error}`);
  if (json) io.stdout(JSON.stringify({ ok: false, exitCode, error } satisfies Failure));
  return exitCode;
}

export async function prioritiseCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseOptions(argv);
  if (parsed.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.kind === 'usage-error') return fail(io, parsed.json, 2, parsed.message);
  try {
    return await run(parsed.options, io);
  } catch (error) {
    if (error instanceof CommandFailure) return fail(io, parsed.options.json, error.exitCode, error.message);
    // Damage found while reading (a sheet's or a table's part missing): still the workbook's fault, not ours.
    if (error instanceof NotAWorkbookError) return fail(io, parsed.options.json, 1, `${parsed.options.input} is not a workbook the command can read: ${error.message}`);
    // A bug, not the user's doing: still one line, and still nothing written.
    const message = errorText(error);
    return fail(io, parsed.options.json, 1, `unexpected problem (${message}); nothing was written. Please report it with the workbook if you can`);
  }
}
