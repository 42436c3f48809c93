// Dependencies between initiatives as every selection method uses them: what
// each requires (directly or through a chain) and its alternatives. Read from
// the Requires and Excludes columns (read.ts); the rules are in
// docs/dependencies.md. A portfolio without either column has no links, and
// every method then runs exactly as before.

import type { DependencyReason, Initiative } from '../types';
import type { Candidate, CandidateStatus, SelectionProblem } from './problem';

/** Dependencies by assessment index (`Candidate.index`). */
export type Links = {
  /** What each initiative requires directly. */
  requires: ReadonlyMap<number, readonly number[]>;
  /** Each initiative's alternatives, both ways: the Excludes column is written on one row only. */
  alternatives: ReadonlyMap<number, readonly number[]>;
  /** Shared enablers the ranking moved up to the best initiative that requires them: enabler → that initiative. */
  ranksWith?: ReadonlyMap<number, number>;
};

const NONE: readonly number[] = [];

/** The links of a portfolio, from the keys `read.ts` resolved; undefined when no row requires or excludes anything. */
export function linksOf(initiatives: readonly Pick<Initiative, 'key' | 'requires' | 'excludes'>[]): Links | undefined {
  if (!initiatives.some((i) => (i.requires?.length ?? 0) > 0 || (i.excludes?.length ?? 0) > 0)) return undefined;
  const byKey = new Map(initiatives.map((i, index) => [i.key, index]));
  const requires = new Map<number, number[]>();
  const alternatives = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, from: number, to: number) => {
    const list = map.get(from);
    if (!list) map.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  };
  initiatives.forEach((initiative, index) => {
    for (const key of initiative.requires ?? []) {
      const required = byKey.get(key);
      if (required !== undefined && required !== index) add(requires, index, required);
    }
    for (const key of initiative.excludes ?? []) {
      const other = byKey.get(key);
      if (other === undefined || other === index) continue;
      add(alternatives, index, other);
      add(alternatives, other, index);
    }
  });
  return { requires, alternatives };
}

/** Everything `index` requires, directly or through a chain, itself left out; in the order met. */
export function requiredClosure(links: Links, index: number): number[] {
  const seen = new Set<number>([index]);
  const result: number[] = [];
  const stack = [...(links.requires.get(index) ?? NONE)].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    result.push(next);
    const further = links.requires.get(next);
    if (further) for (let k = further.length - 1; k >= 0; k--) stack.push(further[k]!);
  }
  return result;
}

/** The links in a problem's positions. */
export type LinkView = {
  /** Per position: the positions it requires, directly or through a chain (never itself), in rank order. */
  closure: readonly (readonly number[])[];
  /** Per position: the positions of its alternatives, in rank order. */
  alternatives: readonly (readonly number[])[];
  /** Per position: the positions that require it directly or through a chain. */
  dependants: readonly (readonly number[])[];
  /** Per position: for a shared enabler ranked with the initiative that needs it, that initiative's position. */
  lead: readonly (number | undefined)[];
};

// Economics re-runs share a problem's candidates with new caps, so with the run's memo the view is kept
// per candidate list (while the list lives), and per links: the same candidates may be asked about with other links.
const viewsWith = (_links: Links) => new WeakMap<readonly Candidate[], LinkView>();

/** The problem's links by position; undefined when it has none. */
export function linkView(problem: SelectionProblem): LinkView | undefined {
  const links = problem.links;
  if (!links) return undefined;
  const views = problem.memo?.of(viewsWith)(links);
  let view = views?.get(problem.candidates);
  if (!view) {
    view = viewOf(links, problem.candidates);
    views?.set(problem.candidates, view);
  }
  return view;
}

function viewOf(links: Links, candidates: readonly Candidate[]): LinkView {
  const n = candidates.length;
  const position = new Map<number, number>();
  candidates.forEach((c, p) => position.set(c.index, p));
  const positions = (indices: readonly number[]): number[] =>
    indices.flatMap((i) => (position.has(i) ? [position.get(i)!] : [])).sort((a, b) => a - b);
  const closure: number[][] = [];
  const alternatives: number[][] = [];
  const dependants: number[][] = Array.from({ length: n }, () => []);
  candidates.forEach((c, p) => {
    const required = links.requires.has(c.index) ? positions(requiredClosure(links, c.index)) : [];
    closure.push(required);
    for (const r of required) dependants[r]!.push(p);
    alternatives.push(positions(links.alternatives.get(c.index) ?? NONE));
  });
  const lead = candidates.map((c) => {
    const with_ = links.ranksWith?.get(c.index);
    return with_ === undefined ? undefined : position.get(with_);
  });
  return { closure, alternatives, dependants, lead };
}

/** A requirement that keeps a candidate out, by position; `alternative` names the clash for 'requires its alternative'. */
export type Block = { position: number; reason: DependencyReason; alternative?: number };

/**
 * What keeps the candidate at `p` out whatever else is chosen: something it requires is not ready or
 * forced out, or it requires two alternatives (or an alternative of its own).
 */
export function staticBlock(problem: SelectionProblem, view: LinkView, p: number): Block | undefined {
  const closure = view.closure[p]!;
  for (const r of closure) {
    const status = problem.candidates[r]!.status;
    if (status === 'gated') return { position: r, reason: 'not ready' };
    if (status === 'forced-out') return { position: r, reason: 'forced out' };
  }
  for (const r of closure) {
    for (const a of view.alternatives[r]!) if (a === p || closure.includes(a)) return { position: r, reason: 'requires its alternative', alternative: a };
  }
  return undefined;
}

/** What keeps `p` out now, given what is `committed`: an alternative in the plan, or a requirement that cannot come in. */
export function blockNow(problem: SelectionProblem, view: LinkView, committed: readonly boolean[], p: number): { alternative: number } | { block: Block } | undefined {
  const alternative = view.alternatives[p]!.find((a) => committed[a]);
  if (alternative !== undefined) return { alternative };
  const block = staticBlock(problem, view, p);
  if (block) return { block };
  for (const r of view.closure[p]!) {
    if (committed[r]) continue;
    const clash = view.alternatives[r]!.find((a) => committed[a]);
    if (clash !== undefined) return { block: { position: r, reason: 'alternative in the plan', alternative: clash } };
  }
  return undefined;
}

/**
 * Statuses with the overrides settled against the links. Forcing an initiative in forces in what it
 * requires; a forced-in initiative whose requirement is not ready or forced out, or whose package holds
 * an alternative of one forced in before it (the first in the ranking wins), is not forced in after
 * all: it becomes open, and the methods then leave it out and say why.
 */
export function settledStatuses(problem: SelectionProblem, view: LinkView): CandidateStatus[] {
  const statuses = problem.candidates.map((c) => c.status);
  const honoured = new Set<number>();
  problem.candidates.forEach((c, p) => {
    if (c.status !== 'forced-in' || honoured.has(p)) return;
    const members = [p, ...view.closure[p]!];
    const clash = members.some((m) => view.alternatives[m]!.some((a) => honoured.has(a)));
    if (clash || staticBlock(problem, view, p)) {
      statuses[p] = 'open';
      return;
    }
    for (const m of members) honoured.add(m);
  });
  for (const p of honoured) statuses[p] = 'forced-in';
  return statuses;
}

/** The problem with its statuses settled (the same object when nothing changes). */
export function settled(problem: SelectionProblem): SelectionProblem {
  const view = linkView(problem);
  if (!view) return problem;
  const statuses = settledStatuses(problem, view);
  if (statuses.every((s, p) => s === problem.candidates[p]!.status)) return problem;
  const candidates = problem.candidates.map((c, p) => (statuses[p] === c.status ? c : { ...c, status: statuses[p]! }));
  // The view depends only on the indices, which are unchanged.
  problem.memo?.of(viewsWith)(problem.links!).set(candidates, view);
  return { ...problem, candidates };
}
