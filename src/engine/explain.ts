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

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export function bindingText(binding: DeferralConstraint | undefined): string {
  if (!binding) return '';
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

/**
 * The factors that earned the most and missed the most priority points (never the same factor).
 * Walks the kept points without building every contribution: it runs once per initiative.
 */
export function strongestAndWeakest(initiative: Initiative, scores: Scores, settings: Settings): { strongest?: Driver; weakest?: Driver } {
  const { impact, readiness, friction } = settings.weights;
  const sum = impact + readiness + friction || 1;
  const kinds: [ScoreKind, number][] = [['impact', impact / sum], ['readiness', readiness / sum], ['friction', friction / sum]];
  type Pick = { kind: ScoreKind; index: number; earned: number; missed: number };
  let best: Pick | undefined;
  let worst: Pick | undefined;
  for (const [kind, share] of kinds) {
    const factors = FACTORS[kind];
    const points = scores[kind].points;
    for (let index = 0; index < factors.length; index++) {
      const max = factors[index]!.max;
      const good = kind === 'friction' ? max - (points[index] ?? 0) : (points[index] ?? 0);
      const earned = good * share;
      if (earned > 0 && (!best || earned > best.earned)) best = { kind, index, earned, missed: (max - good) * share };
    }
  }
  for (const [kind, share] of kinds) {
    const factors = FACTORS[kind];
    const points = scores[kind].points;
    for (let index = 0; index < factors.length; index++) {
      if (best && best.kind === kind && best.index === index) continue;
      const max = factors[index]!.max;
      const good = kind === 'friction' ? max - (points[index] ?? 0) : (points[index] ?? 0);
      const missed = (max - good) * share;
      if (!worst || missed > worst.missed) worst = { kind, index, earned: good * share, missed };
    }
  }
  const driver = (p: Pick | undefined): Driver | undefined => {
    if (!p) return undefined;
    const f = FACTORS[p.kind][p.index]!;
    return { factor: f.factor, input: f.input(initiative, settings.currency), earned: p.earned, missed: p.missed };
  };
  return { strongest: driver(best), weakest: driver(worst) };
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
