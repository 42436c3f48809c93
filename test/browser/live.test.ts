// Live mode in the preview at the size of a real portfolio: an edit in the grid
// re-plans and rewrites the outputs within a second, and What moved says what changed.

import type { Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();
let page: Page;

const pane = () => page.getByRole('complementary', { name: 'Task pane' });
const grid = () => page.getByRole('grid');

/** The preview's workbook, as far as this test reads it. */
type PageWorkbook = {
  sheets: { name: string; writes?: number }[];
  listeners: Set<() => void>;
  editListeners: Set<() => void>;
};

/**
 * Times the next edit in the page itself: from the moment the typed value enters the workbook
 * (its edit listeners) to the first change after it that writes to the Portfolio sheet.
 */
function timeNextEdit(): Promise<void> {
  return page.evaluate(() => {
    const workbook = (window as unknown as { previewWorkbook: PageWorkbook }).previewWorkbook;
    const portfolio = workbook.sheets.find((s) => s.name === 'Portfolio')!;
    const timing: { editedAt?: number; writtenAt?: number; writesAtEdit?: number } = {};
    (window as unknown as { liveTiming: typeof timing }).liveTiming = timing;
    workbook.editListeners.add(() => {
      timing.editedAt ??= performance.now();
      timing.writesAtEdit ??= portfolio.writes ?? 0;
    });
    workbook.listeners.add(() => {
      if (timing.editedAt !== undefined && timing.writtenAt === undefined && (portfolio.writes ?? 0) > timing.writesAtEdit!) {
        timing.writtenAt = performance.now();
      }
    });
  });
}

const editToWrittenMs = async (): Promise<number> => {
  await page.waitForFunction(() => (window as unknown as { liveTiming: { writtenAt?: number } }).liveTiming.writtenAt !== undefined, undefined, { timeout: 10_000 });
  return page.evaluate(() => {
    const timing = (window as unknown as { liveTiming: { editedAt: number; writtenAt: number } }).liveTiming;
    return timing.writtenAt - timing.editedAt;
  });
};

/** The preview with 500 initiatives, planned once. */
async function runFiveHundred(): Promise<void> {
  page = await openPane({ query: 'initiatives=500' });
  await pane().getByText('500 rows in table Initiatives on Portfolio.').waitFor();
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor({ timeout: 30_000 });
}

/** Types a new capacity over Legal's on the Capacity sheet (live mode on) and returns the ms from the edit to the outputs written. */
async function liveEditOfLegalCapacityMs(weeks: number): Promise<number> {
  await page.getByRole('tab', { name: 'Capacity' }).click();
  await grid().locator('[data-address="B2"]').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(weeks));
  await timeNextEdit();
  await page.keyboard.press('Enter');
  return editToWrittenMs();
}

/**
 * Live mode on, then three edits of Legal's capacity (to 60 weeks, back to its 240, to 60 again, so the last edit
 * moves the plan as much as the first), each timed from the edit to the outputs written; the quickest.
 * The machine the suite runs on is shared: another process can hold the core for a second at any moment, and
 * only adds time, so the best of three says what the pane does and one slow edit does not fail the test.
 */
async function quickestOfThreeLiveEditsMs(label: string): Promise<number> {
  await pane().getByRole('switch', { name: 'Live mode' }).check();
  const times: number[] = [];
  for (const weeks of [60, 240, 60]) {
    times.push(await liveEditOfLegalCapacityMs(weeks));
    // The re-plan done (Run active again) before the next edit, so no edit waits for the one before.
    await pane().getByRole('button', { name: 'Run' }).and(page.locator(':not([aria-disabled="true"])')).waitFor();
  }
  console.log(`live mode, ${label} in the preview: edit to outputs written ${times.map(Math.round).join(', ')} ms`);
  return Math.min(...times);
}

test('with 500 initiatives, an edited capacity rewrites the outputs within a second and What moved says what changed', async () => {
  await runFiveHundred();
  expect(await quickestOfThreeLiveEditsMs('500 initiatives')).toBeLessThanOrEqual(1000);
  const moved = pane().getByRole('region', { name: 'What moved' });
  await moved.getByRole('status').filter({ hasText: /Legal now at \d+%/ }).waitFor();
  expect(await moved.getByRole('list', { name: 'Changes since the last plan' }).getByText(/leaves the plan/).count()).toBeGreaterThan(0);
});

test('with 500 initiatives over 4 horizons, an edited capacity re-plans the roadmap and rewrites the outputs within a second', async () => {
  await runFiveHundred();
  // Horizons typed into the settings sheet the first run made, as a user would.
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  const horizons = grid().locator('tr', { has: page.locator('[data-address^="A"]', { hasText: /^Horizons$/ }) });
  await horizons.locator('[data-address^="B"]').first().dblclick();
  await page.keyboard.type('Q1, Q2, Q3, Q4');
  await page.keyboard.press('Enter');
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByRole('region', { name: 'Roadmap' }).waitFor({ timeout: 30_000 });
  expect(await quickestOfThreeLiveEditsMs('500 initiatives over 4 horizons')).toBeLessThanOrEqual(1000);
  await pane().getByRole('region', { name: 'What moved' }).getByRole('status').filter({ hasText: /Legal now at \d+%/ }).waitFor();
});

test('an edit to an output cell re-plans nothing', async () => {
  page = await openPane();
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor();
  await pane().getByRole('switch', { name: 'Live mode' }).check();
  await pane().getByText(/^On: /).waitFor();
  const priority = await grid().locator('[data-address$="1"]', { hasText: /^Priority$/ }).first().getAttribute('data-address');
  await grid().locator(`[data-address="${priority!.replace(/\d+$/, '2')}"]`).dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('99');
  await timeNextEdit();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { liveTiming: { writtenAt?: number } }).liveTiming.writtenAt)).toBeUndefined();
});
