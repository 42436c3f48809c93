// Domain types of the prioritisation engine. Plain data only: the engine never
// touches Excel, the DOM or files.

/** A cell value as office.js and the exceljs adapter deliver it. Blank is "". Excel errors are their text ("#N/A"). */
export type CellValue = number | string | boolean;

/** A table as an adapter reads it: header strings and rows, with where its header row sits so cells can be named. */
export type RawTable = {
  sheet: string;
  /** Excel table name, e.g. "Initiatives". */
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** Zero-based sheet row and column of the header row's first cell. */
  origin: { row: number; column: number };
  /** Number formats of the body cells, as `rows` (absent where an adapter does not read them): a number formatted as euros is euros. */
  formats?: string[][];
  /**
   * Body cells (row in `rows`, column in `headers`) holding a formula saved without its result, as some
   * scripts write them: they read as blank, and the engine says so rather than plan them as unknown silently.
   */
  uncalculated?: { row: number; column: number }[];
  /** The workbook counts its dates in the 1904 system (old Mac workbooks): a serial number's date is 1,462 days later. */
  date1904?: boolean;
};

export type Severity = 'fatal' | 'error' | 'warning';

export type IssueCode =
  | 'missing-table'
  | 'missing-required-column'
  | 'missing-column'
  | 'duplicate-column'
  | 'empty-table'
  | 'unreadable-cell'
  | 'out-of-range'
  | 'missing-name'
  | 'duplicate-id'
  | 'team-without-demand-column'
  | 'demand-column-without-team'
  | 'duplicate-team'
  | 'invalid-capacity'
  | 'override-without-reason'
  | 'override-on-gated'
  | 'invalid-setting'
  | 'over-capacity-forced-in'
  | 'over-limit-forced-in'
  | 'invalid-scenario'
  | 'unknown-scenario'
  | 'duplicate-scenario'
  | 'scenario-override-unmatched'
  | 'bad-reference'
  | 'long-text'
  | 'implausible-amount'
  | 'ambiguous-column'
  | 'unknown-mapping'
  | 'demand-unit-mismatch'
  | 'invalid-fx-rate'
  | 'no-fx-rate'
  | 'invalid-horizon'
  | 'bad-value-range'
  | 'totals-row'
  | 'section-row';

/** A problem with the user's data: data, never thrown. */
export type Issue = {
  code: IssueCode;
  severity: Severity;
  sheet: string;
  /** Column header as the user wrote it, when the issue is about a column or cell. */
  column?: string;
  /** A1 address without the sheet, e.g. "Q10". */
  cell?: string;
  /** Zero-based row index in the table body, when the issue belongs to one row. */
  rowIndex?: number;
  message: string;
};

export type AiType = 'GenAI' | 'ML' | 'Automation' | 'Analytics' | 'Other';
export type BaselineMethod = 'A/B test' | 'Before/after' | 'Matched cohorts' | 'None';
export type DataRights = 'Yes' | 'Partial' | 'No';
export type RiskTier = 'Low' | 'Medium' | 'High';
export type Phase = 'Pilot' | 'Scale';
export type OverrideChoice = 'In' | 'Out';

/** How a success metric reads: a measurable target, words without a target, or nothing. */
export type MetricQuality = 'specific' | 'vague' | 'missing';

/** An initiative as read from its row. `undefined` means unknown (blank or unusable); never a silent zero. */
export type Initiative = {
  /** Zero-based index of the row in the table body; the stable position for writing back. */
  rowIndex: number;
  /** ID when given and unique, else a key derived from the name and row. Used to follow an initiative across runs. */
  key: string;
  name: string;
  id?: string;
  owner?: string;
  function?: string;
  aiType?: AiType;
  annualValue?: number;
  /** The range of the annual value (Value low, Value high): both or neither, low ≤ value ≤ high. */
  valueLow?: number;
  valueHigh?: number;
  strategicFit?: number;
  decisionChanged?: string;
  successMetric?: string;
  baselineMethod?: BaselineMethod;
  decisionRightsShift?: number;
  workloadShift?: number;
  incentiveMisalignment?: number;
  newObligations?: number;
  integrationComplexity?: number;
  dataRights?: DataRights;
  dataQuality?: number;
  dataAvailability?: number;
  instrumentation?: boolean;
  decisionLogging?: boolean;
  monitoringOwner?: string;
  incidentProcess?: boolean;
  riskTier?: RiskTier;
  phaseRequested?: Phase;
  /** Demand per team name (Capacity table spelling), in that team's unit. Blank demand means none. */
  demand: Record<string, number>;
  override?: OverrideChoice;
  overrideReason?: string;
  /** Set when the override comes from the scenario in force (it wins over the Override column): that scenario's name. */
  overrideScenario?: string;
  /** Whole horizons it runs (Duration column; read only with two or more horizons; undefined: 1). */
  duration?: number;
  /** Index of the first horizon it may start in (Earliest start column; read only with two or more horizons). */
  earliestStart?: number;
  /** Keys of the initiatives this one needs (Requires column), bad references left out. */
  requires?: string[];
  /** Keys of the initiatives this one is an alternative to (Excludes column), bad references left out. */
  excludes?: string[];
  /** True when a cell of this row could not be read: the row is reported and never committed. */
  invalid: boolean;
};

export type Team = {
  name: string;
  capacity: number;
  unit: string;
  /** Capacity in each horizon (the Capacity table's horizon columns), only with two or more horizons. */
  byHorizon?: number[];
};

export type SelectionMethod = 'Rank and fill' | 'Optimal';
export type Objective = 'Priority score' | 'Annual value';

export type Weights = { impact: number; readiness: number; friction: number };

export type Settings = {
  weights: Weights;
  inFlightLimit: number;
  method: SelectionMethod;
  objective: Objective;
  solverTimeLimitSeconds: number;
  planningPeriod: string;
  currency: string;
  /** ISO code of the currency amounts are planned in ('' : the one most amounts state). */
  reportingCurrency?: string;
  /** Name of the Excel table holding the initiatives, when the user picked one other than "Initiatives". */
  initiativesTable: string;
  /** Capacity set in the settings (from the pane or a scenario) wins over the Capacity table. */
  capacityOverrides: Record<string, number>;
  /** The saved scenario in force (Scenarios sheet): its overrides win over the Override column. '' for none. */
  scenario: string;
  /** Horizon labels (the Horizons setting); absent or one label: one planning period, as before horizons. */
  horizons?: string[];
  /** How much larger any team demand may turn out, as a fraction (0.5 for 50%); 0 or absent: demands are taken as stated. */
  demandOverrun?: number;
  /** How many futures the confidence draws (default 500; 0 turns the draws off). */
  confidenceDraws?: number;
  /** The room's range for a criterion's weight (lowest and highest proposed); the draws vary the weight within it. */
  weightRanges?: Partial<Record<keyof Weights, WeightRange>>;
};

export type WeightRange = { low: number; high: number };

export type Gate = 'Invalid input' | 'Blocked' | 'Learning-only' | 'Pilot-ready' | 'Scale-ready';

export type Decision =
  | 'Commit'
  | 'Forced in'
  | 'Deferred (capacity)'
  | 'Deferred (in-flight limit)'
  | 'Not ready'
  | 'Forced out'
  | 'Deferred (dependency)'
  | 'Excluded (alternative)';

/** One scored factor: where the points came from, so the Why text and the detail view share the same numbers. */
export type Contribution = {
  factor: string;
  /** The input as the reader should see it, e.g. "$1.2M", "4/5", "unknown". */
  input: string;
  points: number;
  max: number;
};

/**
 * An initiative's three scores, 0-100, and each factor's points in one list: impact's, then friction's,
 * then readiness's, each in the order of `FACTORS` (src/engine/scores.ts). `contributions()` spells them out.
 */
export type Scores = {
  impact: number;
  friction: number;
  readiness: number;
  points: readonly number[];
  /** Weighted blend, 0-100. */
  priority: number;
};

export type GateResult = {
  gate: Gate;
  /** What must become true to pass the next gate, in plain words. */
  gaps: string[];
  /** True when the initiative may be committed at all. */
  committable: boolean;
};

export type TeamShortfall = { team: string; needed: number; left: number; unit: string };

/** Why a requirement keeps its dependant out of the plan (see docs/dependencies.md). */
export type DependencyReason = 'not ready' | 'forced out' | 'does not fit' | 'not in the plan' | 'alternative in the plan' | 'requires its alternative';

/** An initiative named by a deferral: its assessment index and name. */
export type Named = { index: number; name: string };

/**
 * What kept a deferred initiative out: the full teams, the in-flight limit, or both; for
 * `Deferred (dependency)` the requirement it waits for (with the package's shortfalls when together
 * they do not fit); for `Excluded (alternative)` the alternative in the plan.
 */
export type DeferralConstraint = {
  teams: TeamShortfall[];
  /** With horizons: the horizon the teams and the limit were full in (the first the initiative could have started). */
  horizon?: string;
  /** With horizons: the horizon its run would start in, when what is full is a later one of that run. */
  runFrom?: string;
  /** With horizons: it would run past this horizon, the last one, even started as early as it may. */
  pastLast?: string;
  inFlightLimit?: number;
  /** `also`: for a package that does not fit, the other missing requirements its shortfall counts. */
  requirement?: Named & { reason: DependencyReason; alternative?: Named; also?: Named[] };
  alternative?: Named;
};

export type Assessment = {
  initiative: Initiative;
  scores: Scores | undefined;
  gate: GateResult;
  /** Effective override after validation (an override without a reason is ignored). */
  override?: OverrideChoice;
  /** Forced in because this forced-in initiative requires it (no override of its own): that initiative's name. */
  forcedBy?: string;
  /** Forced in: the initiatives it requires that are forced in with it. */
  forcesIn?: string[];
  /** A shared enabler ranked up to the best initiative that requires it: that initiative's name. */
  ranksWith?: string;
};

export type PlanEntry = Assessment & {
  priority: number | undefined;
  decision: Decision;
  binding?: DeferralConstraint;
  /** The binding constraint in words ('' when nothing held it back): the output column and the Change impact sheet both say it. */
  bindingText: string;
  /** With two or more horizons: when a committed initiative runs, and why it starts then. */
  schedule?: Schedule;
  why: string;
};

/** When a committed initiative runs on the roadmap, and why it does not start sooner. */
export type Schedule = {
  /** Horizon index it starts in, and the label. */
  start: number;
  label: string;
  /** Whole horizons it runs. */
  duration: number;
  /** The first horizon it could have started in: its earliest start, or the start of what it requires. */
  first: number;
  /** Why it starts where it does: its earliest start, a requirement's start, or what was full before it. */
  reason?: StartReason;
  /** The last horizon, when its run goes past it (only a forced-in initiative is placed so). */
  pastLast?: string;
};

export type StartReason =
  | { kind: 'earliest start' }
  | { kind: 'requirement'; name: string }
  /** Goes in together with an initiative that requires it, which could not start sooner. */
  | { kind: 'with'; name: string }
  /** Full in `constraint.horizon`, the first horizon it could have started in. */
  | { kind: 'full'; constraint: DeferralConstraint };

export type TeamLoad = {
  team: string;
  unit: string;
  capacity: number;
  demandBefore: number;
  demandAfter: number;
  /** Demand as a share of capacity; undefined when capacity is 0 and demand positive is impossible to express. */
  utilisationBefore: number | undefined;
  utilisationAfter: number | undefined;
};

/** How good an optimal plan is, in the units of the objective it maximised. */
export type OptimisationReport = {
  objective: Objective;
  /** Total objective of the plan: priority score (or annual value) summed over what it commits, forced-in included. */
  value: number;
  /** Best proven bound on the best possible plan: no plan under these caps can score more. */
  bound: number;
  /** The LP relaxation's optimum (every initiative divisible): the bound before any search. */
  lpBound: number | undefined;
  /** Proven relative gap, (bound − value) / value: 0 when the plan is proven the best. */
  gap: number;
  /** The solver stopped at its time limit: the plan is the best it found. */
  timedOut: boolean;
  committedValue: number;
  /** Rank and fill on the same data, for comparison. */
  rankAndFill: { value: number; committedValue: number };
  /** `value` minus rank and fill's: how much better the optimal plan is. */
  improvement: number;
};

export type SelectionReport = {
  /** The method that actually chose the plan (after any fallback). */
  method: SelectionMethod;
  /** Text stating what actually ran (e.g. a fallback). */
  note?: string;
  /** Present when the optimal method chose the plan. */
  optimisation?: OptimisationReport;
};
