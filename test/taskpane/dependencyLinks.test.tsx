/** @jest-environment jsdom */
// An initiative's detail in the pane lists what it requires, what requires it
// and its alternatives, each with its decision (issue 18).

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { prioritise } from '../../src/engine/plan';
import type { PlanEntry } from '../../src/engine/types';
import { dependencyLinks } from '../../src/taskpane/DependencyLinks/dependencyLinks';
import { InitiativeDetail } from '../../src/taskpane/InitiativeDetail/InitiativeDetail';
import { named, NOW, workbook } from '../builders';

const plan = prioritise(
  workbook([
    named('Claims triage', { 'Strategic fit': 5, Requires: 'Evaluation harness; Document intake' }),
    named('Support reply assistant', { 'Strategic fit': 4, Requires: 'Evaluation harness' }),
    named('Evaluation harness', { 'Strategic fit': 1 }),
    named('Document intake', { Owner: 'TBD' }),
    named('Fraud vendor A', { 'Strategic fit': 3, Excludes: 'Fraud vendor B' }),
    named('Fraud vendor B', { 'Strategic fit': 2 }),
  ]),
  { now: NOW },
);
const entry = (name: string): PlanEntry => plan.entries.find((e) => e.initiative.name === name)!;

describe('dependency links of an initiative', () => {
  test('what it requires (in the order written), with each decision', () => {
    expect(dependencyLinks(entry('Claims triage'), plan.entries)).toEqual({
      requires: [
        { name: 'Evaluation harness', decision: 'Commit' },
        { name: 'Document intake', decision: 'Not ready' },
      ],
      requiredBy: [],
      alternatives: [],
    });
  });

  test('what requires it, for a shared enabler', () => {
    expect(dependencyLinks(entry('Evaluation harness'), plan.entries)?.requiredBy.map((l) => l.name)).toEqual(['Claims triage', 'Support reply assistant']);
  });

  test('alternatives both ways, whichever row names the other', () => {
    expect(dependencyLinks(entry('Fraud vendor A'), plan.entries)?.alternatives).toEqual([{ name: 'Fraud vendor B', decision: 'Excluded (alternative)' }]);
    expect(dependencyLinks(entry('Fraud vendor B'), plan.entries)?.alternatives).toEqual([{ name: 'Fraud vendor A', decision: 'Commit' }]);
  });

  test('an initiative with no links has none, and its detail shows no lists', () => {
    const lone = prioritise(workbook([named('Churn model', {})]), { now: NOW });
    expect(dependencyLinks(lone.entries[0]!, lone.entries)).toBeUndefined();
    render(
      <FluentProvider theme={webLightTheme}>
        <InitiativeDetail entry={lone.entries[0]!} settings={lone.settings} entries={lone.entries} />
      </FluentProvider>,
    );
    expect(screen.queryByRole('list', { name: 'Requires' })).toBeNull();
  });

  test('the detail lists them under their headings', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <InitiativeDetail entry={entry('Evaluation harness')} settings={plan.settings} entries={plan.entries} />
      </FluentProvider>,
    );
    const requiredBy = screen.getByRole('list', { name: 'Required by' });
    expect(within(requiredBy).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Claims triageDeferred (dependency)', 'Support reply assistantCommit']);
    expect(screen.queryByRole('list', { name: 'Requires' })).toBeNull();
  });
});
