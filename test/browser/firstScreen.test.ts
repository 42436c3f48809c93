// The pane at 320 px, as the room sees it: the answer on the first screen, the
// results kept while a slow run is under way, Live mode re-planning from the
// pane's own weight slider at 500 initiatives, and advice that holds when the
// room follows it in the grid.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { previewInChromium } from './previewServer';

const { openPane } = previewInChromium();
let page: Page;

const pane = () => page.getByRole('complementary', { name: 'Task pane' });

async function open(query: string): Promise<void> {
  // Taller than 700 so the pane itself (below the preview's own header) is at least 700 px high.
  page = await openPane({ width: 320, query });
}

async function run(): Promise<void> {
  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByText('Plan written').waitFor({ timeout: 30_000 });
}

/** How far below the top of the pane's scroll area an element ends, with the pane not scrolled. */
async function bottomInPane(element: Locator): Promise<number> {
  const paneBox = (await pane().boundingBox())!;
  const box = (await element.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(paneBox.x);
  expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 0.5);
  return box.y + box.height - paneBox.y;
}

test('after a run at 320 x 700 the committed value against requested, the team-load chart and the top deferral reasons need no scrolling', async () => {
  await open('');
  await run();
  const paneBox = (await pane().boundingBox())!;
  // 320 px inside its 1 px border.
  expect(await pane().evaluate((el) => el.clientWidth)).toBe(320);
  expect(paneBox.height).toBeGreaterThanOrEqual(700);
  expect(await pane().evaluate((el) => el.scrollTop)).toBe(0);

  const committed = pane().getByRole('heading', { name: /^\d+ of 25 committed: \$[\d.,]+[kKmM]? a year of \$[\d.,]+[kKmM]? requested$/ });
  const chart = pane().getByRole('img', { name: /^Team load as a share of capacity, before and after the plan: / });
  await chart.locator('svg rect').first().waitFor();
  const deferred = pane().getByRole('list', { name: 'Top deferred' }).getByRole('listitem');
  expect(await deferred.count()).toBeGreaterThan(0);
  // Each reason names the team or limit, or the gate, that held it back.
  for (const reason of await deferred.allInnerTexts()) expect(reason).toMatch(/ — \S/);

  mkdirSync(join(__dirname, '../../test-output'), { recursive: true });
  await page.screenshot({ path: join(__dirname, '../../test-output/first-screen-320x700.png'), clip: { x: paneBox.x, y: paneBox.y, width: 320, height: 700 } });

  expect(await bottomInPane(committed)).toBeLessThanOrEqual(700);
  expect(await bottomInPane(chart)).toBeLessThanOrEqual(700);
  expect(await bottomInPane(deferred.last())).toBeLessThanOrEqual(700);
});

test('during a slow run (?latency=400) the last plan stays on screen, marked as updating, until the new one replaces it', async () => {
  await open('&latency=400');
  await run();
  const glance = pane().getByRole('region', { name: /^\d+ of 25 committed: / });
  const chart = pane().getByRole('img', { name: /^Team load as a share of capacity, before and after the plan: / });
  await chart.locator('svg rect').first().waitFor();
  const shown = await glance.innerText();
  expect(await glance.getAttribute('aria-busy')).toBe('false');

  await pane().getByRole('button', { name: 'Run' }).click();
  await pane().getByRole('progressbar').first().waitFor();
  // Mid-run: the last plan is still there, word for word, with its chart, marked busy and dimmed.
  expect(await glance.getAttribute('aria-busy')).toBe('true');
  expect(await glance.innerText()).toBe(shown);
  expect(await glance.isVisible()).toBe(true);
  expect(Number(await glance.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
  expect(await chart.isVisible()).toBe(true);
  expect(await bottomInPane(glance)).toBeLessThanOrEqual(700);

  await pane().locator('section[aria-busy="false"]', { hasText: /^\d+ of 25 committed: / }).waitFor({ timeout: 30_000 });
  expect(await pane().getByRole('progressbar').count()).toBe(0);
  expect(Number(await glance.evaluate((el) => getComputedStyle(el).opacity))).toBe(1);
});

/** The preview's workbook, as far as this test reads it. */
type PageWorkbook = { sheets: { name: string; writes?: number }[]; listeners: Set<() => void> };

test('with 500 initiatives in Live mode, moving the Impact weight slider re-plans and rewrites the outputs within a second', async () => {
  await open('&initiatives=500');
  await pane().getByText('500 rows in table Initiatives on Portfolio.').waitFor();
  await run();
  await pane().getByRole('switch', { name: 'Live mode' }).check();
  const impact = pane().getByRole('slider', { name: /Impact weight/ });
  await impact.focus();
  // Timed in the page itself: from the key that moves the slider to the first change after it that writes to the Portfolio sheet.
  const timeKey = async (key: string): Promise<number> => {
    await page.evaluate(() => {
      const workbook = (window as unknown as { previewWorkbook: PageWorkbook }).previewWorkbook;
      const portfolio = workbook.sheets.find((s) => s.name === 'Portfolio')!;
      const timing: { movedAt?: number; writtenAt?: number; writesAtMove?: number } = {};
      (window as unknown as { sliderTiming: typeof timing }).sliderTiming = timing;
      document.addEventListener(
        'keydown',
        () => {
          timing.movedAt ??= performance.now();
          timing.writesAtMove ??= portfolio.writes ?? 0;
        },
        { capture: true, once: true },
      );
      workbook.listeners.add(() => {
        if (timing.movedAt !== undefined && timing.writtenAt === undefined && (portfolio.writes ?? 0) > timing.writesAtMove!) timing.writtenAt = performance.now();
      });
    });
    await page.keyboard.press(key);
    await page.waitForFunction(() => (window as unknown as { sliderTiming: { writtenAt?: number } }).sliderTiming.writtenAt !== undefined, undefined, { timeout: 10_000 });
    const ms = await page.evaluate(() => {
      const timing = (window as unknown as { sliderTiming: { movedAt: number; writtenAt: number } }).sliderTiming;
      return timing.writtenAt - timing.movedAt;
    });
    // The re-plan done (Run active again) before the next key, so no move waits for the one before.
    await pane().getByRole('button', { name: 'Run' }).and(page.locator(':not([aria-disabled="true"])')).waitFor();
    return ms;
  };
  // Three moves, the quickest counted: the suite's machine is shared, and another process holding the core only adds time.
  const times = [await timeKey('Home'), await timeKey('End'), await timeKey('Home')];
  console.log(`live mode, 500 initiatives in the preview: Impact weight slider to outputs written ${times.map(Math.round).join(', ')} ms`);
  expect(Math.min(...times)).toBeLessThanOrEqual(1000);
  expect(await impact.getAttribute('aria-valuetext')).toBe('0% of the priority score');
  // The re-plan saved the pane's weight to the settings sheet, as Run would.
  await page.getByRole('tab', { name: 'Prioritisation settings' }).click();
  const row = page.getByRole('grid').locator('tr', { has: page.locator('[data-address^="A"]', { hasText: /^Impact weight$/ }) });
  expect(await row.locator('[data-address^="B"]').textContent()).toBe('0');
}, 120_000);

const grid = () => page.getByRole('grid');

/** The column letter of a header in row 1 of the sheet shown. */
async function columnOf(header: string): Promise<string> {
  const address = await grid().locator('[data-address$="1"]', { hasText: new RegExp(`^${header}$`) }).first().getAttribute('data-address');
  return address!.replace(/\d+$/, '');
}

/** Each initiative's decision, as the grid shows it on the Portfolio sheet. */
async function decisions(): Promise<Map<string, string>> {
  const names = await grid().locator(`[data-address^="${await columnOf('Initiative')}"]`).allTextContents();
  const made = await grid().locator(`[data-address^="${await columnOf('Decision')}"]`).allTextContents();
  // Row 1 holds the headers; the grid shows a blank row or two past the table.
  return new Map(names.slice(1).flatMap((name, i) => (name === '' ? [] : [[name, made[i + 1]!] as const])));
}

const committedNames = (plan: Map<string, string>) => [...plan].filter(([, d]) => d === 'Commit' || d === 'Forced in').map(([name]) => name).sort();

test('a "what it would take" cut, typed into the grid, gives exactly the plan it promised', async () => {
  await open('');
  await run();
  const before = await decisions();
  expect(before.size).toBe(25);
  const deferred = [...before].find(([, d]) => d.startsWith('Deferred'))![0];
  await pane().getByRole('button', { name: `Show details for ${deferred}` }).click();
  const advice = (await pane().getByText(/^What it would take: /).first().innerText()).trim();
  // The demand cut among the changes it offers (the room can type that one into the grid).
  const promise = /(?:^What it would take: |; or )cut its (.+?) demand by [\d.]+ weeks? \(to ([\d.]+) weeks?\): it enters(?: with (.+?))?(?: and nothing leaves|; (.+?) leaves?)(?:; or |\.$)/.exec(advice);
  expect(promise).not.toBeNull();
  const [, team, to, enters, leaves] = promise!;
  const list = (names: string | undefined) => (names ? names.split(/, | and /) : []);

  const row = (await grid().locator(`[data-address^="${await columnOf('Initiative')}"]`, { hasText: new RegExp(`^${deferred}$`) }).getAttribute('data-address'))!.replace(/^[A-Z]+/, '');
  await grid().locator(`[data-address="${await columnOf(team!)}${row}"]`).dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(to!);
  await page.keyboard.press('Enter');
  await pane().getByRole('button', { name: 'Run' }).click();
  // The re-run has written once the initiative's own Decision cell says it is in, and the glance is no longer busy.
  await grid().locator(`[data-address="${await columnOf('Decision')}${row}"]`, { hasText: /^(Commit|Forced in)$/ }).waitFor();
  await pane().locator('section[aria-busy="false"]', { hasText: /^\d+ of 25 committed: / }).waitFor();

  const promised = [...committedNames(before), deferred, ...list(enters)].filter((name) => !list(leaves).includes(name)).sort();
  expect(committedNames(await decisions())).toEqual(promised);
});
