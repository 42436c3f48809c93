/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Issue } from '../../src/engine/types';
import { Bottlenecks, bottleneckFindings, pointsNote } from '../../src/taskpane/Bottlenecks/Bottlenecks';
import { Problems } from '../../src/taskpane/Problems/Problems';
import { RunBar, type RunBarProps } from '../../src/taskpane/RunBar/RunBar';
import { TeamCapacity } from '../../src/taskpane/TeamCapacity/TeamCapacity';
import { Summary } from '../../src/taskpane/Summary/Summary';
import { PlanGlance } from '../../src/taskpane/Summary/PlanGlance';
import { prioritise } from '../../src/engine/plan';
import { capacity, NOW, named, readyRow, settingsTable, table, workbook } from '../builders';
import { sampleTables } from '../../src/sample/samplePortfolio';

jest.setTimeout(30_000);

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const issue = (severity: Issue['severity'], message: string, cell?: string): Issue => ({ code: 'unreadable-cell', severity, sheet: 'Portfolio', message, ...(cell ? { cell } : {}) });

describe('the run bar', () => {
  const props: RunBarProps = {
    busy: false,
    progress: undefined,
    canRun: true,
    dirty: false,
    runBy: '',
    onRunByChange: () => {},
    onRun: () => {},
    onSave: () => {},
    onReset: () => {},
  };

  test('while a run is under way it shows what it is doing and keeps Run focusable but inactive', () => {
    show(<RunBar {...props} busy progress="Planning…" />);
    expect(screen.getByRole('progressbar', { name: 'Planning…' })).toBeInTheDocument();
    const run = screen.getByRole('button', { name: 'Run' });
    expect(run).toHaveAttribute('aria-disabled', 'true');
    expect(run).not.toBeDisabled();
  });

  test('with unsaved settings, Run says it saves them first', async () => {
    const onRun = jest.fn();
    show(<RunBar {...props} dirty onRun={onRun} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save settings and run' }));
    expect(onRun).toHaveBeenCalledTimes(1);
  });
});

describe('the input problems', () => {
  test('in live mode they say the fix re-plans by itself, not "run again"', () => {
    const { rerender } = show(<Problems issues={[issue('error', 'An error', 'G4')]} onSelectCell={() => {}} live />);
    expect(screen.getByText('1 row is kept out of the plan until fixed. Fix a cell and live mode re-plans.')).toBeInTheDocument();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <Problems issues={[issue('error', 'An error', 'G4')]} onSelectCell={() => {}} />
      </FluentProvider>,
    );
    expect(screen.getByText('1 row is kept out of the plan until fixed. Fix a cell, then run again.')).toBeInTheDocument();
  });

  test('errors come before warnings, and only problems with a cell get a Select button', async () => {
    const onSelectCell = jest.fn();
    const problems = [issue('warning', 'A warning', 'C3'), issue('error', 'An error', 'G4'), issue('warning', 'A sheet-wide warning')];
    show(<Problems issues={problems} onSelectCell={onSelectCell} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['Error: An errorSelect Portfolio!G4', 'Warning: A warningSelect Portfolio!C3', 'Warning: A sheet-wide warning']);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Select Portfolio!G4' }));
    expect(onSelectCell).toHaveBeenCalledWith(problems[1]);
  });

  test('a long list shows the first ones and offers the rest', async () => {
    show(<Problems issues={Array.from({ length: 5 }, (_, i) => issue('warning', `Problem ${i}`))} onSelectCell={() => {}} initial={2} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all 5 problems' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });

  test('opening the long list by keyboard keeps focus on its button, which then folds it again', async () => {
    show(<Problems issues={Array.from({ length: 5 }, (_, i) => issue('warning', `Problem ${i}`))} onSelectCell={() => {}} initial={2} />);
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Show all 5 problems' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show the first 2 problems' }));
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  test('no problems is said plainly', () => {
    show(<Problems issues={[]} onSelectCell={() => {}} />);
    expect(screen.getByText('None: every cell could be read.')).toBeInTheDocument();
  });
});

describe('team capacity', () => {
  test('without a Capacity table it explains how to cap teams', () => {
    show(<TeamCapacity teams={[]} capacities={{}} errors={{}} onChange={() => {}} />);
    expect(screen.getByText(/Add a table named Capacity/)).toBeInTheDocument();
  });

  test('each team is a labelled field with its validation message', () => {
    show(<TeamCapacity teams={[{ name: 'Legal', capacity: 12, unit: 'weeks' }]} capacities={{ Legal: '-1' }} errors={{ Legal: 'Enter a number of 0 or more (weeks).' }} onChange={() => {}} />);
    const field = screen.getByRole('spinbutton', { name: 'Legal (weeks)' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Enter a number of 0 or more (weeks).'));
  });
});

describe('bottlenecks', () => {
  test('nothing shows when the plan has no findings', () => {
    const { container } = show(<Bottlenecks findings={undefined} />);
    expect(container.querySelector('section')).toBeNull();
  });

  test('findings show as plain sentences, grouped under their headings', () => {
    show(
      <Bottlenecks
        findings={{
          capacity: ['Legal +1 week: +$1.2M committed value (Claims triage enters)'],
          overrides: [],
          enablers: ['Evaluation harness unlocks Claims triage: $1.7M a year'],
          deferred: ['Claims triage: needs 1 week less of Legal'],
          notes: ['Worked out with rank and fill.'],
        }}
      />,
    );
    const region = screen.getByRole('region', { name: 'Bottlenecks' });
    expect(within(region).getByRole('list', { name: 'One more unit of capacity' })).toHaveTextContent('Legal +1 week');
    expect(within(region).getByRole('list', { name: 'What it would take to get in' })).toHaveTextContent('Claims triage');
    expect(within(region).getByRole('list', { name: 'What each shared enabler is worth' })).toHaveTextContent('Evaluation harness unlocks Claims triage');
    expect(within(region).queryByRole('list', { name: 'What the overrides cost' })).toBeNull();
    expect(region).toHaveTextContent('Worked out with rank and fill.');
  });

  test('findings counted in priority points say once what a priority point is', () => {
    const findings = bottleneckFindings(prioritise(sampleTables(), { now: NOW }))!;
    expect(findings.capacity.some((line) => line.includes('priority points'))).toBe(true);
    show(<Bottlenecks findings={findings} />);
    expect(screen.getByRole('region', { name: 'Bottlenecks' })).toHaveTextContent('Priority points: the priority scores (0-100) of the committed initiatives, added up.');
  });

  test('on a roadmap the note says a later start counts a little less', () => {
    expect(pointsNote(true)).toBe('Priority points: the priority scores (0-100) of the committed initiatives, added up, a later start counting a little less.');
  });

  test('findings in money alone say nothing of priority points', () => {
    show(<Bottlenecks findings={{ capacity: ['Legal +1 week: +$1.2M committed value (Claims triage enters)'], overrides: [], enablers: [], deferred: [], notes: [] }} />);
    expect(screen.getByRole('region', { name: 'Bottlenecks' })).not.toHaveTextContent('Priority points');
  });

  test('a long group shows its first three, the highest-ranked, and the rest on asking', async () => {
    const deferred = Array.from({ length: 12 }, (_, i) => `Deferred ${i + 1}: raise its priority score`);
    const capacity = ['Legal +1 week: no change.', 'Security +1 week: no change.', 'ML platform +1 week: no change.', 'In-flight limit +1: no change.'];
    show(<Bottlenecks findings={{ capacity, overrides: [], enablers: [], deferred, notes: [] }} />);
    const list = screen.getByRole('list', { name: 'What it would take to get in' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(deferred.slice(0, 3));
    // Each team's worth is a line the room reads whole: never folded.
    expect(within(screen.getByRole('list', { name: 'One more unit of capacity' })).getAllByRole('listitem')).toHaveLength(4);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show all 12 deferred initiatives' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show the first 3 deferred initiatives' }));
  });

  test('the sample plan brings its findings, with what it would take for every deferred initiative', async () => {
    const { prioritise } = await import('../../src/engine/plan');
    const { sampleTables } = await import('../../src/sample/samplePortfolio');
    const { bottleneckFindings } = await import('../../src/taskpane/Bottlenecks/Bottlenecks');
    const plan = prioritise(sampleTables(), { now: '2026-11-23T10:00:00Z' });
    const findings = bottleneckFindings(plan);
    expect(findings?.capacity.length).toBe(plan.bottlenecks?.capacity.length);
    const deferred = plan.entries.filter((e) => e.decision.startsWith('Deferred (capacity') || e.decision.startsWith('Deferred (in-flight'));
    expect(findings?.deferred).toHaveLength(deferred.length);
    expect(findings?.deferred.join('\n')).not.toMatch(/to 0 weeks/);
    expect(findings?.capacity[0]).toBe(plan.bottlenecks?.capacity[0]?.text);
  });
});

describe('the plan summary', () => {
  test('says which currency its totals are in and the FX rates that converted them', () => {
    const input = workbook([named('Claims triage', { 'Annual value': '€300k' }), named('Invoice matching', { 'Annual value': '$1.2M' }), named('Churn', { 'Annual value': '$250k' })]);
    const fxRates = { sheet: 'Rates', name: 'FXRates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.1]], origin: { row: 0, column: 0 } };
    show(<Summary plan={prioritise({ ...input, fxRates }, { now: NOW })} />);
    expect(screen.getByText('Amounts in USD (the currency most amounts state); converted with 1 EUR = 1.1 USD (FX rates table).')).toBeInTheDocument();
  });

  test('says nothing of currencies when the amounts state none', () => {
    show(<Summary plan={prioritise(workbook([named('Plain', { 'Annual value': 500_000 })]), { now: NOW })} />);
    expect(screen.queryByText(/^Amounts in/)).not.toBeInTheDocument();
  });
});

describe('the plan at a glance', () => {
  const plan = () => prioritise(workbook([named('Claims triage', { 'Annual value': 300_000 }), named('Churn', { 'Annual value': 250_000 })]), { now: NOW });

  test('says how many in-flight places the plan uses, and what moved since the last run when there was one', () => {
    const shown = plan();
    show(<PlanGlance plan={shown} moved="Churn enters the plan." />);
    expect(screen.getByText(`${shown.summary.inFlight} of ${shown.summary.inFlightLimit} in-flight places used. Since the last run: Churn enters the plan.`)).toBeInTheDocument();
  });

  test('over horizons it counts the places used in the busiest horizon, as the limit holds in each, in the glance and the summary', () => {
    // Three initiatives, Legal fits two a horizon and the limit is 2: two start in H1, one in H2, three committed.
    const rows = ['Claims triage', 'Invoice matching', 'Churn'].map((name, i) => readyRow({ ID: `I${i}`, Initiative: name, 'Annual value': 1_000_000 - i, Legal: 2 }));
    const roadmap = prioritise(
      { initiatives: table(rows), capacity: capacity({ Legal: 4 }), settings: settingsTable({ Horizons: 'H1, H2', 'In-flight limit': 2 }) },
      { now: NOW },
    );
    expect(roadmap.summary.byDecision.Commit).toBe(3);
    expect(roadmap.summary.inFlight).toBe(2);
    show(<PlanGlance plan={roadmap} />);
    expect(screen.getByText('At most 2 of 2 in-flight places used in any one horizon.')).toBeInTheDocument();
    show(<Summary plan={roadmap} />);
    expect(screen.getByText(/; at most 2 of 2 in-flight places used in any one horizon\.$/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'The plan for Next planning period, over H1, H2' })).toBeInTheDocument();
  });

  test('a deferred initiative that is not ready says what must become true, not only its gate', () => {
    const blocked = prioritise(workbook([named('Claims triage', { 'Annual value': 300_000, Owner: '' })]), { now: NOW });
    const entry = blocked.entries[0]!;
    expect(entry.decision).toBe('Not ready');
    show(<PlanGlance plan={blocked} />);
    expect(within(screen.getByRole('list', { name: 'Top deferred' })).getByRole('listitem')).toHaveTextContent(`Claims triage — ${entry.gate.gate}: ${entry.gate.gaps[0]!}`);
  });

  test('rows an unreadable cell keeps out of the plan are said on the first screen, with a way to their problems', async () => {
    const withBad = prioritise(workbook([named('Claims triage', { 'Annual value': 300_000 }), named('Churn', { 'Strategic fit': 7 })]), { now: NOW });
    const onShowProblems = jest.fn();
    show(<PlanGlance plan={withBad} onShowProblems={onShowProblems} />);
    expect(screen.getByText(/^1 initiative has a cell that could not be read, so it is not in the plan or its totals\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: `See the ${withBad.issues.length} input problem${withBad.issues.length === 1 ? '' : 's'}` }));
    expect(onShowProblems).toHaveBeenCalledTimes(1);
  });

  test('a plan whose every row could be read says nothing of problems', () => {
    show(<PlanGlance plan={plan()} onShowProblems={() => {}} />);
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /input problem/ })).not.toBeInTheDocument();
  });

  test('after a first run it says nothing of what moved', () => {
    show(<PlanGlance plan={plan()} />);
    expect(screen.queryByText(/Since the last run/)).not.toBeInTheDocument();
    expect(screen.getByText(/in-flight places used\.$/)).toBeInTheDocument();
  });
});
