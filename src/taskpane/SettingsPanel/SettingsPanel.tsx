// The model's settings: the three weights, the in-flight limit, the selection
// method and the planning period. Edits stay in the pane until saved or run.

import { Field, Input, Radio, RadioGroup, Slider, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectionMethod } from '../../engine/types';
import type { DraftErrors, SettingsDraft } from '../model/settingsDraft';
import { useSectionStyles } from '../styles';
import { WEIGHTS, shareText } from './weightMeanings';

export type SettingsPanelProps = {
  draft: SettingsDraft;
  errors: DraftErrors;
  /** Whether the Optimal method can run in this version. */
  optimalAvailable: boolean;
  onChange: (draft: SettingsDraft) => void;
};

const useStyles = makeStyles({
  slider: { width: '100%', minWidth: 0 },
  value: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

export function SettingsPanel({ draft, errors, optimalAvailable, onChange }: SettingsPanelProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const optimalNote = optimalAvailable
    ? 'Optimal finds the set of initiatives with the highest total that fits every cap.'
    : 'Optimal is not available in this version yet, so plans use Rank and fill.';
  return (
    <div className={section.section}>
      {WEIGHTS.map(({ key, label, meaning }, i) => (
        <Field
          key={key}
          label={
            <>
              {label}: <span className={styles.value}>{draft.weights[key]}</span>
            </>
          }
          hint={`${shareText(draft.weights, key)}. ${meaning}`}
          validationMessage={i === 0 ? errors.weights : undefined}
          validationState={i === 0 && errors.weights ? 'error' : 'none'}
        >
          <Slider
            className={styles.slider}
            min={0}
            max={100}
            // Whole points, not steps of 5: the weights exercise proposes weights such as 82, 9 and 9, and a range input snaps its value to its step.
            step={1}
            value={draft.weights[key]}
            onChange={(_, data) => onChange({ ...draft, weights: { ...draft.weights, [key]: data.value } })}
          />
        </Field>
      ))}
      <Field
        label="In-flight limit"
        hint="The most initiatives the plan may have under way at once, forced-in ones included."
        validationMessage={errors.inFlightLimit}
        validationState={errors.inFlightLimit ? 'error' : 'none'}
      >
        <Input inputMode="numeric" value={draft.inFlightLimit} onChange={(_, data) => onChange({ ...draft, inFlightLimit: data.value })} />
      </Field>
      <Field label="Selection method" hint={`Rank and fill commits in priority order while every team has capacity left. ${optimalNote}`}>
        <RadioGroup value={draft.method} onChange={(_, data) => onChange({ ...draft, method: data.value as SelectionMethod })}>
          <Radio value="Rank and fill" label="Rank and fill" />
          <Radio value="Optimal" label={optimalAvailable ? 'Optimal' : 'Optimal (not available yet)'} disabled={!optimalAvailable} />
        </RadioGroup>
      </Field>
      <Field
        label="Planning period"
        hint="The period the capacities and the plan refer to, as the Decision log shows it."
        validationMessage={errors.planningPeriod}
        validationState={errors.planningPeriod ? 'error' : 'none'}
      >
        <Input value={draft.planningPeriod} onChange={(_, data) => onChange({ ...draft, planningPeriod: data.value })} />
      </Field>
    </div>
  );
}
