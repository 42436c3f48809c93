// The confidence worker, both sides: the worker's answer run in Node as the
// worker runs it, and the pane's drawer over a fake Worker.

import { drawAnswerer, type DrawMessage, type DrawRequest } from '../../../src/adapters/solver/confidenceProtocol';
import { workerDrawer, type DrawWorkerLike } from '../../../src/adapters/solver/confidenceWorker';
import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { prioritise, withRankAndFillConfidence } from '../../../src/engine/plan';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { withValueRanges } from '../../../bench/generate';
import { NOW } from '../../builders';

const plannedWithRanges = () => {
  const { initiatives, capacity } = sampleTables();
  return prioritise({ initiatives: withValueRanges(initiatives), capacity }, { now: NOW }, { confidence: false });
};

describe('the worker side', () => {
  it('draws the figures the plan would have drawn in this thread, from a plan as the worker receives it (a structured clone)', async () => {
    const plan = plannedWithRanges();
    const posted: DrawMessage[] = [];
    // A clock that moves 200 ms each time it is read: every 1% step is 150 ms after the one before.
    let now = 0;
    await drawAnswerer(highsNodeSolver, () => (now += 200))({ plan: structuredClone(plan) }, (m) => posted.push(m));
    const last = posted.at(-1)!;
    expect(last.kind).toBe('drawn');
    expect(last.kind === 'drawn' && last.confidence).toEqual(withRankAndFillConfidence(plan).confidence);
    const progress = posted.filter((m) => m.kind === 'progress');
    // Progress every 1% of the 500 futures, the last at 500: enough for a bar, not one message a future.
    expect(progress.map((m) => m.kind === 'progress' && m.done)).toEqual(Array.from({ length: 100 }, (_, k) => (k + 1) * 5));
    expect(progress.at(-1)).toEqual({ kind: 'progress', done: 500, total: 500 });
  });

  it('posts progress no more often than every 150 ms, whatever the share done', async () => {
    const posted: DrawMessage[] = [];
    // A clock that stands still: only the first step and the last are posted.
    await drawAnswerer(highsNodeSolver, () => 0)({ plan: plannedWithRanges() }, (m) => posted.push(m));
    expect(posted.filter((m) => m.kind === 'progress')).toEqual([
      { kind: 'progress', done: 5, total: 500 },
      { kind: 'progress', done: 500, total: 500 },
    ]);
  });

  it('answers a plan with no uncertainty with no figures', async () => {
    const { initiatives, capacity } = sampleTables();
    const plan = prioritise({ initiatives, capacity }, { now: NOW }, { confidence: false });
    const posted: DrawMessage[] = [];
    await drawAnswerer(highsNodeSolver, () => 0)({ plan }, (m) => posted.push(m));
    expect(posted).toEqual([{ kind: 'drawn', confidence: undefined }]);
  });

  it('a failure becomes a message, never an unhandled error', async () => {
    const posted: DrawMessage[] = [];
    await drawAnswerer(highsNodeSolver, () => 0)({ plan: undefined as never }, (m) => posted.push(m));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.kind).toBe('failed');
  });
});

class FakeWorker implements DrawWorkerLike {
  posted: DrawRequest[] = [];
  terminated = false;
  onmessage: DrawWorkerLike['onmessage'] = null;
  onerror: DrawWorkerLike['onerror'] = null;
  postMessage(message: DrawRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: DrawMessage): void {
    this.onmessage?.({ data: message });
  }
}

describe("the pane's drawer", () => {
  const setUp = () => {
    const workers: FakeWorker[] = [];
    const drawer = workerDrawer(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    return { drawer, workers };
  };

  it('posts the plan to a fresh worker, passes its progress on, resolves with its figures and ends the worker', async () => {
    const { drawer, workers } = setUp();
    const plan = plannedWithRanges();
    const progress: [number, number][] = [];
    const job = drawer(plan, (done, total) => progress.push([done, total]));
    expect(workers[0]!.posted).toEqual([{ plan }]);
    workers[0]!.reply({ kind: 'progress', done: 5, total: 500 });
    const confidence = withRankAndFillConfidence(plan).confidence;
    workers[0]!.reply({ kind: 'drawn', confidence });
    await expect(job.result).resolves.toEqual(confidence);
    expect(progress).toEqual([[5, 500]]);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('Cancel ends the worker at once and gives no figures, even if an answer comes after', async () => {
    const { drawer, workers } = setUp();
    const job = drawer(plannedWithRanges(), () => undefined);
    job.cancel();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.reply({ kind: 'drawn', confidence: { draws: 1, shares: [1], deciders: [undefined] } });
    await expect(job.result).resolves.toBeUndefined();
  });

  it('a worker that fails or cannot start rejects, naming why', async () => {
    const { drawer, workers } = setUp();
    const failed = drawer(plannedWithRanges(), () => undefined);
    workers[0]!.reply({ kind: 'failed', error: 'out of memory' });
    await expect(failed.result).rejects.toThrow('out of memory');
    const crashed = drawer(plannedWithRanges(), () => undefined);
    workers[1]!.onerror?.({ message: 'script error' });
    await expect(crashed.result).rejects.toThrow('the confidence worker failed (script error)');
    expect(workers[1]!.terminated).toBe(true);
    const none = workerDrawer(() => {
      throw new Error('no Worker here');
    });
    await expect(none(plannedWithRanges(), () => undefined).result).rejects.toThrow('the confidence worker could not start (no Worker here)');
  });
});
