// axe over the pane at 320 px in each state the room sees: empty, after a run,
// an initiative's details open, the dark theme and high contrast.

import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();

const open = (query: string): Promise<Page> => openPane({ width: 320, height: 700, query });

const pane = (page: Page) => page.getByRole('complementary', { name: 'Task pane' });

async function run(page: Page): Promise<void> {
  await pane(page).getByRole('button', { name: 'Run' }).click();
  await pane(page).getByText('Plan written').waitFor();
}

/** axe's findings inside the pane, one line each, so a failure names the rule and the element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('aside').analyze();
  // Tabster's dummy inputs (Fluent's arrow-key groups, the ranking's list) are aria-hidden and focusable on
  // purpose: they take the Tab into or out of the group and hand the focus on at once, and a screen reader
  // is not to announce them. axe's aria-hidden-focus reads them as a fault (microsoft/tabster#288).
  const tabsterDummy = (v: { id: string }, html: string) => v.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
  return result.violations.flatMap((v) => v.nodes.filter((node) => !tabsterDummy(v, node.html)).map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test('the first-run offer has no accessibility violations', async () => {
  const page = await open('&empty');
  await pane(page).getByRole('button', { name: 'Insert the sample portfolio' }).waitFor();
  expect(await violations(page)).toEqual([]);
});

test('after a run, and with an initiative’s details open, the pane has no accessibility violations', async () => {
  const page = await open('');
  await run(page);
  expect(await violations(page)).toEqual([]);
  await pane(page).getByRole('button', { name: /^Show details for / }).first().click();
  expect(await violations(page)).toEqual([]);
});

test.each(['dark', 'highContrast'])('in the %s theme, after a run, the pane has no accessibility violations', async (theme) => {
  const page = await open(`&theme=${theme}`);
  await run(page);
  expect(await violations(page)).toEqual([]);
});

test('"Plan written" and the sentence after it read as separate words', async () => {
  const page = await open('');
  await run(page);
  // What a screen reader is given: the accessibility tree's text, not the pixels.
  const status = await pane(page).getByRole('status').filter({ hasText: 'Plan written' }).first().ariaSnapshot();
  expect(status).toMatch(/Plan written: \d+ of \d+ initiatives committed/);
});
