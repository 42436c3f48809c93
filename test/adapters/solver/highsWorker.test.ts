import loadHighs from 'highs';
import { workerSolver, type WorkerLike } from '../../../src/adapters/solver/highsWorker';
import { requestAnswerer, type SolveRequest, type SolveResponse } from '../../../src/adapters/solver/workerProtocol';
import type { SolverModel, SolverSolution } from '../../../src/engine/select/solver';

class FakeWorker implements WorkerLike {
  posted: SolveRequest[] = [];
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  postMessage(message: SolveRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(response: SolveResponse): void {
    this.onmessage?.({ data: response });
  }
}

const model = (timeLimitSeconds = 1): SolverModel => ({
  objective: [3, 2],
  offset: 0,
  lower: [0, 0],
  upper: [1, 1],
  integer: true,
  rows: [{ indices: [0, 1], values: [2, 1], upper: 2 }],
  timeLimitSeconds,
  relativeGap: 0,
});
const solution = (objective: number): SolverSolution => ({ status: 'optimal', values: [1, 0], objective, bound: objective, gap: 0 });

const solvers: ReturnType<typeof workerSolver>[] = [];

function setUp() {
  const workers: FakeWorker[] = [];
  const solver = workerSolver(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  solvers.push(solver);
  return { workers, solver };
}

/** A solve the test does not wait for: its rejection on clean-up is expected. */
const unwatched = (solve: Promise<unknown>) => void solve.catch(() => undefined);

describe('the solver worker client', () => {
  afterEach(() => {
    for (const solver of solvers.splice(0)) solver.dispose();
    jest.useRealTimers();
  });

  it('starts no worker until the first solve', () => {
    const { workers, solver } = setUp();
    expect(workers).toHaveLength(0);
    unwatched(solver(model()));
    expect(workers).toHaveLength(1);
  });

  it('matches each answer to its solve, whatever order they come back in', async () => {
    const { workers, solver } = setUp();
    const first = solver(model());
    const second = solver(model());
    const [a, b] = workers[0]!.posted;
    workers[0]!.reply({ id: b!.id, ok: true, solution: solution(2) });
    workers[0]!.reply({ id: a!.id, ok: true, solution: solution(3) });
    await expect(first).resolves.toMatchObject({ objective: 3 });
    await expect(second).resolves.toMatchObject({ objective: 2 });
    expect(workers).toHaveLength(1);
  });

  it('rejects with the message the worker sends back', async () => {
    const { workers, solver } = setUp();
    const solve = solver(model());
    workers[0]!.reply({ id: workers[0]!.posted[0]!.id, ok: false, error: 'out of memory' });
    await expect(solve).rejects.toThrow('out of memory');
  });

  it('rejects every waiting solve and starts a fresh worker after the worker fails', async () => {
    const { workers, solver } = setUp();
    const waiting = [solver(model()), solver(model())];
    workers[0]!.onerror?.({ message: 'script error' });
    for (const solve of waiting) await expect(solve).rejects.toThrow('the solver worker failed (script error)');
    expect(workers[0]!.terminated).toBe(true);
    unwatched(solver(model()));
    expect(workers).toHaveLength(2);
  });

  it('gives up on a worker that stops answering, past the time limit and a grace period', async () => {
    jest.useFakeTimers();
    const { workers, solver } = setUp();
    const solve = solver(model(2));
    jest.advanceTimersByTime(21_999);
    expect(workers[0]!.terminated).toBe(false);
    jest.advanceTimersByTime(1);
    await expect(solve).rejects.toThrow('the solver did not answer within 22 s');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('ignores an answer that comes after the solve gave up', async () => {
    jest.useFakeTimers();
    const { workers, solver } = setUp();
    const solve = solver(model(1));
    jest.advanceTimersByTime(21_000);
    await expect(solve).rejects.toThrow('did not answer');
    expect(() => workers[0]!.reply({ id: workers[0]!.posted[0]!.id, ok: true, solution: solution(3) })).not.toThrow();
  });

  it('rejects when the worker cannot be started', async () => {
    const solver = workerSolver(() => {
      throw new Error('Worker is not defined');
    });
    await expect(solver(model())).rejects.toThrow('the solver worker could not start (Worker is not defined)');
  });

  it('terminates the worker when disposed, rejecting what still waits', async () => {
    const { workers, solver } = setUp();
    const solve = solver(model());
    solver.dispose();
    expect(workers[0]!.terminated).toBe(true);
    await expect(solve).rejects.toThrow('the solver was closed');
  });
});

describe('the worker side of the exchange', () => {
  it('solves with real HiGHS and answers with the request id', async () => {
    const answer = requestAnswerer(() => loadHighs());
    const response = await answer({ id: 7, model: model() });
    expect(response).toMatchObject({ id: 7, ok: true, solution: { status: 'optimal', objective: 3, values: [1, 0] } });
  });

  it('answers a failed load with its message, and loads again on the next request', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('fetch failed')).mockImplementation(() => loadHighs());
    const answer = requestAnswerer(load);
    expect(await answer({ id: 1, model: model() })).toEqual({ id: 1, ok: false, error: 'fetch failed' });
    expect(await answer({ id: 2, model: model() })).toMatchObject({ id: 2, ok: true });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("runs the engine's gap search first when the model asks for it, and loads HiGHS only when the search proves nothing", async () => {
    const load = jest.fn(() => loadHighs());
    const answer = requestAnswerer(load);
    const searched = await answer({ id: 3, model: { ...model(), search: {} } });
    expect(searched).toMatchObject({ id: 3, ok: true, solution: { status: 'optimal', objective: 3, values: [1, 0] } });
    // A future's node limit: the search's best plan is the answer, proven or not.
    expect(await answer({ id: 4, model: { ...model(), search: { nodeLimit: 1 } } })).toMatchObject({ id: 4, ok: true, solution: { objective: 3 } });
    expect(load).not.toHaveBeenCalled();
    expect(await answer({ id: 5, model: model() })).toMatchObject({ id: 5, ok: true, solution: { status: 'optimal', objective: 3 } });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs end to end behind the client, as the pane uses it', async () => {
    const answer = requestAnswerer(() => loadHighs());
    const solver = workerSolver(() => {
      const worker: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: (request) => void answer(request).then((response) => worker.onmessage?.({ data: response })),
        terminate: () => undefined,
      };
      return worker;
    });
    await expect(solver(model())).resolves.toMatchObject({ status: 'optimal', objective: 3 });
    solver.dispose();
  });
});
