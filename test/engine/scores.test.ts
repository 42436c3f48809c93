// Impact, friction, readiness and the weighted priority score. Expected values
// are worked out by hand from the points documented in scores.ts:
//   impact     annual value 40 (relative to the largest), strategic fit 25, success metric 20 (vague 6), decision changed 15
//   friction   20 for each of the four change impacts and integration complexity; unknown counts as 20
//   readiness  data rights 25 (Partial 10), quality 15, availability 15, instrumentation 15,
//              baseline 15 (matched cohorts 12, before/after 9), operational controls 5 each
// A 1-5 rating earns (rating - 1) / 4 of its points.

import {
  metricQuality,
  namedPerson,
  priorityScore,
  scoreInitiative,
  scoringContext,
  valueShare,
  type ScoringContext,
  FACTORS,
  FIRST_POINT,
  contributions,
  type ScoreKind,
} from '../../src/engine/scores';
import { Memo } from '../../src/engine/memo';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { Initiative, Settings } from '../../src/engine/types';
import { readyInitiative, unknownInitiative } from '../builders';

const LARGEST = 2_000_000;
const context: ScoringContext = { largestValue: LARGEST, currency: '$', memo: new Memo() };
/** One score and its factors' points, in the order of `FACTORS`, as `scoreInitiative` works them out. */
type Score = { value: number; points: readonly number[] };
function scoreOfKind(kind: ScoreKind, initiative: Initiative, scoring: ScoringContext): Score {
  const scores = scoreInitiative(initiative, scoring, DEFAULT_SETTINGS);
  const first = FIRST_POINT[kind];
  return { value: scores[kind], points: scores.points.slice(first, first + FACTORS[kind].length) };
}
const impactScore = (initiative: Initiative, scoring: ScoringContext): Score => scoreOfKind('impact', initiative, scoring);
/** Friction and readiness need neither the largest value nor the currency; `memo` is the run's. */
const frictionScore = (initiative: Initiative, memo = new Memo()): Score => scoreOfKind('friction', initiative, { largestValue: 0, currency: '', memo });
const readinessScore = (initiative: Initiative, memo = new Memo()): Score => scoreOfKind('readiness', initiative, { largestValue: 0, currency: '', memo });
const withWeights = (impact: number, readiness: number, friction: number): Settings => ({ ...DEFAULT_SETTINGS, weights: { impact, readiness, friction } });
/** Factor names are unique across the three scores, so a factor's name finds its kept points. */
function factorIndex(factor: string): number {
  for (const kind of ['impact', 'friction', 'readiness'] as const) {
    const index = FACTORS[kind].findIndex((f) => f.factor === factor);
    if (index >= 0) return index;
  }
  throw new Error(`no factor ${factor}`);
}
const pointsOf = (score: Score, factor: string) => score.points[factorIndex(factor)];
const sumOf = (score: Score) => score.points.reduce((acc, p) => acc + p, 0);
const inputOf = (kind: ScoreKind, initiative: Initiative, factor: string) => FACTORS[kind].find((f) => f.factor === factor)?.input(initiative, '$');

const best = readyInitiative({
  annualValue: LARGEST,
  strategicFit: 5,
  successMetric: 'Cut triage time 30%',
  decisionChanged: 'Which tickets go to tier 2',
  decisionRightsShift: 1,
  workloadShift: 1,
  incentiveMisalignment: 1,
  newObligations: 1,
  integrationComplexity: 1,
  dataRights: 'Yes',
  dataQuality: 5,
  dataAvailability: 5,
  instrumentation: true,
  baselineMethod: 'A/B test',
  decisionLogging: true,
  monitoringOwner: 'Lena Fischer',
  incidentProcess: true,
});

const worst = readyInitiative({
  annualValue: 0,
  strategicFit: 1,
  successMetric: 'TBD',
  decisionChanged: 'TBD',
  decisionRightsShift: 5,
  workloadShift: 5,
  incentiveMisalignment: 5,
  newObligations: 5,
  integrationComplexity: 5,
  dataRights: 'No',
  dataQuality: 1,
  dataAvailability: 1,
  instrumentation: false,
  baselineMethod: 'None',
  decisionLogging: false,
  monitoringOwner: 'TBD',
  incidentProcess: false,
});

const unknown = unknownInitiative();

describe('scores stay within 0-100 at the extremes', () => {
  test('all best inputs score impact 100, friction 0, readiness 100 and priority 100', () => {
    const scores = scoreInitiative(best, context, DEFAULT_SETTINGS);
    expect([scores.impact, scores.friction, scores.readiness, scores.priority]).toEqual([100, 0, 100, 100]);
  });

  test('all worst inputs score impact 0, friction 100, readiness 0 and priority 0', () => {
    const scores = scoreInitiative(worst, context, DEFAULT_SETTINGS);
    expect([scores.impact, scores.friction, scores.readiness, scores.priority]).toEqual([0, 100, 0, 0]);
  });

  test('all unknown inputs score like the worst ones: impact 0, friction 100, readiness 0 and priority 0', () => {
    const scores = scoreInitiative(unknown, context, DEFAULT_SETTINGS);
    expect([scores.impact, scores.friction, scores.readiness, scores.priority]).toEqual([0, 100, 0, 0]);
  });

  test('a value above the largest in the context still caps impact at 100', () => {
    expect(impactScore({ ...best, annualValue: LARGEST * 50 }, context).value).toBe(100);
  });
});

describe('unknown inputs count as not ready', () => {
  test.each(['decisionRightsShift', 'workloadShift', 'incentiveMisalignment', 'newObligations', 'integrationComplexity'] as const)(
    'an unknown %s counts as the heaviest rating, 5',
    (key) => {
      const blank = frictionScore({ ...best, [key]: undefined });
      const heaviest = frictionScore({ ...best, [key]: 5 });
      expect(blank.value).toBe(heaviest.value);
      expect(blank.value).toBe(20);
    },
  );

  test('an unknown friction rating is shown as unknown, not as a number', () => {
    const initiative = { ...best, workloadShift: undefined };
    expect(inputOf('friction', initiative, 'Workload shift')).toBe('unknown');
  });

  test.each<[keyof Initiative, string]>([
    ['dataRights', 'Data rights'],
    ['dataQuality', 'Data quality'],
    ['dataAvailability', 'Data availability'],
    ['instrumentation', 'Instrumentation'],
    ['baselineMethod', 'Baseline method'],
  ])('an unknown %s earns no readiness points', (key, factor) => {
    const known = readinessScore(best);
    const blank = readinessScore({ ...best, [key]: undefined });
    expect(pointsOf(known, factor)).toBeGreaterThan(0);
    expect(pointsOf(blank, factor)).toBe(0);
  });

  test('unknown data rights earn less than Partial, which earns less than Yes', () => {
    const points = (dataRights: Initiative['dataRights']) => pointsOf(readinessScore({ ...best, dataRights }), 'Data rights');
    expect([points(undefined), points('No'), points('Partial'), points('Yes')]).toEqual([0, 0, 10, 25]);
  });

  test('an unknown operational control earns nothing', () => {
    const score = readinessScore({ ...best, decisionLogging: undefined, monitoringOwner: undefined, incidentProcess: undefined });
    expect(pointsOf(score, 'Operational controls')).toBe(0);
    expect(score.value).toBe(85);
  });

  test('an unknown annual value earns no value points', () => {
    const initiative = { ...best, annualValue: undefined };
    const score = impactScore(initiative, context);
    expect(pointsOf(score, 'Annual value')).toBe(0);
    expect(inputOf('impact', initiative, 'Annual value')).toBe('unknown');
    expect(score.value).toBe(60);
  });

  test('an unknown strategic fit earns no fit points', () => {
    expect(pointsOf(impactScore({ ...best, strategicFit: undefined }, context), 'Strategic fit')).toBe(0);
  });
});

describe('the success metric', () => {
  test.each<[string | undefined, string]>([
    ['Cut triage time 30%', 'specific'],
    ['Halve month-end close time', 'specific'],
    ['Transform the business', 'vague'],
    ['Better customer experience', 'vague'],
    ['Transform the business by Q3', 'vague'],
    ['Launch in FY27', 'vague'],
    ['Live by 2027', 'vague'],
    ['Cut triage time 30% by Q3', 'specific'],
    ['Process 2000 invoices a day', 'specific'],
    ['TBD', 'missing'],
    ['', 'missing'],
    [undefined, 'missing'],
  ])('%p is a %s metric', (metric, quality) => {
    expect(metricQuality(metric)).toBe(quality);
  });

  test('a specific metric scores more impact than a vague one, and a vague one more than none, all else equal', () => {
    const impact = (successMetric: string | undefined) => impactScore({ ...best, successMetric }, context).value;
    const specific = impact('Cut triage time 30%');
    const vague = impact('Transform the business');
    const missing = impact(undefined);
    expect(specific).toBeGreaterThan(vague);
    expect(vague).toBeGreaterThan(missing);
    expect([specific, vague, missing]).toEqual([100, 86, 80]);
  });
});

describe('value relative to the largest', () => {
  test.each<[string, number, number]>([
    ['the largest value', LARGEST, 1],
    ['a tenth of it', LARGEST / 10, 0.5],
    ['a hundredth of it', LARGEST / 100, 0],
    ['a thousandth of it', LARGEST / 1000, 0],
    ['nothing', 0, 0],
  ])('%s earns a share of %p', (_what, value, share) => {
    expect(valueShare(value, LARGEST)).toBeCloseTo(share, 10);
  });

  test('the largest value gets the full 40 value points and a tenth of it gets 20', () => {
    expect(pointsOf(impactScore({ ...best, annualValue: LARGEST }, context), 'Annual value')).toBeCloseTo(40, 10);
    expect(pointsOf(impactScore({ ...best, annualValue: LARGEST / 10 }, context), 'Annual value')).toBeCloseTo(20, 10);
  });

  test('without any known value nothing earns value points', () => {
    expect(valueShare(500_000, 0)).toBe(0);
  });

  test('the largest value is taken from the readable rows only', () => {
    const rows = [readyInitiative({ annualValue: 300_000 }), readyInitiative({ annualValue: 9_000_000, invalid: true }), unknownInitiative()];
    expect(scoringContext(rows, { ...DEFAULT_SETTINGS, currency: '€' })).toMatchObject({ largestValue: 300_000, currency: '€' });
  });
});

describe('the priority score', () => {
  test('blends the scores with the weights: (wI*impact + wR*readiness + wF*(100-friction)) / (wI+wR+wF), to one decimal', () => {
    // (1*70 + 1*45 + 1*(100-33)) / 3 = 182 / 3 = 60.67
    expect(priorityScore(70, 45, 33, withWeights(1, 1, 1))).toBe(60.7);
    // (60*72.5 + 25*40 + 15*(100-30)) / 100 = (4350 + 1000 + 1050) / 100 = 64
    expect(priorityScore(72.5, 40, 30, withWeights(60, 25, 15))).toBe(64);
  });

  test('only the weighted score counts when the other weights are 0', () => {
    expect(priorityScore(80, 10, 90, withWeights(1, 0, 0))).toBe(80);
    expect(priorityScore(80, 10, 90, withWeights(0, 0, 1))).toBe(10);
  });

  test('an initiative is scored with the documented points and the settings weights', () => {
    // impact: 40 + 25 + 20 + 15 = 100; friction: 5 ratings of 2 = 5 * 20 * 1/4 = 25;
    // readiness: 25 + 15*2/4 + 15*2/4 + 15 + 15 + 15 = 85; priority with 50/30/20:
    // (50*100 + 30*85 + 20*(100-25)) / 100 = (5000 + 2550 + 1500) / 100 = 90.5
    const initiative = readyInitiative({ annualValue: LARGEST, strategicFit: 5, dataQuality: 3, dataAvailability: 3 });
    const scores = scoreInitiative(initiative, context, DEFAULT_SETTINGS);
    expect([scores.impact, scores.friction, scores.readiness, scores.priority]).toEqual([100, 25, 85, 90.5]);
  });

  test('changing the weights changes the priority, not the three scores', () => {
    const initiative = readyInitiative({ annualValue: LARGEST, strategicFit: 5, dataQuality: 3, dataAvailability: 3 });
    const scores = scoreInitiative(initiative, context, withWeights(1, 1, 1));
    // (100 + 85 + 75) / 3 = 86.67
    expect([scores.impact, scores.friction, scores.readiness, scores.priority]).toEqual([100, 25, 85, 86.7]);
  });

  test.each<[string, (i: Initiative) => Score]>([
    ['impact', (i) => impactScore(i, context)],
    ['friction', frictionScore],
    ['readiness', readinessScore],
  ])('the %s contributions add up to the score', (_name, score) => {
    for (const initiative of [readyInitiative(), readyInitiative({ annualValue: 350_000, strategicFit: 3.5, workloadShift: 4, dataRights: 'Partial', baselineMethod: 'Before/after' }), unknown]) {
      const result = score(initiative);
      expect(result.value).toBeCloseTo(sumOf(result), 1);
    }
  });
});

describe('one named accountable person', () => {
  test.each<[string | undefined, string]>([
    [undefined, 'no owner is named'],
    ['', 'no owner is named'],
    ['TBD', 'placeholder'],
    ['tbc', 'placeholder'],
    ['Finance team', 'team'],
    ['Claims operations', 'team'],
    ['IT', 'team'],
    ['Ana Ruiz / Tom Lee', 'more than one person'],
    ['Ana Ruiz and Tom Lee', 'more than one person'],
    ['Ana Ruiz, Tom Lee', 'more than one person'],
    // Said where a name goes by people who have none to give (each passed as a person before).
    ['—', 'placeholder'],
    ['No owner', 'placeholder'],
    ['Nobody', 'placeholder'],
    ['To be appointed', 'placeholder'],
    ['Not yet named', 'placeholder'],
    ['Not assigned', 'placeholder'],
    ['Hiring', 'placeholder'],
    ['New hire', 'placeholder'],
    ['Ana Ruiz?', 'placeholder'],
    ['Multiple', 'placeholder'],
    ['Leadership', 'team'],
    // A "Monitored?" Y/N column read as the monitoring owner: its Yes counted as a named owner for Scale-ready.
    ['Yes', 'a yes or no'],
    ['Y', 'a yes or no'],
    ['✔', 'a yes or no'],
    ['TRUE', 'a yes or no'],
    ['ELT', 'team'],
  ])('%p is not one person', (owner, reason) => {
    expect(namedPerson(owner)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  test.each(['Ana Ruiz', 'Ruiz, Ana', 'CFO', 'j.smith@example.com', 'Andy Orton', 'Noah Openshaw', 'Ana Ruiz (interim)'])('%p is one person', (owner) => {
    expect(namedPerson(owner)).toEqual({ ok: true });
  });
});

describe('contributions spell out a score', () => {
  test('each factor comes with its input as shown, its points and its maximum', () => {
    const initiative = readyInitiative({ annualValue: 200_000, strategicFit: 3 });
    const scores = scoreInitiative(initiative, context, DEFAULT_SETTINGS);
    expect(contributions('impact', scores, initiative, '€')).toEqual([
      // 200k is a tenth of the largest (2M): half the 40 value points.
      { factor: 'Annual value', input: '€200k', points: 20, max: 40 },
      { factor: 'Strategic fit', input: '3/5', points: 12.5, max: 25 },
      { factor: 'Success metric', input: 'measurable target', points: 20, max: 20 },
      { factor: 'Decision changed', input: 'named', points: 15, max: 15 },
    ]);
  });
});

describe('friction and readiness scores follow each of their inputs', () => {
  // Each input of the two scores, changed on its own from a ready initiative: the score must follow it.
  const variations: [ScoreKind, Partial<Initiative>][] = [
    ['friction', { decisionRightsShift: 4 }],
    ['friction', { workloadShift: undefined }],
    ['friction', { incentiveMisalignment: 2.5 }],
    ['friction', { newObligations: 5 }],
    ['friction', { integrationComplexity: 1 }],
    ['readiness', { dataRights: 'Partial' }],
    ['readiness', { dataQuality: 2 }],
    ['readiness', { dataAvailability: undefined }],
    ['readiness', { instrumentation: false }],
    ['readiness', { baselineMethod: 'Before/after' }],
    ['readiness', { decisionLogging: false }],
    ['readiness', { monitoringOwner: 'TBD' }],
    ['readiness', { incidentProcess: undefined }],
  ];
  // One run's memo for each test: verdicts on repeated texts (a monitoring owner) are kept in it.
  let memo = new Memo();
  beforeEach(() => (memo = new Memo()));
  const scoreOf = (kind: ScoreKind, i: Initiative) => (kind === 'friction' ? frictionScore(i, memo) : readinessScore(i, memo));
  const freshContext = (): ScoringContext => ({ largestValue: 0, currency: '', memo: new Memo() });

  test.each(variations)('%s follows %j', (kind, change) => {
    const base = readyInitiative();
    const changed = { ...base, ...change };
    const fresh = FACTORS[kind].map((f) => f.points(changed, freshContext()));
    // Score the base first, so a score remembered wrongly would be the base's.
    expect(scoreOf(kind, base).points).not.toEqual(fresh);
    expect(scoreOf(kind, changed).points).toEqual(fresh);
  });

  test('an unknown rating and a rating of 5 next to it are told apart', () => {
    const first = readyInitiative({ decisionRightsShift: 2, workloadShift: 5 });
    const second = readyInitiative({ decisionRightsShift: 3, workloadShift: undefined });
    expect(frictionScore(first, memo).points).not.toEqual(frictionScore(second, memo).points);
    expect(frictionScore(second, memo).points).toEqual(FACTORS.friction.map((f) => f.points(second, freshContext())));
  });
});
