// Which planner runs: the selection method in force picks it. Rank and fill is
// always there; the optimal method is injected when it is built, so the pane
// never imports the solver itself.

import { readSettings } from '../../engine/settings';
import type { SelectionMethod } from '../../engine/types';
import type { Planner } from '../../app/runPlan';
import { loadPlanning } from '../loadPlanning';

export type Planners = { 'Rank and fill': Planner } & Partial<Record<Exclude<SelectionMethod, 'Rank and fill'>, Planner>>;

/** Rank and fill without the confidence draws: the pane draws them after the plan is on screen (controller/sureRun.ts). */
export const rankAndFillPlanner: Planner = async (input, context) => (await loadPlanning()).prioritise(input, context, { confidence: false });

export const DEFAULT_PLANNERS: Planners = { 'Rank and fill': rankAndFillPlanner };

export const isAvailable = (planners: Planners, method: SelectionMethod): boolean => planners[method] !== undefined;

/** One planner that runs the method the settings ask for, or rank and fill when that method is not available. */
export function choosePlanner(planners: Planners): Planner {
  return (input, context) => {
    const method = (context.settings ?? readSettings(input.settings).settings).method;
    return (planners[method] ?? planners['Rank and fill'])(input, context);
  };
}
