import { liveSession, type LiveStatus, type RerunResult, type Timer } from '../../src/app/liveSession';
import { WorkbookProblemError } from '../../src/port/workbookPort';

/** A clock the test moves by hand. */
function manualTimer() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timer: Timer = {
    set: (run, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clear: (id) => void due.delete(id as number),
  };
  /** Move the clock on, running what falls due, and let the promises they start settle. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > end) break;
      now = first[1].at;
      due.delete(first[0]);
      first[1].run();
      await settle();
    }
    now = end;
    await settle();
  };
  return { timer, advance, pending: () => due.size };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** A re-run the test finishes by hand. */
function controlledRerun() {
  const calls: { finish: (result?: RerunResult) => void; fail: (error: unknown) => void }[] = [];
  const rerun = () =>
    new Promise<RerunResult>((resolve, reject) => {
      calls.push({ finish: (result = 'done') => resolve(result), fail: reject });
    });
  return { rerun, calls };
}

function session(rerun: () => Promise<RerunResult>) {
  const clock = manualTimer();
  const statuses: LiveStatus[] = [];
  const errors: unknown[] = [];
  const live = liveSession({ rerun, timer: clock.timer, debounceMs: 300, retryMs: 500, onStatus: (s) => statuses.push(s), onError: (e) => errors.push(e) });
  return { live, clock, statuses, errors };
}

describe('a live session', () => {
  test('re-runs 300 ms after an edit, not before', async () => {
    const runs = jest.fn(async () => 'done' as const);
    const { live, clock } = session(runs);
    live.edited();
    await clock.advance(299);
    expect(runs).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  test('edits in quick succession make one re-run, 300 ms after the last', async () => {
    const runs = jest.fn(async () => 'done' as const);
    const { live, clock } = session(runs);
    live.edited();
    await clock.advance(200);
    live.edited();
    await clock.advance(200);
    live.edited();
    await clock.advance(299);
    expect(runs).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  test('runs one re-run at a time: edits during a run make exactly one more run after it', async () => {
    const { rerun, calls } = controlledRerun();
    const { live, clock } = session(rerun);
    live.edited();
    await clock.advance(300);
    expect(calls).toHaveLength(1);
    live.edited();
    await clock.advance(300);
    live.edited();
    await clock.advance(300);
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await clock.advance(1000);
    expect(calls).toHaveLength(2);
  });

  test('an edit during a run whose pause has not ended yet runs once, when it ends', async () => {
    const { rerun, calls } = controlledRerun();
    const { live, clock } = session(rerun);
    live.edited();
    await clock.advance(300);
    live.edited();
    await clock.advance(100);
    calls[0]!.finish();
    await settle();
    expect(calls).toHaveLength(1);
    await clock.advance(200);
    expect(calls).toHaveLength(2);
  });

  test('while Excel is in cell-edit mode it waits and tries again', async () => {
    const results: ('done' | 'editing')[] = ['editing', 'editing', 'done'];
    const runs = jest.fn(async () => results.shift()!);
    const { live, clock, statuses } = session(runs);
    live.edited();
    await clock.advance(300);
    expect(statuses).toContain('waiting-for-edit');
    await clock.advance(500);
    expect(runs).toHaveBeenCalledTimes(2);
    await clock.advance(500);
    expect(runs).toHaveBeenCalledTimes(3);
    expect(statuses[statuses.length - 1]).toBe('listening');
    await clock.advance(5000);
    expect(runs).toHaveBeenCalledTimes(3);
  });

  test('while another of the pane’s commands is under way it waits its turn and tries again', async () => {
    const results: RerunResult[] = ['busy', 'done'];
    const runs = jest.fn(async () => results.shift()!);
    const { live, clock, statuses } = session(runs);
    live.edited();
    await clock.advance(300);
    expect(statuses).not.toContain('waiting-for-edit');
    await clock.advance(499);
    expect(runs).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(runs).toHaveBeenCalledTimes(2);
    expect(statuses[statuses.length - 1]).toBe('listening');
  });

  test('a thrown cell-edit refusal is waited out like a returned one', async () => {
    let first = true;
    const runs = jest.fn(async () => {
      if (first) {
        first = false;
        throw new WorkbookProblemError({ kind: 'editing', message: 'editing' });
      }
      return 'done' as const;
    });
    const { live, clock, errors } = session(runs);
    live.edited();
    await clock.advance(800);
    expect(runs).toHaveBeenCalledTimes(2);
    expect(errors).toEqual([]);
  });

  test('a failed re-run is reported and the session keeps listening', async () => {
    const { rerun, calls } = controlledRerun();
    const { live, clock, errors, statuses } = session(rerun);
    live.edited();
    await clock.advance(300);
    calls[0]!.fail(new Error('boom'));
    await settle();
    expect(errors).toEqual([new Error('boom')]);
    expect(statuses[statuses.length - 1]).toBe('listening');
    live.edited();
    await clock.advance(300);
    expect(calls).toHaveLength(2);
  });

  test('after stop, no edit and no retry runs again', async () => {
    const { rerun, calls } = controlledRerun();
    const { live, clock } = session(rerun);
    live.edited();
    await clock.advance(300);
    live.edited();
    live.stop();
    calls[0]!.finish('editing');
    await clock.advance(5000);
    live.edited();
    await clock.advance(5000);
    expect(calls).toHaveLength(1);
    expect(live.status).toBe('stopped');
    expect(clock.pending()).toBe(0);
  });

  test('runNow re-runs at once and cancels the pending pause', async () => {
    const runs = jest.fn(async () => 'done' as const);
    const { live, clock } = session(runs);
    live.edited();
    live.runNow();
    await settle();
    expect(runs).toHaveBeenCalledTimes(1);
    await clock.advance(1000);
    expect(runs).toHaveBeenCalledTimes(1);
  });
});
