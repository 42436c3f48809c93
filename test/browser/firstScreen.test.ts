// The pane at 320 px, as the room sees it: the answer on the first screen, the
// results kept while a slow run is under way, and Live mode re-planning from the
// pane's own weight slider at 500 initiatives.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const session = previewInChromium();
let page: Page;

afterEach(async () => {
  await page?.close();
});

const pane = () => page.getByRole('complementary', { name: 'Task pane' });

async function open(query: string): Promise<void> {
  // Taller than 700 so the pane itself (below the preview's own header) is at least 700 px high.
  page = await session.browser().newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${session.url()}?width=320${query}`);
}

async function run(): Promise<void> {
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor({ timeout: 30_000 });
}

/** How far below the top of the pane's scroll area an element ends, with the pane not scrolled. */
async function bottomInPane(element: Locator): Promise<number> {
  const paneBox = (await pane().boundingBox())!;
  const box = (await element.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(paneBox.x);
  expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 0.5);
  return box.y + box.height - paneBox.y;
}

test('after a run at 320 x 700 the committed value against requested, the team-load chart and the top deferral reasons need no scrolling', async () => {
  await open('');
  await run();
  const paneBox = (await pane().boundingBox())!;
  // 320 px inside its 1 px border.
  expect(await pane().evaluate((el) => el.clientWidth)).toBe(320);
  expect(paneBox.height).toBeGreaterThanOrEqual(700);
  expect(await pane().evaluate((el) => el.scrollTop)).toBe(0);

  const committed = pane().getByRole('heading', { name: /^\d+ of 25 committed: \$[\d.,]+[kKmM]? a year of \$[\d.,]+[kKmM]? requested$/ });
  const chart = pane().getByRole('img', { name: /^Team load as a share of capacity, before and after the plan: / });
  await chart.locator('svg rect').first().waitFor();
  const deferred = pane().getByRole('list', { name: 'Top deferred' }).getByRole('listitem');
  expect(await deferred.count()).toBeGreaterThan(0);
  // Each reason names the team or limit, or the gate, that held it back.
  for (const reason of await deferred.allInnerTexts()) expect(reason).toMatch(/ — \S/);

  mkdirSync(join(__dirname, '../../test-output'), { recursive: true });
  await page.screenshot({ path: join(__dirname, '../../test-output/first-screen-320x700.png'), clip: { x: paneBox.x, y: paneBox.y, width: 320, height: 700 } });

  expect(await bottomInPane(committed)).toBeLessThanOrEqual(700);
  expect(await bottomInPane(chart)).toBeLessThanOrEqual(700);
  expect(await bottomInPane(deferred.last())).toBeLessThanOrEqual(700);
});
