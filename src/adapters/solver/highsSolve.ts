// Runs one `SolverModel` on a loaded HiGHS runtime, passed as sparse arrays
// (no LP text, so no names for its reader to trip on). Shared by the Node
// adapter and the Web Worker.

import type { Highs, ModelData } from 'highs';
import type { SolverModel, SolverSolution, SolverStatus } from '../../engine/select/solver';

function modelData(highs: Highs, model: SolverModel): ModelData {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    indices.push(...row.indices);
    values.push(...row.values);
    starts.push(indices.length);
  }
  const numCols = model.objective.length;
  return {
    numCols,
    numRows: model.rows.length,
    sense: highs.constants.objectiveSense.maximize,
    offset: model.offset,
    colCost: model.objective,
    colLower: model.lower,
    colUpper: model.upper,
    rowLower: model.rows.map((r) => r.lower ?? -highs.infinity),
    rowUpper: model.rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: model.rows.length, numCols, starts, indices, values },
    ...(model.integer ? { integrality: model.objective.map(() => highs.constants.variableType.integer) } : {}),
  };
}

function statusOf(highs: Highs, code: number): SolverStatus {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return 'optimal';
  if (code === s.timeLimit) return 'time-limit';
  // Every column is bounded, so "infeasible or unbounded" can only be infeasible.
  if (code === s.infeasible || code === s.unboundedOrInfeasible) return 'infeasible';
  return 'error';
}

const numberInfo = (model: { info: { get(name: string): number | bigint } }, name: string): number | undefined => {
  try {
    const value = Number(model.info.get(name));
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

export function solveWithHighs(highs: Highs, model: SolverModel): SolverSolution {
  const instance = highs.createModel(modelData(highs, model));
  try {
    instance.options.set({
      output_flag: false,
      time_limit: model.timeLimitSeconds,
      mip_rel_gap: model.relativeGap,
    });
    if (model.integer && model.start) instance.setSolution({ colValue: model.start });
    instance.run();
    const code = instance.getModelStatus();
    const status = statusOf(highs, code);
    const feasible = numberInfo(instance, 'primal_solution_status') === highs.constants.solutionStatus.feasible;
    const solution = feasible ? instance.getSolution() : undefined;
    const objective = solution ? instance.getObjectiveValue() : undefined;
    const base = {
      status,
      values: solution ? Array.from(solution.colValue) : [],
      objective,
      ...(status === 'error' ? { message: `HiGHS ended with model status ${code}` } : {}),
    };
    if (!model.integer) {
      return {
        ...base,
        bound: status === 'optimal' ? objective : undefined,
        gap: status === 'optimal' ? 0 : undefined,
        ...(solution && status === 'optimal' ? { rowDuals: Array.from(solution.rowDual), reducedCosts: Array.from(solution.colDual) } : {}),
      };
    }
    return { ...base, bound: numberInfo(instance, 'mip_dual_bound'), gap: numberInfo(instance, 'mip_gap') };
  } finally {
    instance.dispose();
  }
}
