// The solver as the task pane runs it: the production webpack build of a page
// using the pane's planner, served over http and run in Debian's Chromium.
// It checks that the sample's optimal plan needs no solver at all (the engine's
// exact path), that HiGHS and its WebAssembly load only when a model goes to
// it, that they run in a Web Worker, and that the plans match Node's.

import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { highsNodeSolver } from '../../src/adapters/solver/highsNode';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { sampleTables } from '../../src/sample/samplePortfolio';

jest.setTimeout(180_000);

const root = resolve(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'solver-check-'));
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A pause the room would see on the projector: a quarter of a second. Seen here: 13-100 ms on a quiet machine. */
const NOTICEABLE_PAUSE_MS = 250;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

async function build(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const projectConfig = require(join(root, 'webpack.config.js')) as (env: object, argv: { mode: string }) => Promise<webpack.Configuration>;
  const base = await projectConfig({}, { mode: 'production' });
  const config: webpack.Configuration = {
    ...base,
    context: root,
    devtool: false,
    entry: { harness: join(root, 'test/browser/solverHarness.ts') },
    output: { ...base.output, path: out },
    plugins: [base.plugins![0]!, new HtmlWebpackPlugin({ filename: 'index.html', chunks: ['harness'] })],
  };
  await new Promise<void>((done, fail) =>
    webpack(config, (error, stats) => (error || stats?.hasErrors() ? fail(error ?? new Error(stats!.toString('errors-only'))) : done())),
  );
}

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const file = join(out, decodeURIComponent((request.url ?? '/').split('?')[0]!) === '/' ? 'index.html' : decodeURIComponent(request.url!.split('?')[0]!));
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

let server: Server;
let browser: Browser;

beforeAll(async () => {
  await build();
  server = await serve();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the solver in the task pane, in Chromium', () => {
  it('emits the worker and the WebAssembly as files of their own', () => {
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
  });

  it('plans the sample optimally without loading HiGHS, then runs HiGHS in a Web Worker when a model goes to it, matching Node', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    const port = (server.address() as { port: number }).port;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.runOptimal === 'function');
    const atLoad = [...requested];
    expect(atLoad.some((p) => p.endsWith('.wasm'))).toBe(false);

    const settings = { ...DEFAULT_SETTINGS, method: 'Optimal' as const, objective: 'Annual value' as const };
    const exact = await page.evaluate(() => window.runOptimal());
    const expected = await prioritiseWith(sampleTables(), { now: '2026-11-23T10:00:00Z', settings }, highsNodeSolver, { clock: () => performance.now() });
    expect(exact.method).toBe('Optimal');
    expect(exact.value).toBe(expected.selection.optimisation!.value);
    expect(exact.capacity).toEqual(expected.bottlenecks!.capacity.map((f) => f.text));
    expect(workers).toEqual([]);
    expect(requested.some((p) => p.endsWith('.wasm'))).toBe(false);

    const result = await page.evaluate(() => window.runOptimalInWorker());
    const viaHighs = await prioritiseWith(sampleTables(), { now: '2026-11-23T10:00:00Z', settings }, highsNodeSolver, { clock: () => performance.now(), exactUpTo: 0 });
    expect(result.method).toBe('Optimal');
    expect(result.value).toBe(viaHighs.selection.optimisation!.value);
    expect(result.capacity).toEqual(viaHighs.bottlenecks!.capacity.map((f) => f.text));
    expect(workers).toHaveLength(1);
    expect(requested.filter((p) => !atLoad.includes(p)).some((p) => p.endsWith('.wasm'))).toBe(true);
    // The page kept ticking while HiGHS worked: no stall anywhere near a solve's length.
    expect(result.longestStallMs).toBeLessThan(NOTICEABLE_PAUSE_MS);
    const again = await page.evaluate(() => window.runOptimal());
    expect(again.value).toBe(exact.value);
    // The sample's exact plan runs on the page itself, so it is the stall: short once the page's code is compiled.
    // The first, cold run is left unchecked: it also pays for compiling, and took 153 ms on a quiet machine and
    // 264 on a loaded one (how long it takes is the bench's business, not this test's).
    expect(again.longestStallMs).toBeLessThan(NOTICEABLE_PAUSE_MS);
    console.log(
      `Chromium: sample optimal plan with bottleneck economics by the exact path ${Math.round(exact.ms)} ms cold, ${Math.round(again.ms)} ms after (longest stall ${Math.round(Math.max(exact.longestStallMs, again.longestStallMs))} ms); ` +
        `with HiGHS in the worker ${Math.round(result.ms)} ms on first use (loading HiGHS, longest stall ${Math.round(result.longestStallMs)} ms)`,
    );
    await page.close();
  });

  it('plans 200 initiatives optimally and draws 500 futures with the search in the worker, the page never stalled for long', async () => {
    const page = await browser.newPage();
    const port = (server.address() as { port: number }).port;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.runConfidenceInWorker === 'function');
    const result = await page.evaluate(() => window.runConfidenceInWorker());
    expect(result.method).toBe('Optimal');
    expect(result.draws).toBe(500);
    console.log(
      `Chromium: Optimal plan with bottleneck economics and 500 futures at 200 initiatives, ${Math.round(result.ms)} ms; ` +
        `longest stall ${Math.round(result.longestStallMs)} ms; long tasks (over 50 ms): ${result.longTasksMs.length ? result.longTasksMs.map(Math.round).join(', ') : 'none'} (${result.phases})`,
    );
    // While the futures are drawn the page only takes the worker's progress. Drawing them on the page would be one
    // task of seconds; none went past the browser's long-task mark (50 ms) on a quiet machine or on one loaded three
    // times over, and a loaded machine may stretch a small task, so the check is against a pause the room would see.
    expect(result.longestDrawingTaskMs).toBeLessThan(NOTICEABLE_PAUSE_MS);
    await page.close();
  });
});
