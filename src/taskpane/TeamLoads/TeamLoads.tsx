// Utilisation per team before (everything requested starts) and after (the committed plan).

import { Badge, Caption1, Subtitle2, makeStyles, mergeClasses, useId } from '@fluentui/react-components';
import { Component, Suspense, lazy, type ReactNode } from 'react';
import { formatPercent, formatQuantity } from '../../engine/format';
import type { TeamLoad } from '../../engine/types';
import { useSectionStyles, useTableStyles } from '../styles';
import { utilisationColour } from '../Summary/badgeColours';
import { IN_FLIGHT, type HeldBack } from '../model/heldBackBy';

/** `heldBack`: how many deferred initiatives each team (or the in-flight limit) held back, which says which team binds. */
export type TeamLoadsProps = { loads: TeamLoad[]; inFlight: { before: number; after: number; limit: number }; heldBack?: readonly HeldBack[] };

const useStyles = makeStyles({
  numberWidth: { width: '4.5em' },
  // The chart's height, kept while it loads so the table below does not jump.
  chartSpace: { height: '180px' },
});

// The charting code (d3 and Fluent's charts) loads only when a plan has team loads to draw.
const TeamLoadChart = lazy(() => import(/* webpackChunkName: "charts" */ './TeamLoadChart'));

/** Without the chart (it failed to load) the table below still says everything. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const share = (value: number | undefined) => (value === undefined ? 'no capacity' : formatPercent(value));

/** "; holds back 11" beside a team's capacity, nothing when it held none back. */
const holds = (heldBack: readonly HeldBack[], by: string): string => {
  const count = heldBack.find((h) => h.by === by)?.count ?? 0;
  return count > 0 ? `; holds back ${count}` : '';
};

export function TeamLoads({ loads, inFlight, heldBack = [] }: TeamLoadsProps) {
  const section = useSectionStyles();
  const styles = useTableStyles();
  const own = useStyles();
  const id = useId('loads');
  const numberCell = mergeClasses(styles.cell, styles.number, own.numberWidth);
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        Team capacity used
      </Subtitle2>
      <Caption1 className={section.quiet}>
        {loads.length === 0 ? 'No Capacity table, so no team is capped. ' : ''}Before: if everything requested started. After: the committed plan.
      </Caption1>
      {loads.length > 0 && (
        <ChartBoundary>
          <Suspense fallback={<div className={own.chartSpace} />}>
            <TeamLoadChart loads={loads} />
          </Suspense>
        </ChartBoundary>
      )}
      <table className={styles.table} aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.header)}>
              Team
            </th>
            <th scope="col" className={mergeClasses(numberCell, styles.header)}>
              Before
            </th>
            <th scope="col" className={mergeClasses(numberCell, styles.header)}>
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {loads.map((load) => (
            <tr key={load.team}>
              <th scope="row" className={styles.cell}>
                {load.team}
                <Caption1 block className={section.quiet}>
                  {formatQuantity(load.capacity, load.unit)}
                  {holds(heldBack, load.team)}
                </Caption1>
              </th>
              <td className={numberCell}>{share(load.utilisationBefore)}</td>
              <td className={numberCell}>
                <Badge appearance="tint" color={utilisationColour(load.utilisationAfter)}>
                  {share(load.utilisationAfter)}
                </Badge>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" className={styles.cell}>
              In flight
              <Caption1 block className={section.quiet}>
                limit {inFlight.limit}
                {holds(heldBack, IN_FLIGHT)}
              </Caption1>
            </th>
            <td className={numberCell}>{inFlight.before}</td>
            <td className={numberCell}>{inFlight.after}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
