// The command's options: node's parseArgs splits the words, zod checks them.
// A usage problem is a value with a one-line message (exit code 2), never a throw.

import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { errorText } from '../app/errorText';
import { parseMapping } from '../engine/columnMapping';
import type { ColumnMappingEntry } from '../engine/read';

export const USAGE = `Usage: npm run prioritise -- <workbook.xlsx> [--out <file.xlsx>] [--json] [--by <name>] [--beside] [--map "<column>=<header>"]...
   or: prioritise <workbook.xlsx> [--out <file.xlsx>] [--json] [--by <name>] [--beside] [--map "<column>=<header>"]...

Reads the Initiatives table of the workbook (with its Capacity table and
Prioritisation settings sheet when present), plans, and writes a prioritised
copy. The input file is never changed.

  --out <file.xlsx>  where to write the copy (default: <name>.prioritised.xlsx beside the input;
                     .xlsm for a workbook with macros, which the copy keeps)
  --json             print the summary as one JSON object instead of text
  --by <name>        who ran it, recorded in the Decision log
  --beside           where the table has a column of its own named like a result column (Priority,
                     Decision, Why...), write the prioritiser's beside it as "Priority (prioritiser)"
  --map "<column>=<header>"
                     read a contract column from this header, e.g. --map "Baseline method=Baseline / comparison";
                     repeatable; wins over the workbook's Column mapping table ("<column>=" for none)
  -h, --help         show this help

Exit codes: 0 the plan was written (rows with bad cells are listed, not fatal);
1 the workbook cannot be used (nothing written); 2 the command line is wrong.`;

export type Options = { input: string; out: string; json: boolean; by?: string; map?: ColumnMappingEntry[]; beside?: boolean };

export type ParsedOptions = { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'usage-error'; message: string; json: boolean };

const xlsxPath = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .refine((p) => ['.xlsx', '.xlsm'].includes(extname(p).toLowerCase()), { message: `${what} must end in .xlsx (or .xlsm for a workbook with macros)` });

const schema = z.object({
  positionals: z
    .array(z.string())
    .min(1, 'name the workbook to prioritise, e.g. npm run prioritise -- examples/sample-portfolio.xlsx')
    .max(1, 'give one workbook at a time'),
  out: xlsxPath('--out').optional(),
  json: z.boolean().default(false),
  by: z.string().trim().min(1, '--by needs a name').max(100, '--by takes a name of at most 100 characters').optional(),
});

const isMacroWorkbook = (path: string): boolean => extname(path).toLowerCase() === '.xlsm';

/** "book.xlsx" → "book.prioritised.xlsx" in the same folder; a workbook with macros keeps its kind: "book.xlsm" → "book.prioritised.xlsm". */
export function defaultOutput(input: string): string {
  const extension = extname(input);
  return join(dirname(input), `${basename(input, extension)}.prioritised.${isMacroWorkbook(input) ? 'xlsm' : 'xlsx'}`);
}

const PARSE_MESSAGES: Record<string, (raw: string) => string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (raw) => `unknown option ${/'([^']+)'/.exec(raw)?.[1] ?? ''}`.trim(),
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (raw) => `${/(--[\w-]+)/.exec(raw)?.[1] ?? 'an option'} needs a value`,
};

export function parseOptions(argv: string[]): ParsedOptions {
  const json = argv.includes('--json');
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean' },
        beside: { type: 'boolean' },
        by: { type: 'string' },
        map: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const raw = errorText(error);
    return { kind: 'usage-error', json, message: `${PARSE_MESSAGES[code]?.(raw) ?? raw.split('\n')[0]}; see --help` };
  }
  if (parsed.values.help) return { kind: 'help' };
  const checked = schema.safeParse({ positionals: parsed.positionals, out: parsed.values.out, json: parsed.values.json, by: parsed.values.by });
  if (!checked.success) return { kind: 'usage-error', json, message: `${checked.error.issues[0]!.message}; see --help` };
  const input = checked.data.positionals[0]!;
  const out = checked.data.out ?? defaultOutput(input);
  // The copy is the same kind of package as the input: Excel refuses an .xlsx holding macros, and an .xlsm without them.
  if (isMacroWorkbook(out) !== isMacroWorkbook(input)) {
    return { kind: 'usage-error', json, message: `--out must end in ${isMacroWorkbook(input) ? '.xlsm, as the input does: the copy keeps its macros' : '.xlsx, as the input does'}; see --help` };
  }
  if (resolve(out) === resolve(input)) return { kind: 'usage-error', json, message: '--out must differ from the input: the input workbook is never changed; see --help' };
  const map: ColumnMappingEntry[] = [];
  for (const text of parsed.values.map ?? []) {
    const entry = parseMapping(text);
    if ('problem' in entry) return { kind: 'usage-error', json, message: `${entry.problem}; see --help` };
    // Two headers for one column cannot both be meant: which one the run read would be a guess.
    const before = map.find((e) => e.column === entry.column);
    if (before) return { kind: 'usage-error', json, message: `--map names ${entry.column} twice ("${before.header}" and "${entry.header}"); give it once; see --help` };
    map.push(entry);
  }
  return { kind: 'run', options: { input, out, json: checked.data.json, ...(checked.data.by ? { by: checked.data.by } : {}), ...(map.length > 0 ? { map } : {}), ...(parsed.values.beside ? { beside: true } : {}) } };
}
