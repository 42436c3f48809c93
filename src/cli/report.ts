// What the command reports after a run: the plan as a finance reader wants it,
// plus what was written where, what was left alone and what the output lacks.
// One object, printed as text or as JSON, so both say the same.

import type { RunResult } from '../app/runPlan';
import type { Plan } from '../engine/plan';
import type { PlanEntry } from '../engine/types';
import type { Decision, Gate, Issue, Objective, OverrideChoice, SelectionMethod } from '../engine/types';
import type { Bottlenecks, DemandCut, ScoreNeeded, StartShift, WaitsFor } from '../engine/bottlenecks';
import type { Remedy } from '../engine/remedies';
import type { RenamedSheet } from '../port/workbookPort';
import { describeFeatures, type FeatureCount } from '../adapters/exceljs/features';
import { summaryText } from './summaryText';
import { columnsFound, type ColumnFound } from '../engine/columnMapping';
import { moneySentence } from '../engine/currency';
import { SETTINGS_SHEET } from '../layout/names';

export const TOP = 10;

export type TeamReport = {
  team: string;
  unit: string;
  capacity: number;
  demandBefore: number;
  utilisationBefore: number | null;
  demandAfter: number;
  utilisationAfter: number | null;
};

export type Report = {
  ok: true;
  exitCode: 0;
  input: string;
  output: string;
  planningPeriod: string;
  method: string;
  initiatives: number;
  decisions: Record<Decision, number>;
  gates: Record<Gate, number>;
  /** The reporting currency (an ISO code when stated or inferred, else the settings' symbol). */
  currency: string;
  /** The FX rates used to convert amounts into `currency`: one unit of each is worth this much. */
  fxRates: Record<string, number>;
  committedValue: number;
  requestedValue: number;
  inFlight: { used: number; limit: number };
  teams: TeamReport[];
  top: { priority: number; id: string | null; initiative: string; priorityScore: number; gate: Gate; decision: Decision }[];
  /** Each contract column found: the header it reads and how (exact, words, mapped). */
  columns: ColumnFound[];
  /** The table's headers used for nothing: the user's own columns. */
  unrecognised: string[];
  problems: Pick<Issue, 'severity' | 'code' | 'sheet' | 'column' | 'cell' | 'message'>[];
  sheetsWritten: string[];
  renamedSheets: RenamedSheet[];
  settingsCreated: boolean;
  /** Charts the layout asks for that this file does not have (exceljs cannot create charts). */
  chartsNotDrawn: string[];
  /** What the input had that the output lost. */
  lost: FeatureCount[];
  notes: string[];
  /** What each bottleneck is worth, as the text's Bottlenecks section says it; absent when the plan has none worked out. */
  bottlenecks?: BottlenecksReport;
};

/** What one more unit of a team, or one more in-flight place, is worth: the figures both kinds of capacity finding carry. */
type CapacityFigures = {
  step: number;
  shadowPrice: number | null;
  valueGain: number | null;
  objectiveGain: number | null;
  /** On a roadmap: the change in value delivered within the horizons; null otherwise. */
  deliveredGain: number | null;
  /** False: only the LP estimate (`shadowPrice`), not re-solved. */
  exact: boolean;
  enters: string[];
  leaves: string[];
  /** On a roadmap: committed initiatives that start at another time. */
  moves: StartShift[];
  /** Proven relative gap of the re-run behind the figures: 0 when proven best. */
  gap: number;
};

/**
 * One bottleneck finding, with the figures behind its sentence. Value figures are in the reporting currency;
 * objective figures (`objectiveGain`, `objectiveCost`, `objectiveLost`, `shadowPrice`) are in the objective's
 * terms: the currency when it is Annual value, priority points otherwise. A figure not worked out is null.
 */
export type BottleneckFinding = (
  | ({
      kind: 'capacity';
      team: string;
      unit: string;
      /** On a roadmap: the horizon the extra unit is in; null otherwise. */
      horizon: string | null;
    } & CapacityFigures)
  | ({ kind: 'in-flight' } & CapacityFigures)
  | {
      kind: 'override';
      initiative: string;
      choice: OverrideChoice;
      reason: string;
      /** What the override costs the plan (negative: it gains). */
      valueCost: number | null;
      objectiveCost: number | null;
      /** What would change without the override. */
      enters: string[];
      leaves: string[];
      gap: number;
    }
  | {
      kind: 'enabler';
      initiative: string;
      unlocks: string[];
      demand: { team: string; unit: string; amount: number }[];
      valueLost: number | null;
      objectiveLost: number | null;
      /** What would change without it. */
      enters: string[];
      leaves: string[];
      gap: number;
    }
  | {
      kind: 'deferred';
      initiative: string;
      decision: Decision;
      waitsFor: WaitsFor | null;
      demandCuts: DemandCut[];
      needsInFlightSlot: boolean;
      scoreNeeded: ScoreNeeded | null;
      /** Each single change that brings it in, least disruptive first (each with the gap of its re-run). */
      remedies: Remedy[];
      /** Some change could not be checked: an empty `remedies` is then not "none". */
      unchecked: boolean;
    }
) & {
  /** The sentence the pane and the Change impact sheet show. */
  text: string;
};

export type BottlenecksReport = {
  method: SelectionMethod;
  objective: Objective;
  /** In the order the text prints them: capacity (most valuable first), overrides, enablers, deferred (in rank order). */
  findings: BottleneckFinding[];
  notes: string[];
};

export type Failure = { ok: false; exitCode: 1 | 2; error: string };

/** The first TOP scored entries of the ranking: the ranking is walked only as far as they go. */
function topOfRanking(plan: Plan): Report['top'] {
  const top: PlanEntry[] = [];
  for (const i of plan.ranking) {
    if (top.length === TOP) break;
    const e = plan.entries[i]!;
    if (e.priority !== undefined && e.scores) top.push(e);
  }
  return top.map((e) => ({
      priority: e.priority!,
      id: e.initiative.id ?? null,
      initiative: e.initiative.name,
      priorityScore: Math.round(e.scores!.priority * 10) / 10,
      gate: e.gate.gate,
      decision: e.decision,
    }));
}

function notes(written: Extract<RunResult, { kind: 'written' }>, lost: FeatureCount[], chartsNotDrawn: string[], surgical: boolean): string[] {
  const said: string[] = [];
  for (const r of written.outcome.renamed ?? []) {
    // A settings sheet of the user's own, without a table: its settings were not read, and a table would make them read.
    const settings = r.wanted === SETTINGS_SHEET ? ' Settings on it are read only from a table with Setting and Value columns: select them, choose Insert > Table, and run again.' : '';
    said.push(`Your workbook already has a sheet named "${r.wanted}" that the prioritiser did not make; it was left alone and the prioritiser's sheet is "${r.used}".${settings}`);
  }
  if (!written.snapshot.settings) said.push('The Prioritisation settings sheet was created with the default settings; change them there and run again.');
  if (chartsNotDrawn.length > 0) {
    said.push(`This file has no charts yet (${chartsNotDrawn.join('; ')}): the command cannot draw Excel charts. Their data is on the Change impact sheet, and the add-in draws them when the workbook is opened with it.`);
  }
  // Charts on the prioritiser's own sheets (drawn by the add-in on an earlier run) come back when the add-in runs again.
  const ownSheets = new Set(written.outcome.sheetsWritten.slice(1));
  const own = lost.filter((f) => f.sheet !== undefined && ownSheets.has(f.sheet));
  const yours = lost.filter((f) => !own.includes(f));
  if (yours.length > 0) {
    // The surgical writer copies every part it does not change, so a loss there is a fault, not a limit.
    const why = surgical
      ? 'the command copies every part of your workbook it does not change, so this is a fault in the prioritiser; please report it with the file'
      : 'the library that wrote this file (exceljs) cannot carry these over';
    said.push(`The output lost ${describeFeatures(yours)}: ${why}. Your input file still has them; copy the outputs across or run the add-in in Excel to keep them.`);
  }
  if (own.length > 0) said.push(`On the prioritiser's own sheets the output lost ${describeFeatures(own)}; the add-in draws its charts again when it runs.`);
  return said;
}

const orNull = <T>(x: T | undefined): T | null => (x === undefined ? null : x);

/** A figure without the float noise of its sums (-7.599999999999909 is -7.6, 1e-13 is 0); null when not worked out. */
const figure = (x: number | undefined): number | null => (x === undefined ? null : Math.abs(x) < 1e-9 ? 0 : Number(x.toPrecision(12)));

function bottlenecksReport(b: Bottlenecks): BottlenecksReport {
  const capacity = b.capacity.map((f): BottleneckFinding => {
    const figures = {
      step: f.step,
      shadowPrice: figure(f.shadowPrice),
      valueGain: figure(f.valueGain),
      objectiveGain: figure(f.objectiveGain),
      deliveredGain: figure(f.deliveredGain),
      exact: f.exact,
      enters: f.enters,
      leaves: f.leaves,
      moves: f.moves ?? [],
      gap: f.gap,
      text: f.text,
    };
    return f.kind === 'team' ? { kind: 'capacity', team: f.name, unit: f.unit, horizon: orNull(f.horizon), ...figures } : { kind: 'in-flight', ...figures };
  });
  const overrides = b.overrides.map((f): BottleneckFinding => ({
    kind: 'override',
    initiative: f.name,
    choice: f.choice,
    reason: f.reason,
    valueCost: figure(f.valueCost),
    objectiveCost: figure(f.cost),
    enters: f.enters,
    leaves: f.leaves,
    gap: f.gap,
    text: f.text,
  }));
  const enablers = b.enablers.map((f): BottleneckFinding => ({
    kind: 'enabler',
    initiative: f.name,
    unlocks: f.unlocks,
    demand: f.demand,
    valueLost: figure(f.valueLost),
    objectiveLost: figure(f.objectiveLost),
    enters: f.enters,
    leaves: f.leaves,
    gap: f.gap,
    text: f.text,
  }));
  const deferred = b.deferred.map((f): BottleneckFinding => ({
    kind: 'deferred',
    initiative: f.name,
    decision: f.decision,
    waitsFor: orNull(f.waitsFor),
    demandCuts: f.demandCuts,
    needsInFlightSlot: f.needsInFlightSlot,
    scoreNeeded: orNull(f.scoreNeeded),
    remedies: f.remedies,
    unchecked: f.unchecked,
    text: f.text,
  }));
  return { method: b.method, objective: b.objective, findings: [...capacity, ...overrides, ...enablers, ...deferred], notes: b.notes };
}

/**
 * `surgical`: the file was written by the surgical writer, which draws the Change impact sheet's charts and
 * copies every part it does not change; otherwise by exceljs, which can do neither.
 */
export function buildReport(input: string, output: string, result: Extract<RunResult, { kind: 'written' }>, lost: FeatureCount[], surgical = false): Report {
  const { plan, layout, outcome } = result;
  const { summary, settings } = plan;
  const chartsNotDrawn = surgical ? [] : layout.changeImpact.charts.map((c) => c.title);
  return {
    ok: true,
    exitCode: 0,
    input,
    output,
    planningPeriod: settings.planningPeriod,
    method: plan.selection.note ? `${plan.selection.method} (${plan.selection.note})` : plan.selection.method,
    initiatives: summary.initiatives,
    decisions: summary.byDecision,
    gates: summary.byGate,
    currency: plan.money?.currency || settings.currency,
    fxRates: plan.money?.fxRates ?? {},
    committedValue: summary.committedValue,
    requestedValue: summary.requestedValue,
    inFlight: { used: summary.inFlight, limit: summary.inFlightLimit },
    teams: plan.changeImpact.teamLoads.map((l) => ({
      team: l.team,
      unit: l.unit,
      capacity: l.capacity,
      demandBefore: l.demandBefore,
      utilisationBefore: l.utilisationBefore ?? null,
      demandAfter: l.demandAfter,
      utilisationAfter: l.utilisationAfter ?? null,
    })),
    top: topOfRanking(plan),
    columns: plan.table ? columnsFound(plan.table.headers, plan.table.columns) : [],
    unrecognised: plan.table?.columns.unrecognised ?? [],
    problems: plan.issues.map(({ severity, code, sheet, column, cell, message }) => ({ severity, code, sheet, column, cell, message })),
    sheetsWritten: outcome.sheetsWritten,
    renamedSheets: outcome.renamed ?? [],
    settingsCreated: !result.snapshot.settings,
    chartsNotDrawn,
    lost,
    notes: notes(result, lost, chartsNotDrawn, surgical),
    ...(plan.bottlenecks ? { bottlenecks: bottlenecksReport(plan.bottlenecks) } : {}),
  };
}

export function reportText(report: Report, plan: Plan): string {
  const lines = [`Prioritised ${report.input}`, `Wrote ${report.output}: outputs in the ${plan.table?.name ?? 'Initiatives'} table on ${report.sheetsWritten[0]}; sheets ${report.sheetsWritten.slice(1).join(', ')}.`, ''];
  lines.push(summaryText(plan, TOP));
  lines.push('', ...mappingText(report));
  const money = moneySentence(plan.money);
  if (money) lines.push('', money);
  if (report.notes.length > 0) lines.push('', 'Notes', ...report.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

/** The mapping the run used: only the columns read from another header than their own name, and the headers left alone. */
function mappingText(report: Report): string[] {
  const lines = ['Columns'];
  const notExact = report.columns.filter((c) => c.how !== 'exact');
  for (const c of notExact) lines.push(`  ${c.column} <- "${c.header}" (${c.how === 'words' ? 'by its words' : 'mapped'})`);
  const exact = report.columns.length - notExact.length;
  lines.push(`  ${exact} column${exact === 1 ? '' : 's'} by ${exact === 1 ? 'its' : 'their'} own name${notExact.length > 0 ? '' : '; none by other words'}.`);
  if (report.unrecognised.length > 0) lines.push(`  Not used (your own columns): ${report.unrecognised.map((h) => `"${h}"`).join(', ')}.`);
  lines.push('  Change with --map "<column>=<header>" or in the Column mapping table.');
  return lines;
}
