// Where `npm start` notes the preview server it started, so `npm stop` stops exactly that process.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PID_FILE = join(root, 'node_modules', '.cache', 'ai-portfolio-prioritiser', 'preview.pid');

export function notePid(pid) {
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(pid));
}

export function notedPid() {
  try {
    const pid = Number(readFileSync(PID_FILE, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export const forgetPid = () => rmSync(PID_FILE, { force: true });
