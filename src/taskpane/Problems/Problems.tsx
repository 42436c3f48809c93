// The input problems of the last run, errors first, each with a button that
// selects its cell in the workbook.

import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { qualified } from '../../engine/address';
import type { Issue } from '../../engine/types';
import { ShowAll, firstOf } from '../Disclosure/ShowAll';
import { useSectionStyles } from '../styles';

export type ProblemsProps = {
  issues: Issue[];
  onSelectCell: (issue: Issue) => void;
  /** How many to show before "Show all". */
  initial?: number;
  /** Live mode is on: a fixed cell re-plans by itself, so there is no run to ask for. */
  live?: boolean;
  /** The heading's id, so the plan at a glance can take the reader here; one of its own otherwise. */
  headingId?: string;
};

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  severity: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const bySeverity = (a: Issue, b: Issue) => rank(a) - rank(b);
const rank = (issue: Issue) => (issue.severity === 'fatal' ? 0 : issue.severity === 'error' ? 1 : 2);

export function Problems({ issues, onSelectCell, initial = 20, live = false, headingId }: ProblemsProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const ownId = useId('problems');
  const id = headingId ?? ownId;
  const [showAll, setShowAll] = useState(false);
  const sorted = [...issues].sort(bySeverity);
  const shown = firstOf(sorted, initial, showAll);
  const errors = issues.filter((i) => i.severity !== 'warning').length;
  return (
    <section className={section.section} aria-labelledby={id}>
      {/* tabIndex -1: the glance's "See the input problems" moves focus here, so a keyboard user goes on from the list. */}
      <Subtitle2 as="h2" id={id} className={section.heading} tabIndex={-1}>
        Input problems ({issues.length})
      </Subtitle2>
      {issues.length === 0 ? (
        <Body1>None: every cell could be read.</Body1>
      ) : (
        <Caption1 className={section.quiet}>
          {errors > 0 ? `${errors} ${errors === 1 ? 'row is' : 'rows are'} kept out of the plan until fixed. ` : ''}
          {live ? 'Fix a cell and live mode re-plans.' : 'Fix a cell, then run again.'}
        </Caption1>
      )}
      <ul className={section.list}>
        {shown.map((issue, i) => {
          const where = issue.cell ? qualified(issue.sheet, issue.cell) : undefined;
          return (
            <li key={`${issue.code}-${issue.sheet}-${issue.cell ?? issue.column ?? ''}-${i}`} className={styles.item}>
              <Body1>
                <span className={`${styles.severity} ${issue.severity === 'warning' ? '' : styles.error}`}>
                  {issue.severity === 'warning' ? 'Warning: ' : 'Error: '}
                </span>
                {issue.message}
              </Body1>
              {where && (
                <Button size="small" onClick={() => onSelectCell(issue)}>
                  Select {where}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <ShowAll total={sorted.length} initial={initial} all={showAll} noun="problems" onToggle={setShowAll} />
    </section>
  );
}
