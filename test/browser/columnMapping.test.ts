// The pane's column mapping in Chromium at 320 px: a header the prioritiser cannot
// read is shown with what its absence does; the user picks it in a dropdown; the
// choice is saved in the workbook's Column mapping table and the next run uses it.

import type { Locator, Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();
let page: Page;

const pane = () => page.getByRole('complementary', { name: 'Task pane' });
const grid = () => page.getByRole('grid');
/** The pane's Columns section (its heading and panel), for a picture of it alone. */
const section = () => pane().getByRole('heading', { name: 'Columns' }).locator('..');
const cell = (address: string): Locator => grid().locator(`[data-address="${address}"]`);

async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function columnOf(header: string): Promise<string> {
  const address = await grid().locator('[data-address$="1"]', { hasText: new RegExp(`^${header}$`) }).first().getAttribute('data-address');
  return address!.replace(/\d+$/, '');
}

test('a column chosen in the pane is saved in the Column mapping table and used by the next run', async () => {
  page = await openPane({ width: 320 });
  // The finance team calls its baseline column something of its own.
  const baseline = await columnOf('Baseline method');
  await cell(`${baseline}1`).dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('How we prove it');
  await page.keyboard.press('Enter');
  await pane().getByRole('button', { name: /^(Run|Save settings and run)$/ }).click();
  await pane().getByText('Plan written').waitFor();

  // After the run the mapping opens by itself: a column that changes the result is missing.
  const select = pane().getByRole('combobox', { name: 'Baseline method' });
  await select.waitFor();
  await pane().getByText('Not found: without it, every initiative will be at most Learning-only. Choose the column that holds it.').waitFor();
  if (process.env.SCREENSHOTS) await section().screenshot({ path: `${process.env.SCREENSHOTS}/mapping-missing.png` });

  await select.selectOption('How we prove it');
  // Saved, and planned again with it: the dropdown now says where the choice lives.
  await pane().getByText('set in the Column mapping').first().waitFor();
  await eventually(() => select.inputValue(), (value) => expect(value).toBe('How we prove it'));
  await pane().getByText('Plan written').waitFor();
  if (process.env.SCREENSHOTS) await section().screenshot({ path: `${process.env.SCREENSHOTS}/mapping-set.png` });

  // In the workbook, for plain Excel and the command: the Column mapping table beside the settings.
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  await eventually(() => cell('F4').textContent(), (value) => expect(value).toBe('Column'));
  expect(await cell('F5').textContent()).toBe('Baseline method');
  expect(await cell('G5').textContent()).toBe('How we prove it');
  // The run read it: no initiative is held to Learning-only for want of a baseline column.
  await page.getByRole('tab', { name: 'Portfolio' }).click();
  const gate = await columnOf('Gate');
  await eventually(
    () => grid().locator(`[data-address^="${gate}"]`).allTextContents(),
    (gates) => expect(gates.filter((g) => g === 'Scale-ready').length).toBeGreaterThan(0),
  );
});
