// How sure is the plan, in Chromium: the plan is on screen first, the futures
// drawn in the confidence worker after, with progress and Cancel; the figures
// land in the grid's Confidence column, or nothing does.

import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();

const open = (query: string): Promise<Page> => openPane({ height: 800, query: `ranges${query}` });

const pane = (page: Page) => page.getByRole('complementary', { name: 'Task pane' });
const howSure = (page: Page) => pane(page).getByRole('region', { name: 'How sure is the plan' });

async function run(page: Page): Promise<void> {
  await pane(page).getByRole('button', { name: 'Run' }).click();
  await pane(page).getByText('Plan written').waitFor();
}

/** The Confidence column's body cells as the grid shows them. */
async function confidenceCells(page: Page): Promise<string[]> {
  const grid = page.getByRole('grid');
  const header = await grid.locator('[data-address$="1"]', { hasText: /^Confidence$/ }).first().getAttribute('data-address');
  const column = header!.replace(/\d+$/, '');
  const cells = await grid.locator(`[data-address^="${column}"]`).allTextContents();
  return cells.slice(1, 26);
}


test('after the plan, the futures are drawn and the borderline initiatives lead, with what would settle them; axe finds nothing', async () => {
  const page = await open('&width=320');
  await run(page);
  await howSure(page).getByText(/core, \d+ borderline, \d+ outside, over 500 futures/).waitFor({ timeout: 30_000 });
  const borderline = howSure(page).getByRole('list', { name: 'Borderline initiatives' }).getByRole('listitem');
  expect(await borderline.count()).toBeGreaterThan(0);
  await expect(borderline.first().textContent()).resolves.toMatch(/borderline\d+%.* is in \d+% of futures: its value range \$[\d.]+[kM]-\$[\d.]+[kM] decides it/);
  const cells = await confidenceCells(page);
  expect(cells.every((c) => /^\d+%$/.test(c))).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await pane(page).getByRole('button', { name: /Core and outside/ }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test('in the dark theme the How sure view has no accessibility violations', async () => {
  const page = await open('&width=320&theme=dark');
  await run(page);
  await howSure(page).getByText(/over 500 futures/).waitFor({ timeout: 30_000 });
  expect(await axeViolations(page)).toEqual([]);
});

test('while the futures are drawn, the progress and Cancel have no accessibility violations', async () => {
  const page = await open('&width=320');
  // The confidence worker's script is held back until axe is done, so axe sees the draws under way.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/confidence-worker\.[0-9a-f]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await run(page);
  const cancel = howSure(page).getByRole('button', { name: 'Cancel' });
  await cancel.waitFor();
  expect(await howSure(page).innerText()).toContain('Drawing futures: 0 of 500');
  expect(await axeViolations(page)).toEqual([]);
  release();
  await howSure(page).getByText(/over 500 futures/).waitFor({ timeout: 30_000 });
});

test('Cancel stops the draws at once and leaves the Confidence column as the plan wrote it (blank)', async () => {
  // 10,000 futures of 500 initiatives: far too long to finish before Cancel, on any machine.
  const page = await open('&initiatives=500&draws=10000');
  await run(page);
  // The plan is on screen while the futures are drawn: the progress and Cancel are there, the pane answers.
  const cancel = howSure(page).getByRole('button', { name: 'Cancel' });
  await cancel.waitFor();
  await expect(howSure(page).getByRole('progressbar', { name: 'Futures drawn' }).count()).resolves.toBe(1);
  await cancel.click();
  await howSure(page).getByText(/Stopped: the Confidence column keeps what it held/).first().waitFor();
  await page.waitForTimeout(300);
  expect((await confidenceCells(page)).every((c) => c === '')).toBe(true);
}, 120_000);

test("agreeing the weights with the room's range kept has no accessibility violations, and the run saves the range", async () => {
  const page = await open('&width=320');
  await pane(page).getByRole('button', { name: 'Agree the weights' }).click();
  await pane(page).getByRole('combobox', { name: /Impact or readiness/ }).selectOption({ label: 'Impact matters far more than readiness' });
  await pane(page).getByRole('button', { name: 'Keep this proposal for the range' }).click();
  await pane(page).getByRole('combobox', { name: /Impact or readiness/ }).selectOption({ label: 'Impact and readiness matter equally' });
  await pane(page).getByRole('button', { name: 'Use these weights' }).click();
  await pane(page).getByText(/within the room's range \(impact 33-58/).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await pane(page).getByRole('button', { name: 'Save settings and run' }).click();
  await pane(page).getByText('Plan written').waitFor();
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  const rangeRow = page.getByRole('grid').getByRole('row').filter({ hasText: 'Impact weight range' });
  await expect(rangeRow.textContent()).resolves.toContain('33-58');
});
