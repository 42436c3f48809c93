// What the room reads without scrolling: every decision counted in the summary has a
// mark that shows in every theme, and rows kept out by unreadable cells lead to their problems.

import type { Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();
let page: Page;

const pane = () => page.getByRole('complementary', { name: 'Task pane' });

/** Types into a cell of the Portfolio sheet, found by its column's header and the row's initiative ID. */
async function typeInto(header: string, id: string, text: string): Promise<void> {
  const grid = page.getByRole('grid');
  const column = (await grid.locator('[data-address$="1"]', { hasText: new RegExp(`^${header}$`) }).first().getAttribute('data-address'))!.replace(/\d+$/, '');
  const row = (await grid.locator('[data-address^="A"]', { hasText: new RegExp(`^${id}$`) }).first().getAttribute('data-address'))!.replace(/^[A-Z]+/, '');
  await grid.locator(`[data-address="${column}${row}"]`).dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test.each(['light', 'dark', 'highContrast'])('in the %s theme, every decision in the summary has a mark that differs from the background', async (theme) => {
  page = await openPane({ width: 320, theme });
  // An initiative forced out gives the summary a decision drawn in the subtle colour.
  await typeInto('Override', 'AI-02', 'Out');
  await typeInto('Override reason', 'AI-02', 'Board asked to wait');
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor();
  const marks = await pane().evaluate((root) => {
    const opaque = (c: string) => c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
    const backgroundOf = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (opaque(c)) return c;
      }
      return 'rgb(255, 255, 255)';
    };
    return [...root.querySelectorAll('dt')].map((dt) => {
      const dot = dt.querySelector('.fui-Badge')!;
      const style = getComputedStyle(dot);
      const fill = opaque(style.backgroundColor) && style.backgroundColor !== backgroundOf(dt);
      // Fluent draws an outline badge's ring on its ::after.
      const ring = [style, getComputedStyle(dot, '::after')].some((s) => parseFloat(s.borderTopWidth) >= 2 && opaque(s.borderTopColor) && s.borderTopColor !== backgroundOf(dt));
      return { term: dt.textContent, visible: fill || ring };
    });
  });
  expect(marks.map((m) => m.term)).toContain('Forced out');
  expect(marks.filter((m) => !m.visible)).toEqual([]);
});

test('rows kept out by an unreadable cell are said at the top, and its link takes focus to the input problems', async () => {
  page = await openPane({ width: 320 });
  await typeInto('Strategic fit', 'AI-04', '7');
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor();
  await pane().getByText(/^1 initiative has a cell that could not be read/).waitFor();
  await pane().getByRole('button', { name: /^See the \d+ input problems?$/ }).click();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Input problems \(\d+\)$/);
  const heading = await pane().getByRole('heading', { name: /^Input problems/ }).boundingBox();
  const shown = await pane().boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(shown!.y);
  expect(heading!.y).toBeLessThan(shown!.y + shown!.height);
});
