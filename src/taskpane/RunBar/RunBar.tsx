// Run the plan (saving edited settings first), save settings alone, or undo
// the edits; while a run is under way, what it is doing.

import { Body1Strong, Button, Field, Input, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { focusIfLost } from './focusAfterFirstRun';
import { useSectionStyles } from '../styles';

export type RunBarProps = {
  busy: boolean;
  /** What the run is doing, while it runs. */
  progress: string | undefined;
  canRun: boolean;
  dirty: boolean;
  /** Live mode is on: the pane's changes re-plan by themselves, and Undo takes back the last one. */
  live?: boolean;
  /** Whether Undo has something to take back. */
  canUndo?: boolean;
  runBy: string;
  onRunByChange: (name: string) => void;
  onRun: () => void;
  onSave: () => void;
  onReset: () => void;
  /** Cancel for the run under way: enabled while it reads or plans, disabled while it writes; absent otherwise. */
  cancel?: 'enabled' | 'disabled' | undefined;
  onCancel?: () => void;
  /** The first-run offer just went away with the button that had focus: put focus on Run. */
  focusRun?: boolean;
};

const appear = { from: { opacity: 0 }, to: { opacity: 1 } };

const useStyles = makeStyles({
  // Quick runs finish before the bar shows, so the pane stays calm; long ones show it.
  progress: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    animationName: appear,
    animationDuration: tokens.durationNormal,
    animationDelay: '300ms',
    animationFillMode: 'both',
  },
  cancel: { alignSelf: 'flex-start' },
  // Heard, not seen: the visible step is in the progress block.
  said: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export function RunBar({ busy, progress, canRun, dirty, live = false, canUndo = dirty, runBy, onRunByChange, onRun, onSave, onReset, cancel, onCancel, focusRun = false }: RunBarProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const runButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusRun) focusIfLost(runButton.current, document);
  }, [focusRun]);
  // Cancel goes away with the run: focus waits on Run (focusable while disabled) rather than drop to the page.
  const cancelRun = () => {
    runButton.current?.focus();
    onCancel?.();
  };
  return (
    <div className={section.section}>
      <Field label="Your name (optional)" hint="Shown as who ran the plan in the Decision log.">
        <Input value={runBy} onChange={(_, data) => onRunByChange(data.value)} />
      </Field>
      <div className={section.actions}>
        <Button ref={runButton} appearance="primary" disabledFocusable={busy || !canRun} onClick={onRun}>
          {dirty ? 'Save settings and run' : 'Run'}
        </Button>
        <Button disabledFocusable={busy || !dirty || !canRun} onClick={onSave}>
          Save settings
        </Button>
        <Button appearance="subtle" disabledFocusable={busy || !canUndo} onClick={onReset}>
          {live && !dirty ? 'Undo the last change' : 'Undo changes'}
        </Button>
      </div>
      {/* Always there, so screen readers announce each step as it changes (a live region added with its text is often missed). */}
      <div role="status" className={styles.said}>
        {busy && progress ? progress : ''}
      </div>
      {busy && progress && (
        <div className={styles.progress}>
          {/* Seen from across a room: a thick bar and the step in strong text (the status above says it to screen readers). */}
          <ProgressBar thickness="large" aria-label={progress} />
          <Body1Strong aria-hidden>{progress}</Body1Strong>
          {cancel && onCancel && (
            <Button className={styles.cancel} disabledFocusable={cancel === 'disabled'} onClick={cancelRun}>
              Cancel the run
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
