// The Why sentence and the binding-constraint text, built from the same
// contributions and constraints the engine used, so the words match the numbers.

import { formatQuantity, listWords } from './format';
import { memoised, memoisedList } from './memo';
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

// Factor names and gate gaps are a few dozen texts said thousands of times: each is lowered once.
const lower = memoised((s: string): string => s.charAt(0).toLowerCase() + s.slice(1));

// Gate results are shared between initiatives with the same gaps (see gates.ts), and the outputs
// and the Change impact sheet both list them: each list is joined once.
const joined = new WeakMap<readonly string[], string>();

/** A gate's gaps as one text, "A; B". */
export function joinedGaps(gaps: readonly string[]): string {
  let text = joined.get(gaps);
  if (text === undefined) {
    text = gaps.join('; ');
    joined.set(gaps, text);
  }
  return text;
}

/** A deferral's constraint in words, '' for none. A plan says it once per entry (`PlanEntry.bindingText`). */
export function bindingText(binding: DeferralConstraint | undefined): string {
  return binding ? bindingTextOf(binding) : '';
}

// Thousands of deferrals are short of the same team by the same amounts: each shortfall is worded once.
const inFlightLimitPart = memoised((limit: number) => `In-flight limit (${limit})`);
const shortfallPart = memoised((team: string) =>
  memoised((unit: string) => memoised((needed: number) => memoised((left: number) => `${team} (needs ${formatQuantity(needed, unit)}, ${formatQuantity(left, unit)} left)`))),
);

// Joined, not added part by part: the text is kept with the plan, and a join makes one flat string
// where adding kept a chain of small string objects for the garbage collector to copy.
function bindingTextOf(binding: DeferralConstraint): string {
  const parts: string[] = [];
  if (binding.inFlightLimit !== undefined) parts.push(inFlightLimitPart(binding.inFlightLimit));
  for (const t of binding.teams) parts.push(shortfallPart(t.team)(t.unit)(t.needed)(t.left));
  return parts.length === 1 ? parts[0]! : parts.join('; ');
}

// The decision clause ends every Why text. Most are one of a handful of texts (committed as a pilot,
// not ready for the same gap as hundreds of others), so each ending is worded once, punctuation included.
const COMMITTED_AS = {
  learning: "; committed as a learning pilot within every team's capacity.",
  pilot: "; committed as a pilot within every team's capacity.",
  scale: "; committed to scale within every team's capacity.",
  plain: "; committed within every team's capacity.",
};
const inFlightEnding = memoised((limit: number | undefined) => `; deferred because the plan already has ${inFlightPhrase(limit)} in flight.`);
const notReadyEnding = memoised((gap: string) => `; not ready: ${lower(gap)}.`);
const shortOfCapacity = memoised((teams: string) => `; deferred because ${teams} has too little capacity left.`);

/** "; deferred because Legal and Security have too little capacity left." Thousands of deferrals share a few lists. */
const shortOfTeams = memoisedList(
  (t: { team: string }) => t.team,
  (teams) => `; deferred because ${listWords(teams.map((t) => t.team))} have too little capacity left.`,
);

function decisionEnding(entry: Pick<PlanEntry, 'decision' | 'binding' | 'gate' | 'initiative'>): string {
  const gate: Gate = entry.gate.gate;
  const decision: Decision = entry.decision;
  switch (decision) {
    case 'Commit':
      return gate === 'Learning-only'
        ? COMMITTED_AS.learning
        : gate === 'Pilot-ready'
          ? COMMITTED_AS.pilot
          : entry.initiative.phaseRequested === 'Scale'
            ? COMMITTED_AS.scale
            : COMMITTED_AS.plain;
    case 'Deferred (in-flight limit)':
      return inFlightEnding(entry.binding?.inFlightLimit);
    case 'Deferred (capacity)': {
      const teams = entry.binding?.teams ?? [];
      if (teams.length === 1) return shortOfCapacity(teams[0]!.team);
      return teams.length > 0 ? shortOfTeams(teams) : '; deferred: a better combination used the capacity.';
    }
    case 'Not ready':
      return notReadyEnding(entry.gate.gaps[0] ?? gate);
    case 'Forced in':
    case 'Forced out':
      return `; ${overrideClause(entry, decision)}.`;
  }
}

function overrideClause(entry: Pick<PlanEntry, 'gate' | 'initiative'>, decision: 'Forced in' | 'Forced out'): string {
  const gate: Gate = entry.gate.gate;
  const reason = entry.initiative.overrideReason ?? '';
  const by = entry.initiative.overrideScenario === undefined ? 'by leadership' : `by leadership in scenario "${entry.initiative.overrideScenario}"`;
  if (decision === 'Forced out') return `forced out ${by} ("${reason}")`;
  const asWhat = gate === 'Learning-only' ? ' as a learning pilot' : gate === 'Pilot-ready' ? ' as a pilot' : entry.initiative.phaseRequested === 'Scale' ? ' to scale' : '';
  return `forced in ${by}${asWhat} ("${reason}")`;
}

const KINDS: readonly ScoreKind[] = ['impact', 'readiness', 'friction'];

/** Every factor of the three scores in one flat list, in the order the walk below has always visited them. */
const WALK = KINDS.flatMap((kind, k) => FACTORS[kind].map((factor, index) => ({ k, index, max: factor.max, friction: kind === 'friction', factor })));

/**
 * The walk's answer for the last initiative walked: the positions in `WALK` of the factors that earned
 * and missed the most priority points, each factor's points on the good side (friction inverted) and
 * the shares of the three scores. Reused between calls: the walk runs once per initiative, and the Why
 * text needs only two positions, not objects.
 */
const walked = { best: -1, worst: -1, worstMissed: 0, good: new Float64Array(WALK.length), weights: new Float64Array(KINDS.length), sum: 1 };

function walkFactors(scores: Scores, settings: Settings): typeof walked {
  const { impact, readiness, friction } = settings.weights;
  // Points are scaled as `drivers` scales them, (points × weight) / sum, so both name the same factors even in a tie.
  const sum = (walked.sum = impact + readiness + friction || 1);
  const { good, weights } = walked;
  weights[0] = impact;
  weights[1] = readiness;
  weights[2] = friction;
  // One pass: the best earner, and the two biggest misses (the first of equals wins), because the
  // weakest factor is the biggest miss that is not the best earner.
  let best = -1;
  let bestEarned = 0;
  let firstMiss = -1;
  let firstMissed = -Infinity;
  let secondMiss = -1;
  let secondMissed = -Infinity;
  for (let w = 0; w < WALK.length; w++) {
    const step = WALK[w]!;
    const p = (step.k === 0 ? scores.impact : step.k === 1 ? scores.readiness : scores.friction).points[step.index] ?? 0;
    const weight = weights[step.k]!;
    const points = (good[w] = step.friction ? step.max - p : p);
    const earned = (points * weight) / sum;
    if (earned > 0 && (best < 0 || earned > bestEarned)) {
      best = w;
      bestEarned = earned;
    }
    const missed = ((step.max - points) * weight) / sum;
    if (missed > firstMissed) {
      secondMiss = firstMiss;
      secondMissed = firstMissed;
      firstMiss = w;
      firstMissed = missed;
    } else if (missed > secondMissed) {
      secondMiss = w;
      secondMissed = missed;
    }
  }
  const worstIsSecond = firstMiss === best;
  walked.best = best;
  walked.worst = worstIsSecond ? secondMiss : firstMiss;
  walked.worstMissed = worstIsSecond ? secondMissed : firstMissed;
  return walked;
}

/** The factors that earned the most and missed the most priority points (never the same factor). */
export function strongestAndWeakest(initiative: Initiative, scores: Scores, settings: Settings): { strongest?: Driver; weakest?: Driver } {
  const { best, worst, good, weights, sum } = walkFactors(scores, settings);
  const driverAt = (w: number): Driver | undefined => {
    if (w < 0) return undefined;
    const step = WALK[w]!;
    const weight = weights[step.k]!;
    const input = step.factor.input(initiative, settings.currency);
    return { factor: step.factor.factor, input, earned: (good[w]! * weight) / sum, missed: ((step.max - good[w]!) * weight) / sum };
  };
  return { strongest: driverAt(best), weakest: driverAt(worst) };
}

// Each part of a Why text repeats across a portfolio (the same score, "lifted by data rights (Yes)"),
// so the parts are worded once per factor and input, and the sentence is four shared pieces put together.
const priorityPart = memoised((priority: number) => `Priority ${priority.toFixed(1)}`);
const liftParts = WALK.map(({ factor }) => memoised((input: string) => `, lifted by ${lower(factor.factor)} (${input})`));
const dragParts = WALK.map(({ factor }) => memoised((input: string) => `, held back by ${lower(factor.factor)} (${input})`));
const notPlanned = memoised((gap: string) => `Not planned: ${lower(gap)}.`);

/** The Why text up to its decision: "Priority 71.3, lifted by data rights (Yes), held back by workload shift (5/5)". */
export function whyStart(initiative: Initiative, scores: Scores, settings: Settings): string {
  const { best, worst, worstMissed } = walkFactors(scores, settings);
  // The best factor always earned something; the worst is named only when it cost more than half a point.
  const lift = best >= 0 ? liftParts[best]!(WALK[best]!.factor.input(initiative, settings.currency)) : '';
  const drag = worst >= 0 && worstMissed > 0.5 ? dragParts[worst]!(WALK[worst]!.factor.input(initiative, settings.currency)) : '';
  return `${priorityPart(scores.priority)}${lift}${drag}`;
}

/**
 * One sentence: what drove the score, what held it back, and the decision. `start` is the entry's
 * `whyStart` when the caller already has it.
 */
export function whyText(entry: Pick<PlanEntry, 'decision' | 'binding' | 'gate' | 'initiative' | 'scores'>, settings: Settings, start?: string): string {
  if (!entry.scores) return notPlanned(entry.gate.gaps[0] ?? 'some cells could not be read');
  return `${start ?? whyStart(entry.initiative, entry.scores, settings)}${decisionEnding(entry)}`;
}
