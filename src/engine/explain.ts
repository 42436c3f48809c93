// The Why sentence and the binding-constraint text, built from the same
// contributions and constraints the engine used, so the words match the numbers.

import { formatQuantity, listWords } from './format';
import { FACTORS, contributions, type ScoreKind } from './scores';
import type { Decision, DeferralConstraint, Gate, Initiative, PlanEntry, Scores, Settings } from './types';

/** A factor's effect on the priority score, in priority points: what it earned and what it left on the table. */
export type Driver = { factor: string; input: string; earned: number; missed: number };

export function drivers(initiative: Initiative, scores: Scores, settings: Settings): Driver[] {
  const { impact, readiness, friction } = settings.weights;
  const sum = impact + readiness + friction || 1;
  const scaled = (kind: ScoreKind, weight: number): Driver[] =>
    contributions(kind, scores[kind], initiative, settings.currency).map((c) => {
      const good = kind === 'friction' ? c.max - c.points : c.points;
      return { factor: c.factor, input: c.input, earned: (good * weight) / sum, missed: ((c.max - good) * weight) / sum };
    });
  return [...scaled('impact', impact), ...scaled('readiness', readiness), ...scaled('friction', friction)];
}

const inFlightPhrase = (limit: number | undefined): string =>
  limit === undefined ? 'its limit of initiatives' : `${limit} initiative${limit === 1 ? '' : 's'}`;

const lowerOnce = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
// Factor names and gate gaps are a few dozen texts said thousands of times: each is lowered once.
const lowered = new Map<string, string>();
const lower = (s: string): string => {
  let result = lowered.get(s);
  if (result === undefined) {
    result = lowerOnce(s);
    if (lowered.size < 4096) lowered.set(s, result);
  }
  return result;
};

// The outputs and the Change impact sheet both say each deferral's constraint: worked out once per
// constraint (a selection never changes a constraint once it has made it).
const bindingTexts = new WeakMap<DeferralConstraint, string>();

export function bindingText(binding: DeferralConstraint | undefined): string {
  if (!binding) return '';
  let text = bindingTexts.get(binding);
  if (text === undefined) {
    text = bindingTextOf(binding);
    bindingTexts.set(binding, text);
  }
  return text;
}

function bindingTextOf(binding: DeferralConstraint): string {
  const parts: string[] = [];
  if (binding.inFlightLimit !== undefined) parts.push(`In-flight limit (${binding.inFlightLimit})`);
  for (const t of binding.teams) {
    parts.push(`${t.team} (needs ${formatQuantity(t.needed, t.unit)}, ${formatQuantity(t.left, t.unit)} left)`);
  }
  return parts.join('; ');
}

function decisionClause(entry: Pick<PlanEntry, 'decision' | 'binding' | 'gate' | 'initiative'>): string {
  const gate: Gate = entry.gate.gate;
  const reason = entry.initiative.overrideReason ?? '';
  const by = entry.initiative.overrideScenario === undefined ? 'by leadership' : `by leadership in scenario "${entry.initiative.overrideScenario}"`;
  const asWhat = gate === 'Learning-only' ? ' as a learning pilot' : gate === 'Pilot-ready' ? ' as a pilot' : entry.initiative.phaseRequested === 'Scale' ? ' to scale' : '';
  const decision: Decision = entry.decision;
  switch (decision) {
    case 'Commit':
      return `committed${asWhat} within every team's capacity`;
    case 'Forced in':
      return `forced in ${by}${asWhat} ("${reason}")`;
    case 'Forced out':
      return `forced out ${by} ("${reason}")`;
    case 'Deferred (in-flight limit)':
      return `deferred because the plan already has ${inFlightPhrase(entry.binding?.inFlightLimit)} in flight`;
    case 'Deferred (capacity)': {
      const teams = entry.binding?.teams ?? [];
      return teams.length > 0
        ? `deferred because ${listWords(teams.map((t) => t.team))} ${teams.length > 1 ? 'have' : 'has'} too little capacity left`
        : 'deferred: a better combination used the capacity';
    }
    case 'Not ready':
      return `not ready: ${lower(entry.gate.gaps[0] ?? gate)}`;
  }
}

const KINDS: readonly ScoreKind[] = ['impact', 'readiness', 'friction'];

/**
 * The factors that earned the most and missed the most priority points (never the same factor).
 * Walks the kept points without building every contribution: it runs once per initiative.
 */
export function strongestAndWeakest(initiative: Initiative, scores: Scores, settings: Settings): { strongest?: Driver; weakest?: Driver } {
  const { impact, readiness, friction } = settings.weights;
  const sum = impact + readiness + friction || 1;
  // The best and worst factors are tracked as plain numbers (kind, index, earned, missed): this runs
  // once per initiative, and an object per candidate would be most of what it allocates.
  let bestKind = -1;
  let bestIndex = -1;
  let bestEarned = 0;
  let bestMissed = 0;
  for (let k = 0; k < KINDS.length; k++) {
    const kind = KINDS[k]!;
    const share = (kind === 'impact' ? impact : kind === 'readiness' ? readiness : friction) / sum;
    const factors = FACTORS[kind];
    const points = scores[kind].points;
    for (let index = 0; index < factors.length; index++) {
      const max = factors[index]!.max;
      const good = kind === 'friction' ? max - (points[index] ?? 0) : (points[index] ?? 0);
      const earned = good * share;
      if (earned > 0 && (bestKind < 0 || earned > bestEarned)) {
        bestKind = k;
        bestIndex = index;
        bestEarned = earned;
        bestMissed = (max - good) * share;
      }
    }
  }
  let worstKind = -1;
  let worstIndex = -1;
  let worstEarned = 0;
  let worstMissed = 0;
  for (let k = 0; k < KINDS.length; k++) {
    const kind = KINDS[k]!;
    const share = (kind === 'impact' ? impact : kind === 'readiness' ? readiness : friction) / sum;
    const factors = FACTORS[kind];
    const points = scores[kind].points;
    for (let index = 0; index < factors.length; index++) {
      if (bestKind === k && bestIndex === index) continue;
      const max = factors[index]!.max;
      const good = kind === 'friction' ? max - (points[index] ?? 0) : (points[index] ?? 0);
      const missed = (max - good) * share;
      if (worstKind < 0 || missed > worstMissed) {
        worstKind = k;
        worstIndex = index;
        worstEarned = good * share;
        worstMissed = missed;
      }
    }
  }
  const driver = (k: number, index: number, earned: number, missed: number): Driver | undefined => {
    if (k < 0) return undefined;
    const f = FACTORS[KINDS[k]!][index]!;
    return { factor: f.factor, input: f.input(initiative, settings.currency), earned, missed };
  };
  return { strongest: driver(bestKind, bestIndex, bestEarned, bestMissed), weakest: driver(worstKind, worstIndex, worstEarned, worstMissed) };
}

/** One sentence: what drove the score, what held it back, and the decision. */
export function whyText(entry: Pick<PlanEntry, 'decision' | 'binding' | 'gate' | 'initiative' | 'scores'>, settings: Settings): string {
  if (!entry.scores) return `Not planned: ${lower(entry.gate.gaps[0] ?? 'some cells could not be read')}.`;
  const { strongest, weakest } = strongestAndWeakest(entry.initiative, entry.scores, settings);
  const score = `Priority ${entry.scores.priority.toFixed(1)}`;
  const lift = strongest && strongest.earned > 0 ? `, lifted by ${lower(strongest.factor)} (${strongest.input})` : '';
  const drag = weakest && weakest.missed > 0.5 ? `, held back by ${lower(weakest.factor)} (${weakest.input})` : '';
  return `${score}${lift}${drag}; ${decisionClause(entry)}.`;
}
