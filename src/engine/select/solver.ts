// The solver port: what the engine asks of a MIP solver, as plain data, so the
// same model crosses a Web Worker boundary or goes to HiGHS in Node unchanged.
// The engine builds models and checks answers; adapters only run them.

/** One linear constraint: lower ≤ Σ values[k] · x[indices[k]] ≤ upper. */
export type SolverRow = {
  indices: number[];
  values: number[];
  /** Omitted means no lower limit. */
  lower?: number;
  upper: number;
};

/** A maximisation over bounded columns. With `integer` false it is the LP relaxation, and duals come back. */
export type SolverModel = {
  /** Objective coefficient per column. */
  objective: number[];
  /** Constant added to the objective (the forced-in part of the plan), so gaps are measured on the whole plan. */
  offset: number;
  lower: number[];
  upper: number[];
  /** Every column whole-valued (a 0-1 selection) or none (the relaxation). */
  integer: boolean;
  rows: SolverRow[];
  /** A feasible solution to start from, e.g. the rank-and-fill plan; the solver never returns worse. */
  start?: number[];
  timeLimitSeconds: number;
  /** Stop once the best plan found is proven within this share of the best possible (0.001 = 0.1%). */
  relativeGap: number;
  /**
   * For a solver that runs the engine's gap search where it runs HiGHS (the pane's worker): search
   * first, with this node limit when one is given (see `engineFirst`). Other solvers never see it.
   */
  search?: { nodeLimit?: number };
};

export type SolverStatus =
  /** Proven optimal within the relative gap asked for. */
  | 'optimal'
  /** Stopped by the time limit; `values` hold the best plan found, if any. */
  | 'time-limit'
  | 'infeasible'
  /** Anything else: unbounded, a numerical failure, an unexpected answer. */
  | 'error';

export type SolverSolution = {
  status: SolverStatus;
  /** One value per column; empty when the solver has no solution. */
  values: number[];
  /** Objective including the offset; undefined when there is no solution. */
  objective: number | undefined;
  /** Best proven bound on the optimum (including the offset). */
  bound: number | undefined;
  /** Proven relative gap between `objective` and `bound`. */
  gap: number | undefined;
  /** Row duals (shadow prices), for a relaxation only. */
  rowDuals?: number[];
  /** Column reduced costs, for a relaxation only. */
  reducedCosts?: number[];
  /** What went wrong, in words, for a status of error. */
  message?: string;
};

/**
 * Solves one model. Rejects, or resolves with status error, when it cannot; the engine falls back either way.
 * `runsSearch`: the solver runs the engine's gap search itself (off the UI thread), so the engine hands it
 * the larger models with `search` set rather than searching them where it runs.
 */
export type Solver = ((model: SolverModel) => Promise<SolverSolution>) & { readonly runsSearch?: boolean };

/**
 * Milliseconds from any fixed origin, for time limits only. The engine never reads the time itself:
 * a front end passes `performance.now`, a test a clock it moves by hand. Nothing the engine returns
 * depends on it beyond which limits were reached.
 */
export type Clock = () => number;

/**
 * The time a step's last solve may take, in seconds, for the whole step to keep `limitSeconds`: what is left once
 * the work before it is done (`spentSeconds`), less a fiftieth of the limit kept for handing the solver its model
 * and reading the answer back (HiGHS looks at its clock between steps of its search, so it also ends a step past
 * its own limit). Never under a tenth of the limit, so a slow start still leaves the solver time to improve.
 */
export function solveSeconds(limitSeconds: number, spentSeconds: number): number {
  return Math.max(limitSeconds / 10, limitSeconds * 0.98 - spentSeconds);
}
