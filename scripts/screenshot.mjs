// `node scripts/screenshot.mjs`: redraws assets/pane.png, the README's picture of the
// task pane, from the built preview (run `npm run build:preview` first): the sample
// portfolio planned once, in Debian's Chromium (never a downloaded browser).

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist-preview');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = join(out, path === '/' ? 'index.html' : path);
  if (!file.startsWith(out)) return void response.writeHead(403).end();
  try {
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  await pane.getByRole('button', { name: /^(Run|Save settings and run)$/ }).click();
  await pane.getByText('Plan written').waitFor();
  // Scroll the grid so the output columns the run wrote start at its left edge, just right of the row numbers (which
  // stay put): an offset of its own left part of the user's Override reason column showing, cut mid-word.
  await page.getByRole('grid').evaluate((grid) => {
    const priority = [...grid.querySelectorAll('[data-address$="1"]')].find((c) => c.textContent === 'Priority');
    const rowNumbers = grid.querySelector('[role="rowheader"]');
    let scroller = grid;
    while (scroller && scroller.scrollWidth <= scroller.clientWidth) scroller = scroller.parentElement;
    if (priority && scroller) scroller.scrollLeft = priority.offsetLeft - (rowNumbers?.offsetWidth ?? 0);
  });
  await page.screenshot({ path: join(root, 'assets', 'pane.png') });
  console.log('wrote assets/pane.png');
} finally {
  await browser.close();
  server.close();
}
