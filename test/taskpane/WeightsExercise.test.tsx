/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WeightsExercise } from '../../src/taskpane/WeightsExercise/WeightsExercise';

jest.setTimeout(30_000);

const CURRENT = { impact: 50, readiness: 30, friction: 20 };

function show() {
  const onApply = jest.fn();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <WeightsExercise current={CURRENT} onApply={onApply} />
    </FluentProvider>,
  );
  const question = (name: RegExp) => screen.getByRole('combobox', { name });
  return { onApply, user, question };
}

test('asks the three questions, each defaulting to "equally"', () => {
  const { question } = show();
  expect(question(/Impact or readiness/)).toHaveDisplayValue('Impact and readiness matter equally');
  expect(question(/Impact or friction/)).toHaveDisplayValue('Impact and friction matter equally');
  expect(question(/Readiness or friction/)).toHaveDisplayValue('Readiness and friction matter equally');
});

test('impact far more than each of the others, which matter equally, proposes 82, 9 and 9 and says the answers are consistent', async () => {
  // 9 : 1 : 1 exactly, so the shares are 9/11, 1/11 and 1/11 of 100: 81.8, 9.1 and 9.1, the spare point to impact.
  const { user, question } = show();
  await user.selectOptions(question(/Impact or readiness/), 'Impact matters far more than readiness');
  await user.selectOptions(question(/Impact or friction/), 'Impact matters far more than friction');
  expect(screen.getByText(/Proposed weights/)).toHaveTextContent('Proposed weights: impact 82, readiness 9, friction 9.');
  expect(screen.getByText(/Your answers are consistent/)).toHaveTextContent('consistency ratio 0.00; up to 0.10 counts as consistent');
});

test('the weights change only when the user confirms, and then to the proposal', async () => {
  const { user, question, onApply } = show();
  await user.selectOptions(question(/Impact or readiness/), 'Impact matters far more than readiness');
  await user.selectOptions(question(/Impact or friction/), 'Impact matters far more than friction');
  expect(onApply).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Use these weights' }));
  expect(onApply).toHaveBeenCalledWith({ impact: 82, readiness: 9, friction: 9 }, undefined);
  expect(screen.getByText(/are now 82, 9 and 9/)).toBeInTheDocument();
});

test('circular answers are called inconsistent, say which answers disagree and ask to revisit them', async () => {
  const { user, question } = show();
  await user.selectOptions(question(/Impact or readiness/), 'Impact matters far more than readiness');
  await user.selectOptions(question(/Readiness or friction/), 'Readiness matters far more than friction');
  await user.selectOptions(question(/Impact or friction/), 'Friction matters far more than impact');
  const warning = screen.getByText(/Your answers are inconsistent/);
  expect(warning).toHaveTextContent(/These answers disagree with each other/);
  expect(warning).toHaveTextContent(/Revisit one of those answers/);
  expect(screen.getByRole('button', { name: 'Use these weights anyway' })).toBeEnabled();
});

test('equal answers propose 33, 33 and 34, friction taking the spare point', async () => {
  show();
  expect(screen.getByText(/Proposed weights/)).toHaveTextContent('impact 33, readiness 33, friction 34.');
});

test("the room keeps each person's proposal, and the weights used carry the room's range: each weight from the lowest to the highest proposed", async () => {
  const { user, question, onApply } = show();
  await user.selectOptions(question(/Impact or readiness/), 'Impact matters far more than readiness');
  await user.selectOptions(question(/Impact or friction/), 'Impact matters far more than friction');
  await user.click(screen.getByRole('button', { name: 'Keep this proposal for the range' }));
  expect(screen.getByRole('button', { name: 'Keep this proposal for the range' })).toBeDisabled();
  expect(screen.getByText(/1 proposal kept/)).toBeInTheDocument();
  // A second person: everything equal (33, 33, 34 or so).
  await user.selectOptions(question(/Impact or readiness/), 'Impact and readiness matter equally');
  await user.selectOptions(question(/Impact or friction/), 'Impact and friction matter equally');
  const equal = screen.getByText(/Proposed weights/).textContent!.match(/impact (\d+), readiness (\d+), friction (\d+)/)!.slice(1).map(Number);
  await user.click(screen.getByRole('button', { name: /^Use these weights/ }));
  const [weights, ranges] = onApply.mock.calls.at(-1)!;
  expect(weights).toEqual({ impact: equal[0], readiness: equal[1], friction: equal[2] });
  expect(ranges).toEqual({ impact: { low: equal[0], high: 82 }, readiness: { low: 9, high: equal[1] }, friction: { low: 9, high: equal[2] } });
  expect(screen.getByText(/within the room's range/)).toHaveTextContent(`impact ${equal[0]}-82, readiness 9-${equal[1]}, friction 9-${equal[2]}`);
});

test('with no proposal kept, using the weights leaves the ranges as they are', async () => {
  const { user, question, onApply } = show();
  await user.selectOptions(question(/Impact or readiness/), 'Impact matters far more than readiness');
  await user.click(screen.getByRole('button', { name: /^Use these weights/ }));
  expect(onApply.mock.calls.at(-1)![1]).toBeUndefined();
});
