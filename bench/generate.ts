// Seeded portfolios for the bench and for tests at scale: realistic cell forms,
// demand on every team, caps that bind.

import type { Candidate, CandidateStatus, SelectionProblem } from '../src/engine/select/problem';
import type { CellValue, RawTable } from '../src/engine/types';

/** mulberry32: a small, fast, seeded generator, so every run sees the same portfolio. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_TEAMS = ['Legal', 'Security', 'Data engineering', 'ML platform', 'Change management'];

const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luis', 'Mei'];
const LAST_NAMES = ['Silva', 'Carter', 'Martin', 'Patel', 'Popescu', 'Haddad', 'Liu', 'Tanaka', 'Costa', 'Berg', 'Okafor', 'Diaz', 'Ng'];

/** A named person, as an owner column holds one ("Owner 17" reads as a placeholder, so every row would be blocked). */
const person = (i: number): string => `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;

export type GeneratedPortfolio = { initiatives: RawTable; capacity: RawTable; settings: RawTable; totalDemand: Record<string, number> };

/**
 * `capacityShare` sets each team's capacity as a share of the total demand on it,
 * so caps bind at every size.
 */
export function generatePortfolio(count: number, seed = 1, capacityShare = 0.3, teams = BENCH_TEAMS): GeneratedPortfolio {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rating = (): CellValue => (random() < 0.05 ? '' : random() < 0.15 ? pick(['Low', 'Medium', 'High']) : 1 + Math.floor(random() * 5));
  const headers = [
    'ID', 'Initiative', 'Owner', 'Function', 'AI type', 'Annual value', 'Strategic fit', 'Decision changed', 'Success metric',
    'Baseline method', 'Decision rights shift', 'Workload shift', 'Incentive misalignment', 'New obligations',
    'Integration complexity', 'Data rights', 'Data quality', 'Data availability', 'Instrumentation', 'Decision logging',
    'Monitoring owner', 'Incident process', 'Risk tier', 'Phase requested', ...teams, 'Override', 'Override reason',
  ];
  const totalDemand: Record<string, number> = Object.fromEntries(teams.map((t) => [t, 0]));
  const rows: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const owner = random() < 0.08 ? pick(['TBD', 'Finance team', '']) : person(i);
    const value = Math.round(50_000 + random() * random() * 5_000_000);
    const demand = teams.map((t) => {
      if (random() < 0.35) return '';
      const amount = 1 + Math.floor(random() * 6);
      totalDemand[t]! += amount;
      return amount;
    });
    const override = random() < 0.01 ? 'Out' : random() < 0.01 ? 'In' : '';
    rows.push([
      `AI-${String(i + 1).padStart(5, '0')}`,
      `Initiative ${i + 1}`,
      owner,
      pick(['Finance', 'Operations', 'Support', 'Risk', 'Sales']),
      pick(['GenAI', 'ML', 'Automation', 'Analytics']),
      random() < 0.3 ? `$${(value / 1e6).toFixed(2)}M` : value,
      rating(),
      random() < 0.1 ? '' : 'Routing of requests',
      random() < 0.2 ? 'Transform the function' : `Cut cycle time ${10 + Math.floor(random() * 40)}%`,
      pick(['A/B test', 'Before/after', 'Matched cohorts', 'None']),
      rating(), rating(), rating(), rating(), rating(),
      random() < 0.85 ? 'Yes' : pick(['Partial', 'No']),
      rating(), rating(),
      random() < 0.8 ? 'Yes' : 'No',
      random() < 0.7 ? 'Y' : 'N',
      random() < 0.7 ? person(i + 7) : '',
      random() < 0.7 ? true : false,
      pick(['Low', 'Medium', 'High']),
      pick(['Pilot', 'Scale']),
      ...demand,
      override,
      override ? 'Board decision' : '',
    ]);
  }
  const capacity = teams.map((t) => Math.max(1, Math.round(totalDemand[t]! * capacityShare)));
  return {
    initiatives: { sheet: 'Portfolio', name: 'Initiatives', headers, rows, origin: { row: 0, column: 0 } },
    capacity: { sheet: 'Capacity', name: 'Capacity', headers: ['Team', 'Capacity', 'Unit'], rows: teams.map((t, i) => [t, capacity[i]!, 'weeks']), origin: { row: 0, column: 0 } },
    // An in-flight limit of about a third of the portfolio, so it binds beside the team caps.
    settings: {
      sheet: 'Prioritisation settings',
      name: 'PrioritisationSettings',
      headers: ['Setting', 'Value'],
      rows: [['In-flight limit', Math.max(1, Math.round(count * 0.35))]],
      origin: { row: 3, column: 0 },
    },
    totalDemand,
  };
}

/**
 * A selection problem straight from its numbers, for the selection bench and tests at scale:
 * about 10% not ready, 1% forced in, 1% forced out, demand on each team for about 65% of
 * initiatives, each team capped at `capacityShare` of its total demand and the in-flight
 * limit at `inFlightShare` of the count, so every limit binds.
 */
export function selectionInstance(count: number, seed: number, capacityShare = 0.3, inFlightShare = 0.35, teams = BENCH_TEAMS): SelectionProblem {
  const random = seeded(seed);
  const total: Record<string, number> = Object.fromEntries(teams.map((t) => [t, 0]));
  const candidates: Candidate[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random();
    const status: CandidateStatus = roll < 0.1 ? 'gated' : roll < 0.11 ? 'forced-out' : roll < 0.12 ? 'forced-in' : 'open';
    const demand: Record<string, number> = {};
    for (const team of teams) {
      if (random() < 0.35) continue;
      demand[team] = 1 + Math.floor(random() * 6);
      total[team]! += demand[team]!;
    }
    const priority = Math.round((20 + random() * 75) * 10) / 10;
    const annualValue = Math.round(50_000 + random() * random() * 5_000_000);
    candidates.push({ index, status, priority, annualValue, demand });
  }
  // Rank order as the engine builds it: forced-in first, then by priority score.
  candidates.sort((a, b) => Number(b.status === 'forced-in') - Number(a.status === 'forced-in') || b.priority - a.priority || a.index - b.index);
  return {
    candidates,
    teams: teams.map((name) => ({ name, capacity: Math.max(1, Math.round(total[name]! * capacityShare)), unit: 'weeks' })),
    inFlightLimit: Math.round(count * inFlightShare),
  };
}

/**
 * The same portfolio with a value range on every row that has a value: from 60% to 150% of it, so
 * How sure is the plan has something to draw (the Confidence column, the bench's draws).
 */
export function withValueRanges(initiatives: RawTable): RawTable {
  const value = initiatives.headers.indexOf('Annual value');
  const rows = initiatives.rows.map((row) => {
    const v = row[value];
    return typeof v === 'number' ? [...row, Math.round(v * 0.6), Math.round(v * 1.5)] : [...row, '', ''];
  });
  return { ...initiatives, headers: [...initiatives.headers, 'Value low', 'Value high'], rows };
}
