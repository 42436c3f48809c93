// Scenarios and the weights exercise in the preview, in Chromium: what the room
// does in a planning session, seen in the pane and in the workbook's grid.

import type { Locator, Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();
let page: Page;

beforeEach(async () => {
  page = await openPane();
});

const pane = () => page.getByRole('complementary', { name: 'Task pane' });
const grid = () => page.getByRole('grid');

/** The value cell beside a label in column A of the sheet shown. */
async function valueBeside(label: string, column = 'B'): Promise<string | null> {
  const row = grid().locator('tr', { has: page.locator('[data-address^="A"]', { hasText: new RegExp(`^${label}$`) }) });
  return row.locator(`[data-address^="${column}"]`).first().textContent();
}

async function setLimit(value: string): Promise<void> {
  await pane().getByRole('spinbutton', { name: 'In-flight limit' }).fill(value);
  await pane().getByRole('spinbutton', { name: 'In-flight limit' }).press('Enter');
}

async function saveAs(name: string): Promise<void> {
  await pane().getByRole('textbox', { name: 'Save what is in force as' }).fill(name);
  await pane().getByRole('button', { name: 'Save as scenario' }).click();
  await pane().getByText(`Saved as scenario "${name}" on the Scenarios sheet; it is the scenario in force.`).waitFor();
}

async function openSection(name: string): Promise<void> {
  await pane().getByRole('button', { name }).click();
}

const text = (locator: Locator) => locator.textContent();

/** Two scenarios that differ in their in-flight limit: Lean (4) and Wide (12, the one in force). */
async function saveLeanAndWide(): Promise<void> {
  await openSection('Scenarios');
  await setLimit('4');
  await saveAs('Lean');
  await setLimit('12');
  await saveAs('Wide');
}

test('scenarios saved in the pane are rows of a visible Scenarios sheet', async () => {
  await saveLeanAndWide();
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  expect(await valueBeside('Lean', 'E')).toBe('4');
  expect(await valueBeside('Wide', 'E')).toBe('12');
});

test('switching shows what changes, then the settings sheet holds the scenario’s settings and names it, and its plan is written', async () => {
  await saveLeanAndWide();
  await pane().getByRole('combobox', { name: 'Switch to' }).selectOption('Lean');
  await pane().getByRole('button', { name: 'Switch…' }).click();
  const preview = pane().getByRole('group', { name: 'Switch to Lean' });
  expect(await text(preview.getByRole('list', { name: 'What switching changes' }))).toContain('In-flight limit: 12 → 4');
  await preview.getByRole('button', { name: 'Switch to Lean' }).click();
  await pane().getByText(/Scenario "Lean" is in force/).waitFor();
  expect(await pane().getByRole('spinbutton', { name: 'In-flight limit' }).inputValue()).toBe('4');
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  expect(await valueBeside('In-flight limit')).toBe('4');
  expect(await valueBeside('Scenario')).toBe('Lean');
  await pane().getByText('Plan written').waitFor();
  await page.getByRole('tab', { name: 'Decision log' }).click();
  // The log's one row (no run came before) names the scenario in force.
  expect(await grid().locator('[data-address]', { hasText: /^Lean$/ }).count()).toBe(1);
});

test('two plans compared side by side, and the comparison written to a sheet for the pack', async () => {
  await openSection('Scenarios');
  await setLimit('2');
  await saveAs('Two only');
  await setLimit('10');
  await pane().getByRole('button', { name: 'Compare' }).click();
  const comparison = pane().getByRole('region', { name: 'Scenario comparison' });
  expect(await comparison.getByRole('list', { name: 'Only in Current settings' }).getByRole('listitem').count()).toBeGreaterThan(0);
  expect(await text(comparison.getByRole('status'))).toMatch(/^In Two only against Current settings, .+ leaves?: .+ a year less committed\.$/);
  await pane().getByRole('button', { name: 'Write comparison to a sheet' }).click();
  await pane().getByText(/The comparison is on the Scenario comparison sheet/).waitFor();
  await page.getByRole('tab', { name: 'Scenario comparison' }).click();
  expect(await text(grid().locator('[data-address="A1"]'))).toBe('Scenario comparison: Current settings (A) and Two only (B)');
  await page.getByRole('img', { name: /Column chart: Team utilisation: Current settings and Two only/ }).waitFor();
});

test('at 320 px a long scenario name neither pushes the pane sideways nor breaks a word of the comparison', async () => {
  page = await openPane({ width: 320 });
  await openSection('Scenarios');
  await setLimit('4');
  await saveAs('Lean — a very cautious first half with only four initiatives in flight');
  await setLimit('10');
  await pane().getByRole('button', { name: 'Compare' }).click();
  const table = pane().getByRole('region', { name: 'Scenario comparison' }).getByRole('table', { name: 'The two plans' });
  await table.waitFor();
  expect(await pane().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // A word broken across two lines has two boxes on the page.
  const broken = await table.evaluate((root) => {
    const words: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (range.getClientRects().length > 1) words.push(match[0]);
      }
    }
    return words;
  });
  expect(broken).toEqual([]);
});

test('the weights the room agrees are applied on confirmation and reach the settings sheet on the next run', async () => {
  await openSection('Agree the weights');
  await pane().getByRole('combobox', { name: /Impact or readiness/ }).selectOption({ label: 'Impact matters far more than readiness' });
  await pane().getByRole('combobox', { name: /Impact or friction/ }).selectOption({ label: 'Impact matters far more than friction' });
  await pane().getByText('Your answers are consistent', { exact: false }).waitFor();
  await pane().getByRole('button', { name: 'Use these weights' }).click();
  expect(await pane().getByRole('slider', { name: /Impact weight/ }).inputValue()).toBe('82');
  await pane().getByRole('button', { name: 'Save settings and run' }).click();
  await pane().getByText('Plan written').waitFor();
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  expect([await valueBeside('Impact weight'), await valueBeside('Readiness weight'), await valueBeside('Friction weight')]).toEqual(['82', '9', '9']);
});
