// `npm start`: sideload the add-in into desktop Excel (Windows, macOS) with the dev server.
// Linux has no desktop Excel: say so in one line and start the browser preview instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { forgetPid, notePid } from './previewPid.mjs';

const require = createRequire(import.meta.url);

function startPreview() {
  const port = Number(process.env.PREVIEW_PORT) || 3001;
  console.log(
    `There is no desktop Excel on Linux, so the browser preview starts instead at http://localhost:${port}/ (for Excel on the web: npm run start:web -- --document <url>).`,
  );
  // webpack-cli run by Node directly: one process, so `npm stop` can end it by its id.
  const cli = require.resolve('webpack-cli/bin/cli.js');
  const child = spawn(process.execPath, [cli, 'serve', '--config', 'webpack.preview.config.js', '--mode', 'development'], { stdio: 'inherit' });
  notePid(child.pid);
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    forgetPid();
    process.exit(signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : (code ?? 1));
  });
}

function sideloadDesktop() {
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
}

if (process.platform === 'linux') startPreview();
else sideloadDesktop();
