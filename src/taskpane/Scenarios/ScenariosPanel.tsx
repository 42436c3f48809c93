// Scenarios: save what is in force under a name, switch to a saved one (after
// seeing what it changes), compare two side by side and write the comparison
// to a sheet for the pack.

import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { OverrideDifference } from '../../engine/scenarios/overrides';
import { sameScenarioName } from '../../engine/scenarios/scenario';
import { useSectionStyles } from '../styles';
import { ComparisonView } from './ComparisonView';
import type { ScenariosModel } from './useScenarios';

export type ScenariosPanelProps = {
  /** Saved scenarios, as the Scenarios sheet names them. */
  names: string[];
  /** The scenario in force ('' for none). */
  inForce: string;
  /** How the settings in force differ from that scenario as saved ("In-flight limit 4 (Base: 10)"). */
  changes?: string[];
  busy: boolean;
  /** False while the pane's settings are not valid: nothing can be saved, switched or compared. */
  canAct: boolean;
  model: ScenariosModel;
};

const forced = (o: { choice: string; reason: string }) => `forced ${o.choice.toLowerCase()} (${o.reason})`;

/** What a scenario's override changes; an override only the table makes still stands, so it changes nothing. */
const overrideText = (d: OverrideDifference): string | undefined => {
  if (!d.scenario) return undefined;
  return `${d.initiative}: ${forced(d.scenario)}${d.table ? ` instead of the table's ${forced(d.table)}` : '; the table has no override'}`;
};

/**
 * A confirmation (switch, delete) that closes, or Use no scenario once used, takes its focused button with it, and focus fell to the page: it goes
 * back to the button that opened it, unless the user has put focus somewhere of their own meanwhile. The panel's
 * buttons stay focusable while inactive (busy, nothing chosen), so focus is not dropped when a switch starts a run.
 */
function useFocusBack(open: boolean, opener: RefObject<HTMLButtonElement>): void {
  const wasOpen = useRef(open);
  const owed = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) owed.current = true;
    wasOpen.current = open;
    const button = opener.current;
    if (!owed.current || !button) return;
    owed.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) button.focus();
  });
}

function SwitchPreviewView({ model, busy }: { model: ScenariosModel; busy: boolean }) {
  const section = useSectionStyles();
  const preview = model.preview!;
  const name = preview.scenario.name;
  const overrides = preview.overrides.flatMap((d) => {
    const text = overrideText(d);
    return text ? [{ key: `${d.initiative}${d.id ?? ''}`, text }] : [];
  });
  const nothing = preview.settings.length === 0 && overrides.length === 0;
  return (
    <div className={section.section} role="group" aria-label={`Switch to ${name}`}>
      <Text weight="semibold">Switching to {name} changes:</Text>
      {nothing ? (
        <Caption1>Nothing: the settings and overrides in force are already this scenario's.</Caption1>
      ) : (
        <ul className={section.list} aria-label="What switching changes">
          {preview.settings.map((d) => (
            <li key={d.label}>
              {d.label}: {String(d.now)} → {String(d.scenario)}
            </li>
          ))}
          {overrides.map((o) => (
            <li key={o.key}>{o.text}</li>
          ))}
        </ul>
      )}
      <Caption1 className={section.quiet}>
        The settings sheet takes the scenario's settings and capacities; the Override column of the table is left as it is, and the scenario's overrides win over it
        while the scenario is in force.
      </Caption1>
      {preview.unsaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The settings in force now are not saved as a scenario: switching replaces them. Save them as a scenario first to come back to them.</MessageBarBody>
        </MessageBar>
      )}
      <div className={section.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void model.confirmSwitch(name)}>
          Switch to {name}
        </Button>
        <Button disabledFocusable={busy} onClick={model.cancelSwitch}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** What the pane says is in force: a scenario whose settings were changed since is not the plan on show, so it says how. */
export function inForceText(inForce: string, changes: readonly string[] = []): string {
  if (!inForce) return 'No scenario in force: the plan uses the settings above and the Override column of the table.';
  if (changes.length === 0) return `In force: scenario "${inForce}".`;
  return `In force: scenario "${inForce}", with ${changes.length === 1 ? 'a change' : 'changes'} not saved in it: ${changes.join('; ')}. Save it again to keep ${changes.length === 1 ? 'the change' : 'them'}.`;
}

export function ScenariosPanel({ names, inForce, changes, busy, canAct, model }: ScenariosPanelProps) {
  const section = useSectionStyles();
  const [name, setName] = useState('');
  // A name typed for the scenario in force is cleared once another is in force (after a save or a switch), or the
  // field went on saying 'Saving replaces the saved scenario "Wide"' beside "In force: Lean" and Replace would
  // overwrite Wide with Lean's settings.
  const [nameFor, setNameFor] = useState(inForce);
  if (nameFor !== inForce) {
    setNameFor(inForce);
    setName('');
  }
  const [target, setTarget] = useState('');
  const sides = [model.current, ...names];
  const [a, setA] = useState(model.current);
  const [b, setB] = useState('');
  /** The scenario the user asked to delete, waiting for confirmation. */
  const [deleting, setDeleting] = useState('');
  const chosen = names.find((n) => n === target) ?? names[0] ?? '';
  const sideB = sides.includes(b) && b !== a ? b : (sides.find((s) => s !== a) ?? '');
  const disabled = busy || model.working || !canAct;
  const replaces = names.find((n) => name.trim() !== '' && sameScenarioName(n, name));
  const switchButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useFocusBack(model.preview !== undefined, switchButton);
  useFocusBack(deleting !== '', deleteButton);
  // Use no scenario goes once no scenario is in force: Switch… is beside it.
  useFocusBack(inForce !== '', switchButton);
  return (
    <div className={section.section}>
      <Caption1>
        {inForceText(inForce, changes)} Scenarios are kept on
        the Scenarios sheet, so they travel with the workbook.
      </Caption1>

      <Field
        label="Save what is in force as"
        hint={
          replaces
            ? `Saving replaces the saved scenario "${replaces}" with what is in force now.`
            : 'The settings and capacities above (unsaved changes included) and the overrides in force.'
        }
      >
        <Input value={name} placeholder="For example: Legal +2 weeks" onChange={(_, data) => setName(data.value)} />
      </Field>
      <div className={section.actions}>
        <Button disabledFocusable={disabled || name.trim() === ''} onClick={() => void model.save(name)}>
          {replaces ? 'Replace scenario' : 'Save as scenario'}
        </Button>
      </div>

      {names.length > 0 && (
        <>
          <Field label="Switch to">
            <Select className={section.select} value={chosen} onChange={(_, data) => setTarget(data.value)}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <div className={section.actions}>
            <Button ref={switchButton} disabledFocusable={disabled || chosen === ''} onClick={() => void model.askSwitch(chosen)}>
              Switch…
            </Button>
            {inForce && (
              <Button disabledFocusable={disabled} onClick={() => void model.confirmSwitch('')}>
                Use no scenario
              </Button>
            )}
            <Button ref={deleteButton} disabledFocusable={disabled || chosen === ''} onClick={() => setDeleting(chosen)}>
              Delete…
            </Button>
          </div>
          {deleting !== '' && names.includes(deleting) && (
            <div className={section.section} role="group" aria-label={`Delete ${deleting}`}>
              <Text>
                Delete scenario {deleting} from the Scenarios sheet?
                {sameScenarioName(deleting, inForce) ? ' It is in force: the plan goes back to the settings as they are and the Override column of the table.' : ''}
              </Text>
              <div className={section.actions}>
                <Button
                  appearance="primary"
                  disabledFocusable={disabled}
                  onClick={() => {
                    setDeleting('');
                    void model.remove(deleting);
                  }}
                >
                  Delete {deleting}
                </Button>
                <Button disabledFocusable={disabled} onClick={() => setDeleting('')}>
                  Keep it
                </Button>
              </div>
            </div>
          )}
          {model.preview && <SwitchPreviewView model={model} busy={disabled} />}

          <Field label="Compare (A)">
            <Select className={section.select} value={a} onChange={(_, data) => setA(data.value)}>
              {sides.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="with (B)">
            <Select className={section.select} value={sideB} onChange={(_, data) => setB(data.value)}>
              {sides
                .filter((s) => s !== a)
                .map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
            </Select>
          </Field>
          <div className={section.actions}>
            <Button disabledFocusable={disabled || sideB === ''} onClick={() => void model.compare(a, sideB)}>
              Compare
            </Button>
            {model.comparison && (
              <Button disabledFocusable={disabled} onClick={() => void model.writeComparison()}>
                Write comparison to a sheet
              </Button>
            )}
          </div>
        </>
      )}
      {model.message && (
        <MessageBar intent={model.message.intent} layout="multiline">
          <MessageBarBody>{model.message.text}</MessageBarBody>
        </MessageBar>
      )}
      {model.comparison && <ComparisonView comparison={model.comparison} />}
    </div>
  );
}
