// Why an initiative ranks and lands where it does: the score contributions, the
// gate and its gaps, the constraint that deferred it, and the Why sentence.

import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { strongestAndWeakest } from '../../engine/explain';
import { contributions, type ScoreKind } from '../../engine/scores';
import type { PlanEntry, Settings } from '../../engine/types';
import { useSectionStyles } from '../styles';
import { DECISION_COLOUR, GATE_COLOUR } from '../Summary/badgeColours';
import { DependencyLinks } from '../DependencyLinks/DependencyLinks';

export type InitiativeDetailProps = {
  entry: PlanEntry;
  settings: Settings;
  id?: string;
  /** The plan's entries, for what it requires, what requires it and its alternatives. */
  entries?: readonly PlanEntry[];
  /** What it would take to get in, as the bottleneck economics checked it (deferred initiatives only). */
  advice?: string;
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    marginBlockStart: tokens.spacingVerticalXS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  caption: { textAlign: 'start' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { paddingInline: tokens.spacingHorizontalXXS, textAlign: 'start', verticalAlign: 'top', overflowWrap: 'break-word' },
  points: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  gaps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const one = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function Contributions({ title, kind, entry, settings }: { title: string; kind: ScoreKind; entry: PlanEntry; settings: Settings }) {
  const styles = useStyles();
  const scores = entry.scores!;
  const inverted = kind === 'friction';
  return (
    <table className={styles.table}>
      <caption className={`${styles.heading} ${styles.caption}`}>
        {title} {one(scores[kind])}
        {inverted ? ' (higher is heavier)' : ''}
      </caption>
      <tbody>
        {contributions(kind, scores, entry.initiative, settings.currency).map((c) => (
          <tr key={c.factor}>
            <th scope="row" className={styles.cell}>
              {c.factor}
            </th>
            <td className={styles.cell}>{c.input}</td>
            <td className={`${styles.cell} ${styles.points}`}>
              {one(c.points)} of {c.max}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InitiativeDetail({ entry, settings, id, entries, advice }: InitiativeDetailProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const { scores, gate } = entry;
  const drivers = scores && strongestAndWeakest(entry.initiative, scores, settings);
  const binding = entry.bindingText;
  return (
    <div id={id} className={styles.root}>
      <Body1>{entry.why}</Body1>
      <div className={section.actions}>
        <Badge appearance="tint" color={GATE_COLOUR[gate.gate]}>
          Gate: {gate.gate}
        </Badge>
        <Badge appearance="tint" color={DECISION_COLOUR[entry.decision]}>
          {entry.decision}
        </Badge>
      </div>
      {binding && <Body1>Held back by: {binding}</Body1>}
      {advice && <Body1>What it would take: {advice.slice(advice.startsWith(`${entry.initiative.name}: `) ? entry.initiative.name.length + 2 : 0)}</Body1>}
      {entries && <DependencyLinks entry={entry} entries={entries} />}
      {gate.gaps.length > 0 && (
        <div>
          <p className={styles.heading}>{gate.gate === 'Scale-ready' ? 'Open points' : 'To pass the next gate'}</p>
          <ul className={styles.gaps}>
            {gate.gaps.map((gap) => (
              <li key={gap}>
                <Body1>{gap}</Body1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {scores && drivers && (
        <>
          <Body1>
            Priority score <strong>{one(scores.priority)}</strong> = impact {one(scores.impact)} × {settings.weights.impact}, readiness{' '}
            {one(scores.readiness)} × {settings.weights.readiness} and (100 − friction {one(scores.friction)}) × {settings.weights.friction},
            divided by the weights’ total.
          </Body1>
          {(drivers.strongest || drivers.weakest) && (
            <Caption1>
              {drivers.strongest && `Lifted most by ${drivers.strongest.factor.toLowerCase()} (${drivers.strongest.input}): +${one(drivers.strongest.earned)} points. `}
              {drivers.weakest && drivers.weakest.missed > 0 && `Held back most by ${drivers.weakest.factor.toLowerCase()} (${drivers.weakest.input}): ${one(drivers.weakest.missed)} points missed.`}
            </Caption1>
          )}
          <Contributions title="Impact" kind="impact" entry={entry} settings={settings} />
          <Contributions title="Readiness" kind="readiness" entry={entry} settings={settings} />
          <Contributions title="Friction" kind="friction" entry={entry} settings={settings} />
        </>
      )}
    </div>
  );
}
