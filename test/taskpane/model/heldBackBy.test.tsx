/** @jest-environment jsdom */
// Which team binds: how many deferred initiatives each team holds back, beside it in the team capacity table.

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { prioritise } from '../../../src/engine/plan';
import { heldBackBy } from '../../../src/taskpane/model/heldBackBy';
import { TeamLoads } from '../../../src/taskpane/TeamLoads/TeamLoads';
import { capacity, NOW, readyRow, settingsTable, table } from '../../builders';

const row = (id: string, value: number, demand: Record<string, number>) => readyRow({ ID: id, Initiative: `Initiative ${id}`, 'Annual value': value, ...demand });
const plan = (rows: ReturnType<typeof row>[], teams: Record<string, number>, limit = 10) =>
  prioritise({ initiatives: table(rows), capacity: capacity(teams), settings: settingsTable({ 'In-flight limit': limit }) }, { now: NOW });

test('the team short for the most deferred initiatives comes first, with how many it held back', () => {
  // After A, Legal has 1 week left (B and C need 3) and Security 3 (B needs 2, C needs 4).
  const shown = plan([row('A', 3_000_000, { Legal: 3, Security: 2 }), row('B', 2_000_000, { Legal: 3, Security: 2 }), row('C', 1_000_000, { Legal: 3, Security: 4 })], { Legal: 4, Security: 5 });
  expect(shown.entries.map((e) => e.decision)).toEqual(['Commit', 'Deferred (capacity)', 'Deferred (capacity)']);
  expect(heldBackBy(shown)).toEqual([{ by: 'Legal', count: 2 }, { by: 'Security', count: 1 }]);
});

test('the in-flight limit is named when it deferred initiatives', () => {
  const shown = plan([row('A', 3_000_000, { Legal: 1 }), row('B', 2_000_000, { Legal: 1 })], { Legal: 10 }, 1);
  expect(heldBackBy(shown)).toEqual([{ by: 'the in-flight limit', count: 1 }]);
});

test('a plan that commits everything ready names no team', () => {
  const shown = plan([row('A', 3_000_000, { Legal: 1 })], { Legal: 10 });
  expect(heldBackBy(shown)).toEqual([]);
});

describe('the team capacity table', () => {
  const shown = plan([row('A', 3_000_000, { Legal: 3, Security: 2 }), row('B', 2_000_000, { Legal: 3, Security: 2 }), row('C', 1_000_000, { Legal: 3, Security: 4 })], { Legal: 4, Security: 5 });
  const rowText = (name: RegExp) => within(screen.getByRole('table', { name: 'Team capacity used' })).getByRole('rowheader', { name }).textContent;

  test('says beside each team how many deferred initiatives it holds back', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <TeamLoads loads={shown.changeImpact.teamLoads} inFlight={shown.changeImpact.inFlight} heldBack={heldBackBy(shown)} />
      </FluentProvider>,
    );
    expect(rowText(/^Legal/)).toBe('Legal4 weeks; holds back 2');
    expect(rowText(/^Security/)).toBe('Security5 weeks; holds back 1');
    expect(rowText(/^In flight/)).toBe('In flightlimit 10');
  });
});
