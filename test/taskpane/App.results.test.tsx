/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { findTable, sheetOf } from '../../src/adapters/memory';
import { writeBlock } from '../../src/adapters/memory/cells';
import { rawTable } from '../../src/adapters/memory/tables';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { sampleWorkbook } from '../adapters/memory/memoryBuilders';
import { loaded, renderPane, runButton, statusSays } from './paneHarness';
import { giveTabsterALayout } from './tabsterLayout';

const FIT = sampleTables().initiatives.headers.indexOf('Strategic fit'); // column G

async function runWithABadRating() {
  const workbook = sampleWorkbook();
  writeBlock(sheetOf(workbook, 'Portfolio'), 3, FIT, [[7]]); // G4: a 7 on a 1-5 scale
  const pane = renderPane({ workbook });
  await loaded();
  await pane.user.click(runButton());
  await statusSays('Plan written');
  // The sections below the first screen load lazily: they can show a moment after the status.
  await screen.findByRole('list', { name: 'Ranking' });
  return pane;
}

describe('the results of a run', () => {
  giveTabsterALayout();
  test('an input problem names its cell and its button selects that cell, leaving focus on the button', async () => {
    const { user, workbook } = await runWithABadRating();
    const problems = screen.getByRole('region', { name: /Input problems/ });
    expect(within(problems).getByText(/Strategic fit in Portfolio!G4 is 7; expected 1-5/)).toBeInTheDocument();
    const select = within(problems).getByRole('button', { name: 'Select Portfolio!G4' });
    await user.click(select);
    expect(workbook.selection).toEqual({ sheet: 'Portfolio', row: 3, column: FIT, rows: 1, columns: 1 });
    expect(select).toHaveFocus();
  });

  test('sorting puts the table in priority order and the problem still selects its moved row', async () => {
    const { user, workbook } = await runWithABadRating();
    await user.click(screen.getByRole('button', { name: 'Sort the table by priority' }));
    await statusSays(/is sorted by priority/);
    const table = rawTable(workbook, findTable(workbook, 'Initiatives')!);
    const priority = table.headers.indexOf('Priority');
    const ranked = table.rows.map((r) => r[priority]).filter((p) => p !== '');
    expect(ranked).toEqual([...ranked].sort((a, b) => Number(a) - Number(b)));
    const bad = table.rows.findIndex((r) => r[FIT] === 7);
    await user.click(screen.getByRole('button', { name: `Select Portfolio!G${bad + 2}` }));
    expect(workbook.selection.row).toBe(bad + 1);
  });

  test('details open in place under their initiative and the button says whether they are open', async () => {
    const { user } = await runWithABadRating();
    const ranking = screen.getByRole('list', { name: 'Ranking' });
    const first = within(ranking).getAllByRole('listitem')[0]!;
    const button = within(first).getByRole('button', { name: /^Show details for / });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveFocus();
    expect(within(first).getByText(/Gate: /)).toBeInTheDocument();
    expect(within(first).getByRole('table', { name: /^Impact/ })).toBeInTheDocument();
  });

  test('team loads show the share of capacity before and after the plan', async () => {
    await runWithABadRating();
    const legal = screen.getByRole('rowheader', { name: /Legal/ }).closest('tr')!;
    const [requested, planned] = within(legal).getAllByRole('cell');
    expect(requested).toHaveTextContent(/^\d+%$/);
    expect(planned).toHaveTextContent(/^\d+%$/);
  });

  test('the keyboard moves from Run to the results in reading order', async () => {
    const { user } = await runWithABadRating();
    runButton().focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save settings' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Undo changes' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('switch', { name: 'Live mode' })).toHaveFocus();
    await user.tab();
    // What it would take to get in, folded to its first three.
    expect(await screen.findByRole('button', { name: /^Show all \d+ deferred initiatives$/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Select Portfolio!G4' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sort the table by priority' })).toHaveFocus();
    // Each tab searches the whole pane for the next stop: slow in jsdom on a shared machine.
  }, 60_000);

  test('the keyboard reaches Run first, then every setting in reading order', async () => {
    const { user } = renderPane({ workbook: sampleWorkbook() });
    await loaded();
    const order = [
      screen.getByRole('textbox', { name: 'Your name (optional)' }),
      runButton(),
      screen.getByRole('button', { name: 'Save settings' }),
      screen.getByRole('button', { name: 'Undo changes' }),
      screen.getByRole('switch', { name: 'Live mode' }),
      // Before the first run, which column each contract column reads (issue 17).
      screen.getByRole('button', { name: 'Columns' }),
      screen.getByRole('button', { name: /^Show all \d+ columns/ }),
      screen.getByRole('button', { name: 'Weights and limits' }),
      screen.getByRole('slider', { name: /Impact weight/ }),
      screen.getByRole('slider', { name: /Readiness weight/ }),
      screen.getByRole('slider', { name: /Friction weight/ }),
      screen.getByRole('spinbutton', { name: 'In-flight limit' }),
      screen.getByRole('radio', { name: 'Rank and fill' }),
      screen.getByRole('textbox', { name: 'Planning period' }),
      screen.getByRole('button', { name: 'Team capacity' }),
      screen.getByRole('button', { name: 'Agree the weights' }),
      screen.getByRole('button', { name: 'Scenarios' }),
    ];
    for (const element of order) {
      await user.tab();
      expect(element).toHaveFocus();
    }
    // Seventeen tab stops over the whole pane, folded sections' controls included in the search: slow in jsdom on a shared machine.
  }, 60_000);
});
