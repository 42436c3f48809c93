// What moved since the plan before: the one plain sentence the room reads on
// the projector, then who entered or left the plan, gates that changed, and
// the biggest rank moves with arrows.

import { Body1, Caption1, Subtitle2, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { ArrowDownFilled, ArrowUpFilled, CircleSmallFilled } from '@fluentui/react-icons';
import type { Moved } from '../controller/paneController';
import { useSectionStyles } from '../styles';
import { movedRows, type MovedRow } from './movedRows';

export type WhatMovedProps = { moved: Moved };

const useStyles = makeStyles({
  sentence: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  mark: { flexShrink: 0, alignSelf: 'center', fontSize: '16px' },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground3 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere' },
});

function Mark({ row }: { row: MovedRow }) {
  const styles = useStyles();
  const up = row.kind === 'entered' || (row.kind === 'rank' && row.direction === 'up') || (row.kind === 'start' && row.earlier);
  const down = row.kind === 'left' || (row.kind === 'rank' && row.direction === 'down') || (row.kind === 'start' && !row.earlier);
  if (up) return <ArrowUpFilled aria-hidden className={mergeClasses(styles.mark, styles.up)} />;
  if (down) return <ArrowDownFilled aria-hidden className={mergeClasses(styles.mark, styles.down)} />;
  return <CircleSmallFilled aria-hidden className={mergeClasses(styles.mark, styles.neutral)} />;
}

/** New input problems shown here, at most; the rest are counted, and all are under Input problems. */
const PROBLEMS_SHOWN = 2;

export function WhatMoved({ moved }: WhatMovedProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const id = useId('moved');
  const { rows, notShown } = movedRows(moved.diff);
  const { problems } = moved.diff;
  const moreProblems = problems.length - PROBLEMS_SHOWN;
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        What moved
      </Subtitle2>
      <p className={styles.sentence} role="status">
        {moved.sentence}
      </p>
      {/* Said here, beside what moved: a rating or capacity the room just mistyped is often why, or why nothing did. */}
      {problems.length > 0 && (
        <ul className={section.list} aria-label="New input problems">
          {problems.slice(0, PROBLEMS_SHOWN).map((issue, i) => (
            <li key={i}>
              <Body1>
                <span className={styles.name}>{issue.severity === 'warning' ? 'New warning: ' : 'New error: '}</span>
                <span className={styles.text}>{issue.message}</span>
              </Body1>
            </li>
          ))}
          {moreProblems > 0 && (
            <li>
              <Caption1 className={section.quiet}>{`And ${moreProblems} more new ${moreProblems === 1 ? 'problem' : 'problems'}: see Input problems.`}</Caption1>
            </li>
          )}
        </ul>
      )}
      {rows.length > 0 && (
        <ul className={section.list} aria-label="Changes since the last plan">
          {rows.map((row) => (
            <li key={`${row.kind}-${row.key}`} className={styles.row}>
              <Mark row={row} />
              <Body1>
                <span className={styles.name}>{row.name}</span> <span className={styles.text}>{row.text}</span>
              </Body1>
            </li>
          ))}
        </ul>
      )}
      {notShown && <Caption1 className={section.quiet}>{notShown}</Caption1>}
    </section>
  );
}
