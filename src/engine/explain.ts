// The Why sentence and the binding-constraint text, built from the same
// contributions and constraints the engine used, so the words match the numbers.

import { formatQuantity, listWords } from './format';
import { memoised, type Memo } from './memo';
import { FACTORS, FIRST_POINT, contributions, type ScoreKind } from './scores';
import type { Decision, DeferralConstraint, DependencyReason, Gate, Initiative, PlanEntry, Schedule, Scores, Settings, TeamShortfall } from './types';

/** A factor's effect on the priority score, in priority points: what it earned and what it left on the table. */
export type Driver = { factor: string; input: string; earned: number; missed: number };

export function drivers(initiative: Initiative, scores: Scores, settings: Settings): Driver[] {
  const { impact, readiness, friction } = settings.weights;
  const sum = impact + readiness + friction || 1;
  const scaled = (kind: ScoreKind, weight: number): Driver[] =>
    contributions(kind, scores, initiative, settings.currency).map((c) => {
      const good = kind === 'friction' ? c.max - c.points : c.points;
      return { factor: c.factor, input: c.input, earned: (good * weight) / sum, missed: ((c.max - good) * weight) / sum };
    });
  return [...scaled('impact', impact), ...scaled('readiness', readiness), ...scaled('friction', friction)];
}

const inFlightPhrase = (limit: number | undefined): string =>
  limit === undefined ? 'its limit of initiatives' : `${limit} initiative${limit === 1 ? '' : 's'}`;

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A gate's gaps as one text, "A; B". Gate results are shared between initiatives with the same gaps
 * (see gates.ts), so with the run's `memo` each list is joined once.
 */
export function joinedGaps(gaps: readonly string[], memo?: Memo): string {
  return memo ? memo.of(joinGaps)(gaps) : joinGaps(gaps);
}
const joinGaps = (gaps: readonly string[]): string => gaps.join('; ');

/** A deferral's constraint in words, '' for none. A plan says it once per entry (`PlanEntry.bindingText`). */
export function bindingText(binding: DeferralConstraint | undefined, memo: Memo): string {
  return binding ? bindingTextOf(binding, memo) : '';
}

// Thousands of deferrals are short of the same team by the same amounts, and rank and fill shares
// each such shortfall (see sharedShortfalls): each is worded once a run.
const shortfallPart = (t: TeamShortfall) => `${t.team} (needs ${formatQuantity(t.needed, t.unit)}, ${formatQuantity(t.left, t.unit)} left)`;

function bindingTextOf(binding: DeferralConstraint, memo: Memo): string {
  if (binding.alternative) return `Alternative ${binding.alternative.name} is in the plan`;
  if (binding.pastLast !== undefined && !binding.requirement) return `Runs past ${binding.pastLast}, the last horizon`;
  if (binding.requirement) return requirementText(binding, memo);
  return capacityParts(binding, memo);
}

const REQUIREMENT_STATE: Record<DependencyReason, string> = {
  'not ready': 'not ready',
  'forced out': 'forced out',
  'does not fit': 'together they do not fit',
  'not in the plan': 'not in the plan',
  'alternative in the plan': 'its alternative is in the plan',
  'requires its alternative': 'an alternative clashes',
};

/** "Requires Document intake (not ready)"; for a package that does not fit, the shortfalls follow. */
/** The requirement, with the others missing from a package that does not fit: its shortfall counts them all. */
const requiredNames = (r: NonNullable<DeferralConstraint['requirement']>): string => (r.also ? listWords([r.name, ...r.also.map((a) => a.name)]) : r.name);

function requirementText(binding: DeferralConstraint, memo: Memo): string {
  const r = binding.requirement!;
  if (r.reason === 'alternative in the plan' && r.alternative) return `Requires ${r.name} (its alternative ${r.alternative.name} is in the plan)`;
  if (r.reason === 'requires its alternative' && r.alternative) return `Requires ${r.name}, which excludes ${r.alternative.name}`;
  const shortfalls = r.reason === 'does not fit' ? capacityParts(binding, memo) : '';
  return `Requires ${requiredNames(r)} (${REQUIREMENT_STATE[r.reason]}${shortfalls ? `: ${shortfalls}` : ''})`;
}

function capacityParts(binding: DeferralConstraint, memo: Memo): string {
  const parts: string[] = [];
  if (binding.inFlightLimit !== undefined) parts.push(`In-flight limit (${binding.inFlightLimit})`);
  for (const t of binding.teams) parts.push(memo.of(shortfallPart)(t));
  if (binding.pastLast !== undefined) parts.push(`runs past ${binding.pastLast}, the last horizon`);
  const text = parts.join('; ');
  return binding.horizon === undefined || text === '' ? text : `${text} in ${binding.horizon}`;
}

/** The binding constraint of an entry: what held a deferral back, or on a roadmap what was full before a commit's start. */
export function entryBindingText(binding: DeferralConstraint | undefined, schedule: Schedule | undefined, memo: Memo): string {
  if (schedule?.reason?.kind === 'full') return bindingText(schedule.reason.constraint, memo);
  return bindingText(binding, memo);
}

/** "; starts H2: Legal is full in H1." — when a committed initiative starts on a roadmap, and why not sooner. */
export function startClause(schedule: Schedule): string {
  // A forced-in run past the last horizon is said, so no one reads the roadmap as ending it in time.
  const when = startWords(schedule);
  return schedule.pastLast === undefined ? when : `${when}, and runs past ${schedule.pastLast}, the last horizon`;
}

function startWords(schedule: Schedule): string {
  const reason = schedule.reason;
  const runs = schedule.duration > 1 ? ` for ${schedule.duration} horizons` : '';
  const head = `starts ${schedule.label}${runs}`;
  if (!reason) return schedule.start === 0 ? `${head}, the first horizon` : head;
  switch (reason.kind) {
    case 'earliest start':
      return `${head}, its earliest start`;
    case 'requirement':
      return `${head}, when ${reason.name}, which it requires, starts`;
    case 'with':
      return `${head} with ${reason.name}, which requires it`;
    case 'full':
      return `${head}: ${fullWords(reason.constraint)}`;
  }
}

/** "Legal is full in H1", "Legal and Security are full in H1", "the in-flight limit of 10 is reached in H1". */
function fullWords(c: DeferralConstraint): string {
  const where = c.horizon === undefined ? '' : ` in ${c.horizon}`;
  const parts: string[] = [];
  if (c.teams.length > 0) parts.push(`${listWords(c.teams.map(teamOf))} ${c.teams.length === 1 ? 'is' : 'are'} full${where}`);
  if (c.inFlightLimit !== undefined) parts.push(`the in-flight limit of ${c.inFlightLimit} is reached${where}`);
  return parts.length > 0 ? parts.join(' and ') : `a better combination used the room${where}`;
}

// The decision clause ends every Why text. Most are one of a handful of texts (committed as a pilot,
// not ready for the same gap as hundreds of others), so each ending is worded once a run, punctuation included.
const COMMITTED_AS = {
  learning: "; committed as a learning pilot within every team's capacity.",
  pilot: "; committed as a pilot within every team's capacity.",
  scale: "; committed to scale within every team's capacity.",
  plain: "; committed within every team's capacity.",
};
const inFlightEnding = (limit: number | undefined) => `; deferred because the plan already has ${inFlightPhrase(limit)} in flight.`;
const inFlightIn = (limit: number | undefined, horizon: string) => `; deferred because the plan already has ${inFlightPhrase(limit)} in flight in ${horizon}.`;
const pastLastEnding = (last: string) => `; deferred because it would run past ${last}, the last horizon, even started as early as it may.`;
const notReadyEnding = (gap: string) => `; not ready: ${lower(gap)}.`;
const shortOfCapacity = (teams: string) => `; deferred because ${teams} has too little capacity left.`;

/** "; deferred because Legal and Security have too little capacity left." Thousands of deferrals share a few lists. */
const shortOfTeams = (teams: readonly { team: string }[]) => `; deferred because ${listWords(teams.map((t) => t.team))} have too little capacity left.`;
const teamOf = (t: { team: string }) => t.team;

/** The parts of an entry the Why text reads. */
type Explained = Pick<PlanEntry, 'decision' | 'binding' | 'gate' | 'initiative'> & Partial<Pick<PlanEntry, 'override' | 'forcedBy' | 'forcesIn' | 'ranksWith' | 'schedule'>>;

/** What a requirement's state is, as the end of "it requires X, which …". */
function requirementClause(binding: DeferralConstraint | undefined): string {
  const r = binding?.requirement;
  if (!r) return 'something it requires is not in the plan';
  const which = {
    'not ready': 'is not ready',
    'forced out': 'leadership forced out',
    'does not fit': r.also ? 'do not fit alongside it' : 'does not fit alongside it',
    'not in the plan': 'is not in the plan',
    'alternative in the plan': `is ruled out by its alternative ${r.alternative?.name ?? ''}, which is in the plan`,
    'requires its alternative': `excludes ${r.alternative?.name ?? 'an alternative'}`,
  }[r.reason];
  return `it requires ${requiredNames(r)}, which ${which}`;
}

function dependencyEnding(entry: Explained): string {
  const forced = entry.override === 'In';
  if (entry.decision === 'Excluded (alternative)') {
    const name = entry.binding?.alternative?.name ?? 'an alternative';
    return forced ? `; ${overrideClause(entry, 'Forced in')}, but its alternative ${name} is in the plan, so it is left out.` : `; left out because its alternative ${name} is in the plan.`;
  }
  const clause = requirementClause(entry.binding);
  return forced ? `; ${overrideClause(entry, 'Forced in')}, but ${clause}, so it is deferred.` : `; deferred because ${clause}.`;
}

function forcedInEnding(entry: Explained): string {
  if (entry.forcedBy !== undefined) return `; forced in because ${entry.forcedBy}, forced in by leadership, requires it.`;
  const with_ = entry.forcesIn && entry.forcesIn.length > 0 ? `, together with ${listWords(entry.forcesIn)}, which it requires` : '';
  return `; ${overrideClause(entry, 'Forced in')}${with_}.`;
}

function decisionEnding(entry: Explained, memo: Memo): string {
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
      if (entry.binding?.horizon !== undefined) return inFlightIn(entry.binding.inFlightLimit, entry.binding.horizon);
      return memo.of(inFlightEnding)(entry.binding?.inFlightLimit);
    case 'Deferred (capacity)': {
      if (entry.binding?.pastLast !== undefined) return pastLastEnding(entry.binding.pastLast);
      // Full in a later horizon of its run: say where it would start, so the horizon named is not read as its start.
      if (entry.binding?.runFrom !== undefined && entry.binding.horizon !== undefined)
        return `; deferred because it fits in no horizon: started in ${entry.binding.runFrom}, the first it could start in, it would run into ${entry.binding.horizon}, where ${fullWords({ ...entry.binding, horizon: undefined })}.`;
      if (entry.binding?.horizon !== undefined) return `; deferred because it fits in no horizon: ${fullWords(entry.binding)}, the first it could start in.`;
      const teams = entry.binding?.teams ?? [];
      if (teams.length === 1) return memo.of(shortOfCapacity)(teams[0]!.team);
      return teams.length > 0 ? memo.ofList(teamOf, shortOfTeams)(teams) : '; deferred: a better combination used the capacity.';
    }
    case 'Not ready':
      return memo.of(notReadyEnding)(entry.gate.gaps[0] ?? gate);
    case 'Forced in':
      return forcedInEnding(entry);
    case 'Forced out':
      return `; ${overrideClause(entry, decision)}.`;
    case 'Deferred (dependency)':
    case 'Excluded (alternative)':
      return dependencyEnding(entry);
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
const WALK = KINDS.flatMap((kind, k) =>
  FACTORS[kind].map((factor, index) => ({ k, at: FIRST_POINT[kind] + index, max: factor.max, friction: kind === 'friction', factor })),
);

/** A factor's points on the good side: friction counts against, so its points are inverted. */
function goodPoints(scores: Scores, w: number): number {
  const step = WALK[w]!;
  const points = scores.points[step.at] ?? 0;
  return step.friction ? step.max - points : points;
}

/** The weight of the score the step at `WALK[w]` belongs to. */
const weightAt = ({ weights }: Settings, w: number): number => {
  const k = WALK[w]!.k;
  return k === 0 ? weights.impact : k === 1 ? weights.readiness : weights.friction;
};

/** What the weights add up to (1 when they are all 0). */
const weightSum = ({ weights }: Settings): number => weights.impact + weights.readiness + weights.friction || 1;

/**
 * The walk's answer for one initiative: the positions in `WALK` of the factors that earned and missed
 * the most priority points, and how much the second missed. The Why text needs only the positions.
 */
type Walked = { best: number; worst: number; worstMissed: number };

function walkFactors(scores: Scores, settings: Settings): Walked {
  // Points are scaled as `drivers` scales them, (points × weight) / sum, so both name the same factors even in a tie.
  const sum = weightSum(settings);
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
    const weight = weightAt(settings, w);
    const points = goodPoints(scores, w);
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
  return { best, worst: worstIsSecond ? secondMiss : firstMiss, worstMissed: worstIsSecond ? secondMissed : firstMissed };
}

/** The factors that earned the most and missed the most priority points (never the same factor). */
export function strongestAndWeakest(initiative: Initiative, scores: Scores, settings: Settings): { strongest?: Driver; weakest?: Driver } {
  const { best, worst } = walkFactors(scores, settings);
  const sum = weightSum(settings);
  const driverAt = (w: number): Driver | undefined => {
    if (w < 0) return undefined;
    const step = WALK[w]!;
    const weight = weightAt(settings, w);
    const good = goodPoints(scores, w);
    const input = step.factor.input(initiative, settings.currency);
    return { factor: step.factor.factor, input, earned: (good * weight) / sum, missed: ((step.max - good) * weight) / sum };
  };
  return { strongest: driverAt(best), weakest: driverAt(worst) };
}

// Each part of a Why text repeats across a portfolio ("lifted by data rights (Yes)"), so the parts are
// worded once a run per factor (its position in `WALK`) and input, and the sentence is shared pieces put together.
const liftPart = (w: number) => factorPart(`, lifted by ${lower(WALK[w]!.factor.factor)} (`);
const dragPart = (w: number) => factorPart(`, held back by ${lower(WALK[w]!.factor.factor)} (`);
/** The factor's words, said once, then its input in brackets, once per input. */
const factorPart = (opening: string) => memoised((input: string) => `${opening}${input})`);
const notPlanned = (gap: string) => `Not planned: ${lower(gap)}.`;
/** "Priority 71.3": a priority has one decimal, so a portfolio has at most a thousand of these. */
const priorityWords = (priority: number): string => `Priority ${priority.toFixed(1)}`;

/** The Why text up to its decision: "Priority 71.3, lifted by data rights (Yes), held back by workload shift (5/5)". */
export function whyStart(initiative: Initiative, scores: Scores, settings: Settings, memo: Memo): string {
  const { best, worst, worstMissed } = walkFactors(scores, settings);
  // The best factor always earned something; the worst is named only when it cost more than half a point.
  const lift = best >= 0 ? memo.of(liftPart)(best)(WALK[best]!.factor.input(initiative, settings.currency, memo)) : '';
  const drag = worst >= 0 && worstMissed > 0.5 ? memo.of(dragPart)(worst)(WALK[worst]!.factor.input(initiative, settings.currency, memo)) : '';
  return `${memo.of(priorityWords)(scores.priority)}${lift}${drag}`;
}

/**
 * One sentence: what drove the score, what held it back, and the decision. `start` is the entry's
 * `whyStart` when the caller already has it; `memo` is the run's.
 */
export function whyText(entry: Explained & Pick<PlanEntry, 'scores'>, settings: Settings, memo: Memo, start?: string): string {
  if (!entry.scores) return memo.of(notPlanned)(entry.gate.gaps[0] ?? 'some cells could not be read');
  const ranksWith = entry.ranksWith === undefined ? '' : `; ranks with ${entry.ranksWith}, which needs it`;
  const ending = decisionEnding(entry, memo);
  // On a roadmap a committed initiative also says when it starts and why not sooner.
  const withStart = entry.schedule ? `${ending.slice(0, -1)}; ${startClause(entry.schedule)}.` : ending;
  return `${start ?? whyStart(entry.initiative, entry.scores, settings, memo)}${ranksWith}${withStart}`;
}
