// The model's settings: the three weights, the in-flight limit, the selection
// method and the planning period. Edits stay in the pane until saved or run.

import { useRef } from 'react';
import { Field, Input, Radio, RadioGroup, Slider, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectionMethod } from '../../engine/types';
import type { DraftErrors, SettingsDraft } from '../model/settingsDraft';
import { NumberField } from '../NumberField/NumberField';
import { useSectionStyles } from '../styles';
import { moveShare, sharesOf, type ShareMove } from '../model/weightShares';
import { WEIGHTS } from './weightMeanings';

export type SettingsPanelProps = {
  draft: SettingsDraft;
  errors: DraftErrors;
  /** Whether the Optimal method can run in this version. */
  optimalAvailable: boolean;
  onChange: (draft: SettingsDraft) => void;
  /** Said beside a control the user changed: that it re-plans (live mode) or applies on Run. */
  changedNote: string;
  /** The saved settings, to tell which controls the user changed. */
  saved: SettingsDraft | undefined;
};

const useStyles = makeStyles({
  slider: { width: '100%', minWidth: 0 },
  value: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

export function SettingsPanel({ draft, errors, optimalAvailable, onChange, changedNote, saved }: SettingsPanelProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const optimalNote = optimalAvailable
    ? 'Optimal finds the set of initiatives with the highest total that fits every cap.'
    : 'Optimal is not available in this version yet, so plans use Rank and fill.';
  const shares = sharesOf(draft.weights);
  // The slider being moved, so each of its steps keeps the proportion the other two had when it began.
  const move = useRef<ShareMove | undefined>(undefined);
  const note = (changed: boolean) => (changed ? `${changedNote} ` : '');
  const weightsChanged = saved !== undefined && JSON.stringify(sharesOf(saved.weights)) !== JSON.stringify(shares);
  return (
    <div className={section.section}>
      {WEIGHTS.map(({ key, label, meaning }, i) => (
        <Field
          key={key}
          label={
            <>
              {label}: <span className={styles.value}>{shares[key]}%</span> of the score
            </>
          }
          hint={`${note(weightsChanged && i === 0)}${meaning}`}
          validationMessage={i === 0 ? errors.weights : undefined}
          validationState={i === 0 && errors.weights ? 'error' : 'none'}
        >
          <Slider
            className={styles.slider}
            min={0}
            max={100}
            step={1}
            value={shares[key]}
            aria-valuetext={`${shares[key]}% of the priority score`}
            // Moving one share rebalances the other two in proportion, so the three always sum to 100%.
            onChange={(_, data) => {
              move.current = moveShare(move.current, draft.weights, key, data.value);
              onChange({ ...draft, weights: move.current.made });
            }}
          />
        </Field>
      ))}
      <NumberField
        label="In-flight limit"
        hint={`${note(saved !== undefined && saved.inFlightLimit !== draft.inFlightLimit)}The most initiatives the plan may have under way at once, forced-in ones included.`}
        value={draft.inFlightLimit}
        error={errors.inFlightLimit}
        onChange={(inFlightLimit) => onChange({ ...draft, inFlightLimit })}
      />
      <Field label="Selection method" hint={`${note(saved !== undefined && saved.method !== draft.method)}Rank and fill commits in priority order while every team has capacity left. ${optimalNote}`}>
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
