// How sure is the plan: while the futures are drawn, their progress and a way
// to stop; after, the borderline initiatives first, each with its confidence as
// a bar (the value written beside it) and what a better estimate would settle.
// Everything shown comes from model/howSureView.ts.

import { Badge, Button, Caption1, ProgressBar, Subtitle2, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Plan } from '../../engine/plan';
import { useSyncExternalStore } from 'react';
import type { ProgressStore, SureState } from '../controller/sureRun';
import { Disclosure } from '../Disclosure/Disclosure';
import { howSureView, sureAnnouncement, sureProgressText, type SureBar } from '../model/howSureView';
import { useSectionStyles } from '../styles';

export type HowSureProps = { plan: Plan; sure: SureState; progress: Pick<ProgressStore, 'get' | 'subscribe'>; onCancel: () => void };

/** The settled ones are listed up to this many: the room reads the borderline ones; the Confidence column has the rest. */
const SETTLED_SHOWN = 60;

const BAND_COLOUR = { core: 'success', borderline: 'warning', outside: 'informative' } as const;

const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  share: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  track: { height: '8px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground5, overflow: 'hidden' },
  fill: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    // Forced colours drop background colours: the fill takes the system's text colour.
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText', forcedColorAdjust: 'none' },
  },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

function Bar({ bar }: { bar: SureBar }) {
  const styles = useStyles();
  const section = useSectionStyles();
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <Text className={styles.name}>{bar.name}</Text>
        <Badge appearance="tint" color={BAND_COLOUR[bar.band]}>
          {bar.band}
        </Badge>
        <Text className={styles.share}>{bar.share}</Text>
      </div>
      {/* The bar is the value drawn; the value itself is the text beside it. */}
      <div className={styles.track} aria-hidden="true">
        <div className={styles.fill} style={{ width: `${bar.percent}%` }} />
      </div>
      {bar.settles && <Caption1 className={section.quiet}>{bar.settles}</Caption1>}
      {!bar.settles && bar.range && <Caption1 className={section.quiet}>Value range {bar.range}</Caption1>}
    </li>
  );
}

export function HowSure({ plan, sure, progress: store, onCancel }: HowSureProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const id = useId('how-sure');
  // Only this section follows each step of the draws: the rest of the pane does not re-render for them.
  const done = useSyncExternalStore(store.subscribe, store.get);
  const view = howSureView(plan);
  const progress = sureProgressText(sure, done);
  const announcement = sureAnnouncement(sure, view, done);
  if (!view && sure.status === 'none') return null;
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        How sure is the plan
      </Subtitle2>
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {sure.status === 'drawing' && (
        <div className={styles.progress}>
          <ProgressBar value={sure.total === 0 ? 0 : done / sure.total} aria-label="Futures drawn" />
          <div className={section.actions}>
            <Caption1>{progress}</Caption1>
            <Button size="small" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {sure.status !== 'drawing' && progress && <Caption1>{progress}</Caption1>}
      {view && (
        <>
          <Caption1 className={section.quiet}>{view.headline}</Caption1>
          {view.borderline.length > 0 && (
            <ul className={section.list} aria-label="Borderline initiatives">
              {view.borderline.map((bar) => (
                <Bar key={bar.key} bar={bar} />
              ))}
            </ul>
          )}
          {view.settled.length > 0 && (
            <Disclosure title={`Core and outside (${view.settled.length})`} defaultOpen={view.borderline.length === 0}>
              <ul className={section.list} aria-label="Core and outside initiatives">
                {view.settled.slice(0, SETTLED_SHOWN).map((bar) => (
                  <Bar key={bar.key} bar={bar} />
                ))}
              </ul>
              {view.settled.length > SETTLED_SHOWN && (
                <Caption1 className={section.quiet}>
                  {view.settled.length - SETTLED_SHOWN} more in the Confidence column.
                </Caption1>
              )}
            </Disclosure>
          )}
        </>
      )}
    </section>
  );
}
