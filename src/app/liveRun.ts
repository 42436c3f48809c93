// One live re-run: read the workbook and, only if its inputs differ from what
// the last run planned, plan, lay out and write just the cells that changed.
// Comparing the inputs themselves (not trusting the event that woke us) is
// what makes the loop safe: an event the add-in's own write caused finds the
// inputs unchanged and writes nothing.

import { tableFingerprint } from '../engine/fingerprint';
import type { Plan, RunContext } from '../engine/plan';
import { planDiff, type PlanDiff } from '../engine/planDiff';
import { readSettings } from '../engine/settings';
import type { RawTable } from '../engine/types';
import { planLayout, type PlanLayout } from '../layout/planLayout';
import type { WorkbookPort, WorkbookSnapshot, WriteOptions, WriteOutcome, WriteProblem } from '../port/workbookPort';
import { plannerInput, type Planner } from './runPlan';

/** What the last written plan was made from and wrote: what the next live run compares with and diffs against. */
export type LiveBase = { key: string; plan: Plan; layout: PlanLayout };

export type LiveOutcome =
  | { kind: 'unchanged' }
  | { kind: 'unusable'; plan: Plan; snapshot: WorkbookSnapshot }
  | { kind: 'written'; base: LiveBase; snapshot: WorkbookSnapshot; diff: PlanDiff | undefined; outcome: Extract<WriteOutcome, { ok: true }> }
  | { kind: 'not-written'; plan: Plan; layout: PlanLayout; snapshot: WorkbookSnapshot; problem: WriteProblem };

const fingerprintOf = (table: RawTable | undefined): string => (table ? tableFingerprint(table) : '-');

/**
 * Everything a plan depends on, in one key: the Initiatives inputs, the Capacity table, the settings in
 * force, the FX rates and Column mapping tables (they change what an amount is worth and which column is
 * read) and, when a scenario is in force, the Scenarios sheet's tables (its overrides change the plan).
 */
export function inputsKey(snapshot: WorkbookSnapshot, settingsOverride: RunContext['settings']): string {
  const settings = settingsOverride ?? readSettings(snapshot.settings).settings;
  const scenarios = settings.scenario.trim() === '' ? '-' : `${fingerprintOf(snapshot.scenarios?.scenarios)}/${fingerprintOf(snapshot.scenarios?.overrides)}`;
  const lookups = `${fingerprintOf(snapshot.fxRates)}/${fingerprintOf(snapshot.columnMapping)}`;
  return `${snapshot.fingerprint}|${fingerprintOf(snapshot.capacity)}|${lookups}|${scenarios}|${JSON.stringify(settings)}`;
}

/**
 * Whether the table's rows hold the same initiatives in the same order as when `base` was written: only
 * then are the cells it wrote where its layout says. A sort (the user's or the add-in's), an inserted or a
 * deleted row breaks that, and the next write is a whole one.
 */
export function sameRows(base: Plan, next: Plan): boolean {
  if (base.table?.rowCount !== next.table?.rowCount || base.entries.length !== next.entries.length) return false;
  return next.entries.every((entry, i) => {
    const old = base.entries[i]!;
    return old.initiative.rowIndex === entry.initiative.rowIndex && old.initiative.key === entry.initiative.key;
  });
}

export async function liveRun(
  port: WorkbookPort,
  context: RunContext,
  options: { planner: Planner; base: LiveBase | undefined; write?: WriteOptions },
): Promise<LiveOutcome> {
  const snapshot = await port.read();
  const key = inputsKey(snapshot, context.settings);
  if (options.base && key === options.base.key) return { kind: 'unchanged' };
  const plan = await options.planner(plannerInput(snapshot), context);
  if (!plan.usable) return { kind: 'unusable', plan, snapshot };
  const layout = planLayout(plan);
  const previous = options.base && sameRows(options.base.plan, plan) ? options.base.layout : undefined;
  const outcome = await port.write(plan, layout, snapshot.fingerprint, { ...options.write, previous, log: false });
  if (!outcome.ok) return { kind: 'not-written', plan, layout, snapshot, problem: outcome.problem };
  return {
    kind: 'written',
    base: { key, plan, layout },
    snapshot,
    diff: options.base ? planDiff(options.base.plan, plan) : undefined,
    outcome,
  };
}
