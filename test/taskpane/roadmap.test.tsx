/** @jest-environment jsdom */
// The pane's roadmap (issue 19): horizons as columns, committed initiatives as bars in start order;
// nothing at all with one planning period.

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { prioritise } from '../../src/engine/plan';
import { Roadmap } from '../../src/taskpane/Roadmap/Roadmap';
import { roadmapView } from '../../src/taskpane/Roadmap/roadmapView';
import { capacity, NOW, readyRow, settingsTable, table } from '../builders';

const rows = [
  readyRow({ ID: 'A', Initiative: 'Claims triage', 'Annual value': 2_000_000, Legal: 3 }),
  readyRow({ ID: 'B', Initiative: 'Invoice matching', 'Annual value': 1_000_000, Legal: 3, Duration: 2 }),
];
const planWith = (horizons: string) =>
  prioritise({ initiatives: table(rows), capacity: capacity({ Legal: 4 }), settings: settingsTable({ Horizons: horizons }) }, { now: NOW });

describe('the roadmap in the pane', () => {
  test('lists committed initiatives in start order, each over the horizons it runs in', () => {
    const view = roadmapView(planWith('H1, H2, H3'))!;
    expect(view.horizons).toEqual(['H1', 'H2', 'H3']);
    expect(view.bars.map((b) => [b.name, b.start, b.duration])).toEqual([
      ['Claims triage', 0, 1],
      ['Invoice matching', 1, 2],
    ]);
    expect(view.bars[1]!.why).toBe('Legal (needs 3 weeks, 1 week left) in H1');
    expect(roadmapView(planWith('H1, H2, H3'), 1)!.more).toBe(1);
  });

  test('draws a table with a column per horizon, a bar a screen reader reads as "runs"', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Roadmap plan={planWith('H1, H2, H3')} />
      </FluentProvider>,
    );
    const grid = screen.getByRole('table', { name: 'Roadmap' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Initiative', 'H1', 'H2', 'H3']);
    const invoice = within(grid).getByRole('row', { name: /Invoice matching/ });
    expect(within(invoice).getAllByRole('cell').map((c) => c.textContent)).toEqual(['', 'runs', 'runs']);
  });

  test('shows nothing with one planning period', () => {
    expect(roadmapView(planWith(''))).toBeUndefined();
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <Roadmap plan={planWith('H1')} />
      </FluentProvider>,
    );
    expect(container.querySelector('section')).toBeNull();
  });
});

describe('a roadmap with an initiative forced in', () => {
  const forcedRows = [...rows, readyRow({ ID: 'C', Initiative: 'Audit sampling', 'Annual value': 100_000, Legal: 1, Override: 'In', 'Override reason': 'Audit finding' })];
  const plan = (overrides: boolean) =>
    prioritise({ initiatives: table(overrides ? forcedRows : rows), capacity: capacity({ Legal: 4 }), settings: settingsTable({ Horizons: 'H1, H2' }) }, { now: NOW });
  const caption = (overrides: boolean) => {
    const { container, unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <Roadmap plan={plan(overrides)} />
      </FluentProvider>,
    );
    const text = container.querySelector('section')!.textContent ?? '';
    unmount();
    return text;
  };

  test('says what its outlined bar means', () => {
    expect(caption(true)).toContain('an outlined bar is forced in by leadership');
  });

  test('says nothing of outlined bars when none is forced in', () => {
    expect(caption(false)).not.toContain('outlined');
  });
});
