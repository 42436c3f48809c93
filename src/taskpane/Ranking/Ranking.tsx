// The whole ranking, filtered and searched as the room asks (deferred only, one
// team, one gate, a name), each card with its value, gate, decision and what held
// it back. Only the cards in view are rendered (model/listWindow.ts), so 10,000
// rows scroll like 30; details open in place and focus stays on their button.
// The list is one Tab stop: Tab lands on the last-focused card's Details button
// (the first's at the start), Up/Down and Home/End move between the cards' buttons
// (Fluent's arrow navigation group, tabster), and Tab again leaves the list.
// Home and End go to the whole list's first and last card, not the window's.

import { Badge, Body1, Button, Caption1, Field, SearchBox, Select, Subtitle2, makeStyles, tokens, useArrowNavigationGroup, useId } from '@fluentui/react-components';
import { useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type UIEvent } from 'react';
import type { Plan } from '../../engine/plan';
import type { Gate } from '../../engine/types';
import { InitiativeDetail } from '../InitiativeDetail/InitiativeDetail';
import { listWindow, withNeighbours } from '../model/listWindow';
import { GROUP_LABEL, NO_FILTER, filterChoices, filterRows, rankingRows, shownText, type DecisionGroup, type RankingFilter, type RankingRow } from '../model/rankingRows';
import { useSectionStyles } from '../styles';
import { DECISION_COLOUR, GATE_COLOUR } from '../Summary/badgeColours';

export type RankingProps = {
  plan: Plan;
  busy: boolean;
  onSort: () => void;
};

/** A card's height before it is measured, and the height of the list when the page gives none (tests). */
const ESTIMATED_ROW = 96;
const FALLBACK_VIEWPORT = 480;
const OVERSCAN = 480;

const useStyles = makeStyles({
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(88px, 1fr))', gap: tokens.spacingHorizontalS },
  search: { gridColumn: '1 / -1' },
  // Three selects side by side at 320 px: each takes its column's width, none its content's.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  scroller: {
    maxHeight: 'min(70vh, 640px)',
    overflowY: 'auto',
    overscrollBehavior: 'contain',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInlineEnd: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  rank: { minWidth: '3ch', textAlign: 'end', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, paddingInlineStart: 'calc(3ch + 8px)' },
  note: { paddingInlineStart: 'calc(3ch + 8px)', color: tokens.colorNeutralForeground2 },
  value: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  empty: { paddingBlock: tokens.spacingVerticalM },
});

function RankingCard({ row, plan, open, onToggle, detailId }: { row: RankingRow; plan: Plan; open: boolean; onToggle: () => void; detailId: string }) {
  const styles = useStyles();
  const entry = open ? plan.entries.find((e) => e.initiative.key === row.key) : undefined;
  return (
    <>
      <div className={styles.row}>
        <span className={styles.rank} aria-hidden>
          {row.priority}
        </span>
        <Body1 className={styles.name}>{row.name}</Body1>
      </div>
      <div className={styles.meta}>
        <Caption1 className={styles.value}>{row.value ?? 'no value stated'}</Caption1>
        <Caption1>score {row.score.toFixed(1)}</Caption1>
        <Badge appearance="tint" color={GATE_COLOUR[row.gate]}>
          {row.gate}
        </Badge>
        <Badge appearance="tint" color={DECISION_COLOUR[row.decision]}>
          {row.decision}
        </Badge>
      </div>
      {row.heldBy && <Caption1 className={styles.note}>Held back by: {row.heldBy}</Caption1>}
      {row.placement && <Caption1 className={styles.note}>{row.placement}</Caption1>}
      <div className={styles.meta}>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-controls={open ? detailId : undefined}
          aria-label={`${open ? 'Hide' : 'Show'} details for ${row.name}`}
          onClick={onToggle}
        >
          {open ? 'Hide details' : 'Details'}
        </Button>
      </div>
      {entry && <InitiativeDetail id={detailId} entry={entry} settings={plan.settings} entries={plan.entries} advice={plan.bottlenecks?.deferred.find((f) => f.key === row.key)?.text} />}
    </>
  );
}

/** A list item whose height the window learns once it is on screen, and forgets to watch once it leaves. */
function MeasuredItem(props: { id: string; observer: ResizeObserver | undefined; className: string; setSize: number; position: number; children: ReactNode }) {
  const { id, observer, className, setSize, position, children } = props;
  const element = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    const li = element.current;
    if (!li || !observer) return;
    observer.observe(li);
    return () => observer.unobserve(li);
  }, [observer]);
  return (
    <li ref={element} data-key={id} className={className} aria-setsize={setSize} aria-posinset={position}>
      {children}
    </li>
  );
}

function Filters({ filter, onChange, rows, teams }: { filter: RankingFilter; onChange: (f: RankingFilter) => void; rows: RankingRow[]; teams: string[] }) {
  const styles = useStyles();
  const choices = useMemo(() => filterChoices(rows, teams), [rows, teams]);
  return (
    <div className={styles.filters} role="search" aria-label="Filter the ranking">
      <Field label="Search by name" className={styles.search}>
        <SearchBox value={filter.search} onChange={(_, data) => onChange({ ...filter, search: data.value })} />
      </Field>
      <Field label="Decision" className={styles.field}>
        <Select className={styles.select} value={filter.group} onChange={(_, data) => onChange({ ...filter, group: data.value as DecisionGroup | 'all' })}>
          <option value="all">All</option>
          {choices.groups.map(({ group, count }) => (
            <option key={group} value={group}>
              {GROUP_LABEL[group]} ({count})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Gate" className={styles.field}>
        <Select className={styles.select} value={filter.gate} onChange={(_, data) => onChange({ ...filter, gate: data.value as Gate | 'all' })}>
          <option value="all">All</option>
          {choices.gates.map(({ gate, count }) => (
            <option key={gate} value={gate}>
              {gate} ({count})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Team" className={styles.field}>
        <Select className={styles.select} value={filter.team} onChange={(_, data) => onChange({ ...filter, team: data.value })}>
          <option value="all">All</option>
          {choices.teams.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

export function Ranking({ plan, busy, onSort }: RankingProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const id = useId('ranking');
  const countId = useId('ranking-count');
  const detailPrefix = useId('detail');
  const [filter, setFilter] = useState<RankingFilter>(NO_FILTER);
  const [open, setOpen] = useState<string | undefined>();
  // One Tab stop for the whole list, however many cards: 25 Details buttons were 25 presses of Tab.
  // Tabster's Home and End stop at the window's edges, so the list takes those keys itself.
  const arrowNavigation = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true, ignoreDefaultKeydown: { Home: true, End: true } });
  const edge = useRef<'first' | 'last' | undefined>(undefined);
  const all = useMemo(() => rankingRows(plan), [plan]);
  const teams = useMemo(() => plan.teams.map((t) => t.name), [plan]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);

  // The window: measured card heights by key, the scroll position and the list's own height, all
  // learnt from one ResizeObserver (none in a test's DOM: the estimates and a tall viewport stand in).
  const scroller = useRef<HTMLDivElement>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [observer] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((records) => {
          const sizes: [string, number][] = [];
          for (const record of records) {
            const target = record.target as HTMLElement;
            if (target.dataset.scroller !== undefined) {
              if (target.clientHeight > 0) setViewport(target.clientHeight);
            } else if (target.dataset.key && target.offsetHeight > 0) sizes.push([target.dataset.key, target.offsetHeight]);
          }
          if (sizes.length === 0) return;
          setHeights((known) => {
            const changed = sizes.filter(([key, height]) => known.get(key) !== height);
            return changed.length === 0 ? known : new Map([...known, ...changed]);
          });
        }),
  );
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !observer) return;
    observer.observe(element);
    return () => observer.disconnect();
  }, [observer]);

  // The focused card and its neighbours stay rendered (withNeighbours), so the arrows always have a next card.
  const [focused, setFocused] = useState<number | undefined>();
  const span = useMemo(() => {
    const heightOf = (i: number) => heights.get(rows[i]!.key) ?? ESTIMATED_ROW;
    return withNeighbours(listWindow(rows.length, heightOf, scrollTop, viewport, OVERSCAN), rows.length, focused, heightOf);
  }, [rows, heights, scrollTop, viewport, focused]);
  // A new filter starts at the top of its list.
  const changeFilter = (next: RankingFilter) => {
    setFilter(next);
    setFocused(undefined);
    scroller.current?.scrollTo?.({ top: 0 });
    setScrollTop(0);
  };
  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);
  // Home or End: the focus goes to that end's card, once the window has moved there and rendered it
  // (past the end renders the last card).
  const focusEdge = (): boolean => {
    const index = edge.current === 'first' ? 0 : rows.length - 1;
    if (edge.current === undefined || index < span.start || index >= span.end) return false;
    scroller.current?.querySelector<HTMLElement>(`li[aria-posinset="${index + 1}"] button`)?.focus();
    edge.current = undefined;
    return true;
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if ((event.key !== 'Home' && event.key !== 'End') || event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return;
    event.preventDefault();
    const last = event.key === 'End';
    edge.current = last ? 'last' : 'first';
    if (focusEdge()) return;
    setScrollTop(last ? Number.MAX_SAFE_INTEGER : 0);
  };
  useLayoutEffect(() => {
    focusEdge();
  });
  // The card the focus lands on is kept rendered with its neighbours, and kept in view while the cards
  // around it are measured and the window moves (until the user scrolls by pointer: then the page is theirs).
  const reveal = useRef(false);
  const onListFocus = (event: FocusEvent<HTMLOListElement>) => {
    const item = event.target instanceof HTMLElement ? event.target.closest('li') : null;
    if (!item) return;
    reveal.current = true;
    setFocused(Number(item.getAttribute('aria-posinset')) - 1);
    item.scrollIntoView?.({ block: 'nearest' });
  };
  useLayoutEffect(() => {
    if (!reveal.current || focused === undefined) return;
    const item = scroller.current?.querySelector<HTMLElement>(`li[aria-posinset="${focused + 1}"]`);
    // Keys pressed faster than the window renders can drop the focused card from under the focus:
    // the focus goes back to the card the list last knew.
    if (item && document.activeElement === document.body) item.querySelector('button')?.focus();
    if (item?.contains(document.activeElement)) item.scrollIntoView?.({ block: 'nearest' });
  });
  const onListBlur = (event: FocusEvent<HTMLOListElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) reveal.current = false;
  };
  const onPointerScroll = () => {
    reveal.current = false;
  };

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
      <Filters filter={filter} onChange={changeFilter} rows={all} teams={teams} />
      <Caption1 id={countId} role="status" className={section.quiet}>
        {shownText(rows.length, all.length)}
      </Caption1>
      <div ref={scroller} data-scroller className={styles.scroller} onScroll={onScroll} onWheel={onPointerScroll} onPointerDown={onPointerScroll} onTouchStart={onPointerScroll}>
        {rows.length === 0 ? (
          <Body1 className={styles.empty}>No initiative matches the filter.</Body1>
        ) : (
          <ol {...arrowNavigation} onKeyDown={onListKeyDown} onFocus={onListFocus} onBlur={onListBlur} className={styles.list} aria-labelledby={id} style={{ paddingTop: span.before, paddingBottom: span.after }}>
            {rows.slice(span.start, span.end).map((row, i) => {
              const detailId = `${detailPrefix}-${row.priority}`;
              const expanded = open === row.key;
              return (
                <MeasuredItem key={row.key} id={row.key} observer={observer} className={styles.item} setSize={rows.length} position={span.start + i + 1}>
                  <RankingCard row={row} plan={plan} open={expanded} detailId={detailId} onToggle={() => setOpen(expanded ? undefined : row.key)} />
                </MeasuredItem>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
