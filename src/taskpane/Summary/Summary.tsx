// Decisions and gates by count, committed value and the in-flight places used.

import { Badge, Body1, Caption1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { moneySentence } from '../../engine/currency';
import { formatMoney } from '../../engine/format';
import { GATE_ORDER } from '../../engine/gates';
import type { Plan } from '../../engine/plan';
import { DECISION_ORDER } from '../../engine/summary';
import { useSectionStyles } from '../styles';
import { DECISION_COLOUR, GATE_COLOUR, type BadgeColour } from './badgeColours';
import { inFlightText, planHeading } from './inFlightText';

export type SummaryProps = { plan: Plan; methodNote?: string };

const useStyles = makeStyles({
  counts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { margin: 0, display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  count: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  // Fluent draws an outline badge's ring on ::after, a hairline on a 10 px dot: twice that reads from the back of a room.
  hollow: { '::after': { borderTopWidth: tokens.strokeWidthThick, borderRightWidth: tokens.strokeWidthThick, borderBottomWidth: tokens.strokeWidthThick, borderLeftWidth: tokens.strokeWidthThick } },
});

/**
 * A filled dot in the decision's colour; the subtle ones (Excluded (alternative), Forced out) a hollow ring, as a
 * filled subtle dot is the background's own colour and left those rows with no mark at all.
 */
const dot = (colour: BadgeColour, hollow: string) =>
  colour === 'subtle' ? ({ appearance: 'outline', color: 'important', className: hollow } as const) : ({ appearance: 'filled', color: colour } as const);

function Counts<K extends string>({ label, order, counts, colours }: { label: string; order: K[]; counts: Record<K, number>; colours: Record<K, BadgeColour> }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const id = useId('counts');
  return (
    <div>
      <Subtitle2 as="h3" id={id} className={section.heading}>
        {label}
      </Subtitle2>
      <dl className={styles.counts} aria-labelledby={id}>
        {order
          .filter((key) => counts[key] > 0)
          .map((key) => (
            <div key={key} className={styles.pair}>
              <dt className={styles.term}>
                <Badge {...dot(colours[key], styles.hollow)} size="extra-small" aria-hidden />
                {key}
              </dt>
              <dd className={styles.count}>{counts[key]}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

export function Summary({ plan, methodNote }: SummaryProps) {
  const section = useSectionStyles();
  const id = useId('summary');
  const { summary, settings, selection } = plan;
  const money = (n: number) => formatMoney(n, settings.currency);
  // Which currency the totals are in and the rates that converted them, as the Change impact sheet says.
  const currency = moneySentence(plan.money);
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        {planHeading(plan)}
      </Subtitle2>
      <Body1>
        Committed value <strong>{money(summary.committedValue)}</strong> a year of {money(summary.requestedValue)} requested; {inFlightText(plan)}.
      </Body1>
      {currency && <Caption1 className={section.quiet}>{currency}</Caption1>}
      <Caption1 className={section.quiet}>
        {selection.method}
        {selection.note ? ` (${selection.note})` : ''}. {methodNote ?? ''}
      </Caption1>
      <Counts label="Decisions" order={DECISION_ORDER} counts={summary.byDecision} colours={DECISION_COLOUR} />
      <Counts label="Gates" order={GATE_ORDER} counts={summary.byGate} colours={GATE_COLOUR} />
    </section>
  );
}
