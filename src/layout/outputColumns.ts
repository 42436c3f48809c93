// The output columns of the Initiatives table: one row per table row, in table order.

import { CONFIDENCE_COLUMN, OUTPUT_COLUMNS, START_COLUMN, type OutputKey } from '../engine/columns';
import { drawsWanted } from '../engine/confidence';
import { roadmapHorizons } from '../engine/horizons';
import { joinedGaps } from '../engine/explain';
import { Memo } from '../engine/memo';
import type { Plan } from '../engine/plan';
import type { PlanEntry } from '../engine/types';
import { BAD, GOOD, INFO, NEUTRAL, headerFitWidth, QUIET, scoreCell, TEXT_FORMAT, type HighlightRule, type LayoutCell } from './grid';

export const OUTPUT_FORMATS: Record<OutputKey, string> = {
  priority: '0',
  priorityScore: '0.0',
  impactScore: '0.0',
  frictionScore: '0.0',
  readinessScore: '0.0',
  // Whole text columns are in Text format, so a name such as "=HYPERLINK(...)" quoted in them stays text.
  gate: TEXT_FORMAT,
  gateGaps: TEXT_FORMAT,
  decision: TEXT_FORMAT,
  binding: TEXT_FORMAT,
  why: TEXT_FORMAT,
  start: TEXT_FORMAT,
  confidence: '0%',
};

export const OUTPUT_WIDTHS: Record<OutputKey, number> = {
  priority: 9,
  priorityScore: 10,
  impactScore: 10,
  frictionScore: 10,
  readinessScore: 10,
  gate: 14,
  gateGaps: 48,
  decision: 22,
  binding: 30,
  why: 70,
  start: 9,
  confidence: 11,
};

export const GATE_HIGHLIGHTS: HighlightRule[] = [
  { equals: 'Scale-ready', ...GOOD },
  { equals: 'Pilot-ready', ...INFO },
  { equals: 'Learning-only', ...NEUTRAL },
  { equals: 'Blocked', ...BAD },
  { equals: 'Invalid input', ...BAD },
];

export const DECISION_HIGHLIGHTS: HighlightRule[] = [
  { equals: 'Commit', ...GOOD },
  { equals: 'Forced in', ...INFO },
  { equals: 'Deferred (capacity)', ...NEUTRAL },
  { equals: 'Deferred (in-flight limit)', ...NEUTRAL },
  { equals: 'Deferred (dependency)', ...NEUTRAL },
  { equals: 'Excluded (alternative)', ...QUIET },
  { equals: 'Not ready', ...BAD },
  { equals: 'Forced out', ...QUIET },
];

export const HIGHLIGHTS_BY_COLUMN: Partial<Record<OutputKey, HighlightRule[]>> = {
  gate: GATE_HIGHLIGHTS,
  decision: DECISION_HIGHLIGHTS,
};

function outputCell(key: OutputKey, entry: PlanEntry, index: number, plan: Plan, memo: Memo): LayoutCell {
  switch (key) {
    case 'priority':
      return entry.priority ?? null;
    case 'priorityScore':
      return scoreCell(entry.scores?.priority);
    case 'impactScore':
      return scoreCell(entry.scores?.impact);
    case 'frictionScore':
      return scoreCell(entry.scores?.friction);
    case 'readinessScore':
      return scoreCell(entry.scores?.readiness);
    case 'gate':
      return entry.gate.gate;
    case 'gateGaps':
      return joinedGaps(entry.gate.gaps, memo) || null;
    case 'decision':
      return entry.decision;
    case 'binding':
      return entry.bindingText || null;
    case 'why':
      return entry.why;
    case 'start':
      return entry.schedule?.label ?? null;
    case 'confidence':
      // Blank until the draws are done: the pane draws them once the plan is written.
      return plan.confidence?.shares[index] ?? null;
  }
}

export type OutputColumnsLayout = {
  /** Output headers in the order of `values`' columns. */
  keys: OutputKey[];
  headers: string[];
  /** One row per table body row; blank table rows get blank outputs. */
  values: LayoutCell[][];
  formats: string[];
  widths: number[];
};

/** `memo` is the layout's: gate results are shared, so each list of gaps is joined once. */
export function outputColumnsLayout(plan: Plan, memo = new Memo()): OutputColumnsLayout {
  // Start only on a roadmap: with one planning period the columns are exactly as before horizons.
  // It reads best beside the Decision: "Commit, H2".
  const columns: readonly { key: OutputKey; header: string }[] = [
    ...(roadmapHorizons(plan.settings)
      ? OUTPUT_COLUMNS.flatMap((c): { key: OutputKey; header: string }[] => (c.key === 'decision' ? [c, START_COLUMN] : [c]))
      : OUTPUT_COLUMNS),
    // Confidence only when the workbook states some uncertainty and the draws are on: a table without it never gets the column.
    ...(plan.usable && drawsWanted(plan) > 0 ? [CONFIDENCE_COLUMN] : []),
  ];
  const keys: OutputKey[] = columns.map((c) => c.key);
  const rowCount = plan.table?.rowCount ?? 0;
  const width = keys.length;
  // Each row is built once at its full width; blank table rows (no entry) get blanks afterwards.
  const values = new Array<LayoutCell[]>(rowCount);
  for (let index = 0; index < plan.entries.length; index++) {
    const entry = plan.entries[index]!;
    values[entry.initiative.rowIndex] = keys.map((key) => outputCell(key, entry, index, plan, memo));
  }
  for (let r = 0; r < rowCount; r++) if (values[r] === undefined) values[r] = new Array<LayoutCell>(width).fill(null);
  return {
    keys,
    headers: columns.map((c) => c.header),
    values,
    formats: keys.map((k) => OUTPUT_FORMATS[k]),
    // Wide enough for the header too: the header row is the user's, so it is not grown to wrap a header.
    widths: columns.map((c) => Math.max(OUTPUT_WIDTHS[c.key], headerFitWidth(c.header))),
  };
}
