// The one use case every front end shares: read the workbook through its port,
// plan, lay out, write. A plain function, so the pane, the command line and the
// tests run exactly the same steps.

import { prioritise, type Plan, type RunContext, type WorkbookInput } from '../engine/plan';
import { prioritiseWith } from '../engine/prioritiseWith';
import { NO_SCENARIO_TABLES } from '../engine/scenarios/readScenarios';
import { settingsColumns } from '../engine/settings';
import type { Clock, Solver } from '../engine/select/solver';
import { planLayout, type PlanLayout } from '../layout/planLayout';
import type { WorkbookPort, WorkbookSnapshot, WriteOptions, WriteOutcome } from '../port/workbookPort';

/** Turns the workbook's tables into a plan. Synchronous rank and fill by default; the optimal method plugs in here. */
export type Planner = (input: WorkbookInput, context: RunContext) => Plan | Promise<Plan>;

/**
 * The planner of a front end that has a solver: Optimal when the settings ask for it, rank and fill
 * otherwise. The front end's clock keeps the solver's time limits; nothing planned depends on it.
 */
export const plannerWith =
  (solver: Solver, clock: Clock): Planner =>
  (input, context) =>
    prioritiseWith(input, context, solver, { clock });

/**
 * The planner's input from what was read: the one place every use case (a run, a live re-run, a
 * comparison) builds it, so none of them forgets a table (the Scenarios sheet's, above all).
 */
export function plannerInput(snapshot: WorkbookSnapshot): WorkbookInput {
  const unreadSettingsTables = otherSettingsTables(snapshot);
  return {
    initiatives: snapshot.initiatives,
    capacity: snapshot.capacity,
    settings: snapshot.settings,
    ...(unreadSettingsTables.length > 0 ? { unreadSettingsTables } : {}),
    scenarios: snapshot.scenarios ?? NO_SCENARIO_TABLES,
    columnMapping: snapshot.columnMapping,
    fxRates: snapshot.fxRates,
  };
}

/** Tables on the settings table's sheet with Setting and Value columns, other than the one read: their rows are not settings. */
function otherSettingsTables({ settings, tables }: WorkbookSnapshot): string[] {
  if (!settings) return [];
  return tables
    .filter((t) => t.name.toLowerCase() !== settings.name.toLowerCase() && t.sheet.toLowerCase() === settings.sheet.toLowerCase())
    .filter((t) => {
      const columns = settingsColumns(t.headers);
      return columns.label >= 0 && columns.value >= 0;
    })
    .map((t) => t.name);
}

export type RunResult =
  | { kind: 'unusable'; plan: Plan; snapshot: WorkbookSnapshot }
  | { kind: 'written'; plan: Plan; layout: PlanLayout; snapshot: WorkbookSnapshot; outcome: Extract<WriteOutcome, { ok: true }> }
  | { kind: 'not-written'; plan: Plan; layout: PlanLayout; snapshot: WorkbookSnapshot; outcome: Extract<WriteOutcome, { ok: false }> };

export async function runPlan(
  port: WorkbookPort,
  context: RunContext,
  options: { planner?: Planner; write?: WriteOptions } = {},
): Promise<RunResult> {
  const snapshot = await port.read();
  const planner = options.planner ?? prioritise;
  const plan = await planner(plannerInput(snapshot), context);
  if (!plan.usable) return { kind: 'unusable', plan, snapshot };
  const layout = planLayout(plan);
  const outcome = await port.write(plan, layout, snapshot.fingerprint, options.write);
  return outcome.ok
    ? { kind: 'written', plan, layout, snapshot, outcome }
    : { kind: 'not-written', plan, layout, snapshot, outcome };
}
