// The whole engine with a solver: the optimal method when the settings ask for
// it, rank and fill otherwise. Asynchronous because the solver may run in a
// Web Worker; everything else is the same pure pipeline as `prioritise`.

import { optimalEconomics, type EconomicsLimits } from './bottlenecks';
import { assess, completePlan, economicsBase, NO_SOLVER_NOTE, rankAndFillPlan, type Plan, type RunContext, type WorkbookInput } from './plan';
import { selectionProblem } from './ranking';
import { selectOptimal, solveRelaxation } from './select/optimal';
import type { Selection } from './select/problem';
import type { Clock, Solver } from './select/solver';

export type EconomicsSettings = {
  limits?: EconomicsLimits;
  /** Time for all the re-solves of the bottleneck economics; default three times the solver time limit. */
  budgetSeconds?: number;
  /** For the time limits and the budget: the engine never reads the time itself. */
  clock: Clock;
  /** The most open candidates the engine solves itself before it asks the solver (see `OptimalOptions`). */
  exactUpTo?: number;
};

export type PrioritiseOptions = EconomicsSettings & {
  /**
   * Work out the bottleneck economics too (default true). A pane may skip them for a first,
   * faster answer and add them with `withBottlenecks` while the room reads the plan.
   */
  economics?: boolean;
};

export async function prioritiseWith(
  input: WorkbookInput,
  context: RunContext,
  solver: Solver | undefined,
  options: PrioritiseOptions,
): Promise<Plan> {
  const assessed = assess(input, context);
  const { settings } = assessed;
  if (settings.method !== 'Optimal' || !assessed.usable) return rankAndFillPlan(assessed, context);
  if (!solver) return rankAndFillPlan(assessed, context, NO_SOLVER_NOTE);

  const exact = options.exactUpTo !== undefined ? { exactUpTo: options.exactUpTo } : {};
  const outcome = await selectOptimal(selectionProblem(assessed), { objective: settings.objective, timeLimitSeconds: settings.solverTimeLimitSeconds, clock: options.clock, ...exact }, solver);
  if (!outcome.solved) return rankAndFillPlan(assessed, context, outcome.report.note);
  const plan = completePlan(assessed, outcome.selection, outcome.report, context);
  return options.economics === false ? plan : withBottlenecks(plan, solver, options);
}

/**
 * The plan with its bottleneck economics, worked out by the method that chose it. A plan
 * chosen by rank and fill already has them; an optimal plan gets them from re-solves.
 */
export async function withBottlenecks(plan: Plan, solver: Solver, options: EconomicsSettings): Promise<Plan> {
  if (plan.bottlenecks || !plan.usable || plan.assessments.length === 0 || plan.selection.method !== 'Optimal') return plan;
  const { settings } = plan;
  const problem = selectionProblem(plan);
  const selection: Selection = {
    decisions: problem.candidates.map((c) => plan.entries[c.index]!.decision),
    binding: problem.candidates.map((c) => plan.entries[c.index]!.binding),
  };
  const relaxation = await solveRelaxation(problem, settings.objective, settings.solverTimeLimitSeconds, solver, options.exactUpTo);
  const base = economicsBase(plan, problem, selection, {
    method: 'Optimal',
    ...(relaxation ? { relaxation } : {}),
    planGap: plan.selection.optimisation?.gap ?? 0,
  });
  const bottlenecks = await optimalEconomics(base, solver, {
    timeLimitSeconds: settings.solverTimeLimitSeconds / 2,
    budgetSeconds: options.budgetSeconds ?? settings.solverTimeLimitSeconds * 3,
    ...(options.limits ? { limits: options.limits } : {}),
    clock: options.clock,
    ...(options.exactUpTo !== undefined ? { exactUpTo: options.exactUpTo } : {}),
  });
  return { ...plan, bottlenecks };
}
