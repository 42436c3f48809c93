// The whole engine with a solver: the optimal method when the settings ask for
// it, rank and fill otherwise. Asynchronous because the solver may run in a
// Web Worker; everything else is the same pure pipeline as `prioritise`.

import { optimalEconomics, type EconomicsLimits } from './bottlenecks';
import { assess, completePlan, economicsBase, NO_SOLVER_NOTE, rankAndFillPlan, type Plan, type RunContext, type WorkbookInput } from './plan';
import { selectionProblem } from './ranking';
import { selectOptimal } from './select/optimal';
import type { Solver } from './select/solver';

export type PrioritiseOptions = {
  /** Work out the bottleneck economics too (default true); a pane may skip them for a first, faster answer. */
  economics?: boolean;
  limits?: EconomicsLimits;
};

export async function prioritiseWith(
  input: WorkbookInput,
  context: RunContext,
  solver: Solver | undefined,
  options: PrioritiseOptions = {},
): Promise<Plan> {
  const assessed = assess(input, context);
  const { settings } = assessed;
  if (settings.method !== 'Optimal' || !assessed.usable) return rankAndFillPlan(assessed, context);
  if (!solver) return rankAndFillPlan(assessed, context, NO_SOLVER_NOTE);

  const problem = selectionProblem(assessed);
  const outcome = await selectOptimal(problem, { objective: settings.objective, timeLimitSeconds: settings.solverTimeLimitSeconds }, solver);
  if (!outcome.solved) return rankAndFillPlan(assessed, context, outcome.report.note);
  const plan = completePlan(assessed, outcome.selection, outcome.report, context);
  if (options.economics === false || assessed.assessments.length === 0) return plan;
  const base = economicsBase(assessed, problem, outcome.selection, {
    method: 'Optimal',
    ...(outcome.relaxation ? { relaxation: outcome.relaxation } : {}),
    planGap: outcome.report.optimisation?.gap ?? 0,
  });
  return { ...plan, bottlenecks: await optimalEconomics(base, solver, settings.solverTimeLimitSeconds, options.limits) };
}
