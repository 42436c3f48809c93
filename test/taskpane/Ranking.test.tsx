/** @jest-environment jsdom */
// The ranking's list is one Tab stop: the arrow keys move between the cards' Details buttons.

import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { prioritise } from '../../src/engine/plan';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { Ranking } from '../../src/taskpane/Ranking/Ranking';
import { NOW } from '../builders';
import { giveTabsterALayout } from './tabsterLayout';

giveTabsterALayout();

function showRanking() {
  const user = userEvent.setup();
  const plan = prioritise(sampleTables(), { now: NOW });
  render(
    <FluentProvider theme={webLightTheme}>
      <Ranking plan={plan} busy={false} onSort={() => {}} />
      <Button>After the ranking</Button>
    </FluentProvider>,
  );
  const list = screen.getByRole('list', { name: 'Ranking' });
  const details = within(list).getAllByRole('button', { name: /^Show details for / });
  return { user, details };
}

describe('the ranking list and the keyboard', () => {
  test('Tab enters the list once, the arrows move between the cards, Tab leaves it for the next control', async () => {
    const { user, details } = showRanking();
    expect(details.length).toBeGreaterThan(3);
    const team = screen.getByRole('combobox', { name: 'Team' });
    team.focus();
    await user.tab();
    expect(details[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(details[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(details[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(details[1]).toHaveFocus();
    // One press of Tab past every other card.
    await user.tab();
    expect(screen.getByRole('button', { name: 'After the ranking' })).toHaveFocus();
    // Back in, on the card the user left.
    await user.tab({ shift: true });
    expect(details[1]).toHaveFocus();
    // Home and End reach the whole list's ends, not only the cards rendered (25 here, about 10 drawn).
    expect(details.length).toBeLessThan(25);
    await user.keyboard('{End}');
    const last = within(screen.getByRole('list', { name: 'Ranking' })).getAllByRole('listitem').at(-1)!;
    expect(last).toHaveAttribute('aria-posinset', '25');
    expect(within(last).getByRole('button', { name: /^Show details for / })).toHaveFocus();
    await user.keyboard('{Home}');
    const first = within(screen.getByRole('list', { name: 'Ranking' })).getAllByRole('listitem')[0]!;
    expect(first).toHaveAttribute('aria-posinset', '1');
    expect(within(first).getByRole('button', { name: /^Show details for / })).toHaveFocus();
    // Shift+Tab leaves by the top, for the filters.
    await user.tab({ shift: true });
    expect(team).toHaveFocus();
  });

  test('the buttons keep their names and Enter still opens a card in place', async () => {
    const { user, details } = showRanking();
    screen.getByRole('combobox', { name: 'Team' }).focus();
    await user.tab();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(details[1]).toHaveFocus();
    expect(details[1]).toHaveAttribute('aria-expanded', 'true');
    expect(details[1]!.getAttribute('aria-label')).toMatch(/^Hide details for /);
  });
});
