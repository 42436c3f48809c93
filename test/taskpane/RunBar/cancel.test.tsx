/** @jest-environment jsdom */
// The run bar's Cancel: offered while the run reads or plans, shown but inactive while it writes,
// and focus waits on Run once it is pressed (Cancel goes away with the run).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { RunBar, type RunBarProps } from '../../../src/taskpane/RunBar/RunBar';

jest.setTimeout(30_000);

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const props: RunBarProps = {
  busy: true,
  progress: 'Planning…',
  canRun: true,
  dirty: false,
  runBy: '',
  onRunByChange: () => {},
  onRun: () => {},
  onSave: () => {},
  onReset: () => {},
};

test('pressing Cancel cancels the run and leaves focus on Run', async () => {
  const onCancel = jest.fn();
  show(<RunBar {...props} cancel="enabled" onCancel={onCancel} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Cancel the run' }));
  expect(onCancel).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('button', { name: 'Run' })).toHaveFocus();
});

test('while the plan is written Cancel stays in place but does nothing', async () => {
  const onCancel = jest.fn();
  show(<RunBar {...props} progress="Writing the results…" cancel="disabled" onCancel={onCancel} />);
  const cancel = screen.getByRole('button', { name: 'Cancel the run' });
  expect(cancel).toHaveAttribute('aria-disabled', 'true');
  await userEvent.setup().click(cancel);
  expect(onCancel).not.toHaveBeenCalled();
});

test('no Cancel for work that cannot be cancelled', () => {
  show(<RunBar {...props} progress="Working…" onCancel={() => {}} />);
  expect(screen.queryByRole('button', { name: 'Cancel the run' })).toBeNull();
});
