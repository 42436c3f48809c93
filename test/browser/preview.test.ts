// The preview in Chromium: what a tester does with the pane beside the workbook.

import type { Locator, Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const session = previewInChromium();
let page: Page;
let external: string[] = [];

async function open(query = ''): Promise<Page> {
  external = [];
  const watch = (opening: Page) => opening.on('request', (request) => !request.url().startsWith(session.url()) && !request.url().startsWith('data:') && external.push(request.url()));
  page = await session.openPane({ query, beforeLoad: watch });
  return page;
}

const pane = () => page.getByRole('complementary', { name: 'Task pane' });
const grid = () => page.getByRole('grid');
const cell = (address: string): Locator => grid().locator(`[data-address="${address}"]`);

/** The column letter of a header in row 1 of the sheet shown. */
async function columnOf(header: string): Promise<string> {
  const address = await grid().locator('[data-address$="1"]', { hasText: new RegExp(`^${header}$`) }).first().getAttribute('data-address');
  return address!.replace(/\d+$/, '');
}

async function run(): Promise<void> {
  await pane().getByRole('button', { name: /^(Run|Save settings and run)$/ }).click();
  await pane().getByText('Plan written').waitFor();
}

const rankingNames = () => pane().getByRole('list', { name: 'Ranking' }).getByRole('button', { name: /^Show details for / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));

test('the sample is inserted from the first-run offer and shows in the grid', async () => {
  await open('?empty');
  await pane().getByRole('button', { name: 'Insert the sample portfolio' }).click();
  await pane().getByText('25 rows in table Initiatives on Portfolio.').waitFor();
  await expectText(cell('B2'), 'Credit-limit recommender');
  expect(await page.getByRole('tab', { name: 'Capacity' }).count()).toBe(1);
});

test('a run writes the decisions into the grid, coloured by their conditional format', async () => {
  await open();
  await run();
  const decision = await columnOf('Decision');
  const decisions = await grid().locator(`[data-address^="${decision}"]`).allTextContents();
  expect(decisions.filter((d) => d === 'Commit').length).toBeGreaterThan(0);
  const committed = grid().locator(`[data-address^="${decision}"]`, { hasText: /^Commit$/ }).first();
  expect(await committed.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(198, 239, 206)');
  await page.getByRole('tab', { name: 'Change impact' }).click();
  await page.getByRole('img', { name: /Column chart: Team utilisation/ }).waitFor();
  // Each column as wide as the sheet says (30 characters for Team, 22 for Unit), however long the sentences in it:
  // the grid's Team column ran about 960 px wide, and the numbers beside it off the screen.
  const widths = await grid().getByRole('columnheader').evaluateAll((headers) => headers.slice(0, 2).map((h) => Math.round(h.getBoundingClientRect().width)));
  expect(widths).toEqual([30 * 7 + 10, 22 * 7 + 10]);
  await expectText(cell('C6'), '12.0');
});

test('a changed weight changes the ranking', async () => {
  await open();
  await run();
  const before = await rankingNames();
  const impact = pane().getByRole('slider', { name: /Impact weight/ });
  await impact.focus();
  await page.keyboard.press('Home');
  await run();
  await eventually(rankingNames, (names) => expect(names).not.toEqual(before));
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  const row = grid().locator('tr', { has: page.locator('[data-address^="A"]', { hasText: /^Impact weight$/ }) });
  expect(await row.locator('[data-address^="B"]').textContent()).toBe('0');
});

test('an input problem’s button selects its cell in the grid', async () => {
  await open();
  await cell('G4').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await run();
  await page.getByRole('tab', { name: 'Capacity' }).click();
  const select = pane().getByRole('button', { name: 'Select Portfolio!G4' });
  await select.click();
  await expectText(page.getByRole('tab', { selected: true }), 'Portfolio');
  expect(await cell('G4').getAttribute('aria-selected')).toBe('true');
  expect(await select.evaluate((el) => el === document.activeElement)).toBe(true);
});

test('sorting puts the table’s rows in priority order in the grid', async () => {
  await open();
  await run();
  await pane().getByRole('button', { name: 'Sort the table by priority' }).click();
  await pane().getByText(/is sorted by priority/).waitFor();
  const priority = await columnOf('Priority');
  const values = (await grid().locator(`[data-address^="${priority}"]`).allTextContents()).slice(1, 26).map(Number);
  expect(values).toEqual(values.map((_, i) => i + 1));
});

test('while a cell is being edited the pane waits, and writes once the user leaves the cell', async () => {
  await open();
  await cell('G3').dblclick();
  await page.keyboard.type('1');
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Excel is in cell-edit mode').waitFor();
  await grid().getByRole('textbox', { name: 'Edit G3' }).press('Enter');
  await pane().getByText('Plan written').waitFor();
});

test('at 320 pixels wide nothing in the pane needs sideways scrolling', async () => {
  await open('?width=320');
  await run();
  await pane().getByRole('button', { name: /^Show details for / }).first().click();
  const overflow = await pane().evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the preview loads nothing from outside: office.js is never fetched', async () => {
  await open();
  await run();
  expect(external).toEqual([]);
});

/** Read until the check passes or time runs out: the page updates after the click returns. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<void> {
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

const expectText = (locator: Locator, text: string) => eventually(() => locator.textContent(), (value) => expect(value).toBe(text));
