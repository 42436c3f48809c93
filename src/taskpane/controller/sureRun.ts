// How sure is the plan, after the plan: once a run (or a live re-run) has
// written the plan and the pane shows it, the futures are drawn by the pane's
// drawer (a Web Worker in the add-in) and the figures written with
// writeConfidence. Without React, so tests drive it directly.
//
// The rules:
// - One job at a time: a new plan cancels the draws of the one before.
// - Cancel writes nothing: the Confidence column keeps what it held (blank
//   after a new plan), never a count over some of the futures.
// - The figures are written through the pane's command queue, and only if no
//   newer plan was written meanwhile (writeConfidence also checks the inputs).

import type { Drawer, DrawJob } from '../../app/confidenceDraws';
import type { Plan } from '../../engine/plan';
import type { PlanLayout } from '../../layout/planLayout';
import type { WorkbookPort, WriteOptions } from '../../port/workbookPort';
import { loadPlanning } from '../loadPlanning';

export type SureState =
  | { status: 'none' }
  /** How many are done so far is in the progress store, so each step re-renders the progress bar, not the pane. */
  | { status: 'drawing'; total: number }
  | { status: 'cancelled'; total: number }
  | { status: 'done'; draws: number }
  /** The figures were drawn but not written: the inputs changed since the plan (the next run draws again). */
  | { status: 'stale' }
  | { status: 'failed'; message: string };

export type WrittenPlan = { plan: Plan; layout: PlanLayout; fingerprint: string };

export type SureRunOptions = {
  port: WorkbookPort;
  drawer: Drawer;
  /** The pane's command queue: the write waits for any command under way. */
  exclusively: <T>(work: () => Promise<T>) => Promise<T>;
  onState: (state: SureState) => void;
  /** Told how many futures are done, as the drawer reports them. */
  onProgress: (done: number) => void;
  /** The plan with its figures is written: show it, and diff the next live re-run against it. */
  onWritten: (written: { plan: Plan; layout: PlanLayout }) => void;
  /** How long to wait before writing again while Excel is in cell-edit mode. */
  retryMs?: number;
};

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function sureRun(options: SureRunOptions) {
  const { port, drawer, exclusively, onState, onWritten, onProgress } = options;
  const retryMs = options.retryMs ?? 500;
  let job: DrawJob | undefined;
  let total = 0;
  /** Bumped by every start and cancel: a job's late answer finds it moved on and does nothing. */
  let generation = 0;

  function cancel(): void {
    generation++;
    if (!job) return;
    job.cancel();
    job = undefined;
    onState({ status: 'cancelled', total });
  }

  /** Draw the futures of a plan just written, then write the figures; resolves when all is done. */
  async function start(written: WrittenPlan, write: WriteOptions = {}): Promise<void> {
    if (job) {
      job.cancel();
      job = undefined;
    }
    const mine = ++generation;
    try {
      const { drawsWanted, withConfidence, writeConfidence } = await loadPlanning();
      if (mine !== generation) return;
      total = written.plan.usable ? drawsWanted(written.plan) : 0;
      if (total === 0) return onState({ status: 'none' });
      onProgress(0);
      onState({ status: 'drawing', total });
      const current = drawer(written.plan, (done) => mine === generation && onProgress(done));
      job = current;
      const confidence = await current.result;
      if (mine !== generation || !confidence) return;
      job = undefined;
      const sure = withConfidence(written.plan, confidence);
      let outcome = await exclusively(async () => (mine === generation ? writeConfidence(port, written, sure, write) : undefined));
      // Excel in cell-edit mode refuses the write: try again once the user leaves the cell, unless a newer plan came.
      while (outcome?.kind === 'not-written' && outcome.outcome.problem.kind === 'editing' && mine === generation) {
        await delay(retryMs);
        outcome = await exclusively(async () => (mine === generation ? writeConfidence(port, written, sure, write) : undefined));
      }
      if (!outcome || mine !== generation) return;
      if (outcome.kind === 'written') {
        onWritten({ plan: outcome.plan, layout: outcome.layout });
        onState({ status: 'done', draws: confidence.draws });
      } else if (outcome.kind === 'stale') onState({ status: 'stale' });
      else onState({ status: 'failed', message: outcome.outcome.problem.message });
    } catch (error) {
      if (mine !== generation) return;
      job = undefined;
      onState({ status: 'failed', message: messageOf(error) });
    }
  }

  /** A newer plan is coming (or the pane closes): stop the draws without a word; the figures follow the new plan. */
  function supersede(): void {
    generation++;
    job?.cancel();
    job = undefined;
    onState({ status: 'none' });
  }

  return { start, cancel, supersede };
}

/** A drawer whose code loads on first use: the draws start once it has loaded, and a cancel before then stops them before they start. */
export function drawerWhenLoaded(load: () => Promise<Drawer>): Drawer {
  return (plan, onProgress) => {
    let cancelled = false;
    let job: DrawJob | undefined;
    const result = load().then((drawer) => {
      if (cancelled) return undefined;
      job = drawer(plan, onProgress);
      return job.result;
    });
    return {
      result,
      cancel: () => {
        cancelled = true;
        job?.cancel();
      },
    };
  };
}

/** How many futures are done: a store of its own, which only the progress bar subscribes to. */
export function progressStore() {
  let done = 0;
  const listeners = new Set<() => void>();
  return {
    get: (): number => done,
    set(next: number): void {
      if (next === done) return;
      done = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ProgressStore = ReturnType<typeof progressStore>;
