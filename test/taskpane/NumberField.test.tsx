/** @jest-environment jsdom */
// The pane's numbers (the in-flight limit, each team's capacity) are spin buttons: the arrows and
// the Up and Down keys step them, typed text is kept as typed, and the message says what is wrong.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { NumberField } from '../../src/taskpane/NumberField/NumberField';

jest.setTimeout(30_000);

function Limit({ initial, seen }: { initial: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <NumberField
        label="In-flight limit"
        hint="The most initiatives under way at once."
        value={value}
        error={/^\d+$/.test(value) ? undefined : `The in-flight limit is "${value}"`}
        onChange={(text) => (seen.push(text), setValue(text))}
      />
    </FluentProvider>
  );
}

test('the Up and Down keys step the number, never below 0', async () => {
  const seen: string[] = [];
  render(<Limit initial="1" seen={seen} />);
  const limit = screen.getByRole('spinbutton', { name: 'In-flight limit' });
  const user = userEvent.setup();
  await user.click(limit);
  await user.keyboard('{ArrowUp}{ArrowUp}');
  expect(limit).toHaveValue('3');
  await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
  expect(limit).toHaveValue('0');
  expect(seen).toEqual(['2', '3', '2', '1', '0']);
});

test('text that is not a number stays as typed, marked invalid with its message', async () => {
  const seen: string[] = [];
  render(<Limit initial="12" seen={seen} />);
  const limit = screen.getByRole('spinbutton', { name: 'In-flight limit' });
  const user = userEvent.setup();
  await user.clear(limit);
  await user.type(limit, 'ten{Enter}');
  expect(seen).toEqual(['ten']);
  expect(limit).toHaveValue('ten');
  expect(limit).toHaveAttribute('aria-invalid', 'true');
  expect(limit).toHaveAccessibleDescription(expect.stringContaining('The in-flight limit is "ten"'));
});
