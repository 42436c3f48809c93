// Builders for selection problems, a brute-force optimum to check against, and
// fast-check arbitraries for property tests.

import fc from 'fast-check';
import type { Candidate, CandidateStatus, SelectionProblem } from '../../../src/engine/select/problem';
import { objectiveOf, residualLimits } from '../../../src/engine/select/selectionModel';
import type { Objective } from '../../../src/engine/types';

export function candidate(index: number, fields: Partial<Omit<Candidate, 'index'>> = {}): Candidate {
  return { index, status: 'open', priority: 50, annualValue: 1_000_000, demand: {}, ...fields };
}

/** Candidates in the engine's rank order: forced-in first, then by priority score, then index. */
export function problem(candidates: Candidate[], teams: Record<string, number>, inFlightLimit = candidates.length): SelectionProblem {
  const ranked = [...candidates].sort(
    (a, b) => Number(b.status === 'forced-in') - Number(a.status === 'forced-in') || b.priority - a.priority || a.index - b.index,
  );
  return { candidates: ranked, teams: Object.entries(teams).map(([name, capacity]) => ({ name, capacity, unit: 'weeks' })), inFlightLimit };
}

/** The best objective over every subset of the open candidates (forced-in always in), by enumeration. */
export function bruteForceBest(p: SelectionProblem, objective: Objective): number {
  const residual = residualLimits(p);
  const open = p.candidates.filter((c) => c.status === 'open');
  const forced = p.candidates.filter((c) => c.status === 'forced-in').reduce((sum, c) => sum + objectiveOf(c, objective), 0);
  let best = 0;
  for (let mask = 0; mask < 1 << open.length; mask++) {
    let count = 0;
    let total = 0;
    const load = new Map<string, number>();
    open.forEach((c, k) => {
      if (!(mask & (1 << k))) return;
      count++;
      total += objectiveOf(c, objective);
      for (const [team, amount] of Object.entries(c.demand)) load.set(team, (load.get(team) ?? 0) + amount);
    });
    if (count > residual.inFlight) continue;
    if (p.teams.some((t) => (load.get(t.name) ?? 0) > (residual.teams.get(t.name) ?? 0) + 1e-9)) continue;
    best = Math.max(best, total);
  }
  return forced + best;
}

const TEAMS = ['Legal', 'Security', 'Data engineering', 'ML platform'];

const statusArbitrary: fc.Arbitrary<CandidateStatus> = fc.constantFrom<CandidateStatus>('open', 'open', 'open', 'open', 'open', 'open', 'gated', 'forced-in', 'forced-out');

/**
 * Up to `max` initiatives on 1 to 4 teams whose caps bind, with some not ready, forced in or forced out.
 * fast-check keeps arrays short by default; `min` asks for at least that many and lengths spread up to `max`.
 */
export function problemArbitrary(max = 16, min?: number): fc.Arbitrary<SelectionProblem> {
  return fc.integer({ min: 1, max: TEAMS.length }).chain((teamCount) => {
    const teams = TEAMS.slice(0, teamCount);
    const candidateArbitrary = fc.record({
      status: statusArbitrary,
      priority: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
      annualValue: fc.integer({ min: 0, max: 50 }).map((n) => n * 100_000),
      demand: fc.tuple(...teams.map(() => fc.integer({ min: 0, max: 6 }))),
    });
    return fc.record({
      rows: fc.array(candidateArbitrary, min === undefined ? { minLength: 0, maxLength: max } : { minLength: min, maxLength: max, size: 'max' }),
      capacities: fc.tuple(...teams.map(() => fc.integer({ min: 0, max: 20 }))),
      inFlight: fc.integer({ min: 0, max: max }),
    }).map(({ rows, capacities, inFlight }) =>
      problem(
        rows.map((r, i) =>
          candidate(i, {
            status: r.status,
            priority: r.priority,
            annualValue: r.annualValue,
            demand: Object.fromEntries(teams.flatMap((t, k) => (r.demand[k]! > 0 ? [[t, r.demand[k]!]] : []))),
          }),
        ),
        Object.fromEntries(teams.map((t, k) => [t, capacities[k]!])),
        inFlight,
      ),
    );
  });
}

/**
 * The best plan by enumeration, committed per candidate, with the exact path's tie rule: among plans
 * of the best objective, the one that commits the higher-ranked candidate where they first differ.
 */
export function bruteForceFirstBest(p: SelectionProblem, objective: Objective): boolean[] {
  const residual = residualLimits(p);
  const open = p.candidates.flatMap((c, i) => (c.status === 'open' ? [i] : []));
  const best = bruteForceBest(p, objective);
  const forced = p.candidates.reduce((sum, c) => sum + (c.status === 'forced-in' ? objectiveOf(c, objective) : 0), 0);
  // Masks from all-committed down meet plans in that rank order, as open[0] is the highest bit.
  for (let mask = (1 << open.length) - 1; mask >= 0; mask--) {
    const chosen = open.map((_, k) => (mask & (1 << (open.length - 1 - k))) !== 0);
    const load = new Map<string, number>();
    let total = forced;
    open.forEach((position, k) => {
      if (!chosen[k]) return;
      const c = p.candidates[position]!;
      total += objectiveOf(c, objective);
      for (const [team, amount] of Object.entries(c.demand)) load.set(team, (load.get(team) ?? 0) + amount);
    });
    if (chosen.filter(Boolean).length > residual.inFlight) continue;
    if (p.teams.some((t) => (load.get(t.name) ?? 0) > (residual.teams.get(t.name) ?? 0) + 1e-9)) continue;
    if (total < best - 1e-6 * Math.max(1, Math.abs(best))) continue;
    const committed = p.candidates.map((c) => c.status === 'forced-in');
    open.forEach((position, k) => (committed[position] = chosen[k]!));
    return committed;
  }
  throw new Error('no feasible plan, which cannot be: committing nothing always fits');
}
