/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { findSheet, findTable } from '../../src/adapters/memory';
import { rawTable } from '../../src/adapters/memory/tables';
import { readScenarios } from '../../src/engine/scenarios/readScenarios';
import type { Scenario } from '../../src/engine/scenarios/scenario';
import { DEFAULT_SETTINGS, readSettings } from '../../src/engine/settings';
import { memoryPort, sampleWorkbook } from '../adapters/memory/memoryBuilders';
import { loaded, renderPane, runButton, statusSays } from './paneHarness';

type User = ReturnType<typeof renderPane>['user'];

const settingsOf = (workbook: ReturnType<typeof sampleWorkbook>) => readSettings(rawTable(workbook, findTable(workbook, 'PrioritisationSettings')!)).settings;

async function setLimit(user: User, value: string) {
  const limit = screen.getByRole('spinbutton', { name: 'In-flight limit' });
  await user.clear(limit);
  await user.type(limit, `${value}{Enter}`);
}

async function saveAs(user: User, name: string) {
  const field = screen.getByRole('textbox', { name: 'Save what is in force as' });
  await user.clear(field);
  await user.type(field, name);
  await user.click(screen.getByRole('button', { name: 'Save as scenario' }));
  await screen.findByText(`Saved as scenario "${name}" on the Scenarios sheet; it is the scenario in force.`, {}, { timeout: 10_000 });
}

const limited = (name: string, limit: number): Scenario => ({ name, settings: { 'In-flight limit': limit }, capacities: {}, overrides: [] });

/** The sample with scenarios already saved and the last one in force, so a test spends its time on what it checks. */
async function sampleWithScenarios(...scenarios: Scenario[]) {
  const workbook = sampleWorkbook();
  const port = memoryPort(workbook);
  for (const scenario of scenarios) await port.changeScenarios({ kind: 'save', scenario });
  const last = scenarios[scenarios.length - 1]!;
  await port.saveSettings({ ...DEFAULT_SETTINGS, inFlightLimit: last.settings['In-flight limit'] as number, scenario: last.name });
  return workbook;
}

async function openScenarios(user: User) {
  await loaded();
  await user.click(screen.getByRole('button', { name: 'Scenarios' }));
}

test('saving the settings in force as a scenario puts it on the Scenarios sheet and says it is in force', async () => {
  const { user, workbook } = renderPane({ workbook: sampleWorkbook() });
  await openScenarios(user);
  await setLimit(user, '4');
  await saveAs(user, 'Lean');
  const scenarios = readScenarios({ scenarios: rawTable(workbook, findTable(workbook, 'PrioritiserScenarios')!), overrides: undefined }).scenarios;
  expect(scenarios.map((s) => [s.name, s.settings['In-flight limit']])).toEqual([['Lean', 4]]);
  expect(screen.getByText(/In force: scenario "Lean"\./)).toBeInTheDocument();
});

test('a setting changed after the switch is said beside the scenario in force: the plan on show is no longer that scenario', async () => {
  const { user } = renderPane({ workbook: await sampleWithScenarios(limited('Lean', 4)) });
  await openScenarios(user);
  expect(screen.getByText(/In force: scenario "Lean"\./)).toBeInTheDocument();
  await setLimit(user, '6');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await screen.findByText(/In force: scenario "Lean", with a change not saved in it: In-flight limit 6 \(Lean: 4\)\. Save it again to keep the change\./);
});

test('switching shows what changes first, then puts the scenario’s settings on the settings sheet and writes its plan', async () => {
  const { user, workbook } = renderPane({ workbook: await sampleWithScenarios(limited('Lean', 4), limited('Wide', 12)) });
  await openScenarios(user);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Switch to' }), 'Lean');
  await user.click(screen.getByRole('button', { name: 'Switch…' }));
  const preview = await screen.findByRole('group', { name: 'Switch to Lean' });
  expect(within(preview).getByRole('list', { name: 'What switching changes' })).toHaveTextContent('In-flight limit: 12 → 4');
  expect(settingsOf(workbook).scenario).toBe('Wide');
  await user.click(within(preview).getByRole('button', { name: 'Switch to Lean' }));
  await screen.findByText(/Scenario "Lean" is in force/, {}, { timeout: 10_000 });
  expect([settingsOf(workbook).scenario, settingsOf(workbook).inFlightLimit]).toEqual(['Lean', 4]);
  await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'In-flight limit' })).toHaveValue('4'));
  await statusSays('Plan written');
  expect(screen.getByText(/\b4 of 25 initiatives committed/)).toBeInTheDocument();
});

test('comparing the current settings with a scenario shows what only one plan commits, and writes the comparison to a sheet', async () => {
  const { user, workbook } = renderPane({ workbook: await sampleWithScenarios(limited('Two only', 2)) });
  await openScenarios(user);
  await setLimit(user, '10');
  await user.click(screen.getByRole('button', { name: 'Compare' }));
  const comparison = await screen.findByRole('region', { name: 'Scenario comparison' }, { timeout: 10_000 });
  expect(within(comparison).getByRole('list', { name: 'Only in Current settings' }).querySelectorAll('li').length).toBeGreaterThan(0);
  expect(within(comparison).getByText('Only in Two only').nextElementSibling).toHaveTextContent('None.');
  expect(findSheet(workbook, 'Scenario comparison')).toBeUndefined();
  await user.click(screen.getByRole('button', { name: 'Write comparison to a sheet' }));
  await screen.findByText(/The comparison is on the Scenario comparison sheet/, {}, { timeout: 10_000 });
  expect(findSheet(workbook, 'Scenario comparison')).toBeDefined();
});

test('the weights the room agrees are applied to the settings on confirmation and saved by the run', async () => {
  const { user, workbook } = renderPane({ workbook: sampleWorkbook() });
  await loaded();
  await user.click(screen.getByRole('button', { name: 'Agree the weights' }));
  await user.selectOptions(screen.getByRole('combobox', { name: /Impact or readiness/ }), 'Impact matters far more than readiness');
  await user.selectOptions(screen.getByRole('combobox', { name: /Impact or friction/ }), 'Impact matters far more than friction');
  await user.click(screen.getByRole('button', { name: 'Use these weights' }));
  expect(screen.getByRole('slider', { name: /Impact weight/ })).toHaveValue('82');
  await user.click(runButton());
  await statusSays('Plan written');
  expect(settingsOf(workbook).weights).toEqual({ impact: 82, readiness: 9, friction: 9 });
});
