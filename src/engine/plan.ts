// The engine's pipeline: read → score → gate → rank → select → explain →
// change impact → summary. Each step is a plain function; nothing here knows
// where the cells came from.

import { changeImpact, type ChangeImpact } from './changeImpact';
import { entryBindingText, whyText } from './explain';
import { drawBase, drawConfidenceSync, drawsWanted, withConfidence, type Confidence, type DrawOptions } from './confidence';
import { formatPercent, formatQuantity } from './format';
import { Memo } from './memo';
import { gate } from './gates';
import { roadmapHorizons } from './horizons';
import { horizonLoads } from './horizonLoads';
import { readCapacity, readInitiatives, type ColumnMap, type ColumnMappingEntry } from './read';
import { mergeMapping, readColumnMapping } from './columnMapping';
import { currencyCode, currencySymbol, readFxRates, type MoneyRead } from './currency';
import { scoreInitiative, scoringContext } from './scores';
import { rankOrder, selectionProblem, TIE_RULE } from './ranking';
import { withDependencies } from './dependencies';
import type { Links } from './select/links';
import type { Placement, Selection, SelectionProblem } from './select/problem';
import type { Relaxation } from './select/optimal';
import { committedOf } from './select/selectionModel';
import { rankAndFillEconomics, type Bottlenecks, type EconomicsBase } from './bottlenecks';
import { rankAndFill } from './select/rankAndFill';
import { DEFAULT_SETTINGS, readSettings, settingOf, settingsColumns, settingsRecord, unknownCapacityTeamIssues } from './settings';
import { a1, qualified } from './address';
import { withScenario } from './scenarios/inForce';
import { scenarioChanges } from './scenarios/scenario';
import type { ScenarioTables } from './scenarios/readScenarios';
import { decisionLogEntry, summarise, type DecisionLogEntry, type Summary } from './summary';
import type { Assessment, Issue, PlanEntry, RawTable, Schedule, SelectionMethod, SelectionReport, Settings, Team } from './types';

export type WorkbookInput = {
  initiatives: RawTable | undefined;
  capacity?: RawTable | undefined;
  settings?: RawTable | undefined;
  /** The Scenarios sheet's tables: the scenario the settings name has its overrides applied. */
  scenarios?: ScenarioTables;
  /** The Column mapping table: which header each contract column reads, over recognition. */
  columnMapping?: RawTable | undefined;
  /** The FX rates table: what one unit of each currency is worth in the reporting currency. */
  fxRates?: RawTable | undefined;
  /** Other tables beside the settings table with Setting and Value columns: never read, so said. */
  unreadSettingsTables?: readonly string[];
};

export type RunContext = {
  /** ISO timestamp of the run: the clock is passed in so the engine stays deterministic. */
  now: string;
  runBy?: string;
  /** Settings edited in the pane but not yet saved win over the settings sheet. */
  settings?: Settings;
  /** Mappings given for this run (the command's --map): they win over the Column mapping table. */
  columnMapping?: ColumnMappingEntry[];
};

export type Assessed = {
  settings: Settings;
  teams: Team[];
  table: { sheet: string; name: string; headers: string[]; rowCount: number; columns: ColumnMap } | undefined;
  assessments: Assessment[];
  /** Assessment indices in priority order: forced-in first, then by score and the tie rule, unreadable rows last. */
  ranking: number[];
  issues: Issue[];
  usable: boolean;
  /** The reporting currency and the FX rates used, when the table has a value column. */
  money?: MoneyRead;
  /** What this run has worked out so far (see memo.ts): made by `assess`, used again by `completePlan`. Not carried into the plan. */
  memo: Memo;
  /** What initiatives require and their alternatives; undefined when no row says. */
  links?: Links | undefined;
  /** How the settings in force differ from the saved scenario in force ("In-flight limit 4 (Base: 10)"); absent when they agree. */
  scenarioChanges?: string[];
};

export type Plan = Omit<Assessed, 'memo'> & {
  entries: PlanEntry[];
  selection: SelectionReport;
  changeImpact: ChangeImpact;
  summary: Summary;
  logEntry: DecisionLogEntry;
  run: { at: string; by?: string };
  /** What each bottleneck and override is worth, worked out with the method that chose the plan. */
  bottlenecks?: Bottlenecks;
  /** How sure the plan is of each initiative (see confidence.ts); absent when no uncertainty is stated or the draws are off. */
  confidence?: Confidence;
};

export { TIE_RULE, selectionProblem };

/** A second table of settings beside the one read: a value typed there (an in-flight limit of 3) would otherwise do nothing without a word. */
function unreadSettingsTableIssues(settingsTable: RawTable | undefined, others: readonly string[]): Issue[] {
  if (!settingsTable) return [];
  const header = a1(settingsTable.origin.row, settingsTable.origin.column);
  return others.map((name) => ({
    code: 'invalid-setting',
    severity: 'warning',
    sheet: settingsTable.sheet,
    cell: header,
    message: `Table ${name} on ${settingsTable.sheet} also has Setting and Value columns, but only table ${settingsTable.name} (at ${qualified(settingsTable.sheet, header)}) is read for the settings, so its rows are not used. Move them into ${settingsTable.name}.`,
  }));
}

/**
 * The Initiatives table setting naming a table the workbook does not have: the adapters then plan the table
 * called Initiatives, which is said, with the setting's cell, so another table is never planned without a word.
 */
function initiativesTableIssue(settingsTable: RawTable | undefined, wanted: string, planned: RawTable): Issue | undefined {
  if (wanted.toLowerCase() === planned.name.toLowerCase()) return undefined;
  const columns = settingsTable ? settingsColumns(settingsTable.headers) : undefined;
  const rowIndex = settingsTable && columns ? settingsTable.rows.findIndex((row) => settingOf(String(row[columns.label] ?? ''))?.label === 'Initiatives table') : -1;
  const cell = settingsTable && columns && rowIndex >= 0 ? a1(settingsTable.origin.row + 1 + rowIndex, settingsTable.origin.column + columns.value) : undefined;
  const where = settingsTable && cell ? ` in ${qualified(settingsTable.sheet, cell)}` : '';
  return {
    code: 'invalid-setting',
    severity: 'warning',
    sheet: settingsTable?.sheet ?? '',
    ...(cell ? { column: 'Value', cell } : {}),
    message: `The Initiatives table setting${where} names ${wanted}, which is no table of this workbook; table ${planned.name} on ${planned.sheet} is planned instead.`,
  };
}

export function assess(input: WorkbookInput, context: RunContext): Assessed {
  const memo = new Memo();
  const settingsRead = readSettings(input.settings);
  let settings = settingsRecord(context.settings ?? settingsRead.settings);
  const horizons = roadmapHorizons(settings);
  const capacity = readCapacity(input.capacity, settings.capacityOverrides, horizons);
  const capacityTeams = input.capacity ? capacity.teams.map((t) => t.name) : undefined;
  const issues: Issue[] = [
    ...settingsRead.issues,
    ...unreadSettingsTableIssues(input.settings, input.unreadSettingsTables ?? []),
    ...capacity.issues,
    ...unknownCapacityTeamIssues(input.settings, settings.capacityOverrides, capacityTeams),
  ];
  if (!input.initiatives) {
    issues.unshift({
      code: 'missing-table',
      severity: 'fatal',
      sheet: '',
      message: 'No Initiatives table was found: create a table named Initiatives with one row per initiative.',
    });
    return { settings, teams: capacity.teams, table: undefined, assessments: [], ranking: [], issues, usable: false, memo };
  }
  const tableSetting = initiativesTableIssue(input.settings, settings.initiativesTable, input.initiatives);
  if (tableSetting) issues.push(tableSetting);
  const mapping = readColumnMapping(input.columnMapping);
  issues.push(...mapping.issues);
  const fx = readFxRates(input.fxRates);
  issues.push(...fx.issues);
  const read = readInitiatives(input.initiatives, capacity.teams, mergeMapping(mapping.entries, context.columnMapping ?? []), {
    reportingCurrency: settings.reportingCurrency ?? '',
    rates: fx.rates,
    ...(fx.into ? { ratesTo: fx.into } : {}),
    symbolCurrency: currencyCode(settings.currency),
  }, memo, horizons);
  issues.unshift(...read.issues);
  const money = read.money;
  // Amounts are shown in the reporting currency unless the user chose a symbol of their own.
  if (money && money.currency !== '' && settings.currency === DEFAULT_SETTINGS.currency && money.currency !== 'USD') {
    settings = settingsRecord({ ...settings, currency: currencySymbol(money.currency) });
  }
  const table = {
    sheet: input.initiatives.sheet,
    name: input.initiatives.name,
    headers: input.initiatives.headers.map(String),
    rowCount: input.initiatives.rows.length,
    columns: read.columns,
  };
  if (!read.usable) return { settings, teams: capacity.teams, table, assessments: [], ranking: [], issues, usable: false, memo, ...(money ? { money } : {}) };

  const scenario = withScenario(read.initiatives, input.scenarios, settings.scenario, input.settings?.sheet ?? '');
  issues.push(...scenario.issues);
  // The scenario's own capacities are compared with the Capacity table's, not with the overrides in force.
  const changes = scenario.scenario ? scenarioChanges(settings, scenario.scenario, readCapacity(input.capacity).teams) : [];
  const scoring = scoringContext(read.initiatives, settings, memo);
  const badCells = new Map<number, string[]>();
  for (const issue of read.issues) {
    if (issue.severity === 'error' && issue.rowIndex !== undefined && issue.cell) {
      badCells.set(issue.rowIndex, [...(badCells.get(issue.rowIndex) ?? []), issue.cell]);
    }
  }
  const assessments: Assessment[] = scenario.initiatives.map((initiative) => {
    const gateResult = gate(initiative, badCells.get(initiative.rowIndex), memo);
    const scores = initiative.invalid ? undefined : scoreInitiative(initiative, scoring, settings);
    let override = initiative.override;
    if (override === 'In' && !gateResult.committable) {
      issues.push({
        code: 'override-on-gated',
        severity: 'warning',
        sheet: table.sheet,
        column: 'Override',
        rowIndex: initiative.rowIndex,
        message: `${initiative.name} is forced in, but its gate is ${gateResult.gate}; an override never lifts a gate, so it stays out until: ${gateResult.gaps.join('; ')}.`,
      });
      override = undefined;
    }
    return { initiative, scores, gate: gateResult, override };
  });
  const { ranking, links } = withDependencies(assessments, rankOrder(assessments), issues, table.sheet);
  // An override the table's Override column gave (no scenario's) is said at its cell.
  const overrideColumn = read.columns.inputs.override;
  if (overrideColumn !== undefined && scenario.initiatives === read.initiatives) {
    for (const issue of issues) {
      if (issue.code !== 'override-on-gated' || issue.rowIndex === undefined || issue.cell !== undefined) continue;
      const cell = a1(input.initiatives.origin.row + 1 + issue.rowIndex, input.initiatives.origin.column + overrideColumn);
      issue.cell = cell;
      issue.message = issue.message.replace(' is forced in, but ', ` is forced in (${qualified(table.sheet, cell)}), but `);
    }
  }
  return { settings, teams: capacity.teams, table, assessments, ranking, issues, usable: true, memo, ...(money ? { money } : {}), links, ...(changes.length > 0 ? { scenarioChanges: changes } : {}) };
}

/** Turn a selection into the plan: decisions, Why texts, change impact, summary and log entry. */
export function completePlan(assessed: Assessed, selection: Selection, report: SelectionReport, context: RunContext): Plan {
  const { memo } = assessed;
  const horizons = roadmapHorizons(assessed.settings);
  const position = new Array<number>(assessed.assessments.length);
  assessed.ranking.forEach((index, rank) => (position[index] = rank));
  const entries: PlanEntry[] = assessed.assessments.map((a, index) => {
    const rank = position[index]!;
    const binding = selection.binding[rank];
    const placement = selection.placements?.[rank];
    const schedule = placement && horizons ? scheduleOf(placement, horizons, a.initiative.duration ?? 1) : undefined;
    const entry: PlanEntry = {
      initiative: a.initiative,
      scores: a.scores,
      gate: a.gate,
      override: a.override,
      forcedBy: a.forcedBy,
      forcesIn: a.forcesIn,
      ranksWith: a.ranksWith,
      priority: a.scores ? rank + 1 : undefined,
      decision: selection.decisions[rank]!,
      binding,
      bindingText: entryBindingText(binding, schedule, memo),
      ...(schedule ? { schedule } : {}),
      why: '',
    };
    entry.why = whyText(entry, assessed.settings, memo);
    return entry;
  });

  const impact = changeImpact(entries, assessed.ranking, assessed.teams, assessed.settings.inFlightLimit, memo, horizons);
  const issues = [...assessed.issues];
  // On a roadmap each horizon has its own capacity: forced in over it in one horizon is said there, even when
  // the roadmap's total is within the total capacity.
  const loads: { team: string; unit: string; capacity: number; demandAfter: number; horizon?: string }[] = horizons ? horizonLoads(entries, assessed.teams, horizons) : impact.teamLoads;
  for (const load of loads) {
    if (load.demandAfter <= load.capacity + 1e-9) continue;
    const [where, there] = load.horizon === undefined ? ['', ''] : [` in ${load.horizon}`, ' there'];
    issues.push({
      code: 'over-capacity-forced-in',
      severity: 'warning',
      sheet: assessed.table?.sheet ?? '',
      column: load.team,
      message: `Forced-in initiatives need ${formatQuantity(load.demandAfter, load.unit)} of ${load.team}${where}, more than its ${formatQuantity(load.capacity, load.unit)}${there} (${load.capacity > 0 ? formatPercent(load.demandAfter / load.capacity) : 'no capacity'}).`,
    });
  }
  if (impact.inFlight.after > assessed.settings.inFlightLimit) {
    issues.push({
      code: 'over-limit-forced-in',
      severity: 'warning',
      sheet: assessed.table?.sheet ?? '',
      message: `Forced-in initiatives alone put ${impact.inFlight.after} initiatives in flight, above the limit of ${assessed.settings.inFlightLimit}.`,
    });
  }
  const summary = summarise(entries, assessed.settings, issues, impact.inFlight.after);
  const run = { at: context.now, ...(context.runBy ? { by: context.runBy } : {}) };
  // Every field but the memo, which stays with the run.
  return {
    settings: assessed.settings,
    teams: assessed.teams,
    table: assessed.table,
    assessments: assessed.assessments,
    ranking: assessed.ranking,
    issues,
    usable: assessed.usable,
    links: assessed.links,
    entries,
    selection: report,
    changeImpact: impact,
    summary,
    logEntry: decisionLogEntry(summary, impact.teamLoads, assessed.settings, report, run, assessed.scenarioChanges),
    run,
    ...(assessed.money ? { money: assessed.money } : {}),
  };
}

const scheduleOf = (placement: Placement, horizons: readonly string[], duration: number): Schedule => ({
  start: placement.start,
  label: horizons[placement.start]!,
  duration,
  first: placement.first,
  ...(placement.reason ? { reason: placement.reason } : {}),
  ...(placement.start + duration > horizons.length ? { pastLast: horizons[horizons.length - 1]! } : {}),
});

export const NO_SOLVER_NOTE = 'Optimal was chosen, but no solver is available here; rank and fill was used instead.';

/** The inputs of the bottleneck economics for a plan chosen by `selection`. */
export function economicsBase(
  assessed: Omit<Assessed, 'memo'>,
  problem: SelectionProblem,
  selection: Selection,
  extra: { method: SelectionMethod; relaxation?: Relaxation; planGap?: number },
): EconomicsBase {
  return {
    ranked: assessed,
    problem,
    committed: committedOf(selection),
    binding: selection.binding,
    decisions: selection.decisions,
    method: extra.method,
    objective: assessed.settings.objective,
    ...(extra.relaxation ? { relaxation: extra.relaxation } : {}),
    planGap: extra.planGap ?? 0,
    ...(selection.placements ? { starts: selection.placements.map((placement) => placement?.start ?? -1) } : {}),
  };
}

/** The plan by rank and fill, with its economics worked out by rank and fill too (unless `economics` is false). */
export function rankAndFillPlan(assessed: Assessed, context: RunContext, note?: string, economics = true): Plan {
  const report: SelectionReport = { method: 'Rank and fill', ...(note ? { note } : {}) };
  if (!economics || !assessed.usable || assessed.assessments.length === 0) {
    // The problem is let go once selected: the plan is made without it.
    return completePlan(assessed, rankAndFill(selectionProblem(assessed)), report, context);
  }
  const problem = selectionProblem(assessed);
  const selection = rankAndFill(problem);
  const bottlenecks = rankAndFillEconomics(economicsBase(assessed, problem, selection, { method: 'Rank and fill' }));
  return { ...completePlan(assessed, selection, report, context), bottlenecks };
}

/**
 * The whole engine, synchronously: rank and fill. The optimal method needs a solver and runs
 * through `prioritiseWith`; asked for here, it falls back to rank and fill and the note says so.
 */
export function prioritise(input: WorkbookInput, context: RunContext, options: { economics?: boolean; confidence?: boolean } = {}): Plan {
  const assessed = assess(input, context);
  const plan = rankAndFillPlan(assessed, context, assessed.settings.method === 'Optimal' ? NO_SOLVER_NOTE : undefined, options.economics ?? true);
  return options.confidence === false ? plan : withRankAndFillConfidence(plan);
}

/** Rank and fill's own selection of a drawn future: committed per candidate. */
export const rankAndFillCommitted = (problem: SelectionProblem): boolean[] => committedOf(rankAndFill(problem));

/** A plan chosen by rank and fill with its confidence figures, when the workbook states some uncertainty. */
export function withRankAndFillConfidence(plan: Plan, options: DrawOptions = {}): Plan {
  const draws = plan.usable ? drawsWanted(plan) : 0;
  return draws === 0 ? plan : withConfidence(plan, drawConfidenceSync(drawBase(plan), draws, rankAndFillCommitted, options));
}
