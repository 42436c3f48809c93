// The pane's orchestration without React: what it shows and every operation it
// offers, over the workbook port. Tests drive it directly; a thin hook
// (usePaneController) subscribes to it.
//
// The concurrency rules, in one place:
// - The pane's commands (run, save, sort, first-run steps, scenario steps,
//   comparisons) go through one queue and run one at a time, in the order asked.
// - A live re-run never runs while a command is queued or under way: it answers
//   'busy' and the live session tries again shortly.
// - A command asked during a live re-run waits for that re-run to end.
// - While Excel is in cell-edit mode a command waits and tries again until the
//   user leaves the cell or stops waiting.

import type { LiveBase } from '../../app/liveRun';
import { liveSession, type LiveSession, type LiveStatus, type RerunResult, type Timer } from '../../app/liveSession';
import type { RunResult } from '../../app/runPlan';
import type { Plan } from '../../engine/plan';
import type { PlanDiff } from '../../engine/planDiff';
import type { Issue, Settings, Team } from '../../engine/types';
import { WorkbookProblemError, type WorkbookPort } from '../../port/workbookPort';
import type { UserColumnChoice } from '../../layout/ownedColumns';
import { choosePlanner, type Planners } from '../model/planners';
import { retryWhileEditing } from '../../port/editing';
import { checkDraft, draftOf, isDirty, type DraftCheck, type SettingsDraft } from '../model/settingsDraft';
import { DEFAULT_SHEET_NAMES, nextSheetName, sheetKeyOf, type SheetKey, type SheetNames } from '../model/sheetNames';
import { withSteps, type RunStep } from '../model/steps';
import { canCancel, cancellablePlanner, isStoppable, RunCancelled } from '../model/cancelRun';
import type { Drawer } from '../../app/confidenceDraws';
import { drawerWhenLoaded, progressStore, sureRun, type SureState } from './sureRun';
import { workbookView, type WorkbookView } from '../model/workbookView';
import { shadowedCapacityEdits } from '../model/shadowedCapacity';
import { confidenceAfterSort } from '../model/sortedConfidence';
import { loadPlanning, type Planning } from '../loadPlanning';

export type PaneOptions = {
  port: WorkbookPort;
  planners: Planners;
  /** The clock, passed in so runs are reproducible in tests. */
  now: () => string;
  /** How often to try again while Excel is in cell-edit mode. */
  retryDelayMs: number;
  /** Live mode's pause after the last edit before it re-plans (default 300 ms). */
  liveDebounceMs?: number;
  /** Live mode's timer; tests pass a fake one. */
  timer?: Timer;
  /** Who draws the confidence futures once a plan is written (a Web Worker in the add-in); this thread by default. */
  drawer?: Drawer;
};

export type ViewState = { kind: 'loading' } | { kind: 'unreadable'; message: string } | WorkbookView;

export type RunState =
  | { status: 'idle' }
  | { status: 'busy'; step: RunStep | 'saving' | 'working' }
  | { status: 'waiting-for-edit' }
  | { status: 'stopped' }
  /** Cancelled while it read or planned: nothing written; `settingsSaved` when the run had saved changed settings first. */
  | { status: 'cancelled'; settingsSaved: boolean }
  | { status: 'done'; result: RunResult; names: SheetNames }
  | { status: 'failed'; message: string };

/** What changed since the plan before, after a run or a live re-run. */
export type Moved = { diff: PlanDiff; sentence: string };

/** The last live re-run that wrote: when, and how many cells it wrote. */
export type LiveWrite = { at: string; cellsWritten: number | undefined };

/** A message about the last thing the user asked for, outside a run. */
export type Notice = { intent: 'error' | 'warning' | 'success' | 'info'; text: string } | undefined;

export type LiveState = {
  /** False when the port hears no edits (a file on disk): the pane then offers no switch. */
  available: boolean;
  on: boolean;
  status: LiveStatus;
};

export type PaneState = {
  view: ViewState;
  plan: Plan | undefined;
  run: RunState;
  notice: Notice;
  draft: SettingsDraft | undefined;
  /** The draft checked against the saved settings: each field's problem, or the settings it stands for. */
  draftCheck: DraftCheck | undefined;
  /** The draft says something the saved settings do not. */
  dirty: boolean;
  /** The saved settings as a draft, to tell which controls changed. */
  savedDraft: SettingsDraft | undefined;
  busy: boolean;
  runBy: string;
  sheetNames: SheetNames;
  moved: Moved | undefined;
  live: LiveState;
  liveWrite: LiveWrite | undefined;
  /** In live mode, whether Undo has a step of the pane's own to take back. */
  canUndo: boolean;
  /** How sure is the plan: the draws after the plan, their progress, and whether their figures were written. */
  sure: SureState;
};

export type PaneController = ReturnType<typeof paneController>;

const NO_TEAMS: Team[] = [];

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The fields the pane's state is made of; the rest (draftCheck, dirty, busy) follows from them. */
type Own = Omit<PaneState, 'draftCheck' | 'dirty' | 'busy' | 'savedDraft'>;

function derive(own: Own): PaneState {
  const { view, draft, run } = own;
  const teams = view.kind === 'ready' ? view.teams : NO_TEAMS;
  const saved = view.kind === 'ready' || view.kind === 'first-run' ? view.settings : undefined;
  const draftCheck = draft && saved ? checkDraft(draft, saved, teams) : undefined;
  const savedDraft = saved && draftOf(saved, teams);
  const dirty = Boolean(draft && savedDraft && isDirty(draft, savedDraft));
  return { ...own, draftCheck, dirty, savedDraft, busy: run.status === 'busy' || run.status === 'waiting-for-edit' };
}

export function paneController(options: PaneOptions) {
  const { port, planners, now, retryDelayMs } = options;
  let state: PaneState = derive({
    view: { kind: 'loading' },
    plan: undefined,
    run: { status: 'idle' },
    notice: undefined,
    draft: undefined,
    runBy: '',
    sheetNames: DEFAULT_SHEET_NAMES,
    moved: undefined,
    live: { available: port.onInputsChanged !== undefined, on: false, status: 'stopped' },
    liveWrite: undefined,
    canUndo: false,
    sure: { status: 'none' },
  });
  const listeners = new Set<() => void>();
  let alive = true;

  /** The settings before each change the pane made in live mode, latest last: Undo takes the room back one step. */
  const undoable: Settings[] = [];
  /** What the pane's last live change saved. Once the settings in force are others, Undo has nothing of the pane's to take back. */
  let lastSaved: Settings | undefined;

  /**
   * Whether the settings in force are still those the pane's last change saved. A scenario switched in, Use no
   * scenario, or the settings sheet edited by hand moves them on, and Undo would then put back a state the room
   * never had (the old in-flight limit beside the new scenario).
   */
  const undoStillApplies = (view: ViewState): boolean => {
    if (view.kind !== 'ready' || !lastSaved) return false;
    return lastSaved.scenario === view.settings.scenario && !isDirty(draftOf(lastSaved, view.teams), draftOf(view.settings, view.teams));
  };

  const set = (change: Partial<Own>) => {
    if (!alive) return;
    state = derive({ ...state, ...change });
    if (undoable.length > 0 && !undoStillApplies(state.view)) {
      undoable.length = 0;
      state = { ...state, canUndo: false };
    }
    listeners.forEach((listener) => listener());
  };
  const setRun = (run: RunState) => set({ run });

  // --- The queue ---------------------------------------------------------------------------------
  /** The last thing queued (a command or a live re-run); the next waits for it. */
  let tail: Promise<unknown> = Promise.resolve();
  /** Commands queued or under way: a live re-run waits its turn rather than write between their steps. */
  let commands = 0;

  /** Run one of the pane's commands once everything asked before it (live re-runs included) has ended. */
  function exclusively<T>(work: () => Promise<T>): Promise<T> {
    commands++;
    const turn = tail.then(async () => {
      try {
        return await work();
      } finally {
        commands--;
      }
    });
    tail = turn.catch(() => undefined);
    return turn;
  }

  // --- Waiting for edit mode -----------------------------------------------------------------------
  /** The wait in progress; `cancelled` when the user stops waiting. */
  let waiting = { cancelled: false };
  /** True from the moment a retry starts waiting for the cell edit: the retries' own steps must not hide that message. */
  let waitingForEdit = false;

  /** Retry while Excel is in cell-edit mode, telling the pane it waits; undefined when the user stopped waiting. */
  function patiently<T>(attempt: () => Promise<T>, isRefused: (result: T) => boolean = () => false): Promise<T | undefined> {
    waiting = { cancelled: false };
    waitingForEdit = false;
    const wait = waiting;
    return retryWhileEditing(attempt, {
      isEditing: isRefused,
      delaysMs: [retryDelayMs],
      stopped: () => wait.cancelled,
      onEditing: () => {
        waitingForEdit = true;
        setRun({ status: 'waiting-for-edit' });
      },
    }).finally(() => (waitingForEdit = false));
  }

  // --- What the pane shows -------------------------------------------------------------------------
  /** The plan on show, for the next diff. */
  let shown: Plan | undefined;
  /** What the workbook's outputs were last written from: a live re-run writes only what differs from it. */
  let liveBase: LiveBase | undefined;

  // --- How sure is the plan: drawn after each written plan, written when done -----------------------
  const sureProgress = progressStore();
  const sure = sureRun({
    port,
    onProgress: sureProgress.set,
    drawer: options.drawer ?? drawerWhenLoaded(async () => (await loadPlanning()).inThreadDrawer(undefined, () => Date.now())),
    exclusively,
    onState: (next) => set({ sure: next }),
    onWritten: ({ plan, layout }) => {
      if (liveBase) liveBase = { ...liveBase, plan, layout };
      shown = plan;
      set({ plan });
    },
    retryMs: retryDelayMs,
  });

  const showView = (next: WorkbookView) => set({ view: next, draft: draftOf(next.settings, next.kind === 'ready' ? next.teams : []) });

  /** Show a new plan and what moved since the one before (none for the first). */
  function showPlan(planning: Planning, next: Plan, diff?: PlanDiff, also: string[] = []) {
    const before = shown;
    shown = next;
    const moves = diff ?? (before ? planning.planDiff(before, next) : undefined);
    set({ plan: next, moved: moves && { diff: moves, sentence: [planning.whatMovedSentence(moves, next.settings.currency), ...also].join(' ') } });
  }

  const runContext = () => {
    const by = state.runBy.trim();
    return { now: now(), ...(by ? { runBy: by } : {}) };
  };

  /** The workbook had its settings table when last read or written: a live re-run that finds none says why the plan moved. */
  let settingsKept = false;

  async function load(): Promise<void> {
    try {
      const snapshot = await patiently(() => port.read());
      if (snapshot) showView(workbookView(snapshot));
      if (snapshot) settingsKept = snapshot.settings !== undefined;
      if (state.run.status === 'waiting-for-edit') setRun({ status: 'idle' });
    } catch (error) {
      set({ view: { kind: 'unreadable', message: messageOf(error) } });
    }
  }

  /** Run a first-run, settings or scenario operation through the queue, then read the workbook again. */
  async function operate(work: () => Promise<Notice | void>): Promise<void> {
    set({ notice: undefined, run: { status: 'busy', step: 'working' } });
    try {
      const done = await exclusively(() => patiently(work));
      if (done === undefined && waiting.cancelled) return setRun({ status: 'stopped' });
      setRun({ status: 'idle' });
      if (done) set({ notice: done });
      await load();
    } catch (error) {
      setRun({ status: 'failed', message: messageOf(error) });
    }
  }

  /** Save the draft; the settings to pass to the run when the settings sheet cannot hold them. */
  async function saveDraft(): Promise<{ ok: boolean; unsaved?: Settings }> {
    const settings = state.draftCheck?.settings;
    if (!settings) return { ok: false };
    if (!state.dirty) return { ok: true };
    setRun({ status: 'busy', step: 'saving' });
    try {
      const done = await patiently(async () => (await port.saveSettings(settings), true));
      if (!done) return { ok: false };
      if (state.view.kind === 'ready') showView({ ...state.view, settings });
      return { ok: true };
    } catch (error) {
      if (error instanceof WorkbookProblemError && error.problem.kind === 'name-taken') {
        set({ notice: { intent: 'warning', text: `${error.problem.message} Rename that sheet so the settings can be kept in the workbook; this run uses the settings in the pane.` } });
        return { ok: true, unsaved: settings };
      }
      throw error;
    }
  }

  async function saveSettings(): Promise<void> {
    set({ notice: undefined });
    try {
      const result = await exclusively(saveDraft);
      setRun(result.ok || !waiting.cancelled ? { status: 'idle' } : { status: 'stopped' });
      if (result.ok && !result.unsaved) set({ notice: { intent: 'success', text: 'Settings saved to the Prioritisation settings sheet.' } });
      // The pane's own save raises no edit event: in live mode it re-plans here.
      if (result.ok) session?.runNow();
    } catch (error) {
      setRun({ status: 'failed', message: messageOf(error) });
    }
  }

  /** What to do with the user's own output-named columns, once asked (ownedColumns); the workbook's record keeps it after. */
  async function runWith(names: SheetNames, userColumns?: UserColumnChoice): Promise<void> {
    set({ notice: undefined, run: { status: 'busy', step: 'reading' } }); // at once, so the Run button is disabled before the queue turns
    sure.supersede();
    const cancel = new AbortController();
    running = cancel;
    let settingsSaved = false;
    try {
      await exclusively(async () => {
        if (cancel.signal.aborted) throw new RunCancelled(); // cancelled while it waited its turn: not even the settings are saved
        const planning = await loadPlanning();
        const wasDirty = state.dirty;
        const saving = await saveDraft();
        if (!saving.ok) return setRun(waiting.cancelled ? { status: 'stopped' } : { status: 'idle' });
        settingsSaved = wasDirty && !saving.unsaved;
        const stepped = withSteps(port, choosePlanner(planners), (step) => !waitingForEdit && !cancel.signal.aborted && setRun({ status: 'busy', step }));
        const planner = cancellablePlanner(stepped.planner, cancel.signal);
        const context = { ...runContext(), ...(saving.unsaved ? { settings: saving.unsaved } : {}) };
        const result = await patiently(
          () => planning.runPlan(stepped.port, context, { planner, write: { sheetNames: names, ...(userColumns ? { userColumns } : {}) } }),
          (r) => r.kind === 'not-written' && r.outcome.problem.kind === 'editing',
        );
        if (!result) return setRun({ status: 'stopped' });
        setRun({ status: 'done', result, names });
        if (result.kind === 'written') {
          settingsKept = true; // a written plan has its settings sheet, made with the defaults where there was none
          liveBase = { key: planning.inputsKey(result.snapshot, context.settings), plan: result.plan, layout: result.layout };
          showPlan(planning, result.plan);
          void sure.start({ plan: result.plan, layout: result.layout, fingerprint: result.snapshot.fingerprint }, { sheetNames: names });
          const next = workbookView(result.snapshot);
          showView(saving.unsaved ? { ...next, settings: saving.unsaved } : next);
        } else if (result.kind === 'unusable' && !result.snapshot.initiatives) showView(workbookView(result.snapshot));
      });
    } catch (error) {
      setRun(error instanceof RunCancelled ? { status: 'cancelled', settingsSaved } : { status: 'failed', message: messageOf(error) });
    } finally {
      if (running === cancel) running = undefined;
    }
  }

  /** The run under way, while Cancel may stop it (see model/cancelRun.ts). */
  let running: AbortController | undefined;

  /** Cancel the run while it reads or plans; a write, once begun, finishes. */
  function cancelRun(): void {
    if (!running || !canCancel(state.run)) return;
    running.abort();
    for (const planner of Object.values(planners)) if (isStoppable(planner)) planner.stop();
  }

  /** Sort whole rows by Priority, then plan again without writing so cell addresses follow the rows. */
  async function sortByPriority(): Promise<void> {
    set({ notice: undefined, run: { status: 'busy', step: 'working' } });
    try {
      await exclusively(async () => {
        const sorted = await patiently(async () => (await port.sortByPriority(), true));
        if (!sorted) return setRun({ status: 'stopped' });
        const snapshot = await port.read();
        const plan = state.plan;
        const replanned = await choosePlanner(planners)(snapshot, { now: plan?.run.at ?? now(), ...(plan?.run.by ? { runBy: plan.run.by } : {}) });
        // The same plan in a new row order: nothing moved, so the last what-moved stays.
        if (replanned.usable) {
          // How sure stays: the figures written moved with their rows, so they follow their initiatives here;
          // figures still being drawn (or ones that cannot be followed) are drawn again for the sorted rows.
          const carried = confidenceAfterSort(plan, replanned);
          shown = carried ?? replanned;
          set({ plan: shown });
          if (!carried && (plan?.confidence || state.sure.status === 'drawing')) {
            const layout = (await loadPlanning()).planLayout(replanned);
            void sure.start({ plan: replanned, layout, fingerprint: snapshot.fingerprint }, { sheetNames: state.sheetNames });
          }
        }
        setRun({ status: 'idle' });
        set({ notice: { intent: 'success', text: `${snapshot.initiatives?.name ?? 'The table'} is sorted by priority; your other columns moved with their rows.` } });
      });
    } catch (error) {
      setRun({ status: 'failed', message: messageOf(error) });
    }
  }

  async function selectCell(issue: Issue): Promise<void> {
    if (!issue.cell) return;
    set({ notice: undefined });
    try {
      await port.selectCell(issue.sheet, issue.cell);
    } catch (error) {
      set({ notice: { intent: 'warning', text: messageOf(error) } });
    }
  }

  // --- Live mode -----------------------------------------------------------------------------------
  let session: LiveSession | undefined;
  let stopListening: (() => void) | undefined;
  let undoPending = false;

  /** One live re-run: plan and write only when the inputs changed, and show what moved. */
  async function rerunLive(): Promise<RerunResult> {
    if (commands > 0) return 'busy';
    const running = liveOnce();
    tail = running.catch(() => undefined);
    return running;
  }

  /**
   * Settings changed in the pane are part of the live re-run: saved to the settings sheet first, so the
   * plan and the workbook say the same. The settings to plan with when the settings sheet cannot hold them.
   */
  async function saveLiveDraft(): Promise<Settings | undefined> {
    const settings = state.draftCheck?.settings;
    if (!settings || !state.dirty) return undefined;
    const before = state.view.kind === 'ready' ? state.view.settings : undefined;
    const draft = state.draft;
    try {
      await port.saveSettings(settings);
    } catch (error) {
      if (error instanceof WorkbookProblemError && error.problem.kind === 'name-taken') return settings;
      throw error;
    }
    if (before && !undoPending) undoable.push(before);
    undoPending = false;
    lastSaved = settings;
    if (state.view.kind === 'ready') {
      // A control moved again while saving: keep that newer draft, which the next re-run applies.
      if (state.draft === draft) showView({ ...state.view, settings });
      else set({ view: { ...state.view, settings } });
    }
    set({ canUndo: undoable.length > 0 });
    return undefined;
  }

  async function liveOnce(): Promise<RerunResult> {
    const unsaved = await saveLiveDraft();
    const context = { ...runContext(), ...(unsaved ? { settings: unsaved } : {}) };
    const names = state.sheetNames;
    const planning = await loadPlanning();
    const outcome = await planning.liveRun(port, context, { planner: choosePlanner(planners), base: liveBase, write: { sheetNames: names } });
    if (!alive || outcome.kind === 'unchanged') return 'done';
    if (outcome.kind === 'written') {
      if (settingsKept && !outcome.snapshot.settings && !unsaved) {
        // The room deleted the settings sheet: the plan moved to the defaults, which What moved alone would not explain.
        set({ notice: { intent: 'warning', text: 'The Prioritisation settings sheet is gone, so this plan uses the default settings, and the sheet has been made again with them. Set the weights, limits and capacities again in the pane, or switch to a saved scenario.' } });
      }
      settingsKept = true;
      liveBase = outcome.base;
      const next = workbookView(outcome.snapshot);
      const before = state.view;
      showPlan(planning, outcome.base.plan, outcome.diff, before.kind === 'ready' ? shadowedCapacityEdits(before, next) : []);
      // Live mode re-plans first; how sure the new plan is follows once its futures are drawn.
      void sure.start({ ...outcome.base, fingerprint: outcome.snapshot.fingerprint }, { sheetNames: names });
      const result: RunResult = { kind: 'written', plan: outcome.base.plan, layout: outcome.base.layout, snapshot: outcome.snapshot, outcome: outcome.outcome };
      set({ liveWrite: { at: context.now, cellsWritten: outcome.outcome.cellsWritten }, run: { status: 'done', result, names } });
      // The pane's capacities and settings follow the workbook's, unless the user is editing them in the pane.
      if (state.dirty) set({ view: next });
      else showView(next);
      return 'done';
    }
    if (outcome.kind === 'unusable') {
      setRun({ status: 'done', result: outcome, names });
      return 'done';
    }
    if (outcome.problem.kind === 'editing') return 'editing';
    // The table changed between the read and the write: that edit's own event re-runs.
    if (outcome.problem.kind === 'changed') return 'done';
    const { plan, layout, snapshot, problem } = outcome;
    setRun({ status: 'done', result: { kind: 'not-written', plan, layout, snapshot, outcome: { ok: false, problem } }, names });
    return 'done';
  }

  const setLiveStatus = (status: LiveStatus) => set({ live: { ...state.live, status } });

  function stopLive() {
    stopListening?.();
    session?.stop();
    stopListening = undefined;
    session = undefined;
  }

  function setLive(on: boolean) {
    if (on === state.live.on || !port.onInputsChanged) return;
    stopLive();
    undoable.length = 0;
    if (!on) return set({ live: { ...state.live, on: false, status: 'stopped' }, canUndo: false });
    set({ live: { ...state.live, on: true, status: 'listening' } });
    const live = liveSession({
      rerun: rerunLive,
      onError: (error) => setRun({ status: 'failed', message: messageOf(error) }),
      onStatus: setLiveStatus,
      debounceMs: options.liveDebounceMs,
      retryMs: retryDelayMs,
      ...(options.timer ? { timer: options.timer } : {}),
    });
    session = live;
    stopListening = port.onInputsChanged(() => live.edited());
    // Switching on brings the plan up to date at once; a workbook already planned writes nothing.
    live.runNow();
  }

  return {
    getState: (): PaneState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Read the workbook: the pane's first step, and again after each operation. */
    load,
    /** Stop everything: no more state changes, no more waiting, no live session. */
    dispose() {
      stopLive();
      waiting.cancelled = true;
      alive = false;
      sure.supersede();
      listeners.clear();
    },
    exclusively,
    operate,
    insertSample: () => operate(async () => port.insertSample()),
    chooseTable: (name: string) => operate(async () => port.useTable(name)),
    createTableFromSelection: () =>
      operate(async () => {
        const result = await port.createTableFromSelection();
        return result.ok ? { intent: 'success', text: 'The selection is now the Initiatives table.' } : { intent: 'error', text: result.message };
      }),
    /** A control in the pane changed; in live mode a valid draft re-plans once the changes pause. */
    setDraft(draft: SettingsDraft) {
      set({ draft });
      if (state.live.on && state.dirty && state.draftCheck?.settings) session?.edited();
    },
    /** Put back the saved settings; in live mode, the settings before the pane's last change, re-planned. */
    resetDraft() {
      const { view } = state;
      if (view.kind !== 'ready' && view.kind !== 'first-run') return;
      const teams = view.kind === 'ready' ? view.teams : [];
      const previous = state.live.on && !state.dirty ? undoable.pop() : undefined;
      set({ draft: draftOf(previous ?? view.settings, teams), canUndo: undoable.length > 0 });
      if (previous) {
        session?.runNow();
        // The step it undoes is not itself undoable: the one before it is next.
        undoPending = true;
      }
    },
    setRunBy: (runBy: string) => set({ runBy }),
    saveSettings,
    run: () => runWith(state.sheetNames),
    /** The user agreed to write one of the add-in's sheets under another name. */
    acceptOtherSheetName(sheet: string) {
      const key: SheetKey | undefined = sheetKeyOf(state.sheetNames, sheet);
      if (!key) return Promise.resolve();
      const names = { ...state.sheetNames, [key]: nextSheetName(state.sheetNames[key]) };
      set({ sheetNames: names });
      return runWith(names);
    },
    /** The user answered the question about their own Priority, Decision or Why column: run again with it. */
    chooseForUserColumns: (choice: 'use' | 'beside') => runWith(state.sheetNames, choice),
    stopWaiting: () => {
      waiting.cancelled = true;
    },
    selectCell,
    sortByPriority,
    cancelRun,
    setLive,
    /** Stop drawing the futures: the Confidence column keeps what it held. */
    cancelSure: () => sure.cancel(),
    /** How many futures are drawn so far, for the progress bar alone. */
    sureProgress: { get: sureProgress.get, subscribe: sureProgress.subscribe },
    /** Re-run now, if live mode is on. */
    liveNow: () => session?.runNow(),
  };
}
