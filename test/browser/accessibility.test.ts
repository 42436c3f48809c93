// axe over the pane at 320 px in each state the room sees: empty, after a run,
// an initiative's details open, the dark theme and high contrast.

import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();

const open = (query: string): Promise<Page> => openPane({ width: 320, height: 700, query });

const pane = (page: Page) => page.getByRole('complementary', { name: 'Task pane' });

async function run(page: Page): Promise<void> {
  await pane(page).getByRole('button', { name: 'Run' }).click();
  await pane(page).getByText('Plan written').waitFor();
}


test('the first-run offer has no accessibility violations', async () => {
  const page = await open('&empty');
  await pane(page).getByRole('button', { name: 'Insert the sample portfolio' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

test('after a run, and with an initiative’s details open, the pane has no accessibility violations', async () => {
  const page = await open('');
  await run(page);
  expect(await axeViolations(page)).toEqual([]);
  await pane(page).getByRole('button', { name: /^Show details for / }).first().click();
  expect(await axeViolations(page)).toEqual([]);
});

test.each(['dark', 'highContrast'])('in the %s theme, after a run, the pane has no accessibility violations', async (theme) => {
  const page = await open(`&theme=${theme}`);
  await run(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('"Plan written" and the sentence after it read as separate words', async () => {
  const page = await open('');
  await run(page);
  // What a screen reader is given: the accessibility tree's text, not the pixels.
  const status = await pane(page).getByRole('status').filter({ hasText: 'Plan written' }).first().ariaSnapshot();
  expect(status).toMatch(/Plan written: \d+ of \d+ initiatives committed/);
});
