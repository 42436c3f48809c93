// `npm start`: sideload the add-in into desktop Excel (Windows, macOS) with the dev server.
// Linux has no desktop Excel; use Excel on the web instead (`npm run start:web`).
import { spawn } from 'node:child_process';

if (process.platform === 'linux') {
  console.log(
    'There is no desktop Excel on Linux, so the browser preview will start instead ' +
      '(it arrives in a later release; for Excel on the web now run: npm run start:web -- --document <url>).',
  );
  process.exit(0);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(npx, ['office-addin-debugging', 'start', 'manifest.xml', 'desktop'], {
  stdio: 'inherit',
  shell: process.platform === 'win32', // .cmd files need a shell since Node 20.12
});
child.on('error', (error) => {
  console.error(`Could not run office-addin-debugging: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
