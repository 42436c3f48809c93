// The plan at a glance, at the top of the pane: what was committed against what
// was requested and what was held back and why, so the first screen is the answer,
// not chrome. The committed names are in the ranking; here they would push the
// team-load chart below the first screen at 320 x 700.

import { Body1, Body1Strong, Caption1, Link, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { formatMoney } from '../../engine/format';
import type { Plan } from '../../engine/plan';
import type { PlanEntry } from '../../engine/types';
import { useSectionStyles } from '../styles';
import { inFlightSentence } from './inFlightText';

/**
 * `moved` is What moved's sentence, when there was a plan before: the room reads the change first.
 * `onShowProblems` takes the reader to the input problems, which sit far below the first screen.
 */
export type PlanGlanceProps = { plan: Plan; updating?: boolean; top?: number; moved?: string; onShowProblems?: () => void };

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // Read from across a room: the reason at the name's size, in the strong secondary colour (7:1 or more
  // on the background in the light and dark themes, white on black in high contrast), not small grey text.
  reason: { color: tokens.colorNeutralForeground2 },
  item: { marginBlockEnd: tokens.spacingVerticalXXS },
  updating: { opacity: 0.5 },
  line: { marginBlock: 0 },
  // The strong red the Problems list gives its errors: rows left out of the plan are news for the room.
  problems: { marginBlock: 0, color: tokens.colorPaletteRedForeground1 },
});

/**
 * Rows an unreadable cell keeps out of the plan, said on the first screen: the totals above leave them out, and the
 * list of problems is several screens down. Warnings alone (the row is planned) are left to that list.
 */
export function problemsSentence(plan: Plan): string | undefined {
  const invalid = plan.entries.filter((e) => e.gate.gate === 'Invalid input').length;
  if (invalid === 0) return undefined;
  return `${invalid} ${invalid === 1 ? 'initiative has a cell' : 'initiatives have cells'} that could not be read, so ${invalid === 1 ? 'it is' : 'they are'} not in the plan or its totals.`;
}

const committed = (e: PlanEntry) => e.decision === 'Commit' || e.decision === 'Forced in';
const heldBack = (e: PlanEntry) => e.decision.startsWith('Deferred') || e.decision === 'Not ready';

/**
 * The team or limit that held it back, else the gate it failed and the first thing that must become true to pass it
 * (the Gate gaps column's words): "gate: Blocked" alone left the room asking why.
 */
export function deferralReason(entry: PlanEntry): string {
  if (entry.bindingText) return entry.bindingText;
  if (entry.decision === 'Not ready') {
    const gap = entry.gate.gaps[0];
    return gap ? `${entry.gate.gate}: ${gap}` : `gate: ${entry.gate.gate}`;
  }
  return entry.decision;
}

export function PlanGlance({ plan, updating = false, top = 3, moved, onShowProblems }: PlanGlanceProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const id = useId('glance');
  const { summary, settings } = plan;
  const inPriority = plan.ranking.map((i) => plan.entries[i]!);
  const ins = inPriority.filter(committed);
  const outs = inPriority.filter(heldBack);
  const problems = problemsSentence(plan);
  const issues = plan.issues.length;
  return (
    <section className={`${section.section} ${updating ? styles.updating : ''}`} aria-labelledby={id} aria-busy={updating}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        {ins.length} of {summary.initiatives} committed: {formatMoney(summary.committedValue, settings.currency)} a year of{' '}
        {formatMoney(summary.requestedValue, settings.currency)} requested
      </Subtitle2>
      <Body1 as="p" className={styles.line}>
        {inFlightSentence(plan)}
        {moved ? ` Since the last run: ${moved}` : ''}
      </Body1>
      {problems && (
        <Body1 as="p" className={styles.problems}>
          {problems}{' '}
          {onShowProblems && (
            <Link as="button" inline onClick={onShowProblems}>
              See the {issues} input {issues === 1 ? 'problem' : 'problems'}
            </Link>
          )}
        </Body1>
      )}
      {outs.length > 0 && (
        <div>
          <Caption1>Top deferred</Caption1>
          <ol className={styles.list} aria-label="Top deferred">
            {outs.slice(0, top).map((e) => (
              <li key={e.initiative.key} className={styles.item}>
                <Body1Strong>{e.initiative.name}</Body1Strong> <Body1 className={styles.reason}>— {deferralReason(e)}</Body1>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
