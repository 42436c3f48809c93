// Live mode's switch, and one line saying what it is doing.

import { Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { LiveStatus } from '../../app/liveSession';
import type { LiveWrite } from '../controller/paneController';
import { useSectionStyles } from '../styles';

export type LiveSwitchProps = {
  on: boolean;
  status: LiveStatus;
  lastWrite: LiveWrite | undefined;
  onChange: (on: boolean) => void;
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

const clock = (iso: string): string => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
};

export function liveStatusText(on: boolean, status: LiveStatus, lastWrite: LiveWrite | undefined): string {
  if (!on) return 'Off: the plan changes only when you run it.';
  if (status === 'waiting-for-edit') return 'Waiting for you to leave the cell…';
  if (status === 'scheduled' || status === 'running') return 'Re-planning…';
  if (!lastWrite) return 'On: every change, in the grid or in this pane (weights, capacities, limits, method), re-plans within a second.';
  const cells = lastWrite.cellsWritten === undefined ? '' : `, ${lastWrite.cellsWritten} ${lastWrite.cellsWritten === 1 ? 'cell' : 'cells'} written`;
  return `On: re-planned at ${clock(lastWrite.at)}${cells}.`;
}

export function LiveSwitch({ on, status, lastWrite, onChange }: LiveSwitchProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Switch label="Live mode" checked={on} onChange={(_, data) => onChange(data.checked)} />
      <Caption1 className={section.quiet} aria-live="polite">
        {liveStatusText(on, status, lastWrite)}
      </Caption1>
    </div>
  );
}
