// The gates leaders endorse. Each gate lists, in plain words, what must become
// true to pass the next one.
//
//   Invalid input  a cell could not be read: fix it first.
//   Blocked        no single named owner, or data rights not cleared.
//   Learning-only  no baseline and comparison method, or no workflow instrumentation;
//                  for a high (or unstated) risk tier also the operational controls.
//   Pilot-ready    may run a real pilot; scaling still needs the operational controls.
//   Scale-ready    decision logging, a named monitoring owner and an incident process.

import { Memo } from './memo';
import { controlsMask, MISSING_CONTROLS, namedPerson } from './scores';
import type { Gate, GateResult, Initiative } from './types';

export const GATE_ORDER: Gate[] = ['Invalid input', 'Blocked', 'Learning-only', 'Pilot-ready', 'Scale-ready'];

export const COMMITTABLE_GATES: ReadonlySet<Gate> = new Set<Gate>(['Learning-only', 'Pilot-ready', 'Scale-ready']);

// The gap texts of each combination of missing controls, built once: every initiative asks for them.
const NONE: readonly string[] = [];
const gapTexts = (prefix: string): readonly (readonly string[])[] => MISSING_CONTROLS.map((missing) => missing.map((c) => `${prefix}${c.gap}`));
const BEFORE_PILOT_HIGH = gapTexts('High risk: before a pilot, ');
const BEFORE_PILOT_UNSTATED = gapTexts('Risk tier not stated, so treated as High: before a pilot, ');
const TO_SCALE = gapTexts('To scale, ');

const RIGHTS_GAPS: Record<'Partial' | 'No' | 'unknown', string> = {
  Partial: 'Clear data rights and access, PII handling included (now Partial)',
  No: 'Clear data rights and access, PII handling included (now No)',
  unknown: 'Clear data rights and access, PII handling included (not stated)',
};

const ownerGap = (reason: string): string => `Name one accountable owner (${reason})`;

const gateAtLeast = (gate: Gate, floor: Gate): boolean => GATE_ORDER.indexOf(gate) >= GATE_ORDER.indexOf(floor);

/** `invalidCells` are the addresses of the row's unreadable cells, for the gap text; `memo` is the run's. */
export function gate(initiative: Initiative, invalidCells: string[] = [], memo = new Memo()): GateResult {
  if (initiative.invalid) {
    const where = invalidCells.length > 0 ? `: ${invalidCells.join(', ')}` : '';
    return { gate: 'Invalid input', gaps: [`Correct the cells that could not be read${where}`], committable: false };
  }
  const owner = memo.of(namedPerson)(initiative.owner);
  const results = memo.of(resultsByFacts)(owner.ok ? '' : owner.reason);
  return (results[factsCode(initiative, memo)] ??= gateOf(initiative, memo));
}

// A readable initiative's gate depends only on its owner verdict and the few facts below, so a
// portfolio has a few hundred distinct results at most: each is worked out once per run and shared.
const RIGHTS_INDEX: Record<NonNullable<Initiative['dataRights']>, number> = { Yes: 0, Partial: 1, No: 2 };
const FACT_COMBINATIONS = 4 * 2 * 2 * 8 * 3 * 2;

function factsCode(i: Initiative, memo: Memo): number {
  const rights = i.dataRights === undefined ? 3 : RIGHTS_INDEX[i.dataRights];
  const noBaseline = i.baselineMethod === undefined || i.baselineMethod === 'None' ? 1 : 0;
  const notInstrumented = i.instrumentation !== true ? 1 : 0;
  const risk = i.riskTier === undefined ? 2 : i.riskTier === 'High' ? 1 : 0;
  const scale = i.phaseRequested === 'Scale' ? 1 : 0;
  return ((((rights * 2 + noBaseline) * 2 + notInstrumented) * 8 + controlsMask(i, memo)) * 3 + risk) * 2 + scale;
}

/** Per owner verdict ('' for a named person, else the reason), the gate of each combination of facts. */
const resultsByFacts = (_ownerReason: string) => new Array<GateResult | undefined>(FACT_COMBINATIONS);

function gateOf(initiative: Initiative, memo: Memo): GateResult {
  const blockers: string[] = [];
  const owner = memo.of(namedPerson)(initiative.owner);
  if (!owner.ok) blockers.push(ownerGap(owner.reason));
  if (initiative.dataRights !== 'Yes') blockers.push(RIGHTS_GAPS[initiative.dataRights ?? 'unknown']);

  const measurement: string[] = [];
  if (initiative.baselineMethod === undefined || initiative.baselineMethod === 'None') {
    measurement.push('Agree a baseline and a comparison method (A/B test, before/after or matched cohorts)');
  }
  if (initiative.instrumentation !== true) {
    measurement.push('Instrument the workflow so acceptance, overrides and rework are captured');
  }

  const mask = controlsMask(initiative, memo);
  const missingControls = MISSING_CONTROLS[mask]!;
  const highRisk = initiative.riskTier === undefined || initiative.riskTier === 'High';
  const controlsBeforePilot = highRisk ? (initiative.riskTier === undefined ? BEFORE_PILOT_UNSTATED : BEFORE_PILOT_HIGH)[mask]! : NONE;

  let result: GateResult;
  if (blockers.length > 0) result = { gate: 'Blocked', gaps: blockers, committable: false };
  else if (measurement.length > 0 || controlsBeforePilot.length > 0) {
    result = { gate: 'Learning-only', gaps: [...measurement, ...controlsBeforePilot], committable: true };
  } else if (missingControls.length > 0) {
    result = { gate: 'Pilot-ready', gaps: [...TO_SCALE[mask]!], committable: true };
  } else result = { gate: 'Scale-ready', gaps: [], committable: true };

  if (initiative.phaseRequested === 'Scale' && !gateAtLeast(result.gate, 'Scale-ready')) {
    const allowed = result.gate === 'Blocked' ? 'nothing can start' : result.gate === 'Learning-only' ? 'only a learning pilot can start' : 'only a pilot can start';
    // The real gaps lead; the note on the scale request follows them.
    result = { ...result, gaps: [...result.gaps, `Scale was requested but the gate is ${result.gate}: ${allowed}`] };
  }
  return result;
}
