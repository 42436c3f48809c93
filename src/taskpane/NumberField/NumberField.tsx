// A number the room types or steps: Fluent's SpinButton (arrows, Up and Down
// keys, role spinbutton) over the text the draft keeps as typed, so a value
// that cannot be used stays on screen beside the message that says why.

import { Field, SpinButton, type SpinButtonOnChangeData } from '@fluentui/react-components';
import { parseNumber } from '../../engine/cells';

export type NumberFieldProps = {
  label: string;
  hint: string;
  /** The text as typed. */
  value: string;
  /** What is wrong with it, naming the field; undefined when it can be used. */
  error: string | undefined;
  min?: number;
  step?: number;
  /** The new text: a step of the arrows gives the number, typing gives the text once the user presses Enter or leaves the field. */
  onChange: (text: string) => void;
};

/** The text the draft keeps after a change: the stepped number, or what was typed. */
export function changedText(data: SpinButtonOnChangeData): string | undefined {
  if (data.value !== undefined && data.value !== null) return String(data.value);
  return data.displayValue;
}

export function NumberField({ label, hint, value, error, min = 0, step = 1, onChange }: NumberFieldProps) {
  const number = parseNumber(value.trim());
  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <SpinButton
        value={number ?? null}
        displayValue={value}
        min={min}
        step={step}
        onChange={(_, data) => {
          const text = changedText(data);
          if (text !== undefined && text !== value) onChange(text);
        }}
      />
    </Field>
  );
}
