// The team-load chart at 320 px: drawn once its lazily loaded code arrives, read
// as one image named by its summary, no tab stop inside it, and axe-clean in
// every theme (the chart's own legend buttons and focus guards made it fail);
// each team's name whole and clear of the others (columns ran them together).

import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();

async function planned(theme: string): Promise<Page> {
  const page = await openPane({ width: 320, height: 700, theme });
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  await pane.getByRole('button', { name: 'Run' }).click();
  await pane.getByText('Plan written').waitFor();
  return page;
}

test.each(['light', 'dark', 'highContrast'])('in the %s theme the chart draws every team, holds no tab stop and axe finds nothing', async (theme) => {
  const page = await planned(theme);
  const chart = page.getByRole('img', { name: /^Team load as a share of capacity, before and after the plan: Legal \d+% then \d+%/ });
  await chart.locator('svg rect').first().waitFor();
  // Two bars a team: before and after.
  const teams = await page.getByRole('complementary', { name: 'Task pane' }).getByRole('table', { name: 'Team capacity used' }).locator('tbody tr').count();
  expect(await chart.locator('svg rect').count()).toBeGreaterThanOrEqual(2 * (teams - 1));
  const tabStops = await chart.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('*')].filter((el) => el.tabIndex >= 0 && !el.closest('[inert]')).length,
  );
  expect(tabStops).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('at 320 px each team is named in full beside its bars, and no two names touch', async () => {
  const page = await planned('light');
  const chart = page.getByRole('img', { name: /^Team load as a share of capacity/ });
  await chart.locator('svg rect').first().waitFor();
  const teams = await page
    .getByRole('complementary', { name: 'Task pane' })
    .getByRole('table', { name: 'Team capacity used' })
    .locator('tbody th')
    .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? '').filter((name) => name !== 'In flight'));
  const labels = await chart.locator('svg text').evaluateAll((texts) =>
    texts.map((text) => {
      const box = text.getBoundingClientRect();
      return { text: text.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  );
  const named = teams.map((team) => labels.find((label) => label.text === team));
  expect(named.map((label) => label?.text)).toEqual(teams);
  const boxes = named.map((label) => label!);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
});

test('its axis text is as large as the pane’s smallest text, and the last tick stays inside the chart when no bar reaches it', async () => {
  const page = await openPane({ width: 320, height: 700 });
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  // Legal at 40 weeks: the highest bar is 275%, short of the 300% tick the axis ends on.
  await page.getByRole('tab', { name: 'Capacity' }).click();
  await page.getByRole('grid').locator('[data-address="B2"]').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  await pane.getByRole('button', { name: 'Run' }).click();
  await pane.getByText('Plan written').waitFor();
  const chart = page.getByRole('img', { name: /^Team load as a share of capacity.*Legal 88% then/ });
  await chart.locator('svg rect').first().waitFor();
  const svg = await chart.locator('svg').first().evaluate((s) => {
    const box = s.getBoundingClientRect();
    return { left: box.left, right: box.right };
  });
  const texts = await chart.locator('svg text').evaluateAll((all) =>
    all.map((t) => ({ text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize), left: t.getBoundingClientRect().left, right: t.getBoundingClientRect().right })),
  );
  expect(texts.map((t) => t.text)).toContain('300%');
  expect(texts.filter((t) => t.size < 12).map((t) => `${t.text} at ${t.size}px`)).toEqual([]);
  expect(texts.filter((t) => t.left < svg.left - 0.5 || t.right > svg.right + 0.5).map((t) => t.text)).toEqual([]);
  // The axis labels apart from each other, and from the longest name.
  const ticks = texts.filter((t) => /%$/.test(t.text ?? '')).sort((a, b) => a.left - b.left);
  expect(ticks.map((t) => t.text)).toContain('100%');
  for (const [i, tick] of ticks.entries()) if (i > 0) expect(tick.left - ticks[i - 1]!.right).toBeGreaterThanOrEqual(4);
  const names = texts.filter((t) => !/%$/.test(t.text ?? ''));
  expect(Math.max(...names.map((t) => t.right))).toBeLessThanOrEqual(ticks[0]!.left);
});

test('with a team far over its capacity (Legal at 2 weeks, 1750% before), the axis end label stays whole inside the chart', async () => {
  const page = await openPane({ width: 320, height: 700 });
  const pane = page.getByRole('complementary', { name: 'Task pane' });
  await page.getByRole('tab', { name: 'Capacity' }).click();
  await page.getByRole('grid').locator('[data-address="B2"]').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await pane.getByRole('button', { name: 'Run' }).click();
  await pane.getByText('Plan written').waitFor();
  const chart = page.getByRole('img', { name: /^Team load as a share of capacity.*Legal 1750% then/ });
  await chart.locator('svg rect').first().waitFor();
  const bounds = await chart.evaluate((c) => {
    const svg = c.querySelector('svg')!.getBoundingClientRect();
    return { svgRight: svg.right, paneRight: c.closest('aside')!.getBoundingClientRect().right };
  });
  const end = await chart.locator('svg text', { hasText: /^1800%$/ }).evaluate((t) => t.getBoundingClientRect().right);
  expect(end).toBeLessThanOrEqual(Math.min(bounds.svgRight, bounds.paneRight) + 0.5);
});
