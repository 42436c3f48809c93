// The whole engine with a solver: the optimal method when the settings ask for
// it, rank and fill otherwise. Asynchronous because the solver may run in a
// Web Worker; everything else is the same pure pipeline as `prioritise`.

import { optimalEconomics, type EconomicsLimits } from './bottlenecks';
import { drawBase, drawConfidence, drawsWanted, withConfidence, type DrawOptions } from './confidence';
import { assess, completePlan, economicsBase, NO_SOLVER_NOTE, rankAndFillCommitted, rankAndFillPlan, type Plan, type RunContext, type WorkbookInput } from './plan';
import { selectionProblem } from './ranking';
import { selectOptimal, solveRelaxation } from './select/optimal';
import type { Selection, SelectionProblem } from './select/problem';
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
  /**
   * Draw the confidence figures too, when the workbook states some uncertainty (default true). The
   * pane leaves them out and draws them off the UI thread once the plan is on screen (`withConfidenceBy`).
   */
  confidence?: boolean;
};

export async function prioritiseWith(
  input: WorkbookInput,
  context: RunContext,
  solver: Solver | undefined,
  options: PrioritiseOptions,
): Promise<Plan> {
  const plan = await planWith(input, context, solver, options);
  return options.confidence === false ? plan : withConfidenceBy(plan, solver, options);
}

async function planWith(input: WorkbookInput, context: RunContext, solver: Solver | undefined, options: PrioritiseOptions): Promise<Plan> {
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

/** Nodes the engine's gap search visits in each drawn future past the exact path's size (see `OptimalOptions.searchNodes`). */
export const FUTURE_SEARCH_NODES = 20;

/**
 * The selection each drawn future runs: the method that chose the plan, through the same entry points
 * (rank and fill, or the optimal method with its gates, overrides and dependencies), so the futures are
 * planned as the plan was. The optimal method skips its relaxation (a future needs only its plan), starts
 * from what of the plan's own choice still fits, and past the exact path's size keeps the best plan its gap
 * search finds in a fixed number of nodes: hundreds of futures in seconds, the same figures every time.
 */
export function selectionOfPlan(
  plan: Pick<Plan, 'selection' | 'settings' | 'entries'>,
  solver: Solver | undefined,
  options: Pick<EconomicsSettings, 'clock' | 'exactUpTo'>,
): (problem: SelectionProblem) => boolean[] | Promise<boolean[]> {
  if (plan.selection.method !== 'Optimal' || !solver) return rankAndFillCommitted;
  const { settings } = plan;
  const exact = options.exactUpTo !== undefined ? { exactUpTo: options.exactUpTo } : {};
  const inPlan = plan.entries.map((e) => e.decision === 'Commit' || e.decision === 'Forced in');
  return async (problem) => {
    const hint = problem.candidates.map((c) => inPlan[c.index] === true);
    const optimal = { objective: settings.objective, timeLimitSeconds: settings.solverTimeLimitSeconds, clock: options.clock, relaxation: false, hint, searchNodes: FUTURE_SEARCH_NODES };
    return (await selectOptimal(problem, { ...optimal, ...exact }, solver)).committed;
  };
}

/** The plan with its confidence figures, drawn with the method that chose it; the plan itself when no uncertainty is stated. */
export async function withConfidenceBy(plan: Plan, solver: Solver | undefined, options: Pick<EconomicsSettings, 'clock' | 'exactUpTo'> & DrawOptions): Promise<Plan> {
  const draws = plan.usable ? drawsWanted(plan) : 0;
  if (draws === 0) return plan;
  const confidence = await drawConfidence(drawBase(plan), draws, selectionOfPlan(plan, solver, options), options);
  return withConfidence(plan, confidence);
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
    // On a roadmap, where each starts: the economics compare starts too.
    ...(plan.entries.some((e) => e.schedule) ? { placements: problem.candidates.map((c) => plan.entries[c.index]!.schedule) } : {}),
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
