// The bottleneck findings in the words a CFO reads them:
// "Legal +1 week: +$1.2M committed value (Claims triage enters)".

import type { CapacityFinding, DeferredFinding, EnablerFinding, OverrideFinding, WaitsFor } from './bottlenecks';
import type { Remedy } from './remedies';
import { formatMoney, formatQuantity, listWords, trim } from './format';
import { MIP_RELATIVE_GAP } from './select/optimal';
import type { Objective } from './types';

const MAX_NAMES = 3;

/** "A", "A and B", "A, B, C and 2 more". */
export function someNames(names: readonly string[]): string {
  if (names.length <= MAX_NAMES + 1) return listWords([...names]);
  return `${names.slice(0, MAX_NAMES).join(', ')} and ${names.length - MAX_NAMES} more`;
}

const verb = (names: readonly string[], one: string, many: string) => (names.length === 1 ? one : many);

export const signedMoney = (amount: number, currency: string): string =>
  amount > 0 ? `+${formatMoney(amount, currency)}` : formatMoney(amount, currency);

const signedPoints = (points: number): string => `${points > 0 ? '+' : ''}${trim(points)} priority points`;

/** "Claims triage enters; Invoice matching leaves". */
export function movesText(enters: readonly string[], leaves: readonly string[]): string {
  const parts: string[] = [];
  if (enters.length > 0) parts.push(`${someNames(enters)} ${verb(enters, 'enters', 'enter')}`);
  if (leaves.length > 0) parts.push(`${someNames(leaves)} ${verb(leaves, 'leaves', 'leave')}`);
  return parts.join('; ');
}

/** A re-solve that stopped short of the optimal method's tolerance: its time ran out. */
export const cutShort = (gap: number): boolean => gap > MIP_RELATIVE_GAP + 1e-12;

const unproven = (gap: number): string => (cutShort(gap) ? ' (best found in the time limit)' : '');

/**
 * On a roadmap: "Claims triage enters, starting H2", "A (H2) and B (H3) enter", "Invoice matching leaves",
 * "Claims triage moves from H2 to H1".
 */
function roadmapMovesText(f: Omit<CapacityFinding, 'text'>): string {
  const parts: string[] = [];
  const at = f.entersAt ?? [];
  if (f.enters.length === 1 && at[0]) parts.push(`${f.enters[0]!} enters, starting ${at[0]}`);
  else if (f.enters.length > 0) parts.push(`${someNames(f.enters.map((name, i) => (at[i] ? `${name} (${at[i]})` : name)))} enter`);
  if (f.leaves.length > 0) parts.push(`${someNames(f.leaves)} ${verb(f.leaves, 'leaves', 'leave')}`);
  const moves = f.moves ?? [];
  if (moves.length > 0 && moves.length <= MAX_NAMES + 1) parts.push(listWords(moves.map((m) => `${m.name} moves from ${m.from} to ${m.to}`)));
  else if (moves.length > 0) parts.push(`${moves.length} initiatives start at another time`);
  return parts.join('; ');
}

/** "Legal +1 week in H1: +$0.4M delivered this year (Claims triage moves from H2 to H1)." */
function roadmapCapacityText(f: Omit<CapacityFinding, 'text'>, what: string, objective: Objective, currency: string): string {
  if (!f.exact || f.objectiveGain === undefined || f.valueGain === undefined) {
    return `${what}: not worked out (only the fullest teams and horizons are re-solved in the time allowed).`;
  }
  const moves = roadmapMovesText(f);
  if (moves === '') return `${what}: no change to the plan.`;
  const delivered = f.deliveredGain ?? 0;
  const amounts = [
    f.valueGain !== 0 ? `${signedMoney(f.valueGain, currency)} committed value` : '',
    delivered !== 0 ? `${signedMoney(delivered, currency)} delivered this year` : '',
  ].filter((part) => part !== '');
  const value = amounts.length > 0 ? amounts.join(', ') : 'no change in value delivered this year';
  const points = objective === 'Priority score' && Math.abs(f.objectiveGain) > 1e-9 ? `, ${signedPoints(f.objectiveGain)}` : '';
  return `${what}: ${value}${points} (${moves})${unproven(f.gap)}.`;
}

export function capacityText(f: Omit<CapacityFinding, 'text'>, objective: Objective, currency: string): string {
  const what = f.kind === 'team' ? `${f.name} +${formatQuantity(f.step, f.unit)}${f.horizon ? ` in ${f.horizon}` : ''}` : `In-flight limit +${f.step}`;
  if (f.moves !== undefined || f.horizon !== undefined) return roadmapCapacityText(f, f.kind === 'team' ? what : `${what} (in every horizon)`, objective, currency);
  if (!f.exact || f.objectiveGain === undefined || f.valueGain === undefined) {
    if (f.shadowPrice === undefined) return `${what}: could not be worked out.`;
    const price = objective === 'Annual value' ? formatMoney(f.shadowPrice, currency) : `${trim(f.shadowPrice)} priority points`;
    return `${what}: worth about ${price} per ${formatQuantity(1, f.unit).replace(/^1 /, '')} by the LP estimate (not re-solved).`;
  }
  const moves = movesText(f.enters, f.leaves);
  if (moves === '') return `${what}: no change to the plan.`;
  const points = objective === 'Priority score' ? `, ${signedPoints(f.objectiveGain)}` : '';
  const value = f.valueGain === 0 ? 'no change in committed value' : `${signedMoney(f.valueGain, currency)} committed value`;
  return `${what}: ${value}${points} (${moves})${unproven(f.gap)}.`;
}

/**
 * The capacity findings as lines to read: on a roadmap, the teams and horizons where one more unit changes
 * nothing are said in one line ("One more unit changes nothing for Legal in H2 and H3, Security in H1"),
 * so the lines that matter stay in view.
 */
export function capacityLines(findings: readonly CapacityFinding[]): string[] {
  const idle = findings.filter((f) => f.horizon !== undefined && f.exact && f.enters.length === 0 && f.leaves.length === 0 && (f.moves?.length ?? 0) === 0);
  if (idle.length < 2) return findings.map((f) => f.text);
  const byTeam = new Map<string, string[]>();
  for (const f of idle) byTeam.set(f.name, [...(byTeam.get(f.name) ?? []), f.horizon!]);
  const where = [...byTeam].map(([team, horizons]) => `${team} in ${listWords(horizons)}`);
  return [...findings.filter((f) => !idle.includes(f)).map((f) => f.text), `One more unit changes nothing in the plan for ${where.join('; ')}.`];
}

export function overrideText(f: Omit<OverrideFinding, 'text'>, objective: Objective, currency: string): string {
  const action = f.choice === 'In' ? `Forcing in ${f.name}` : `Keeping ${f.name} out`;
  if (f.cost === undefined || f.valueCost === undefined) return `${action}: its cost could not be worked out.`;
  const moves = movesText(f.enters, f.leaves);
  if (moves === '') {
    return f.choice === 'In'
      ? `${action} costs nothing: the plan would commit it anyway.`
      : `${action} costs nothing: the plan would leave it out anyway.`;
  }
  const points = objective === 'Priority score' && f.cost !== 0 ? ` and ${trim(Math.abs(f.cost))} priority points` : '';
  const head =
    f.valueCost > 0
      ? `${action} costs ${formatMoney(f.valueCost, currency)} committed value${points}`
      : f.valueCost < 0
        ? `${action} adds ${formatMoney(-f.valueCost, currency)} committed value${f.cost > 0 ? `, at a cost of ${trim(f.cost)} priority points` : ''}`
        : `${action} leaves committed value unchanged${f.cost > 0 ? ` but costs ${trim(f.cost)} priority points` : ''}`;
  return `${head}: without the override, ${moves}${unproven(f.gap)}.`;
}

/**
 * "Evaluation harness unlocks Support reply assistant and Claims triage: $3.7M a year (without it, …).
 * Its cost, Data science 6 weeks, is shared by the 2 that need it: Data science 3 weeks each."
 */
export function enablerText(f: Omit<EnablerFinding, 'text'>, currency: string): string {
  const unlocks = `${f.name} unlocks ${someNames(f.unlocks)}`;
  if (f.valueLost === undefined) return `${unlocks}: what it is worth could not be worked out.`;
  const moves = movesText(f.enters, f.leaves);
  const worth =
    f.valueLost > 0
      ? `${unlocks}: ${formatMoney(f.valueLost, currency)} a year (without it, ${moves})${unproven(f.gap)}.`
      : `${unlocks}, but the plan would lose no committed value without it${moves ? ` (${moves})` : ''}${unproven(f.gap)}.`;
  if (f.demand.length === 0 || f.unlocks.length === 0) return worth;
  const share = f.unlocks.length;
  const cost = listWords(f.demand.map((d) => `${d.team} ${formatQuantity(d.amount, d.unit)}`));
  if (share === 1) return `${worth} Its cost, ${cost}, is carried by ${f.unlocks[0]} alone.`;
  const each = listWords(f.demand.map((d) => `${d.team} ${formatQuantity(d.amount / share, d.unit)}`));
  return `${worth} Its cost, ${cost}, is shared by the ${share} initiatives that need it: ${each} each.`;
}

/** What a dependency-deferred or excluded initiative waits for, and what would end the wait. */
function waitText(w: WaitsFor, package_: string | undefined, inFlight: boolean): string {
  if (w.requirement === undefined) {
    return w.alternative ? `its alternative ${w.alternative} is in the plan, and only one of them can be; it comes in only in its place` : 'an alternative of it is in the plan';
  }
  const r = w.requirement;
  switch (w.reason) {
    case 'not ready':
      return `it waits for ${r}, which is not ready${w.gate ? ` (${w.gate})` : ''}: get ${r} through its gate first`;
    case 'forced out':
      return `it waits for ${r}, which leadership forced out: it can come in only if that override is lifted`;
    case 'does not fit': {
      const caps = [package_ ? `fund another ${package_}` : undefined, inFlight ? 'free an in-flight slot' : undefined].filter((t): t is string => t !== undefined);
      return `it needs ${r} with it, and together they do not fit: ${caps.length > 0 ? caps.join(' and ') : 'free room for both'} to bring the pair in`;
    }
    case 'alternative in the plan':
      return `it waits for ${r}, which is ruled out by its alternative ${w.alternative ?? ''} in the plan: it comes in only if ${r} is chosen instead`;
    case 'requires its alternative':
      return `it requires ${r}, which excludes ${w.alternative ?? 'another of its requirements'}, so it cannot go ahead as its Requires and Excludes stand`;
    default:
      return `it waits for ${r}, which the plan leaves out: it comes in only if ${r} does`;
  }
}

/** The change itself: "cut its Legal demand by 1 week (to 2 weeks)". */
function changeText(r: Remedy, measure: Objective, currency: string): string {
  if (r.kind === 'cut') return `cut its ${listWords(r.cuts.map((c) => `${c.team} demand by ${formatQuantity(c.by, c.unit)} (to ${formatQuantity(c.to, c.unit)})`))}`;
  if (r.kind === 'in-flight') return `raise the in-flight limit to ${r.limit}`;
  const overtakes = r.overtakes ? ` to overtake ${r.overtakes}` : '';
  if (measure === 'Annual value') return `raise its annual value by more than ${formatMoney(r.to - r.from, currency)} (now ${formatMoney(r.from, currency)})`;
  return trim(r.to) === trim(r.from) ? `raise its priority score even slightly above ${trim(r.from)}${overtakes}` : `raise its priority score from ${trim(r.from)} to above ${trim(r.to)}${overtakes}`;
}

/** What the re-run plan did with the change: "it enters; IT service desk routing leaves". */
function outcomeText(r: Remedy): string {
  const company = r.enters.length > 0 ? ` with ${someNames(r.enters)}` : '';
  if (r.leaves.length === 0) return `it enters${company} and nothing leaves`;
  return `it enters${company}; ${someNames(r.leaves)} ${verb(r.leaves, 'leaves', 'leave')}`;
}

export const remedyText = (r: Remedy, measure: Objective, currency: string): string => `${changeText(r, measure, currency)}: ${outcomeText(r)}${unproven(r.gap)}`;

/** Why no single change was found: the strongest reason the findings know. */
function noneText(f: Omit<DeferredFinding, 'text'>): string {
  if (f.scoreNeeded && f.scoreNeeded.needed === undefined) return 'no single change brings it in: it does not fit even on its own';
  if (f.needsInFlightSlot) return 'no single change brings it in: it needs an in-flight slot and a team with time left beside the plan';
  return 'no single change brings it in: a team it needs has nothing left beside the plan, and no higher score alone makes room';
}

/**
 * What it would take, as checked by re-running the plan with each change: the changes that bring it in,
 * least disruptive first, each with what else moves; or that none does; or that it was not checked.
 */
export function deferredText(f: Omit<DeferredFinding, 'text'>, currency: string): string {
  if (f.waitsFor) {
    const shortfall = f.demandCuts.map((c) => `${formatQuantity(c.by, c.unit)} of ${c.team}`);
    return `${f.name}: ${waitText(f.waitsFor, shortfall.length > 0 ? listWords(shortfall) : undefined, f.needsInFlightSlot)}.`;
  }
  const measure = f.scoreNeeded?.measure ?? 'Priority score';
  if (f.remedies.length > 0) return `${f.name}: ${f.remedies.map((r) => remedyText(r, measure, currency)).join('; or ')}.`;
  if (f.unchecked) return `${f.name}: what it would take was not worked out (only the closest to getting in are re-solved in the time allowed).`;
  return `${f.name}: ${noneText(f)}.`;
}
