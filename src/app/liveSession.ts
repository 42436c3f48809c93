// Live mode's timing, without React: an edit schedules a re-run ~300 ms after
// the last edit; one re-run at a time (edits during a run make exactly one
// more run after it); while Excel is in cell-edit mode it waits and tries
// again. What a re-run does is handed in (`rerun`), so this is tested with a
// fake timer and nothing else.

import { isEditingError } from '../port/editing';

export const LIVE_DEBOUNCE_MS = 300;
export const LIVE_RETRY_MS = 500;

export type RerunResult = 'done' | 'editing' | 'busy';

export type LiveStatus = 'listening' | 'scheduled' | 'running' | 'waiting-for-edit' | 'stopped';

export type Timer = {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

export const realTimer: Timer = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type LiveSessionOptions = {
  /**
   * One re-run. 'editing' when Excel refused it for cell-edit mode (thrown editing errors count too);
   * 'busy' when another of the pane's commands is under way, so it must wait its turn.
   */
  rerun: () => Promise<RerunResult>;
  onStatus?: (status: LiveStatus) => void;
  /** A re-run threw: the session keeps listening, the pane says what went wrong. */
  onError?: (error: unknown) => void;
  debounceMs?: number;
  retryMs?: number;
  timer?: Timer;
};

export type LiveSession = {
  /** An input changed: re-run once the edits pause. */
  edited(): void;
  /** Re-run now, without waiting (after the pane's own settings changed, say). */
  runNow(): void;
  stop(): void;
  readonly status: LiveStatus;
};

export function liveSession(options: LiveSessionOptions): LiveSession {
  const timer = options.timer ?? realTimer;
  const debounceMs = options.debounceMs ?? LIVE_DEBOUNCE_MS;
  const retryMs = options.retryMs ?? LIVE_RETRY_MS;
  let status: LiveStatus = 'listening';
  let pending: unknown;
  let running = false;
  let again = false;

  // A function, not a comparison, so the compiler does not assume the status stands still across an await.
  const stopped = () => status === 'stopped';
  const setStatus = (next: LiveStatus) => {
    if (stopped() || next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const schedule = (ms: number, as: LiveStatus) => {
    if (pending !== undefined) timer.clear(pending);
    pending = timer.set(() => {
      pending = undefined;
      void fire();
    }, ms);
    setStatus(as);
  };

  async function fire(): Promise<void> {
    if (stopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    setStatus('running');
    let result: RerunResult = 'done';
    try {
      result = await options.rerun();
    } catch (error) {
      if (isEditingError(error)) result = 'editing';
      else options.onError?.(error);
    }
    running = false;
    if (stopped()) return;
    if (result === 'editing') return schedule(retryMs, 'waiting-for-edit');
    if (result === 'busy') return schedule(retryMs, 'scheduled');
    if (again) {
      again = false;
      return void fire();
    }
    setStatus(pending === undefined ? 'listening' : 'scheduled');
  }

  return {
    edited: () => !stopped() && schedule(debounceMs, running ? 'running' : 'scheduled'),
    runNow: () => {
      if (stopped()) return;
      if (pending !== undefined) timer.clear(pending);
      pending = undefined;
      void fire();
    },
    stop: () => {
      if (pending !== undefined) timer.clear(pending);
      pending = undefined;
      status = 'stopped';
    },
    get status() {
      return status;
    },
  };
}
