// How sure is the plan, written after the plan: the pane writes the plan first
// (its Confidence column blank), draws the futures off the UI thread, then
// writes the figures with this. Only the cells that changed are written (the
// Confidence column and the Why's sentence), and nothing at all when the
// table's inputs changed since the plan was made: that plan is stale, and the
// next run (or live re-run) draws again.

import type { Plan } from '../engine/plan';
import { planLayout, type PlanLayout } from '../layout/planLayout';
import type { WorkbookPort, WriteOptions, WriteOutcome } from '../port/workbookPort';
import { sameRows } from './liveRun';

export type ConfidenceWrite =
  | { kind: 'written'; plan: Plan; layout: PlanLayout; outcome: Extract<WriteOutcome, { ok: true }> }
  /** The inputs changed since the plan was made: nothing was written. */
  | { kind: 'stale' }
  | { kind: 'not-written'; outcome: Extract<WriteOutcome, { ok: false }> };

/**
 * Writes `sure` (the written plan with its confidence figures) over `written`, which the port wrote from
 * a read whose input fingerprint was `fingerprint`. No Decision log row: the run already has its one.
 */
export async function writeConfidence(
  port: WorkbookPort,
  written: { plan: Plan; layout: PlanLayout; fingerprint: string },
  sure: Plan,
  options: WriteOptions = {},
): Promise<ConfidenceWrite> {
  const snapshot = await port.read();
  if (!snapshot.initiatives || snapshot.fingerprint !== written.fingerprint || !sure.table) return { kind: 'stale' };
  // The table now has the output columns the plan's write added: the write checks the headers it finds.
  const plan: Plan = { ...sure, table: { ...sure.table, headers: snapshot.initiatives.headers.map(String) } };
  const layout = planLayout(plan);
  const previous = sameRows(written.plan, plan) ? written.layout : undefined;
  const outcome = await port.write(plan, layout, snapshot.fingerprint, { ...options, ...(previous ? { previous } : {}), log: false });
  return outcome.ok ? { kind: 'written', plan, layout, outcome } : { kind: 'not-written', outcome };
}
