/** @jest-environment jsdom */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createWorkbook, getCell, memoryPort, sheetOf } from '../../src/adapters/memory';
import { GridView } from '../../src/preview/GridView/GridView';
import { run } from '../adapters/memory/memoryBuilders';

jest.setTimeout(30_000);

/** The grid over a workbook holding the sample, inserted as the pane inserts it (with its number formats). */
async function renderGrid() {
  const workbook = createWorkbook();
  await memoryPort(workbook).insertSample();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <GridView workbook={workbook} />
    </FluentProvider>,
  );
  return { workbook, user, grid: screen.getByRole('grid', { name: 'Sheet Portfolio' }) };
}

const cell = (grid: HTMLElement, address: string) => grid.querySelector<HTMLElement>(`[data-address="${address}"]`)!;

describe('the preview’s grid', () => {
  test('cells show their number formats', async () => {
    const { grid } = await renderGrid();
    expect(cell(grid, 'F2')).toHaveTextContent('$4,800,000');
    expect(cell(grid, 'B2')).toHaveTextContent('Credit-limit recommender');
  });

  test('after a run the Decision column shows its conditional-format colours', async () => {
    const { workbook, grid } = await renderGrid();
    await act(() => run(memoryPort(workbook)));
    const header = Array.from(grid.querySelectorAll('[data-address$="1"]')).find((c) => c.textContent === 'Decision')!;
    const column = header.getAttribute('data-address')!.replace('1', '');
    const committed = Array.from(grid.querySelectorAll<HTMLElement>(`[data-address^="${column}"]`)).find((c) => c.textContent === 'Commit')!;
    expect(committed.style.backgroundColor).toBe('rgb(198, 239, 206)');
  });

  test('typing into a cell puts Excel in cell-edit mode until Enter, then stores the value', async () => {
    const { workbook, user, grid } = await renderGrid();
    await user.click(cell(grid, 'G3'));
    await user.keyboard('2');
    expect(workbook.editing).toBe(true);
    const editor = within(grid).getByRole('textbox', { name: 'Edit G3' });
    expect(editor).toHaveValue('2');
    await user.keyboard('{Enter}');
    expect(workbook.editing).toBe(false);
    expect(getCell(sheetOf(workbook, 'Portfolio'), 2, 6).value).toBe(2);
    expect(workbook.selection).toMatchObject({ row: 3, column: 6 });
  });

  test('leaving the grid for the task pane keeps the cell in edit mode, as Excel does', async () => {
    const { workbook, user, grid } = await renderGrid();
    const outside = document.body.appendChild(document.createElement('button'));
    await user.click(cell(grid, 'G3'));
    await user.keyboard('3');
    await user.click(outside);
    expect(workbook.editing).toBe(true);
    expect(within(grid).getByRole('textbox', { name: 'Edit G3' })).toHaveValue('3');
  });

  test('clicking another cell ends the edit and keeps what was typed', async () => {
    const { workbook, user, grid } = await renderGrid();
    await user.click(cell(grid, 'G3'));
    await user.keyboard('3');
    await user.click(cell(grid, 'B5'));
    expect(workbook.editing).toBe(false);
    expect(getCell(sheetOf(workbook, 'Portfolio'), 2, 6).value).toBe(3);
  });

  test('Esc leaves the cell unchanged', async () => {
    const { workbook, user, grid } = await renderGrid();
    await user.click(cell(grid, 'G3'));
    await user.keyboard('{F2}{Control>}a{/Control}9{Escape}');
    expect(getCell(sheetOf(workbook, 'Portfolio'), 2, 6).value).toBe(4);
    expect(workbook.editing).toBe(false);
    expect(grid).toHaveFocus();
  });

  test('arrow keys move the selection and Shift extends it', async () => {
    const { workbook, user, grid } = await renderGrid();
    await user.click(cell(grid, 'B2'));
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(workbook.selection).toEqual({ sheet: 'Portfolio', row: 2, column: 2, rows: 1, columns: 1 });
    await user.keyboard('{Shift>}{ArrowDown}{ArrowRight}{/Shift}');
    expect(workbook.selection).toEqual({ sheet: 'Portfolio', row: 2, column: 2, rows: 2, columns: 2 });
    expect(grid).toHaveAttribute('aria-activedescendant', cell(grid, 'D4').id);
  });

  test('a sheet tab shows that sheet', async () => {
    const { workbook, user } = await renderGrid();
    await user.click(screen.getByRole('tab', { name: 'Capacity' }));
    expect(workbook.activeSheet).toBe('Capacity');
    expect(screen.getByRole('grid', { name: 'Sheet Capacity' })).toHaveTextContent('Data engineering');
  });

  test('a selection made elsewhere (the pane’s Select button) shows in the grid', async () => {
    const { workbook, grid } = await renderGrid();
    await act(() => memoryPort(workbook).selectCell('Portfolio', 'G4'));
    expect(cell(grid, 'G4')).toHaveAttribute('aria-selected', 'true');
    expect(grid).toHaveAttribute('aria-activedescendant', cell(grid, 'G4').id);
  });
});
