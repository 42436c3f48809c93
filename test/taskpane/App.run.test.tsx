/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findSheet, findTable, memoryPort, sheetOf } from '../../src/adapters/memory';
import { writeBlock } from '../../src/adapters/memory/cells';
import { rawTable } from '../../src/adapters/memory/tables';
import { prioritise } from '../../src/engine/plan';
import { readSettings } from '../../src/engine/settings';
import { sampleWorkbook } from '../adapters/memory/memoryBuilders';
import { loaded, renderPane, runButton, statusSays } from './paneHarness';

// Read from the Details buttons' labels: querying every button's accessible name by role is slow in jsdom.
const rankingNames = () =>
  Array.from(document.querySelectorAll('button[aria-label^="Show details for "]'), (button) => button.getAttribute('aria-label')!.replace('Show details for ', ''));

async function runOnce(user: ReturnType<typeof renderPane>['user']) {
  await loaded();
  await user.click(runButton());
  const status = await statusSays('Plan written');
  // The sections below the first screen load lazily: they can show a moment after the status.
  await screen.findByRole('list', { name: 'Ranking' });
  return status;
}

describe('running the plan', () => {
  test('writes the plan and shows decisions, committed value, team loads and the ranking', async () => {
    const { user, workbook } = renderPane({ workbook: sampleWorkbook() });
    await runOnce(user);
    expect(screen.getByText(/8 of 25 initiatives committed, worth \$14\.9M a year/)).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /Legal/ })).toBeInTheDocument();
    // The whole ranking in one list, not paged: each card says where it stands among all 25.
    const cards = within(screen.getByRole('list', { name: 'Ranking' })).getAllByRole('listitem');
    expect(cards[0]).toHaveAttribute('aria-setsize', '25');
    expect(screen.queryByRole('button', { name: /more of/ })).toBeNull();
    expect(findSheet(workbook, 'Change impact')).toBeDefined();
  });

  test('each decision is counted as the plan decided it', async () => {
    const { user } = renderPane({ workbook: sampleWorkbook() });
    await runOnce(user);
    const plan = prioritise(await memoryPort(sampleWorkbook()).read(), { now: 'x' });
    const list = screen.getByRole('heading', { name: 'Decisions' }).parentElement!.querySelector('dl')!;
    const shown = Object.fromEntries(Array.from(list.querySelectorAll('dt')).map((dt) => [dt.textContent, Number(dt.nextElementSibling!.textContent)]));
    expect(shown).toEqual(Object.fromEntries(Object.entries(plan.summary.byDecision).filter(([, n]) => n > 0)));
  });

  test('a changed weight is saved to the settings sheet on Run and changes the ranking', async () => {
    const { user, workbook } = renderPane({ workbook: sampleWorkbook() });
    await runOnce(user);
    const before = rankingNames();
    fireEvent.change(screen.getByRole('slider', { name: /Impact weight/ }), { target: { value: '0' } });
    expect(runButton()).toHaveAccessibleName('Save settings and run');
    await user.click(runButton());
    await waitFor(() => expect(rankingNames()).not.toEqual(before), { timeout: 10_000 });
    const settings = readSettings(rawTable(workbook, findTable(workbook, 'PrioritisationSettings')!)).settings;
    expect(settings.weights.impact).toBe(0);
    expect(runButton()).toHaveAccessibleName('Run');
  });

  test('a capacity typed for a team is saved as that team’s capacity row and used by the plan', async () => {
    const { user, workbook } = renderPane({ workbook: sampleWorkbook() });
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Team capacity' }));
    const legal = screen.getByRole('spinbutton', { name: 'Legal (weeks)' });
    await user.clear(legal);
    await user.type(legal, '40{Enter}');
    expect(screen.getByText('Changed: applies when you run the plan. Capacity table: 12 weeks. This plan uses the value here instead.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved to the Prioritisation settings sheet.');
    const settings = readSettings(rawTable(workbook, findTable(workbook, 'PrioritisationSettings')!)).settings;
    expect(settings.capacityOverrides).toEqual({ Legal: 40 });
  });

  test('an in-flight limit that is not a whole number is explained and Run waits for a valid one', async () => {
    const { user } = renderPane({ workbook: sampleWorkbook() });
    await loaded();
    const limit = screen.getByRole('spinbutton', { name: 'In-flight limit' });
    await user.clear(limit);
    await user.type(limit, '2.5{Enter}');
    expect(screen.getByText('The in-flight limit is 2.5, which is not a whole number: enter a whole number of initiatives, 0 or more, for example 10.')).toBeInTheDocument();
    expect(limit).toHaveValue('2.5');
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(runButton()).toHaveAttribute('aria-disabled', 'true');
  });

  test('the weights show as shares of the score: moving one rebalances the others, always 100% together, and says it applies on Run', async () => {
    renderPane({ workbook: sampleWorkbook() });
    await loaded();
    fireEvent.change(screen.getByRole('slider', { name: /Impact weight/ }), { target: { value: '20' } });
    const shares = [/Impact weight/, /Readiness weight/, /Friction weight/].map((name) => Number((screen.getByRole('slider', { name }) as HTMLInputElement).value));
    expect(shares[0]).toBe(20);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(screen.getByText(/^Impact weight:/).textContent).toBe('Impact weight: 20% of the score');
    expect(screen.getByText(/Changed: applies when you run the plan\./)).toBeInTheDocument();
  });

  test('a weight moved one step at a time keeps the proportion of the other two: 50/30/20 arrowed up to 60 is 60/24/16', async () => {
    renderPane({ workbook: sampleWorkbook() });
    await loaded();
    for (let impact = 51; impact <= 60; impact++) fireEvent.change(screen.getByRole('slider', { name: /Impact weight/ }), { target: { value: String(impact) } });
    const shares = [/Impact weight/, /Readiness weight/, /Friction weight/].map((name) => Number((screen.getByRole('slider', { name }) as HTMLInputElement).value));
    expect(shares).toEqual([60, 24, 16]);
    // Another slider starts a move of its own, from the weights as they now are.
    fireEvent.change(screen.getByRole('slider', { name: /Friction weight/ }), { target: { value: '28' } });
    expect(Number((screen.getByRole('slider', { name: /Impact weight/ }) as HTMLInputElement).value)).toBe(51);
  });

  test('undoing changes brings back the saved settings', async () => {
    const { user } = renderPane({ workbook: sampleWorkbook() });
    await loaded();
    const period = screen.getByRole('textbox', { name: 'Planning period' });
    await user.clear(period);
    await user.type(period, 'FY27 H1');
    await user.click(screen.getByRole('button', { name: 'Undo changes' }));
    expect(period).toHaveValue('Next planning period');
  });

  test('the Optimal method is shown but unavailable until its planner is there', async () => {
    renderPane({ workbook: sampleWorkbook() });
    await loaded();
    expect(screen.getByRole('radio', { name: 'Optimal (not available yet)' })).toBeDisabled();
    expect(screen.getByText(/Optimal is not available in this version yet/)).toBeInTheDocument();
  });

  test('an injected Optimal planner is offered and runs when chosen', async () => {
    const optimal = jest.fn(prioritise);
    const { user } = renderPane({ workbook: sampleWorkbook(), planners: { 'Rank and fill': prioritise, Optimal: optimal } });
    await loaded();
    await user.click(screen.getByRole('radio', { name: 'Optimal' }));
    await user.click(runButton());
    await statusSays('Plan written');
    expect(optimal).toHaveBeenCalledTimes(1);
  });

  test('the name given is recorded as who ran the plan', async () => {
    const { user, workbook } = renderPane({ workbook: sampleWorkbook() });
    await loaded();
    await user.type(screen.getByRole('textbox', { name: 'Your name (optional)' }), 'Ada Lovelace');
    await runOnce(user);
    const log = rawTable(workbook, findTable(workbook, 'DecisionLog')!);
    expect(log.rows[0]![log.headers.indexOf('Run by')]).toBe('Ada Lovelace');
  });
});

describe('when the workbook will not take the plan', () => {
  test('a table changed while planning is said plainly, and Run again writes the plan', async () => {
    const workbook = sampleWorkbook();
    workbook.beforeNextWrite = (wb) => writeBlock(sheetOf(wb, 'Portfolio'), 3, 6, [[1]]);
    const { user } = renderPane({ workbook });
    await loaded();
    await user.click(runButton());
    expect(await statusSays('The table changed while planning')).toBeInTheDocument();
    expect(findSheet(workbook, 'Change impact')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Run again' }));
    expect(await statusSays('Plan written')).toBeInTheDocument();
  });

  test('a user’s sheet called Change impact is left alone until the user agrees to another name', async () => {
    const workbook = sampleWorkbook();
    workbook.sheets.push({ ...sheetOf(workbook, 'Sheet1'), name: 'Change impact', grid: [[{ value: 'Mine', format: null }]] });
    const { user } = renderPane({ workbook });
    await loaded();
    await user.click(runButton());
    expect(await statusSays('"Change impact" is one of your sheets')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use "Change impact (2)"' }));
    expect(await statusSays('Plan written')).toBeInTheDocument();
    expect(findSheet(workbook, 'Change impact (2)')).toBeDefined();
    expect(sheetOf(workbook, 'Change impact').grid[0]![0]!.value).toBe('Mine');
  });

  test('in cell-edit mode the pane says so and writes as soon as the user leaves the cell', async () => {
    const workbook = sampleWorkbook();
    const { user } = renderPane({ workbook });
    await loaded();
    workbook.editing = true;
    await user.click(runButton());
    expect(await statusSays('Excel is in cell-edit mode')).toBeInTheDocument();
    expect(findSheet(workbook, 'Change impact')).toBeUndefined();
    workbook.editing = false;
    expect(await statusSays('Plan written')).toBeInTheDocument();
  });

  test('the user can stop waiting for the cell edit, and nothing is written', async () => {
    const workbook = sampleWorkbook();
    const { user } = renderPane({ workbook });
    await loaded();
    workbook.editing = true;
    await user.click(runButton());
    await user.click(await screen.findByRole('button', { name: 'Stop waiting' }));
    expect(await statusSays('Stopped waiting')).toBeInTheDocument();
    workbook.editing = false;
    expect(findSheet(workbook, 'Change impact')).toBeUndefined();
  });

  test('a table the engine cannot plan is explained and nothing is written', async () => {
    const workbook = sampleWorkbook();
    writeBlock(sheetOf(workbook, 'Portfolio'), 0, 1, [['Notes']]); // the name column loses its header
    const { user } = renderPane({ workbook });
    await loaded();
    await user.click(runButton());
    expect(await statusSays('Nothing was planned')).toBeInTheDocument();
    expect(screen.getByText(/has no "Initiative" column/)).toBeInTheDocument();
  });
});
