// The "How sure" view's model: borderline first, each bar's value in words,
// what a better estimate would settle, and what is said aloud about progress.

import { withRankAndFillConfidence, prioritise } from '../../../src/engine/plan';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { withValueRanges } from '../../../bench/generate';
import { howSureView, sureAnnouncement, sureHeadline, sureProgressText } from '../../../src/taskpane/model/howSureView';
import { sureFindings } from '../../../src/engine/howSure';
import { NOW } from '../../builders';

const surePlan = () => {
  const { initiatives, capacity } = sampleTables();
  return withRankAndFillConfidence(prioritise({ initiatives: withValueRanges(initiatives), capacity }, { now: NOW }, { confidence: false }));
};

describe('the How sure view', () => {
  const plan = surePlan();
  const view = howSureView(plan)!;

  it('lists the borderline initiatives first, likeliest first, each saying what would settle it in the reporting currency', () => {
    expect(view.borderline.length).toBeGreaterThan(0);
    expect(view.borderline.every((b) => b.band === 'borderline')).toBe(true);
    const shares = view.borderline.map((b) => b.percent);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    for (const bar of view.borderline) expect(bar.settles).toMatch(new RegExp(`^${bar.name} is in ${bar.share} of futures: (its value range \\$[\\d.]+[kM]?-\\$[\\d.]+[kM]? decides it|no estimate)`));
  });

  it('counts every readable initiative once, core and outside after the borderline ones, each bar with its value as text', () => {
    const all = [...view.borderline, ...view.settled];
    expect(all).toHaveLength(plan.entries.filter((e) => e.scores).length);
    expect(view.counts.core + view.counts.borderline + view.counts.outside).toBe(all.length);
    expect(view.settled.every((b) => b.band !== 'borderline')).toBe(true);
    for (const bar of all) {
      expect(bar.percent).toBeGreaterThanOrEqual(0);
      expect(bar.percent).toBeLessThanOrEqual(100);
      expect(bar.share).toBe(`${Math.round(bar.percent)}%`);
    }
    expect(view.headline).toContain(`${view.counts.core} core, ${view.counts.borderline} borderline, ${view.counts.outside} outside, over 500 futures`);
  });

  it('says plainly when no initiative is borderline, without counting zero borderline ones', () => {
    expect(sureHeadline({ counts: { core: 7, borderline: 0, outside: 18 }, draws: 500 })).toBe('No borderline initiatives: 7 core and 18 outside, over 500 futures.');
    expect(sureHeadline({ counts: { core: 7, borderline: 2, outside: 16 }, draws: 500 })).toBe(
      '7 core, 2 borderline, 16 outside, over 500 futures. Better estimates pay off on the borderline ones.',
    );
  });

  it('forced-in initiatives are core at 100%', () => {
    const forced = plan.entries.filter((e) => e.decision === 'Forced in').map((e) => e.initiative.key);
    expect(forced.length).toBeGreaterThan(0);
    for (const key of forced) expect([...view.borderline, ...view.settled].find((b) => b.key === key)).toMatchObject({ band: 'core', share: '100%' });
  });

  it('is absent for a plan without figures', () => {
    const { initiatives, capacity } = sampleTables();
    expect(howSureView(prioritise({ initiatives, capacity }, { now: NOW }))).toBeUndefined();
    expect(sureFindings({ entries: [], confidence: { draws: 0, shares: [], deciders: [] } })).toBeUndefined();
  });
});

describe('progress, in words', () => {
  it('shows every step but says only the start, halfway and the end aloud', () => {
    expect(sureProgressText({ status: 'drawing', total: 500 }, 120)).toBe('Drawing futures: 120 of 500');
    const heard = new Set([0, 1, 120, 249, 250, 499, 500].map((done) => sureAnnouncement({ status: 'drawing', total: 500 }, undefined, done)));
    expect([...heard]).toEqual(['How sure: drawing 500 futures.', 'How sure: half of 500 futures drawn.']);
    expect(sureAnnouncement({ status: 'done', draws: 500 }, { headline: '', counts: { core: 1, borderline: 2, outside: 3 }, borderline: [], settled: [] })).toBe('How sure: 500 futures drawn. 2 borderline.');
    expect(sureAnnouncement({ status: 'none' }, undefined)).toBe('');
  });

  it('says what Cancel and a stale draw leave in the workbook', () => {
    expect(sureProgressText({ status: 'cancelled', total: 500 })).toContain('the Confidence column keeps what it held');
    expect(sureProgressText({ status: 'stale' })).toContain('nothing was written');
    expect(sureProgressText({ status: 'failed', message: 'the worker failed' })).toContain('the worker failed');
  });
});
