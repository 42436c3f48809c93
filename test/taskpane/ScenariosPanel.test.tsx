/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SwitchPreview } from '../../src/app/scenarios';
import { ScenariosPanel } from '../../src/taskpane/Scenarios/ScenariosPanel';
import type { ScenariosModel } from '../../src/taskpane/Scenarios/useScenarios';

jest.setTimeout(30_000);

function model(overrides: Partial<ScenariosModel> = {}): ScenariosModel {
  return {
    preview: undefined,
    cancelSwitch: jest.fn(),
    comparison: undefined,
    message: undefined,
    working: false,
    save: jest.fn(),
    askSwitch: jest.fn(),
    confirmSwitch: jest.fn(),
    remove: jest.fn(),
    compare: jest.fn(),
    writeComparison: jest.fn(),
    current: 'Current settings',
    ...overrides,
  } as ScenariosModel;
}

const show = (props: Partial<Parameters<typeof ScenariosPanel>[0]> = {}) => {
  const m = props.model ?? model();
  render(
    <FluentProvider theme={webLightTheme}>
      <ScenariosPanel names={['Lean', 'Wide']} inForce="Wide" busy={false} canAct model={m} {...props} />
    </FluentProvider>,
  );
  return { m, user: userEvent.setup() };
};

test('typing the name of a saved scenario says saving replaces it', async () => {
  const { user, m } = show();
  await user.type(screen.getByRole('textbox', { name: /Save what is in force as/ }), 'lean');
  expect(screen.getByText('Saving replaces the saved scenario "Lean" with what is in force now.')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Replace scenario' }));
  expect(m.save).toHaveBeenCalledWith('lean');
});

test('nothing can be saved, switched or compared while the pane’s settings are not valid', () => {
  show({ canAct: false });
  // Inactive but focusable, so a keyboard user's focus is never dropped when they turn inactive.
  for (const name of ['Save as scenario', 'Switch…', 'Delete…', 'Compare', 'Use no scenario']) expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
});

const preview: SwitchPreview = {
  scenario: { name: 'Lean', settings: {}, capacities: {}, overrides: [] },
  settings: [{ label: 'In-flight limit', now: 12, scenario: 4 }],
  overrides: [
    { initiative: 'Claims triage', scenario: { choice: 'Out', reason: 'Board' } },
    { initiative: 'Vendor risk', scenario: { choice: 'In', reason: 'Regulator' }, table: { choice: 'Out', reason: 'Budget' } },
    { initiative: 'Chatbot', table: { choice: 'Out', reason: 'Paused' } },
  ],
  unsaved: true,
};

test('the switch preview lists each change, leaving out an override only the table makes (it still stands)', () => {
  show({ model: model({ preview }) });
  const items = Array.from(screen.getByRole('list', { name: 'What switching changes' }).querySelectorAll('li'), (li) => li.textContent);
  expect(items).toEqual([
    'In-flight limit: 12 → 4',
    'Claims triage: forced out (Board); the table has no override',
    "Vendor risk: forced in (Regulator) instead of the table's forced out (Budget)",
  ]);
});

test('the switch preview warns that the settings in force are saved nowhere, and switches only on confirmation', async () => {
  const { user, m } = show({ model: model({ preview }) });
  expect(screen.getByText(/not saved as a scenario: switching replaces them/)).toBeInTheDocument();
  expect(m.confirmSwitch).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Switch to Lean' }));
  expect(m.confirmSwitch).toHaveBeenCalledWith('Lean');
});

test('compare offers the current settings and every scenario, never the same on both sides', async () => {
  const { user, m } = show();
  const b = screen.getByRole('combobox', { name: 'with (B)' });
  expect(Array.from((b as HTMLSelectElement).options, (o) => o.value)).toEqual(['Lean', 'Wide']);
  await user.click(screen.getByRole('button', { name: 'Compare' }));
  expect(m.compare).toHaveBeenCalledWith('Current settings', 'Lean');
});

test('deleting asks first, says when the scenario is in force, and deletes only on confirmation', async () => {
  const { user, m } = show();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Switch to' }), 'Wide');
  await user.click(screen.getByRole('button', { name: 'Delete…' }));
  const ask = screen.getByRole('group', { name: 'Delete Wide' });
  expect(ask).toHaveTextContent('It is in force');
  expect(m.remove).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Delete Wide' }));
  expect(m.remove).toHaveBeenCalledWith('Wide');
  expect(screen.queryByRole('group', { name: 'Delete Wide' })).not.toBeInTheDocument();
});

test('keeping the scenario deletes nothing', async () => {
  const { user, m } = show();
  await user.click(screen.getByRole('button', { name: 'Delete…' }));
  expect(screen.getByRole('group', { name: 'Delete Lean' })).not.toHaveTextContent('It is in force');
  await user.click(screen.getByRole('button', { name: 'Keep it' }));
  expect(m.remove).not.toHaveBeenCalled();
  expect(screen.queryByRole('group', { name: 'Delete Lean' })).not.toBeInTheDocument();
});

describe('focus after a confirmation closes (its buttons go with it)', () => {
  const panel = (m: ScenariosModel, busy = false, inForce = 'Wide') => (
    <FluentProvider theme={webLightTheme}>
      <ScenariosPanel names={['Lean', 'Wide']} inForce={inForce} busy={busy} canAct model={m} />
    </FluentProvider>
  );

  test('keeping the scenario puts focus back on Delete…', async () => {
    const { user } = show();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('button', { name: 'Delete…' })).toHaveFocus();
  });

  test('using no scenario (its button goes with the scenario in force) puts focus on Switch…', async () => {
    const m = model();
    const { rerender } = render(panel(m));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use no scenario' }));
    expect(m.confirmSwitch).toHaveBeenCalledWith('');
    rerender(panel(m, true, ''));
    expect(screen.queryByRole('button', { name: 'Use no scenario' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Switch…' })).toHaveFocus();
  });

  test('cancelling a switch puts focus back on Switch…', async () => {
    const m = model({ preview });
    const { rerender } = render(panel(m));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(m.cancelSwitch).toHaveBeenCalled();
    rerender(panel(model()));
    expect(screen.getByRole('button', { name: 'Switch…' })).toHaveFocus();
  });

  test('after switching, focus goes back to Switch… and stays there while the switch keeps the pane busy, and never away from where the user put it', async () => {
    const m = model({ preview });
    const { rerender } = render(panel(m));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Switch to Lean' }));
    expect(m.confirmSwitch).toHaveBeenCalledWith('Lean');
    rerender(panel(model(), true));
    expect(screen.getByRole('button', { name: 'Switch…' })).toHaveFocus();
    rerender(panel(model()));
    expect(screen.getByRole('button', { name: 'Switch…' })).toHaveFocus();

    rerender(panel(model({ preview })));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    screen.getByRole('textbox', { name: /Save what is in force as/ }).focus();
    rerender(panel(model()));
    expect(screen.getByRole('textbox', { name: /Save what is in force as/ })).toHaveFocus();
  });
});

test('once another scenario is in force the name typed for the last one is cleared, so Save never offers to replace a scenario no longer in force', async () => {
  const m = model();
  const panel = (inForce: string) => (
    <FluentProvider theme={webLightTheme}>
      <ScenariosPanel names={['Lean', 'Wide']} inForce={inForce} busy={false} canAct model={m} />
    </FluentProvider>
  );
  const { rerender } = render(panel(''));
  const user = userEvent.setup();
  const field = screen.getByRole('textbox', { name: /Save what is in force as/ });
  await user.type(field, 'Wide');
  await user.click(screen.getByRole('button', { name: 'Replace scenario' }));
  // Saved: Wide is in force. Then the room switches to Lean.
  rerender(panel('Wide'));
  rerender(panel('Lean'));
  expect(field).toHaveValue('');
  expect(screen.queryByText(/Saving replaces the saved scenario "Wide"/)).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Save as scenario' })).toHaveAttribute('aria-disabled', 'true');
});
