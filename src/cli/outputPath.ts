// Whether the output path reaches the input file, or a folder. Paths are compared as files, not
// strings: a symlink, a symlinked folder or a hard link can name the input under another path.

import { stat } from 'node:fs/promises';

export type OutputProblem = 'is-input' | 'is-folder';

async function statOrNothing(path: string) {
  try {
    return await stat(path);
  } catch (_) {
    return undefined; // Not there yet (the usual case), or not reachable: the write will say so.
  }
}

/** What is wrong with writing to `out` when `input` is read, if anything. stat follows links, so equal device and inode mean one file. */
export async function outputProblem(input: string, out: string): Promise<OutputProblem | undefined> {
  const [inputFile, outputFile] = await Promise.all([statOrNothing(input), statOrNothing(out)]);
  if (!outputFile) return undefined;
  if (outputFile.isDirectory()) return 'is-folder';
  if (inputFile && inputFile.dev === outputFile.dev && inputFile.ino === outputFile.ino) return 'is-input';
  return undefined;
}
