/** @jest-environment jsdom */
// The pane's comparison on a roadmap (issue 19): an initiative both plans commit that starts at another
// time is named with both starts; without horizons the list is not there at all.

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { prioritise } from '../../src/engine/plan';
import { compareScenarios } from '../../src/engine/scenarios/compare';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { Settings } from '../../src/engine/types';
import { ComparisonView } from '../../src/taskpane/Scenarios/ComparisonView';
import { NOW, named, workbook } from '../builders';

const rows = [
  named('Alpha', { 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 6 }),
  named('Bravo', { 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 6 }),
  named('Claims triage', { 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 6 }),
];
const plan = (settings: Partial<Settings>) => prioritise(workbook(rows, { Legal: 12 }), { now: NOW, settings: { ...DEFAULT_SETTINGS, ...settings } });
const show = (a: Partial<Settings>, b: Partial<Settings>) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ComparisonView comparison={compareScenarios(plan(a), plan(b), { a: 'Today', b: 'Legal +6 weeks' })} />
    </FluentProvider>,
  );

test('an initiative that starts sooner in the other plan says so, with both starts and both plans', () => {
  const halves = { horizons: ['H1', 'H2'] };
  show(halves, { ...halves, capacityOverrides: { Legal: 18 } });
  const view = screen.getByRole('region', { name: 'Scenario comparison' });
  expect(within(view).getByRole('status')).toHaveTextContent('Legal +6 weeks commits the same initiatives as Today; Claims triage starts H1 instead of H2.');
  const starts = within(view).getByRole('list', { name: 'In both, starting at another time' });
  expect([...starts.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Claims triageStarts H1 in Legal +6 weeks instead of H2 in Today']);
});

test('without horizons there is no start to compare and no such list', () => {
  show({}, { capacityOverrides: { Legal: 18 } });
  expect(screen.queryByRole('list', { name: 'In both, starting at another time' })).toBeNull();
});

test('an initiative only one plan commits says, in the other plan’s name, what that plan decided and what held it', () => {
  show({}, { capacityOverrides: { Legal: 18 } });
  const only = screen.getByRole('list', { name: 'Only in Legal +6 weeks' });
  expect([...only.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Claims triageIn Today: Deferred (capacity), Legal (needs 6 weeks, 0 weeks left).']);
});

test('the teams’ percentages in the two plans sit under a row saying they are the capacity used', () => {
  show({}, { capacityOverrides: { Legal: 18 } });
  const table = screen.getByRole('table', { name: 'The two plans' });
  const rows = within(table).getAllByRole('row').map((r) => r.textContent);
  expect(rows.indexOf('Team capacity used')).toBe(rows.findIndex((r) => r?.startsWith('Legal')) - 1);
});
