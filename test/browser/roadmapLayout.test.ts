// The pane's roadmap on a projector at the narrowest task pane: names stay readable
// beside the horizons' bars, however many horizons the settings name.

import type { Locator, Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();
let page: Page;

const pane = () => page.getByRole('complementary', { name: 'Task pane' });
const grid = () => page.getByRole('grid');

/** Horizons typed into the settings sheet the first run made, as a user would, then the plan run again. */
async function planOver(horizons: string): Promise<Locator> {
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor();
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  const row = grid().locator('tr', { has: page.locator('[data-address^="A"]', { hasText: /^Horizons$/ }) });
  await row.locator('[data-address^="B"]').first().dblclick();
  await page.keyboard.type(horizons);
  await page.keyboard.press('Enter');
  await pane().getByRole('button', { name: 'Run' }).click();
  const roadmap = pane().getByRole('table', { name: 'Roadmap' });
  await roadmap.waitFor({ timeout: 30_000 });
  return roadmap;
}

/** The words of the element's text that a line break cut in two (a word across two lines has two boxes; a break after a hyphen is a line break, not a cut). */
const brokenWords = (root: Locator): Promise<string[]> =>
  root.evaluate((element) => {
    const words: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (range.getClientRects().length > 1) words.push(match[0]);
      }
    }
    return words;
  });

test.each(['H1, H2', 'Q1, Q2, Q3, Q4'])('at 320 px over %s, no initiative name in the roadmap breaks inside a word', async (horizons) => {
  page = await openPane({ width: 320 });
  const roadmap = await planOver(horizons);
  expect(await roadmap.getByRole('rowheader').count()).toBeGreaterThan(5);
  expect(await brokenWords(roadmap)).toEqual([]);
  expect(await pane().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});
