// The top of the ranking, each initiative with its score and decision and a
// details view that opens in place (focus stays on the button that opened it).

import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { Plan } from '../../engine/plan';
import { InitiativeDetail } from '../InitiativeDetail/InitiativeDetail';
import { useSectionStyles } from '../styles';
import { DECISION_COLOUR } from '../Summary/badgeColours';

export type RankingProps = {
  plan: Plan;
  busy: boolean;
  onSort: () => void;
  /** How many rows to show at first and per "Show more". */
  pageSize?: number;
};

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  rank: { minWidth: '2ch', textAlign: 'end', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, paddingInlineStart: '3ch' },
});

export function Ranking({ plan, busy, onSort, pageSize = 10 }: RankingProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const id = useId('ranking');
  const detailPrefix = useId('detail');
  const [shown, setShown] = useState(pageSize);
  const [open, setOpen] = useState<string | undefined>();
  const ranked = plan.ranking.map((i) => plan.entries[i]!).filter((e) => e.priority !== undefined);
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        Ranking
      </Subtitle2>
      <div className={section.actions}>
        <Button disabledFocusable={busy} onClick={onSort}>
          Sort the table by priority
        </Button>
        <Caption1 className={section.quiet}>Whole rows move; your other columns go with them.</Caption1>
      </div>
      <ol className={styles.list} aria-labelledby={id}>
        {ranked.slice(0, shown).map((entry) => {
          const key = entry.initiative.key;
          const detailId = `${detailPrefix}-${entry.priority}`;
          const expanded = open === key;
          return (
            <li key={key} className={styles.item}>
              <div className={styles.row}>
                <span className={styles.rank} aria-hidden>
                  {entry.priority}
                </span>
                <Body1 className={styles.name}>{entry.initiative.name}</Body1>
              </div>
              <div className={styles.meta}>
                <Caption1>Score {entry.scores!.priority.toFixed(1)}</Caption1>
                <Badge appearance="tint" color={DECISION_COLOUR[entry.decision]}>
                  {entry.decision}
                </Badge>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailId : undefined}
                  aria-label={`${expanded ? 'Hide' : 'Show'} details for ${entry.initiative.name}`}
                  onClick={() => setOpen(expanded ? undefined : key)}
                >
                  {expanded ? 'Hide details' : 'Details'}
                </Button>
              </div>
              {expanded && <InitiativeDetail id={detailId} entry={entry} settings={plan.settings} entries={plan.entries} />}
            </li>
          );
        })}
      </ol>
      {ranked.length > shown && (
        <Button appearance="subtle" onClick={() => setShown(shown + pageSize)}>
          Show {Math.min(pageSize, ranked.length - shown)} more of {ranked.length}
        </Button>
      )}
    </section>
  );
}
