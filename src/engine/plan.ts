// The engine's pipeline: read → score → gate → rank → select → explain →
// change impact → summary. Each step is a plain function; nothing here knows
// where the cells came from.

import { changeImpact, type ChangeImpact } from './changeImpact';
import { normalise } from './cells';
import { whyText } from './explain';
import { formatPercent, formatQuantity } from './format';
import { gate } from './gates';
import { readCapacity, readInitiatives, type ColumnMap } from './read';
import { scoreInitiative, scoringContext } from './scores';
import { candidateStatus, type SelectionProblem, type Selection } from './select/problem';
import { rankAndFill } from './select/rankAndFill';
import { readSettings } from './settings';
import { decisionLogEntry, summarise, type DecisionLogEntry, type Summary } from './summary';
import type { Assessment, Issue, PlanEntry, RawTable, SelectionReport, Settings, Team } from './types';

export type WorkbookInput = {
  initiatives: RawTable | undefined;
  capacity?: RawTable | undefined;
  settings?: RawTable | undefined;
};

export type RunContext = {
  /** ISO timestamp of the run: the clock is passed in so the engine stays deterministic. */
  now: string;
  runBy?: string;
  /** Settings edited in the pane but not yet saved win over the settings sheet. */
  settings?: Settings;
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
};

export type Plan = Assessed & {
  entries: PlanEntry[];
  selection: SelectionReport;
  changeImpact: ChangeImpact;
  summary: Summary;
  logEntry: DecisionLogEntry;
  run: { at: string; by?: string };
};

export const TIE_RULE = 'Equal priority scores are ordered by higher annual value, then lower friction, then name A to Z.';

/** Sort keys for the ranking, computed once per initiative rather than once per comparison. */
type RankKey = { group: number; priority: number; value: number; friction: number; folded: string | undefined; name: string; key: string; row: number };

function rankKey(x: Assessment): RankKey {
  return {
    // Forced-in first, then everything scored, then rows that could not be read.
    group: !x.scores ? 2 : x.override === 'In' && x.gate.committable ? 0 : 1,
    priority: x.scores?.priority ?? 0,
    value: x.initiative.annualValue ?? -1,
    friction: x.scores?.friction.value ?? 0,
    folded: undefined,
    name: x.initiative.name,
    key: x.initiative.key,
    row: x.initiative.rowIndex,
  };
}

/** The name as the A-Z rule compares it: case, spacing and accents folded ("Émission" sorts with the E's). Only ties need it. */
function folded(k: RankKey): string {
  return (k.folded ??= normalise(k.name.normalize('NFD').replace(/\p{M}/gu, '')));
}

/** Total and deterministic: row order decides only between rows identical in every other key. */
function compareRank(a: RankKey, b: RankKey): number {
  return (
    a.group - b.group ||
    b.priority - a.priority ||
    b.value - a.value ||
    a.friction - b.friction ||
    compareText(folded(a), folded(b)) ||
    compareText(a.name, b.name) ||
    compareText(a.key, b.key) ||
    a.row - b.row
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function assess(input: WorkbookInput, context: RunContext): Assessed {
  const settingsRead = readSettings(input.settings);
  const settings = context.settings ?? settingsRead.settings;
  const capacity = readCapacity(input.capacity, settings.capacityOverrides);
  const issues: Issue[] = [...settingsRead.issues, ...capacity.issues];
  if (!input.initiatives) {
    issues.unshift({
      code: 'missing-table',
      severity: 'fatal',
      sheet: '',
      message: 'No Initiatives table was found: create a table named Initiatives with one row per initiative.',
    });
    return { settings, teams: capacity.teams, table: undefined, assessments: [], ranking: [], issues, usable: false };
  }
  const read = readInitiatives(input.initiatives, capacity.teams);
  issues.unshift(...read.issues);
  const table = {
    sheet: input.initiatives.sheet,
    name: input.initiatives.name,
    headers: input.initiatives.headers.map(String),
    rowCount: input.initiatives.rows.length,
    columns: read.columns,
  };
  if (!read.usable) return { settings, teams: capacity.teams, table, assessments: [], ranking: [], issues, usable: false };

  const context_ = scoringContext(read.initiatives, settings);
  const badCells = new Map<number, string[]>();
  for (const issue of read.issues) {
    if (issue.severity === 'error' && issue.rowIndex !== undefined && issue.cell) {
      badCells.set(issue.rowIndex, [...(badCells.get(issue.rowIndex) ?? []), issue.cell]);
    }
  }
  const assessments: Assessment[] = read.initiatives.map((initiative) => {
    const gateResult = gate(initiative, badCells.get(initiative.rowIndex));
    const scores = initiative.invalid ? undefined : scoreInitiative(initiative, context_, settings);
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
  const keys = assessments.map(rankKey);
  const ranking = assessments.map((_, i) => i).sort((a, b) => compareRank(keys[a]!, keys[b]!));
  return { settings, teams: capacity.teams, table, assessments, ranking, issues, usable: true };
}

export function selectionProblem(assessed: Assessed): SelectionProblem {
  return {
    candidates: assessed.ranking.map((index) => {
      const a = assessed.assessments[index]!;
      return {
        index,
        status: candidateStatus(a.gate.committable, a.override),
        priority: a.scores?.priority ?? 0,
        annualValue: a.initiative.annualValue ?? 0,
        demand: a.initiative.demand,
      };
    }),
    teams: assessed.teams,
    inFlightLimit: assessed.settings.inFlightLimit,
  };
}

/** Turn a selection into the plan: decisions, Why texts, change impact, summary and log entry. */
export function completePlan(assessed: Assessed, selection: Selection, report: SelectionReport, context: RunContext): Plan {
  const position = new Array<number>(assessed.assessments.length);
  assessed.ranking.forEach((index, rank) => (position[index] = rank));
  const entries: PlanEntry[] = assessed.assessments.map((a, index) => {
    const rank = position[index]!;
    const entry: PlanEntry = {
      initiative: a.initiative,
      scores: a.scores,
      gate: a.gate,
      override: a.override,
      priority: a.scores ? rank + 1 : undefined,
      decision: selection.decisions[rank]!,
      binding: selection.binding[rank],
      why: '',
    };
    entry.why = whyText(entry, assessed.settings);
    return entry;
  });

  const impact = changeImpact(entries, assessed.ranking, assessed.teams, assessed.settings.inFlightLimit);
  const issues = [...assessed.issues];
  for (const load of impact.teamLoads) {
    if (load.demandAfter > load.capacity + 1e-9) {
      issues.push({
        code: 'over-capacity-forced-in',
        severity: 'warning',
        sheet: assessed.table?.sheet ?? '',
        column: load.team,
        message: `Forced-in initiatives need ${formatQuantity(load.demandAfter, load.unit)} of ${load.team}, more than its ${formatQuantity(load.capacity, load.unit)} (${load.utilisationAfter === undefined ? 'no capacity' : formatPercent(load.utilisationAfter)}).`,
      });
    }
  }
  if (impact.inFlight.after > assessed.settings.inFlightLimit) {
    issues.push({
      code: 'over-limit-forced-in',
      severity: 'warning',
      sheet: assessed.table?.sheet ?? '',
      message: `Forced-in initiatives alone put ${impact.inFlight.after} initiatives in flight, above the limit of ${assessed.settings.inFlightLimit}.`,
    });
  }
  const summary = summarise(entries, assessed.settings, issues);
  const run = { at: context.now, ...(context.runBy ? { by: context.runBy } : {}) };
  return {
    ...assessed,
    issues,
    entries,
    selection: report,
    changeImpact: impact,
    summary,
    logEntry: decisionLogEntry(summary, impact.teamLoads, assessed.settings, report, run),
    run,
  };
}

/** The whole engine with rank and fill. The optimal method runs through `prioritiseWith`. */
export function prioritise(input: WorkbookInput, context: RunContext): Plan {
  const assessed = assess(input, context);
  const selection = rankAndFill(selectionProblem(assessed));
  return completePlan(assessed, selection, { method: 'Rank and fill' }, context);
}
