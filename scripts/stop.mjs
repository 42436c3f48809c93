// `npm stop`: stop what `npm start` started. The preview server it noted (Linux),
// and on Windows and macOS the sideloaded add-in and its dev server.
import { spawnSync } from 'node:child_process';
import { forgetPid, notedPid } from './previewPid.mjs';

const pid = notedPid();
if (pid !== undefined) {
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`Stopped the preview server (process ${pid}).`);
  } catch {
    console.log('The preview server had already stopped.');
  }
  forgetPid();
} else if (process.platform === 'linux') {
  console.log('Nothing to stop: npm start is not running.');
}

if (process.platform !== 'linux') {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['office-addin-debugging', 'stop', 'manifest.xml'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
