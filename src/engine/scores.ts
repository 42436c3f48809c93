// Impact, friction and readiness, 0-100 each, and the weighted priority score.
// Every score keeps its contributions: the Why text, the detail view and the
// README's formula are the same numbers.

import { formatMoney } from './format';
import type { Contribution, Initiative, MetricQuality, Score, Scores, Settings } from './types';

export type ScoringContext = {
  /** Largest annual value among the initiatives being planned: value points are relative to it. */
  largestValue: number;
  currency: string;
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
const BASELINE_POINTS = { 'A/B test': 15, 'Matched cohorts': 12, 'Before/after': 9, None: 0 } as const;
const RIGHTS_POINTS = { Yes: 25, Partial: 10, No: 0 } as const;

const round1 = (n: number): number => Math.round(n * 10) / 10;
const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));
/** 1 → 0, 5 → 1. */
const onScale = (rating: number): number => (rating - 1) / 4;
const rating = (r: number | undefined): string => (r === undefined ? 'unknown' : `${Number.isInteger(r) ? r : r.toFixed(1)}/5`);
const yesNoText = (b: boolean | undefined): string => (b === undefined ? 'unknown' : b ? 'yes' : 'no');

const PLACEHOLDER = /^(tbd|tbc|tba|n\/?a|none|unknown|various|todo|to be (decided|defined|confirmed)|\?+|-+)$/i;
// A target needs a figure (30%, 2 days, $1M) or a word that is one (halve, double).
// Dates are not targets: "by Q3", "in FY27", "H1 2026" say when, not how much.
const MEASURABLE = /\d|\b(halve|halving|double|doubling|triple|zero)\b/i;
const WHEN = /\b(q[1-4]|h[12]|fy\s?\d{2,4}|(in|by|before|until|during|from|of|end)\s+(19|20)\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+((19|20)\d{2}|\d{1,2}))\b/gi;

export function metricQuality(metric: string | undefined): MetricQuality {
  if (metric === undefined || isPlaceholder(metric)) return 'missing';
  return MEASURABLE.test(metric.replace(WHEN, ' ')) ? 'specific' : 'vague';
}

/** Blank, or a stand-in such as "TBD": nothing is stated yet. */
export function isPlaceholder(value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || PLACEHOLDER.test(value.trim());
}

function total(contributions: Contribution[], max: number): Score {
  const sum = contributions.reduce((acc, c) => acc + c.points, 0);
  return { value: round1(Math.min(max, Math.max(0, sum))), contributions };
}

/** Each tenfold step below the largest value loses half the value points; a hundredth of it scores none. */
export function valueShare(value: number, largest: number): number {
  if (value <= 0 || largest <= 0) return 0;
  return clamp01(1 + Math.log10(value / largest) / 2);
}

export function impactScore(initiative: Initiative, context: ScoringContext): Score {
  const { annualValue, strategicFit, successMetric, decisionChanged } = initiative;
  const quality = metricQuality(successMetric);
  const decisionNamed = !isPlaceholder(decisionChanged);
  return total(
    [
      {
        factor: 'Annual value',
        input: annualValue === undefined ? 'unknown' : formatMoney(annualValue, context.currency),
        points: annualValue === undefined ? 0 : IMPACT_POINTS.annualValue * valueShare(annualValue, context.largestValue),
        max: IMPACT_POINTS.annualValue,
      },
      {
        factor: 'Strategic fit',
        input: rating(strategicFit),
        points: strategicFit === undefined ? 0 : IMPACT_POINTS.strategicFit * onScale(strategicFit),
        max: IMPACT_POINTS.strategicFit,
      },
      {
        factor: 'Success metric',
        input: quality === 'specific' ? 'measurable target' : quality === 'vague' ? 'no measurable target' : 'missing',
        points: METRIC_POINTS[quality],
        max: IMPACT_POINTS.successMetric,
      },
      {
        factor: 'Decision changed',
        input: decisionNamed ? 'named' : 'not named',
        points: decisionNamed ? IMPACT_POINTS.decisionChanged : 0,
        max: IMPACT_POINTS.decisionChanged,
      },
    ],
    100,
  );
}

export const CHANGE_IMPACTS = [
  { key: 'decisionRightsShift', label: 'Decision rights shift' },
  { key: 'workloadShift', label: 'Workload shift' },
  { key: 'incentiveMisalignment', label: 'Incentive misalignment' },
  { key: 'newObligations', label: 'New obligations' },
] as const;

/** The change load: higher is heavier. An unknown rating counts as the heaviest, so a blank never looks easy. */
export function frictionScore(initiative: Initiative): Score {
  const factors = [...CHANGE_IMPACTS, { key: 'integrationComplexity', label: 'Integration complexity' } as const];
  return total(
    factors.map(({ key, label }) => {
      const r = initiative[key];
      return { factor: label, input: rating(r), points: r === undefined ? FRICTION_POINTS : FRICTION_POINTS * onScale(r), max: FRICTION_POINTS };
    }),
    100,
  );
}

export function readinessScore(initiative: Initiative): Score {
  const { dataRights, dataQuality, dataAvailability, instrumentation, baselineMethod } = initiative;
  const controls = operationalControls(initiative);
  const controlCount = controls.filter((c) => c.present).length;
  return total(
    [
      { factor: 'Data rights', input: dataRights ?? 'unknown', points: dataRights ? RIGHTS_POINTS[dataRights] : 0, max: READINESS_POINTS.dataRights },
      {
        factor: 'Data quality',
        input: rating(dataQuality),
        points: dataQuality === undefined ? 0 : READINESS_POINTS.dataQuality * onScale(dataQuality),
        max: READINESS_POINTS.dataQuality,
      },
      {
        factor: 'Data availability',
        input: rating(dataAvailability),
        points: dataAvailability === undefined ? 0 : READINESS_POINTS.dataAvailability * onScale(dataAvailability),
        max: READINESS_POINTS.dataAvailability,
      },
      {
        factor: 'Instrumentation',
        input: yesNoText(instrumentation),
        points: instrumentation ? READINESS_POINTS.instrumentation : 0,
        max: READINESS_POINTS.instrumentation,
      },
      {
        factor: 'Baseline method',
        input: baselineMethod ?? 'unknown',
        points: baselineMethod ? BASELINE_POINTS[baselineMethod] : 0,
        max: READINESS_POINTS.baselineMethod,
      },
      {
        factor: 'Operational controls',
        input: `${controlCount} of 3`,
        points: (READINESS_POINTS.operationalControls / 3) * controlCount,
        max: READINESS_POINTS.operationalControls,
      },
    ],
    100,
  );
}

/** The non-negotiables that travel with every deployment at scale. */
export function operationalControls(initiative: Initiative): { label: string; present: boolean; gap: string }[] {
  return [
    { label: 'decision logging', present: initiative.decisionLogging === true, gap: 'log every AI-assisted decision and override' },
    {
      label: 'a monitoring owner',
      present: namedPerson(initiative.monitoringOwner).ok,
      gap: 'name one person who owns model health (drift, quality, retraining)',
    },
    { label: 'an incident process', present: initiative.incidentProcess === true, gap: 'agree an incident playbook with a rollback' },
  ];
}

const TEAM_WORDS = /\b(team|teams|dept|department|function|group|committee|council|board|unit|squad|office|taskforce|working group|steerco|pmo|coe|centre of excellence|center of excellence)\b/i;
const FUNCTION_WORDS = new Set([
  'finance', 'operations', 'ops', 'legal', 'security', 'it', 'hr', 'people', 'procurement', 'marketing', 'sales', 'support',
  'engineering', 'data', 'risk', 'compliance', 'product', 'analytics', 'platform', 'ml', 'ai', 'digital', 'customer', 'service',
  'services', 'claims', 'underwriting', 'credit', 'treasury', 'tax', 'audit', 'facilities', 'supply', 'chain', 'logistics', 'all',
  'everyone', 'shared', 'business', 'tech', 'technology', 'infosec', 'cyber', 'and', '&', 'the',
]);

export type PersonCheck = { ok: true } | { ok: false; reason: string };

// Owner names repeat across a portfolio; the verdict for a text never changes, so it is remembered.
const personMemo = new Map<string, PersonCheck>();

/** Whether a cell names one accountable person: not blank, a placeholder, a team or several people. */
export function namedPerson(owner: string | undefined): PersonCheck {
  if (owner === undefined) return checkPerson(owner);
  let verdict = personMemo.get(owner);
  if (!verdict) {
    verdict = checkPerson(owner);
    if (personMemo.size < 4096) personMemo.set(owner, verdict);
  }
  return verdict;
}

function checkPerson(owner: string | undefined): PersonCheck {
  if (owner === undefined || owner.trim() === '') return { ok: false, reason: 'no owner is named' };
  const value = owner.trim();
  if (isPlaceholder(value) || /^(tbd|tbc|to be named|pending|owner|unassigned|vacant|open)\b/i.test(value)) {
    return { ok: false, reason: `"${value}" is a placeholder, not a person` };
  }
  if (/[/&+;\n]|\band\b|\bor\b/i.test(value) || value.split(',').filter((part) => part.trim().split(/\s+/).length >= 2).length >= 2) {
    return { ok: false, reason: `"${value}" names more than one person` };
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

export function scoreInitiative(initiative: Initiative, context: ScoringContext, settings: Settings): Scores {
  const impact = impactScore(initiative, context);
  const friction = frictionScore(initiative);
  const readiness = readinessScore(initiative);
  return { impact, friction, readiness, priority: priorityScore(impact.value, readiness.value, friction.value, settings) };
}

export function scoringContext(initiatives: Initiative[], settings: Settings): ScoringContext {
  let largestValue = 0;
  for (const i of initiatives) if (!i.invalid && i.annualValue !== undefined && i.annualValue > largestValue) largestValue = i.annualValue;
  return { largestValue, currency: settings.currency };
}
