// How sure is the plan, summed up for people: how many initiatives are core,
// borderline and outside, and the borderline ones first, each with the
// estimate that would settle it. The pane's "How sure" view and the Change
// impact section both read this, so they say the same.

import { bandOf, deciderText, type ConfidenceBand, type Decider } from './confidence';
import { formatMoney, formatPercent } from './format';
import type { Plan } from './plan';
import type { Decision } from './types';

export type SureRow = {
  /** The assessment index, as in plan.entries. */
  index: number;
  key: string;
  name: string;
  decision: Decision;
  /** The share of futures that commit it, 0 to 1. */
  share: number;
  band: ConfidenceBand;
  /** Its stated value range in the reporting currency, when it gives one. */
  range?: { low: number; high: number };
  decider?: Decider;
};

export type SureFindings = {
  draws: number;
  counts: Record<ConfidenceBand, number>;
  /** Borderline first (the likeliest first), then core, then outside: where a better estimate pays off leads. */
  rows: SureRow[];
};

const BAND_ORDER: Record<ConfidenceBand, number> = { borderline: 0, core: 1, outside: 2 };

/** The plan's confidence figures, summed up; undefined when none were drawn. Rows that could not be read are left out. */
export function sureFindings(plan: Pick<Plan, 'entries' | 'confidence'>): SureFindings | undefined {
  const { confidence } = plan;
  if (!confidence || confidence.draws === 0) return undefined;
  const counts: Record<ConfidenceBand, number> = { core: 0, borderline: 0, outside: 0 };
  const rows: SureRow[] = [];
  plan.entries.forEach((entry, index) => {
    if (!entry.scores) return;
    const share = confidence.shares[index] ?? 0;
    const band = bandOf(share);
    counts[band]++;
    const { valueLow, valueHigh } = entry.initiative;
    const decider = confidence.deciders[index];
    rows.push({
      index,
      key: entry.initiative.key,
      name: entry.initiative.name,
      decision: entry.decision,
      share,
      band,
      ...(valueLow !== undefined && valueHigh !== undefined ? { range: { low: valueLow, high: valueHigh } } : {}),
      ...(decider ? { decider } : {}),
    });
  });
  rows.sort((a, b) => BAND_ORDER[a.band] - BAND_ORDER[b.band] || b.share - a.share || a.index - b.index);
  return { draws: confidence.draws, counts, rows };
}

/** What a better estimate would settle, in a sentence: "Pricing elasticity model is in 48% of futures: its value range $0.8M-$3M decides it". */
export const settlesText = (row: SureRow, currency: string): string => `${row.name} is in ${formatPercent(row.share)} of futures: ${deciderText(row.decider, currency)}`;

/** A stated value range in words ("$0.8M-$3M"), or '' when the row states none. */
export const rangeText = (row: SureRow, currency: string): string => (row.range ? `${formatMoney(row.range.low, currency)}-${formatMoney(row.range.high, currency)}` : '');

/** The counts in a line: "4 core, 3 borderline, 18 outside, over 500 futures". */
export const countsText = (findings: Pick<SureFindings, 'counts' | 'draws'>): string =>
  `${findings.counts.core} core, ${findings.counts.borderline} borderline, ${findings.counts.outside} outside, over ${findings.draws} futures`;
