/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { createWorkbook, findTable, sheetOf } from '../../src/adapters/memory';
import { writeBlock } from '../../src/adapters/memory/cells';
import { named, table } from '../builders';
import { workbookWith } from '../adapters/memory/memoryBuilders';
import { loaded, renderPane, runButton } from './paneHarness';

describe('the pane on a workbook without an Initiatives table', () => {
  test('offers the three ways to start', async () => {
    renderPane();
    expect(await screen.findByRole('heading', { name: 'No Initiatives table yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Make the selection the Initiatives table' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Insert the sample portfolio' })).toBeInTheDocument();
    expect(screen.getByText('This workbook has no other tables.')).toBeInTheDocument();
  });

  test('inserting the sample portfolio leads straight to the settings and Run, with focus on Run', async () => {
    const { user, workbook } = renderPane();
    await user.click(await screen.findByRole('button', { name: 'Insert the sample portfolio' }));
    expect(await screen.findByText('25 rows in table Initiatives on Portfolio.')).toBeInTheDocument();
    // The button pressed went away with the offer: focus lands on the next thing to press, not the page.
    expect(runButton()).toHaveFocus();
    expect(findTable(workbook, 'Capacity')).toBeDefined();
  });

  test('another table can be picked from the list and is used from then on', async () => {
    const workbook = workbookWith(table([named('Alpha'), named('Beta')], { name: 'Projects', sheet: 'Ideas' }));
    const { user } = renderPane({ workbook });
    const picker = await screen.findByRole('combobox', { name: 'Table' });
    expect(within(picker).getByRole('option', { name: 'Projects on Ideas (2 rows)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use this table' }));
    expect(await screen.findByText('2 rows in table Projects on Ideas.')).toBeInTheDocument();
  });

  test('the selected range becomes the Initiatives table', async () => {
    const workbook = createWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 0, 0, [['Initiative', 'Owner'], ['Alpha', 'Ann Lee']]);
    workbook.selection = { sheet: 'Sheet1', row: 0, column: 0, rows: 2, columns: 2 };
    const { user } = renderPane({ workbook });
    await user.click(await screen.findByRole('button', { name: 'Make the selection the Initiatives table' }));
    expect(await screen.findByText('1 row in table Initiatives on Sheet1.')).toBeInTheDocument();
    expect(screen.getByText('The selection is now the Initiatives table.')).toBeInTheDocument();
  });

  test('a selection that cannot become the table is explained and nothing changes', async () => {
    const workbook = createWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 0, 0, [['Initiative', 'Owner']]);
    workbook.selection = { sheet: 'Sheet1', row: 0, column: 0, rows: 1, columns: 2 };
    const { user } = renderPane({ workbook });
    await user.click(await screen.findByRole('button', { name: 'Make the selection the Initiatives table' }));
    expect(await screen.findByText(/Select the header row and at least one row of initiatives/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No Initiatives table yet' })).toBeInTheDocument();
  });

  test('the keyboard reaches the choices in reading order', async () => {
    const workbook = workbookWith(table([named('Alpha')], { name: 'Projects' }));
    const { user } = renderPane({ workbook });
    await loaded();
    await screen.findByRole('combobox', { name: 'Table' });
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Table' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Use this table' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Make the selection the Initiatives table' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Insert the sample portfolio' })).toHaveFocus();
  });

  test('the add-in’s own tables are not offered as the Initiatives table', async () => {
    const workbook = workbookWith(table([named('Alpha')], { name: 'Capacity' }));
    renderPane({ workbook });
    expect(await screen.findByText('This workbook has no other tables.')).toBeInTheDocument();
  });
});
