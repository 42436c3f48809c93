// What the pane's "How sure" view shows, without React: the progress of the
// draws, what is said aloud about it, and each initiative's confidence as a
// bar with its value in words. The figures come from engine/howSure.ts, as the
// Change impact section's do.

import { countsText, rangeText, settlesText, sureFindings, type SureFindings } from '../../engine/howSure';
import { formatPercent } from '../../engine/format';
import type { ConfidenceBand } from '../../engine/confidence';
import type { Plan } from '../../engine/plan';
import type { Decision } from '../../engine/types';
import type { SureState } from '../controller/sureRun';

export type SureBar = {
  key: string;
  name: string;
  decision: Decision;
  band: ConfidenceBand;
  /** 0 to 100, for the bar's width. */
  percent: number;
  /** "48%", beside the bar and in its label. */
  share: string;
  /** For a borderline one: what a better estimate would settle. */
  settles?: string;
  /** Its value range in the reporting currency, when it states one. */
  range?: string;
};

export type HowSureView = {
  headline: string;
  counts: SureFindings['counts'];
  borderline: SureBar[];
  /** Core and outside, after the borderline ones. */
  settled: SureBar[];
};

/** The view of a plan's confidence figures; undefined when the plan has none. */
export function howSureView(plan: Pick<Plan, 'entries' | 'confidence' | 'settings'>): HowSureView | undefined {
  const findings = sureFindings(plan);
  if (!findings) return undefined;
  const currency = plan.settings.currency;
  const bars = findings.rows.map((row): SureBar => {
    const share = formatPercent(row.share);
    const range = rangeText(row, currency);
    return {
      key: row.key,
      name: row.name,
      decision: row.decision,
      band: row.band,
      percent: Math.round(row.share * 1000) / 10,
      share,
      ...(row.band === 'borderline' ? { settles: settlesText(row, currency) } : {}),
      ...(range ? { range } : {}),
    };
  });
  return { headline: sureHeadline(findings), counts: findings.counts, borderline: bars.filter((b) => b.band === 'borderline'), settled: bars.filter((b) => b.band !== 'borderline') };
}

/** The view's first line: the counts, and where better estimates pay off; with none borderline, the two other counts. */
export function sureHeadline(findings: Pick<SureFindings, 'counts' | 'draws'>): string {
  const { core, borderline, outside } = findings.counts;
  return borderline === 0
    ? `No borderline initiatives: ${core} core and ${outside} outside, over ${findings.draws} futures.`
    : `${countsText(findings)}. Better estimates pay off on the borderline ones.`;
}

/** The progress line under the bar while the futures are drawn. */
export function sureProgressText(state: SureState, done = 0): string | undefined {
  switch (state.status) {
    case 'drawing':
      return `Drawing futures: ${done} of ${state.total}`;
    case 'cancelled':
      return 'Stopped: the Confidence column keeps what it held. Run again to draw the futures.';
    case 'stale':
      return 'The table changed while the futures were drawn: nothing was written. Run again to see how sure the plan is.';
    case 'failed':
      return `How sure the plan is could not be worked out: ${state.message}`;
    default:
      return undefined;
  }
}

/**
 * What a screen reader hears, politely: the start, halfway and the end, not every future (a live region
 * that changed each time would talk over the room).
 */
export function sureAnnouncement(state: SureState, view: HowSureView | undefined, done = 0): string {
  switch (state.status) {
    case 'drawing':
      return done * 2 >= state.total ? `How sure: half of ${state.total} futures drawn.` : `How sure: drawing ${state.total} futures.`;
    case 'done':
      return view ? `How sure: ${state.draws} futures drawn. ${view.counts.borderline} borderline.` : '';
    case 'none':
      return '';
    default:
      return sureProgressText(state) ?? '';
  }
}
