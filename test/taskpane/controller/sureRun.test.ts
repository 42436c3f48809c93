// How sure is the plan, in the pane: the plan is written and shown first, the
// futures drawn after (by a drawer the test holds open), and the figures written
// whole or not at all.

import { enterText, memoryPort } from '../../../src/adapters/memory';
import { findTable } from '../../../src/adapters/memory/model';
import { rawTable } from '../../../src/adapters/memory/tables';
import type { Drawer } from '../../../src/app/confidenceDraws';
import type { Confidence } from '../../../src/engine/confidence';
import { withRankAndFillConfidence, type Plan } from '../../../src/engine/plan';
import { paneController } from '../../../src/taskpane/controller/paneController';
import { drawerWhenLoaded } from '../../../src/taskpane/controller/sureRun';
import { DEFAULT_PLANNERS } from '../../../src/taskpane/model/planners';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { withValueRanges } from '../../../bench/generate';
import { NOW } from '../../builders';
import { workbookWith } from '../../adapters/memory/memoryBuilders';

/** A drawer the test answers by hand: each job waits until `finish` (the plan's true figures) or is cancelled. */
function heldDrawer() {
  const jobs: { plan: Plan; progress: (done: number, total: number) => void; finish: () => void; cancelled: boolean }[] = [];
  const drawer: Drawer = (plan, progress) => {
    let resolve!: (c: Confidence | undefined) => void;
    const result = new Promise<Confidence | undefined>((r) => (resolve = r));
    const job = { plan, progress, cancelled: false, finish: () => resolve(withRankAndFillConfidence(plan).confidence) };
    jobs.push(job);
    return {
      result,
      cancel: () => {
        job.cancelled = true;
        resolve(undefined);
      },
    };
  };
  return { drawer, jobs };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(done()).toBe(true);
};

function setUp() {
  const { initiatives, capacity } = sampleTables();
  const workbook = workbookWith(withValueRanges(initiatives), capacity);
  const port = memoryPort(workbook);
  const { drawer, jobs } = heldDrawer();
  const controller = paneController({ port, planners: DEFAULT_PLANNERS, now: () => NOW, retryDelayMs: 1, drawer, liveDebounceMs: 1 });
  const confidenceColumn = () => {
    const table = rawTable(workbook, findTable(workbook, initiatives.name)!);
    const column = table.headers.indexOf('Confidence');
    return column < 0 ? undefined : table.rows.map((row) => row[column]);
  };
  return { workbook, port, controller, jobs, confidenceColumn };
}

describe('how sure is the plan, after the plan', () => {
  it('shows and writes the plan first, its Confidence blank, then the figures once the futures are drawn', async () => {
    const { controller, jobs, confidenceColumn } = setUp();
    await controller.load();
    await controller.run();
    // The plan is on screen and in the workbook while the futures are still being drawn.
    expect(controller.getState().plan?.usable).toBe(true);
    expect(controller.getState().plan?.confidence).toBeUndefined();
    expect(controller.getState().sure).toEqual({ status: 'drawing', total: 500 });
    expect(controller.sureProgress.get()).toBe(0);
    expect(confidenceColumn()!.every((v) => v === '')).toBe(true);
    // Progress goes to its own store: the pane's state (and every section) stays as it was.
    const before = controller.getState();
    jobs[0]!.progress(250, 500);
    expect(controller.sureProgress.get()).toBe(250);
    expect(controller.getState()).toBe(before);

    jobs[0]!.finish();
    await until(() => controller.getState().sure.status === 'done');
    const plan = controller.getState().plan!;
    expect(plan.confidence?.draws).toBe(500);
    const shares = confidenceColumn()!;
    expect(shares.every((v) => typeof v === 'number' && v >= 0 && v <= 1)).toBe(true);
    expect(shares).toEqual(plan.entries.map((_, r) => plan.confidence!.shares[plan.entries.findIndex((e) => e.initiative.rowIndex === r)]));
  });

  it('Cancel writes nothing: the Confidence column stays as the plan left it', async () => {
    const { controller, jobs, confidenceColumn } = setUp();
    await controller.load();
    await controller.run();
    controller.cancelSure();
    expect(jobs[0]!.cancelled).toBe(true);
    expect(controller.getState().sure).toEqual({ status: 'cancelled', total: 500 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(confidenceColumn()!.every((v) => v === '')).toBe(true);
    expect(controller.getState().plan?.confidence).toBeUndefined();
  });

  it('a new run stops the draws of the plan before; only the new plan\'s figures are written', async () => {
    const { controller, jobs, confidenceColumn } = setUp();
    await controller.load();
    await controller.run();
    await controller.run();
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.cancelled).toBe(true);
    expect(controller.getState().sure.status).toBe('drawing');
    jobs[1]!.finish();
    await until(() => controller.getState().sure.status === 'done');
    expect(confidenceColumn()!.some((v) => typeof v === 'number' && v > 0)).toBe(true);
  });

  it('writes nothing when the inputs changed while the futures were drawn, and says so', async () => {
    const { controller, jobs, confidenceColumn, workbook } = setUp();
    await controller.load();
    await controller.run();
    const { initiatives } = sampleTables();
    // A co-author changes the first row's Annual value meanwhile (not through the pane).
    const column = initiatives.origin.column + initiatives.headers.indexOf('Annual value');
    enterText(workbook, initiatives.sheet, initiatives.origin.row + 1, column, '123');
    jobs[0]!.finish();
    await until(() => controller.getState().sure.status !== 'drawing');
    expect(controller.getState().sure).toEqual({ status: 'stale' });
    expect(confidenceColumn()!.every((v) => v === '')).toBe(true);
  });

  it('in live mode an edit re-plans first, and how sure the new plan is follows when its futures are drawn', async () => {
    const { controller, jobs, confidenceColumn, workbook } = setUp();
    await controller.load();
    controller.setLive(true);
    await until(() => jobs.length === 1);
    jobs[0]!.finish();
    await until(() => controller.getState().sure.status === 'done');
    const before = confidenceColumn()!;
    const { initiatives } = sampleTables();
    // The first row's value range narrows to its value: it is then sure one way or the other.
    const row = initiatives.origin.row + 1;
    const low = initiatives.headers.length;
    const value = initiatives.rows[0]![initiatives.headers.indexOf('Annual value')] as number;
    enterText(workbook, initiatives.sheet, row, low, String(value));
    enterText(workbook, initiatives.sheet, row, low + 1, String(value));
    await until(() => jobs.length === 2);
    // The new plan is written and shown while its futures are drawn; the old plan's figures are not left beside it.
    expect(controller.getState().sure.status).toBe('drawing');
    expect(controller.getState().plan?.confidence).toBeUndefined();
    expect(confidenceColumn()!.every((v) => v === '')).toBe(true);
    jobs[1]!.finish();
    await until(() => controller.getState().sure.status === 'done');
    const after = confidenceColumn()!;
    expect(after[0] === 0 || after[0] === 1).toBe(true);
    expect(after).not.toEqual(before);
    controller.dispose();
  });

  it('sorting the ranking keeps How sure: each figure follows its initiative to its new row', async () => {
    const { controller, jobs, confidenceColumn } = setUp();
    await controller.load();
    await controller.run();
    jobs[0]!.finish();
    await until(() => controller.getState().sure.status === 'done');
    const before = controller.getState().plan!;
    const shareOf = (plan: Plan) => new Map(plan.assessments.map((a, i) => [a.initiative.key, plan.confidence?.shares[i]]));
    await controller.sortByPriority();
    const sorted = controller.getState().plan!;
    expect(sorted.assessments.map((a) => a.initiative.key)).not.toEqual(before.assessments.map((a) => a.initiative.key));
    expect(controller.getState().sure).toEqual({ status: 'done', draws: 500 });
    expect(shareOf(sorted)).toEqual(shareOf(before));
    // The pane's figures are the ones in the Confidence column, row for row.
    expect(confidenceColumn()).toEqual(sorted.entries.map((_, r) => sorted.confidence!.shares[sorted.entries.findIndex((e) => e.initiative.rowIndex === r)]));
    expect(jobs).toHaveLength(1);
  });

  it('sorting while the futures are drawn draws them again for the sorted rows, and writes them there', async () => {
    const { controller, jobs, confidenceColumn } = setUp();
    await controller.load();
    await controller.run();
    await controller.sortByPriority();
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.cancelled).toBe(true);
    expect(controller.getState().sure).toEqual({ status: 'drawing', total: 500 });
    jobs[1]!.finish();
    await until(() => controller.getState().sure.status === 'done');
    const sorted = controller.getState().plan!;
    expect(confidenceColumn()).toEqual(sorted.entries.map((_, r) => sorted.confidence!.shares[sorted.entries.findIndex((e) => e.initiative.rowIndex === r)]));
  });

  it('draws nothing and says nothing when the workbook states no uncertainty', async () => {
    const { initiatives, capacity } = sampleTables();
    const { drawer, jobs } = heldDrawer();
    const controller = paneController({ port: memoryPort(workbookWith(initiatives, capacity)), planners: DEFAULT_PLANNERS, now: () => NOW, retryDelayMs: 1, drawer });
    await controller.load();
    await controller.run();
    expect(jobs).toHaveLength(0);
    expect(controller.getState().sure).toEqual({ status: 'none' });
  });
});

describe('a drawer whose code loads on first use', () => {
  const plan = { usable: true } as unknown as Plan;
  const sure = { draws: 3 } as unknown as Confidence;

  it('starts the draws once its code has loaded, reports their progress, and a cancel then reaches them', async () => {
    const { drawer, jobs } = heldDrawer();
    const progress: number[] = [];
    const job = drawerWhenLoaded(() => Promise.resolve(drawer))(plan, (done) => progress.push(done));
    expect(jobs).toHaveLength(0);
    await until(() => jobs.length === 1);
    expect(jobs[0]!.plan).toBe(plan);
    jobs[0]!.progress(1, 3);
    expect(progress).toEqual([1]);
    job.cancel();
    expect(jobs[0]!.cancelled).toBe(true);
    await expect(job.result).resolves.toBeUndefined();
  });

  it('a cancel before the code has loaded stops the draws before they start', async () => {
    const { drawer, jobs } = heldDrawer();
    let loaded!: (d: Drawer) => void;
    const job = drawerWhenLoaded(() => new Promise<Drawer>((resolve) => (loaded = resolve)))(plan, () => undefined);
    job.cancel();
    loaded(drawer);
    await expect(job.result).resolves.toBeUndefined();
    expect(jobs).toHaveLength(0);
  });

  it('passes the figures through', async () => {
    const answering: Drawer = () => ({ result: Promise.resolve(sure), cancel: () => undefined });
    await expect(drawerWhenLoaded(() => Promise.resolve(answering))(plan, () => undefined).result).resolves.toBe(sure);
  });

  it('a failed load is the job failing, said as the loader says it', async () => {
    const job = drawerWhenLoaded(() => Promise.reject(new Error('could not load')))(plan, () => undefined);
    await expect(job.result).rejects.toThrow('could not load');
  });
});
