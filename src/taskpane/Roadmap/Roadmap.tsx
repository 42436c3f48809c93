// The roadmap at a glance: horizons as columns, each committed initiative a bar
// over the horizons it runs in, in start order (the Roadmap sheet has them all).

import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import type { Plan } from '../../engine/plan';
import { useSectionStyles, useTableStyles } from '../styles';
import { roadmapView } from './roadmapView';

// The names take close to half the width: with the table's fixed layout sharing it equally, a name at 320 px had a
// third (a fifth over four horizons) and broke inside its words ("prioritisati on").
const useStyles = makeStyles({
  names: { width: '45%' },
  name: { overflowWrap: 'break-word', hyphens: 'auto' },
  slot: { minWidth: '2em', padding: '2px' },
  bar: { display: 'block', height: '1em', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorBrandBackground },
  // Outlined, not paler: a pale fill vanished on a projector, and in high contrast it was the background's black.
  forced: {
    boxSizing: 'border-box',
    backgroundColor: 'transparent',
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandBackground}`,
  },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export function Roadmap({ plan }: { plan: Plan }) {
  const section = useSectionStyles();
  const table = useTableStyles();
  const styles = useStyles();
  const id = useId('roadmap');
  const view = roadmapView(plan);
  if (!view) return null;
  const { horizons, bars, more } = view;
  const forced = bars.some((b) => b.forced);
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        Roadmap
      </Subtitle2>
      <Caption1 className={section.quiet}>
        {bars.length === 0 ? 'Nothing is committed in this plan.' : `Committed initiatives in start order, each bar the horizons it runs in${forced ? '; an outlined bar is forced in by leadership' : ''}.${more > 0 ? ` ${more} more on the Roadmap sheet.` : ''}`}
      </Caption1>
      {bars.length > 0 && (
        <table className={table.table} aria-labelledby={id}>
          <colgroup>
            <col className={styles.names} />
            {horizons.map((h) => (
              <col key={h} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(table.cell, table.header)}>
                Initiative
              </th>
              {horizons.map((h) => (
                <th key={h} scope="col" className={mergeClasses(table.cell, table.header, styles.slot)}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row" className={mergeClasses(table.cell, styles.name)} title={bar.why || undefined}>
                  {bar.name}
                </th>
                {horizons.map((h, k) => {
                  const runs = k >= bar.start && k < bar.start + bar.duration;
                  return (
                    <td key={h} className={mergeClasses(table.cell, styles.slot)}>
                      {runs && (
                        <>
                          <span className={mergeClasses(styles.bar, bar.forced && styles.forced)} aria-hidden="true" />
                          <span className={styles.hidden}>{bar.forced ? 'runs, forced in' : 'runs'}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
