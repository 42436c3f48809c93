// The "Bottlenecks" section of the Change impact sheet: how the plan was
// chosen, what one more unit of each limit is worth, what each override costs
// and what would bring each deferred initiative in. Plain values with number
// formats, and every text cell stored as text.

import { cutShort } from '../engine/bottleneckText';
import type { Bottlenecks } from '../engine/bottlenecks';
import { formatQuantity } from '../engine/format';
import type { Plan } from '../engine/plan';
import type { Objective, OptimisationReport } from '../engine/types';
import { BAD, GOOD, TEXT_FORMAT, type HighlightRule, type LayoutCell, type SheetBuilder } from './grid';

export const BOTTLENECKS_TITLE = 'Bottlenecks: what each limit and override is worth';

const T = TEXT_FORMAT;
const POINTS_FORMAT = '#,##0.0';
const GAP_FORMAT = '0.00%';

export const moneyFormat = (currency: string): string => `"${currency.replace(/"/g, '')}"#,##0`;
const objectiveFormat = (objective: Objective, currency: string): string => (objective === 'Annual value' ? moneyFormat(currency) : POINTS_FORMAT);

/** Gains green, losses red, so the sheet reads at a glance without the add-in. */
const GAIN_HIGHLIGHTS: HighlightRule[] = [
  { min: 1e-9, ...GOOD },
  { below: -1e-9, ...BAD },
];
const COST_HIGHLIGHTS: HighlightRule[] = [
  { min: 1e-9, ...BAD },
  { below: -1e-9, ...GOOD },
];

function highlight(s: SheetBuilder, first: number, column: number, rules: HighlightRule[]): void {
  if (s.rowCount > first) s.conditionalFormats.push({ row: first, column, rows: s.rowCount - first, rules });
}

function howChosen(s: SheetBuilder, plan: Plan, b: Bottlenecks): void {
  const currency = plan.settings.currency;
  const objectiveName = b.objective === 'Annual value' ? 'annual value' : 'priority score';
  const fmt = objectiveFormat(b.objective, currency);
  const rows: [string, LayoutCell, string | null, string][] = [
    ['Selection method', plan.selection.method, T, plan.selection.note ?? (plan.selection.method === 'Optimal' ? 'The best set of initiatives the caps allow.' : 'Commits in priority order while capacity lasts.')],
    ['Optimised for', b.objective, T, `The figures below are totals of ${objectiveName} over what the plan commits.`],
  ];
  const o: OptimisationReport | undefined = plan.selection.optimisation;
  if (o) {
    rows.push(
      [`Total ${objectiveName} of this plan`, o.value, fmt, ''],
      ['Best proven bound', o.bound, fmt, 'No plan within these caps can do better than this.'],
      ['LP relaxation bound', o.lpBound ?? null, fmt, 'The bound if initiatives could be funded in part.'],
      ['Proven gap', o.gap, GAP_FORMAT, o.timedOut ? 'The time limit was reached: the best plan found.' : 'How far from the best possible the plan can at most be.'],
      [`Rank and fill on the same data`, o.rankAndFill.value, fmt, ''],
      ['Better than rank and fill by', o.improvement, fmt, ''],
      ['Committed value, this plan', o.committedValue, moneyFormat(currency), ''],
      ['Committed value, rank and fill', o.rankAndFill.committedValue, moneyFormat(currency), ''],
    );
  } else {
    rows.push([`Total ${objectiveName} of this plan`, b.baseObjective, fmt, ''], ['Committed value', b.baseValue, moneyFormat(currency), '']);
  }
  s.row(['How the plan was chosen', 'Value', null, 'What it means'], [], 'header');
  for (const [label, value, format, meaning] of rows) s.row([label, value, null, meaning], [T, format, null, T]);
}

function capacityRows(s: SheetBuilder, b: Bottlenecks): void {
  // On a roadmap, a team's unit is in one horizon, and what it is worth includes the value delivered sooner.
  const roadmap = b.capacity.some((f) => f.deliveredGain !== undefined || f.horizon !== undefined);
  s.row(['Bottleneck', 'One more', 'Committed value gained', 'In words', 'What changes', 'Objective gained', 'Worked out by', ...(roadmap ? ['Delivered this year gained'] : [])], [], 'header');
  const first = s.rowCount;
  for (const f of b.capacity) {
    const changes = [
      f.enters.length > 0 ? `Enters: ${f.enters.map((name, i) => (f.entersAt?.[i] ? `${name} (${f.entersAt[i]})` : name)).join(', ')}` : '',
      f.leaves.length > 0 ? `Leaves: ${f.leaves.join(', ')}` : '',
      (f.moves?.length ?? 0) > 0 ? `Moves: ${f.moves!.map((m) => `${m.name} ${m.from} → ${m.to}`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('. ');
    const how = !f.exact ? (roadmap ? 'Not worked out' : 'LP estimate only') : cutShort(f.gap) ? 'Re-solve, time limit reached' : b.method === 'Optimal' ? 'Re-solve' : 'Re-run of rank and fill';
    const unit = f.kind === 'team' ? `${formatQuantity(f.step, f.unit)}${f.horizon ? ` in ${f.horizon}` : ''}` : roadmap ? '1 initiative in every horizon' : '1 initiative';
    s.row(
      [f.name, unit, f.valueGain ?? null, f.text, changes, f.objectiveGain ?? null, how, ...(roadmap ? [f.deliveredGain ?? null] : [])],
      [T, T, moneyFormat(b.currency), T, T, objectiveFormat(b.objective, b.currency), T, ...(roadmap ? [moneyFormat(b.currency)] : [])],
      'wrap',
    );
  }
  highlight(s, first, 2, GAIN_HIGHLIGHTS);
  if (roadmap) highlight(s, first, 7, GAIN_HIGHLIGHTS);
}

function overrideRows(s: SheetBuilder, b: Bottlenecks): void {
  s.row(['Override', 'Decision', 'Committed value it costs', 'In words', 'Reason', 'Objective with it', 'Objective without it'], [], 'header');
  const first = s.rowCount;
  for (const f of b.overrides) {
    s.row(
      [f.name, f.choice === 'In' ? 'Forced in' : 'Forced out', f.valueCost ?? null, f.text, f.reason, f.objectiveWith, f.objectiveWithout ?? null],
      [T, T, moneyFormat(b.currency), T, T, objectiveFormat(b.objective, b.currency), objectiveFormat(b.objective, b.currency)],
      'wrap',
    );
  }
  if (b.overrides.length === 0) s.row(['No override is in force.'], [T]);
  highlight(s, first, 2, COST_HIGHLIGHTS);
}

/** Shared enablers in the plan: what it loses without each, and how each one's cost is shared. */
function enablerRows(s: SheetBuilder, b: Bottlenecks): void {
  s.row(['Shared enabler', 'Unlocks', 'Committed value lost without it', 'In words', 'What changes without it', 'Objective lost without it'], [], 'header');
  const first = s.rowCount;
  for (const f of b.enablers) {
    const changes = [f.enters.length > 0 ? `Enters: ${f.enters.join(', ')}` : '', f.leaves.length > 0 ? `Leaves: ${f.leaves.join(', ')}` : ''].filter(Boolean).join('. ');
    s.row(
      [f.name, f.unlocks.join(', '), f.valueLost ?? null, f.text, changes, f.objectiveLost ?? null],
      [T, T, moneyFormat(b.currency), T, T, objectiveFormat(b.objective, b.currency)],
      'wrap',
    );
  }
  highlight(s, first, 2, COST_HIGHLIGHTS);
}

function deferredRows(s: SheetBuilder, plan: Plan, b: Bottlenecks): void {
  const measure = b.method === 'Rank and fill' ? 'Priority score' : b.objective;
  s.row(['Deferred initiative', 'Decision', 'Demand cut that brings it in', 'In words', 'Binding constraint', `${measure} needed`, `${measure} now`], [], 'header');
  const format = measure === 'Annual value' ? moneyFormat(b.currency) : POINTS_FORMAT;
  const entries = new Map(plan.entries.map((e) => [e.initiative.key, e]));
  for (const f of b.deferred) {
    const cuts = f.demandCuts.map((c) => `${c.team} -${formatQuantity(c.by, c.unit)}`).join('; ');
    // Outside a package, the cut is one the plan was re-run with (In words says what else moves); none when no cut alone brings it in.
    const cutCell = f.waitsFor
      ? cuts
        ? `For the package: ${cuts}`
        : `None: it waits for ${f.waitsFor.requirement ?? f.waitsFor.alternative ?? 'another initiative'}`
      : cuts || (f.needsInFlightSlot ? 'None: it needs an in-flight slot' : f.unchecked ? 'Not worked out' : 'No cut alone brings it in');
    s.row(
      [f.name, f.decision, cutCell, f.text, entries.get(f.key)?.bindingText ?? '', f.scoreNeeded?.needed ?? null, f.scoreNeeded?.now ?? null],
      [T, T, T, T, T, format, format],
      'wrap',
    );
  }
  if (b.deferred.length === 0) s.row(['No initiative is deferred for capacity.'], [T]);
}

/** An `ExtraSection` for the Change impact sheet; `planLayout` adds it whenever the plan has bottleneck findings. */
export function bottlenecksSection(s: SheetBuilder, plan: Plan): void {
  const b = plan.bottlenecks;
  if (!b) return;
  s.row([BOTTLENECKS_TITLE], [], 'section');
  for (const note of b.notes) s.row([note], [T], 'note');
  howChosen(s, plan, b);
  s.blank();
  capacityRows(s, b);
  s.blank();
  overrideRows(s, b);
  s.blank();
  if (b.enablers.length > 0) {
    enablerRows(s, b);
    s.blank();
  }
  deferredRows(s, plan, b);
  s.blank();
}
