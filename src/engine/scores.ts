// Impact, friction and readiness, 0-100 each, and the weighted priority score.
// Every score keeps its contributions: the Why text, the detail view and the
// README's formula are the same numbers.

import { formatMoney } from './format';
import { Memo } from './memo';
import type { Contribution, Initiative, MetricQuality, Scores, Settings } from './types';

export type ScoringContext = {
  /** Largest annual value among the initiatives being planned: value points are relative to it. */
  largestValue: number;
  currency: string;
  /** The run's memo: verdicts on repeated texts (owners, success metrics) are kept in it. */
  memo: Memo;
};

export const IMPACT_POINTS = { annualValue: 40, strategicFit: 25, successMetric: 20, decisionChanged: 15 } as const;
export const FRICTION_POINTS = 20; // each of the four change impacts and integration complexity
export const READINESS_POINTS = {
  dataRights: 25,
  dataQuality: 15,
  dataAvailability: 15,
  instrumentation: 15,
  baselineMethod: 15,
  operationalControls: 15,
} as const;
const METRIC_POINTS: Record<MetricQuality, number> = { specific: 20, vague: 6, missing: 0 };
const METRIC_WORDS: Record<MetricQuality, string> = { specific: 'measurable target', vague: 'no measurable target', missing: 'missing' };
/** How many of the three operational controls are in place, by count. */
const CONTROLS_WORDS = ['0 of 3', '1 of 3', '2 of 3', '3 of 3'];
const BASELINE_POINTS = { 'A/B test': 15, 'Matched cohorts': 12, 'Before/after': 9, None: 0 } as const;
const RIGHTS_POINTS = { Yes: 25, Partial: 10, No: 0 } as const;

const round1 = (n: number): number => Math.round(n * 10) / 10;
const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));
/** 1 → 0, 5 → 1. */
const onScale = (rating: number): number => (rating - 1) / 4;
const WHOLE_RATINGS = ['0/5', '1/5', '2/5', '3/5', '4/5', '5/5'];
const rating = (r: number | undefined): string =>
  r === undefined ? 'unknown' : Number.isInteger(r) ? WHOLE_RATINGS[r] ?? `${r}/5` : `${r.toFixed(1)}/5`;
const yesNoText = (b: boolean | undefined): string => (b === undefined ? 'unknown' : b ? 'yes' : 'no');

const PLACEHOLDER = /^(tbd|tbc|tba|n\/?a|none|unknown|various|multiple|several|todo|to be (decided|defined|confirmed)|\?+|[-–—]+)$/i;
// A target needs a figure (30%, 2 days, $1M) or a word that is one (halve, double).
// Dates are not targets: "by Q3", "in FY27", "H1 2026" say when, not how much.
const MEASURABLE = /\d|\b(halve|halving|double|doubling|triple|zero)\b/i;
const WHEN = /\b(q[1-4]|h[12]|fy\s?\d{2,4}|(in|by|before|until|during|from|of|end)\s+(19|20)\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+((19|20)\d{2}|\d{1,2}))\b/gi;

export function metricQuality(metric: string | undefined): MetricQuality {
  if (metric === undefined || isPlaceholder(metric)) return 'missing';
  return MEASURABLE.test(metric.replace(WHEN, ' ')) ? 'specific' : 'vague';
}

/** Blank, or a stand-in such as "TBD": nothing is stated yet. */
export const isPlaceholder = (value: string | undefined): boolean => value === undefined || value.trim() === '' || PLACEHOLDER.test(value.trim());

/** Each tenfold step below the largest value loses half the value points; a hundredth of it scores none. */
export function valueShare(value: number, largest: number): number {
  if (value <= 0 || largest <= 0) return 0;
  return clamp01(1 + Math.log10(value / largest) / 2);
}

export type ScoreKind = 'impact' | 'friction' | 'readiness';

/**
 * One factor of a score: its points for an initiative, and its input as the reader should see it.
 * With the run's `memo`, verdicts on repeated texts (a success metric, a monitoring owner) are kept in it.
 */
export type Factor = {
  factor: string;
  max: number;
  points: (i: Initiative, context: ScoringContext) => number;
  input: (i: Initiative, currency: string, memo?: Memo) => string;
};

const scaleFactor = (factor: string, key: RatingKey, max: number, unknownPoints: number): Factor => {
  const ratingOf = RATING_OF[key];
  return {
    factor,
    max,
    points: (i) => {
      const r = ratingOf(i);
      return r === undefined ? unknownPoints : max * onScale(r);
    },
    input: (i) => rating(ratingOf(i)),
  };
};

type RatingKey = 'strategicFit' | 'decisionRightsShift' | 'workloadShift' | 'incentiveMisalignment' | 'newObligations' | 'integrationComplexity' | 'dataQuality' | 'dataAvailability';

// Each rating's reader, by key: the factors, the friction code and the change impacts all read them.
const RATING_OF: Record<RatingKey, (i: Initiative) => number | undefined> = {
  strategicFit: (i) => i.strategicFit,
  decisionRightsShift: (i) => i.decisionRightsShift,
  workloadShift: (i) => i.workloadShift,
  incentiveMisalignment: (i) => i.incentiveMisalignment,
  newObligations: (i) => i.newObligations,
  integrationComplexity: (i) => i.integrationComplexity,
  dataQuality: (i) => i.dataQuality,
  dataAvailability: (i) => i.dataAvailability,
};

export const CHANGE_IMPACTS = [
  { key: 'decisionRightsShift', label: 'Decision rights shift' },
  { key: 'workloadShift', label: 'Workload shift' },
  { key: 'incentiveMisalignment', label: 'Incentive misalignment' },
  { key: 'newObligations', label: 'New obligations' },
] as const;

/** Each change impact's rating of an initiative, in `CHANGE_IMPACTS` order. */
export const CHANGE_IMPACT_RATINGS = CHANGE_IMPACTS.map(({ key }) => RATING_OF[key]);

/** The factors of each score, in the order their points are kept. */
export const FACTORS: Record<ScoreKind, readonly Factor[]> = {
  impact: [
    {
      factor: 'Annual value',
      max: IMPACT_POINTS.annualValue,
      points: (i, c) => (i.annualValue === undefined ? 0 : IMPACT_POINTS.annualValue * valueShare(i.annualValue, c.largestValue)),
      input: (i, currency) => (i.annualValue === undefined ? 'unknown' : formatMoney(i.annualValue, currency)),
    },
    scaleFactor('Strategic fit', 'strategicFit', IMPACT_POINTS.strategicFit, 0),
    {
      factor: 'Success metric',
      max: IMPACT_POINTS.successMetric,
      points: (i, c) => METRIC_POINTS[c.memo.of(metricQuality)(i.successMetric)],
      input: (i, _currency, memo) => METRIC_WORDS[(memo ? memo.of(metricQuality) : metricQuality)(i.successMetric)],
    },
    {
      factor: 'Decision changed',
      max: IMPACT_POINTS.decisionChanged,
      points: (i, c) => (c.memo.of(isPlaceholder)(i.decisionChanged) ? 0 : IMPACT_POINTS.decisionChanged),
      input: (i, _currency, memo) => ((memo ? memo.of(isPlaceholder) : isPlaceholder)(i.decisionChanged) ? 'not named' : 'named'),
    },
  ],
  // The change load: higher is heavier. An unknown rating counts as the heaviest, so a blank never looks easy.
  friction: [
    ...CHANGE_IMPACTS.map(({ key, label }) => scaleFactor(label, key, FRICTION_POINTS, FRICTION_POINTS)),
    scaleFactor('Integration complexity', 'integrationComplexity', FRICTION_POINTS, FRICTION_POINTS),
  ],
  readiness: [
    {
      factor: 'Data rights',
      max: READINESS_POINTS.dataRights,
      points: (i) => (i.dataRights ? RIGHTS_POINTS[i.dataRights] : 0),
      input: (i) => i.dataRights ?? 'unknown',
    },
    scaleFactor('Data quality', 'dataQuality', READINESS_POINTS.dataQuality, 0),
    scaleFactor('Data availability', 'dataAvailability', READINESS_POINTS.dataAvailability, 0),
    {
      factor: 'Instrumentation',
      max: READINESS_POINTS.instrumentation,
      points: (i) => (i.instrumentation ? READINESS_POINTS.instrumentation : 0),
      input: (i) => yesNoText(i.instrumentation),
    },
    {
      factor: 'Baseline method',
      max: READINESS_POINTS.baselineMethod,
      points: (i) => (i.baselineMethod ? BASELINE_POINTS[i.baselineMethod] : 0),
      input: (i) => i.baselineMethod ?? 'unknown',
    },
    {
      factor: 'Operational controls',
      max: READINESS_POINTS.operationalControls,
      points: (i, c) => (READINESS_POINTS.operationalControls / 3) * presentControls(i, c.memo),
      input: (i, _currency, memo) => CONTROLS_WORDS[presentControls(i, memo)]!,
    },
  ],
};

const presentControls = (i: Initiative, memo?: Memo): number => PRESENT_LABELS[controlsMask(i, memo)]!.length;

/** Where each score's factors start in `Scores.points`: impact's, then friction's, then readiness's. */
export const FIRST_POINT: Readonly<Record<ScoreKind, number>> = {
  impact: 0,
  friction: FACTORS.impact.length,
  readiness: FACTORS.impact.length + FACTORS.friction.length,
};
const POINT_COUNT = FIRST_POINT.readiness + FACTORS.readiness.length;

/** Puts each factor's points of a score into `points` from `first` on, and returns the score. */
function scoreInto(kind: ScoreKind, initiative: Initiative, context: ScoringContext, points: number[], first: number): number {
  const factors = FACTORS[kind];
  let sum = 0;
  for (let f = 0; f < factors.length; f++) sum += points[first + f] = factors[f]!.points(initiative, context);
  return round1(Math.min(100, Math.max(0, sum)));
}

/** Each factor of a score with its input, points and maximum: for the Why text, the detail view and the README's formula. */
export function contributions(kind: ScoreKind, scores: Scores, initiative: Initiative, currency: string): Contribution[] {
  const first = FIRST_POINT[kind];
  return FACTORS[kind].map((f, index) => ({ factor: f.factor, input: f.input(initiative, currency), points: scores.points[first + index] ?? 0, max: f.max }));
}

export type OperationalControl = { label: string; present: boolean; gap: string };

const CONTROLS = [
  { label: 'decision logging', gap: 'log every AI-assisted decision and override' },
  { label: 'a monitoring owner', gap: 'name one person who owns model health (drift, quality, retraining)' },
  { label: 'an incident process', gap: 'agree an incident playbook with a rollback' },
] as const;

// Three controls give eight combinations: each is built once and shared, as it is asked for on every initiative.
const CONTROL_SETS: readonly (readonly OperationalControl[])[] = Array.from({ length: 8 }, (_, mask) =>
  Object.freeze(CONTROLS.map((c, bit) => Object.freeze({ ...c, present: (mask & (1 << bit)) !== 0 }))),
);

/**
 * Which of the three controls an initiative has, as a bit mask (an index into the shared lists below).
 * With the run's `memo`, the verdict on the monitoring owner is remembered there.
 */
export function controlsMask(initiative: Initiative, memo?: Memo): number {
  const named = memo ? memo.of(namedPerson) : namedPerson;
  return (
    (initiative.decisionLogging === true ? 1 : 0) |
    (named(initiative.monitoringOwner).ok ? 2 : 0) |
    (initiative.incidentProcess === true ? 4 : 0)
  );
}

/** The non-negotiables that travel with every deployment at scale. The result is shared: do not change it. */
export function operationalControls(initiative: Initiative): readonly OperationalControl[] {
  return CONTROL_SETS[controlsMask(initiative)]!;
}

/** The controls an initiative lacks, per mask; shared, do not change. */
export const MISSING_CONTROLS: readonly (readonly OperationalControl[])[] = CONTROL_SETS.map((set) => Object.freeze(set.filter((c) => !c.present)));
/** The labels of the controls present and missing, per mask; shared, do not change. */
export const PRESENT_LABELS: readonly (readonly string[])[] = CONTROL_SETS.map((set) => Object.freeze(set.filter((c) => c.present).map((c) => c.label)));
export const MISSING_LABELS: readonly (readonly string[])[] = MISSING_CONTROLS.map((set) => Object.freeze(set.map((c) => c.label)));

const TEAM_WORDS = /\b(team|teams|dept|department|function|group|committee|council|board|unit|squad|office|taskforce|working group|steerco|pmo|coe|centre of excellence|center of excellence|leadership|elt|slt|exco)\b/i;
const FUNCTION_WORDS = new Set([
  'finance', 'operations', 'ops', 'legal', 'security', 'it', 'hr', 'people', 'procurement', 'marketing', 'sales', 'support',
  'engineering', 'data', 'risk', 'compliance', 'product', 'analytics', 'platform', 'ml', 'ai', 'digital', 'customer', 'service',
  'services', 'claims', 'underwriting', 'credit', 'treasury', 'tax', 'audit', 'facilities', 'supply', 'chain', 'logistics', 'all',
  'everyone', 'shared', 'business', 'tech', 'technology', 'infosec', 'cyber', 'and', '&', 'the',
]);

export type PersonCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether a cell names one accountable person: not blank, a placeholder, a team or several people.
 * Owner names repeat across a portfolio: a run asks through its memo, so each verdict is worked out
 * once per run (and shared: do not change it).
 */
export function namedPerson(owner: string | undefined): PersonCheck {
  if (owner === undefined || owner.trim() === '') return { ok: false, reason: 'no owner is named' };
  const value = owner.trim();
  // "No owner", "To be appointed", "Hiring", "Jane Smith?": said where a name goes, none of them names the accountable person.
  if (isPlaceholder(value) || /^(tbd|tbc|tba|to be (named|appointed|assigned|agreed|identified|hired)|not (yet )?(named|assigned|appointed|identified|agreed)|no (named |accountable )?owner|no one|nobody|pending|owner|unassigned|vacant|open|hiring|new hire|recruiting)\b|\?$/i.test(value)) {
    return { ok: false, reason: `"${value}" is a placeholder, not a person` };
  }
  if (/[/&+;\n]|\band\b|\bor\b/i.test(value) || value.split(',').filter((part) => part.trim().split(/\s+/).length >= 2).length >= 2) {
    return { ok: false, reason: `"${value}" names more than one person` };
  }
  // A Y/N column read as an owner ("Monitored?" holds Yes or No) names nobody: a "Yes" there is not a monitoring owner.
  if (/^(yes|y|no|n|true|false|x|[✓✔☑✅✗✘✖☒❌])$/i.test(value.replace(/\uFE0F/g, ''))) {
    return { ok: false, reason: `"${value}" is a yes or no, not a person's name` };
  }
  const words = value.toLowerCase().split(/[\s.-]+/).filter(Boolean);
  if (TEAM_WORDS.test(value) || words.every((w) => FUNCTION_WORDS.has(w))) {
    return { ok: false, reason: `"${value}" is a team, not one person` };
  }
  return { ok: true };
}

export function priorityScore(impact: number, readiness: number, friction: number, settings: Settings): number {
  const { weights } = settings;
  const sum = weights.impact + weights.readiness + weights.friction;
  if (sum <= 0) return 0;
  return round1((weights.impact * impact + weights.readiness * readiness + weights.friction * (100 - friction)) / sum);
}

/**
 * The three scores and the priority. The factors' points are kept in one list: for 10,000 initiatives
 * that is far lighter than an object per score, let alone per factor.
 */
export function scoreInitiative(initiative: Initiative, context: ScoringContext, settings: Settings): Scores {
  const points = new Array<number>(POINT_COUNT);
  const impact = scoreInto('impact', initiative, context, points, FIRST_POINT.impact);
  const friction = scoreInto('friction', initiative, context, points, FIRST_POINT.friction);
  const readiness = scoreInto('readiness', initiative, context, points, FIRST_POINT.readiness);
  return { impact, friction, readiness, points, priority: priorityScore(impact, readiness, friction, settings) };
}

export function scoringContext(initiatives: Initiative[], settings: Settings, memo = new Memo()): ScoringContext {
  let largestValue = 0;
  for (const i of initiatives) if (!i.invalid && i.annualValue !== undefined && i.annualValue > largestValue) largestValue = i.annualValue;
  return { largestValue, currency: settings.currency, memo };
}
