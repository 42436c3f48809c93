// The engine's own exact path, as answers in the solver port's terms, so the
// optimal method treats them like HiGHS's: small selections (and their LP
// relaxations) are solved here, in plain TypeScript, without loading or waking
// the WebAssembly solver; anything larger, or a search that runs past its node
// limit, goes to HiGHS.

import { solveExactly } from './branchAndBound';
import { searchWithinGap } from './gapSearch';
import { packingOf, solutionOf, solvePackingLp } from './packingLp';
import type { SolverModel, SolverSolution } from './solver';

/** The most open candidates the exact path takes on (measured: see `npm run bench`). */
export const EXACT_UP_TO = 60;
/** Nodes the branch and bound may visit before it hands over to HiGHS. */
export const NODE_LIMIT = 10_000;

/** The LP relaxation with its duals, or undefined when the model is not a packing the engine can solve. */
export function relaxationInEngine(model: SolverModel): SolverSolution | undefined {
  const packing = packingOf(model);
  const solved = packing && solvePackingLp(packing);
  if (!solved) return undefined;
  const lp = solutionOf(packing, solved);
  const objective = lp.bound + model.offset;
  return {
    status: 'optimal',
    values: Array.from(lp.values),
    objective,
    bound: objective,
    gap: 0,
    rowDuals: Array.from(lp.duals),
    reducedCosts: Array.from(lp.reducedCosts),
  };
}

export type EngineMip = {
  /** The proven optimum (gap 0); absent when the search ran past its node limit or the model is not a packing. */
  solution?: SolverSolution;
  /** The best plan the search found before it stopped: a start for HiGHS. */
  start?: number[];
};

export function mipInEngine(model: SolverModel, nodeLimit = NODE_LIMIT): EngineMip {
  const packing = packingOf(model);
  if (!packing) return {};
  const result = solveExactly(packing, { nodeLimit, ...(model.start ? { start: model.start } : {}) });
  if (!result.proven) return result.values ? { start: result.values } : {};
  const objective = result.objective + model.offset;
  return { solution: { status: 'optimal', values: result.values, objective, bound: objective, gap: 0 } };
}

/** The most open candidates the engine's gap search (gapSearch.ts) and LP relaxation take on; larger selections go to HiGHS. */
export const SEARCH_UP_TO = 400;
/** Nodes the gap search may visit on the plan's own selection before it hands over to HiGHS with its best plan. */
export const SEARCH_NODE_LIMIT = 1000;

/**
 * The engine's gap search on a packing model: the answer with status optimal when proven within the
 * model's relative gap, else with status time-limit (a node limit here) and its proven bound.
 */
export function searchInEngine(model: SolverModel, nodeLimit = SEARCH_NODE_LIMIT): EngineMip {
  const packing = packingOf(model);
  if (!packing) return {};
  const result = searchWithinGap(packing, { relativeGap: model.relativeGap, offset: model.offset, nodeLimit, ...(model.start ? { start: model.start } : {}) });
  if (!result || result.objective === -Infinity) return {};
  const objective = result.objective + model.offset;
  const bound = result.bound + model.offset;
  const solution: SolverSolution = {
    status: result.proven ? 'optimal' : 'time-limit',
    values: result.values,
    objective,
    bound,
    gap: objective > 0 ? Math.max(0, bound - objective) / objective : undefined,
  };
  return { solution, start: result.values };
}

/**
 * The gap search's answer to a model when it has one (proven within the gap, or any plan when a node
 * limit is given: the futures keep the best found); else the model for HiGHS, started from the better
 * of its own start and the best plan the search met.
 */
export function engineFirst(model: SolverModel, nodeLimit: number | undefined): { solution: SolverSolution } | { model: SolverModel } {
  const engine = searchInEngine(model, nodeLimit ?? SEARCH_NODE_LIMIT);
  if (engine.solution && (engine.solution.status === 'optimal' || nodeLimit !== undefined)) return { solution: engine.solution };
  const better = engine.start && model.start && dot(model.objective, engine.start) > dot(model.objective, model.start);
  return { model: better ? { ...model, start: engine.start! } : model };
}

/** The objective of a plan's columns (its offset left out). */
export const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, v, k) => sum + v * (b[k] ?? 0), 0);
