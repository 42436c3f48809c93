// Roadmap problems for tests: random portfolios over horizons (durations,
// earliest starts, capacity per horizon, dependencies), and an independent
// check of every roadmap rule.

import fc from 'fast-check';
import { capacityIn } from '../../../src/engine/horizons';
import { linkView, settled } from '../../../src/engine/select/links';
import type { Selection, SelectionProblem } from '../../../src/engine/select/problem';
import { problemArbitrary } from '../select/problems';

/** A problem over 2 to 4 horizons with durations, earliest starts, capacity per horizon and random links. */
export function roadmapArbitrary(max = 9, linked = true): fc.Arbitrary<SelectionProblem> {
  return problemArbitrary(max).chain((p) => {
    const n = p.candidates.length;
    return fc.integer({ min: 2, max: 4 }).chain((H) => {
      const pair = fc.tuple(fc.integer({ min: 0, max: Math.max(0, n - 1) }), fc.integer({ min: 0, max: Math.max(0, n - 1) })).filter(([a, b]) => a !== b);
      return fc
        .record({
          durations: fc.array(fc.integer({ min: 1, max: H }), { minLength: n, maxLength: n }),
          earliest: fc.array(fc.integer({ min: 0, max: H - 1 }), { minLength: n, maxLength: n }),
          perHorizon: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: H, maxLength: H }), { minLength: p.teams.length, maxLength: p.teams.length }),
          split: fc.boolean(),
          requires: linked && n >= 2 ? fc.array(pair, { maxLength: n }) : fc.constant([] as [number, number][]),
          excludes: linked && n >= 2 ? fc.array(pair, { maxLength: Math.ceil(n / 3) }) : fc.constant([] as [number, number][]),
        })
        .map(({ durations, earliest, perHorizon, split, requires, excludes }) => {
          const req = new Map<number, number[]>();
          const alt = new Map<number, number[]>();
          for (const [a, b] of requires) req.set(a, [...new Set([...(req.get(a) ?? []), b])]);
          for (const [a, b] of excludes) {
            alt.set(a, [...new Set([...(alt.get(a) ?? []), b])]);
            alt.set(b, [...new Set([...(alt.get(b) ?? []), a])]);
          }
          return {
            ...p,
            horizons: ['H1', 'H2', 'H3', 'H4'].slice(0, H),
            candidates: p.candidates.map((c) => ({ ...c, duration: durations[c.index]!, earliest: earliest[c.index]! })),
            teams: p.teams.map((t, k) => (split ? { ...t, byHorizon: perHorizon[k]! } : t)),
            ...(linked ? { links: { requires: req, alternatives: alt } } : {}),
          };
        });
    });
  });
}

/** The committed set and the starts a selection gives, per candidate (−1: not placed). */
export function startsOf(selection: Selection): number[] {
  return selection.decisions.map((d, i) => (d === 'Commit' || d === 'Forced in' ? (selection.placements?.[i]?.start ?? -2) : -1));
}

/**
 * The first rule a roadmap breaks, in words, checked apart from the engine: every committed one placed,
 * within the horizons (forced-in may be cut at the last), not before its earliest start nor what it
 * requires, with what it requires and without its alternatives; open initiatives within what forced-in
 * ones leave of each team and of the in-flight limit in every horizon.
 */
export function roadmapBreaks(original: SelectionProblem, starts: readonly number[]): string | undefined {
  const p = settled(original);
  const H = p.horizons!.length;
  const view = linkView(p);
  const durationOf = (i: number) => p.candidates[i]!.duration ?? 1;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const c = p.candidates[i]!;
    if (c.status === 'forced-in' && s < 0) return `forced-in ${i} left out`;
    if (s === -2) return `${i} committed without a start`;
    if (s < 0) continue;
    if (c.status === 'gated' || c.status === 'forced-out') return `${i} is ${c.status} but committed`;
    if (s < (c.earliest ?? 0)) return `${i} starts before its earliest start`;
    if (c.status === 'open' && s + durationOf(i) > H) return `${i} runs past the last horizon`;
    if (view) {
      for (const r of view.closure[i]!) {
        if (starts[r]! < 0) return `${i} lacks requirement ${r}`;
        if (starts[r]! > s) return `${i} starts before its requirement ${r}`;
      }
      if (view.alternatives[i]!.some((a) => starts[a]! >= 0)) return `${i} and an alternative are both in`;
    }
  }
  for (let h = 0; h < H; h++) {
    const active = (i: number) => starts[i]! >= 0 && starts[i]! <= h && h < starts[i]! + durationOf(i);
    let forced = 0;
    let open = 0;
    p.candidates.forEach((c, i) => {
      if (!active(i)) return;
      if (c.status === 'forced-in') forced++;
      else open++;
    });
    if (open > Math.max(0, p.inFlightLimit - forced)) return `in-flight limit in horizon ${h}`;
    for (const team of p.teams) {
      let forcedLoad = 0;
      let openLoad = 0;
      p.candidates.forEach((c, i) => {
        if (!active(i)) return;
        if (c.status === 'forced-in') forcedLoad += c.demand[team.name] ?? 0;
        else openLoad += c.demand[team.name] ?? 0;
      });
      if (openLoad > Math.max(0, capacityIn(team, h) - forcedLoad) + 1e-9) return `team ${team.name} over capacity in horizon ${h}`;
    }
  }
  return undefined;
}
