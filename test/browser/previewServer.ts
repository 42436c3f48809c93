// The built preview, served on a free localhost port, and Debian's Chromium to drive it.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'dist-preview');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Build the preview unless dist-preview is newer than every source file (CI builds it just before). */
export function ensurePreviewBuilt(): void {
  const index = join(OUT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'src'))) return;
  const result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.preview.config.js', '--mode', 'production'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`The preview did not build:\n${result.stdout}\n${result.stderr}`);
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export async function servePreview(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(OUT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(OUT)) return void response.writeHead(403).end();
    try {
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });

/** How a test opens the preview. */
export type PaneOptions = {
  /** The task pane's width in px (`?width=`); the preview's default otherwise. */
  width?: number;
  /** The Fluent theme (`?theme=`): light, dark or highContrast. */
  theme?: string;
  /** More of the preview's query, such as `empty`, `initiatives=500`, `latency=400` (a leading ? or & is dropped). */
  query?: string;
  /** The window's height; its width is 1280, room for the grid beside the pane. */
  height?: number;
  /** Called with the page before it loads the preview, to watch its requests. */
  beforeLoad?: (page: Page) => void;
};

export type PreviewSession = {
  url: () => string;
  /** The preview in a page of its own browser context (axe opens a blank page beside it), closed after the test. */
  openPane: (options?: PaneOptions) => Promise<Page>;
};

function previewQuery({ width, theme, query }: PaneOptions): string {
  const words = [width === undefined ? '' : `width=${width}`, theme === undefined ? '' : `theme=${theme}`, query?.replace(/^[?&]/, '') ?? ''].filter((w) => w !== '');
  return words.length > 0 ? `?${words.join('&')}` : '';
}

/**
 * The built preview served and Chromium launched once for a test file (its beforeAll and afterAll), closed
 * after it; each pane the file's tests open is closed after its test.
 */
export function previewInChromium(): PreviewSession {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof servePreview>> | undefined;
  let open: BrowserContext[] = [];
  beforeAll(async () => {
    ensurePreviewBuilt();
    server = await servePreview();
    browser = await launchChromium();
  }, 180_000);
  afterEach(async () => {
    const closing = open;
    open = [];
    await Promise.all(closing.map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: () => server!.url,
    openPane: async (options = {}) => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: options.height ?? 900 } });
      open.push(context);
      const page = await context.newPage();
      options.beforeLoad?.(page);
      await page.goto(`${server!.url}${previewQuery(options)}`);
      return page;
    },
  };
}
