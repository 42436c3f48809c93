// Runs the command in-process, as the bin does, with its output captured and a fixed clock.

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../src/cli/atomicWrite';
import { prioritiseCommand, type CommandIo } from '../../src/cli/prioritiseCommand';
import { NOW } from '../builders';

export type CommandRun = { code: number; stdout: string; stderr: string };

export async function runCommand(argv: string[], io: Partial<CommandIo> = {}): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await prioritiseCommand(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => NOW,
    readFile: (p) => readFile(p),
    writeFile: writeFileAtomic,
    ...io,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
