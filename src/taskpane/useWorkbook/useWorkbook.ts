// The one hook over the workbook port: what the pane shows and every operation
// it offers. The steps themselves are plain functions (runPlan, retryWhileEditing,
// checkDraft...); this hook only keeps their results in React state.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { inputsKey, liveRun, type LiveBase } from '../../app/liveRun';
import type { RerunResult } from '../../app/liveSession';
import { runPlan, type RunResult } from '../../app/runPlan';
import type { Plan } from '../../engine/plan';
import { planDiff, whatMovedSentence, type PlanDiff } from '../../engine/planDiff';
import type { Issue, Settings, Team } from '../../engine/types';
import { WorkbookProblemError, type WorkbookPort } from '../../port/workbookPort';
import { choosePlanner, type Planners } from '../model/planners';
import { retryWhileEditing, type Waiting } from '../model/retry';
import { checkDraft, draftOf, isDirty, type SettingsDraft } from '../model/settingsDraft';
import { DEFAULT_SHEET_NAMES, nextSheetName, sheetKeyOf, type SheetKey, type SheetNames } from '../model/sheetNames';
import { withSteps, type RunStep } from '../model/steps';
import { workbookView, type WorkbookView } from '../model/workbookView';
import { useLiveMode } from './useLiveMode';

export type WorkbookOptions = {
  port: WorkbookPort;
  planners: Planners;
  /** The clock, passed in so runs are reproducible in tests. */
  now: () => string;
  /** How often to try again while Excel is in cell-edit mode. */
  retryDelayMs: number;
  /** Live mode's pause after the last edit before it re-plans (default 300 ms). */
  liveDebounceMs?: number;
};

export type ViewState = { kind: 'loading' } | { kind: 'unreadable'; message: string } | WorkbookView;

export type RunState =
  | { status: 'idle' }
  | { status: 'busy'; step: RunStep | 'saving' | 'working' }
  | { status: 'waiting-for-edit' }
  | { status: 'stopped' }
  | { status: 'done'; result: RunResult; names: SheetNames }
  | { status: 'failed'; message: string };

/** What changed since the plan before, after a run or a live re-run. */
export type Moved = { diff: PlanDiff; sentence: string };

/** The last live re-run that wrote: when, and how many cells it wrote. */
export type LiveWrite = { at: string; cellsWritten: number | undefined };

/** A message about the last thing the user asked for, outside a run. */
export type Notice = { intent: 'error' | 'warning' | 'success' | 'info'; text: string } | undefined;

const NO_TEAMS: Team[] = [];

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useWorkbook({ port, planners, now, retryDelayMs, liveDebounceMs }: WorkbookOptions) {
  const [view, setView] = useState<ViewState>({ kind: 'loading' });
  const [draft, setDraft] = useState<SettingsDraft>();
  const [plan, setPlan] = useState<Plan>();
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [notice, setNotice] = useState<Notice>();
  const [runBy, setRunBy] = useState('');
  const [sheetNames, setSheetNames] = useState<SheetNames>(DEFAULT_SHEET_NAMES);
  const [moved, setMoved] = useState<Moved>();
  const [liveWrite, setLiveWrite] = useState<LiveWrite>();
  /** The plan on show, for the next diff; state alone would be stale inside an awaiting callback. */
  const shown = useRef<Plan | undefined>(undefined);
  /** What the workbook's outputs were last written from: a live re-run writes only what differs from it. */
  const liveBase = useRef<LiveBase | undefined>(undefined);
  /** The pane's own commands under way: a live re-run waits its turn rather than write between their steps. */
  const commands = useRef(0);
  /** The live re-run under way, which a command waits for before it starts. */
  const liveInFlight = useRef<Promise<unknown>>(Promise.resolve());
  /** Live mode's "re-plan now", for the commands defined before it. */
  const liveRef = useRef<() => void>(() => undefined);
  const waiting = useRef<Waiting>({ cancelled: false });
  /** True from the moment a retry starts waiting for the cell edit: the retries' own steps must not hide that message. */
  const waitingForEdit = useRef(false);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
      waiting.current.cancelled = true;
    },
    [],
  );

  const teams = view.kind === 'ready' ? view.teams : NO_TEAMS;
  const saved = view.kind === 'ready' || view.kind === 'first-run' ? view.settings : undefined;
  const savedDraft = useMemo(() => saved && draftOf(saved, teams), [saved, teams]);
  const check = useMemo(() => (draft && saved ? checkDraft(draft, saved, teams) : undefined), [draft, saved, teams]);
  const dirty = Boolean(draft && savedDraft && isDirty(draft, savedDraft));

  /** Retry while Excel is in cell-edit mode, telling the pane it waits; undefined when the user stopped waiting. */
  const patiently = useCallback(
    <T>(attempt: () => Promise<T>, isRefused: (result: T) => boolean = () => false) => {
      waiting.current = { cancelled: false };
      waitingForEdit.current = false;
      return retryWhileEditing(attempt, isRefused, {
        delayMs: retryDelayMs,
        waiting: waiting.current,
        onWaiting: () => {
          waitingForEdit.current = true;
          if (alive.current) setRun({ status: 'waiting-for-edit' });
        },
      }).finally(() => (waitingForEdit.current = false));
    },
    [retryDelayMs],
  );

  const showView = useCallback((next: WorkbookView) => {
    setView(next);
    setDraft(draftOf(next.settings, next.kind === 'ready' ? next.teams : []));
  }, []);

  /** Show a new plan and what moved since the one before (none for the first). */
  const showPlan = useCallback((next: Plan, diff?: PlanDiff) => {
    const before = shown.current;
    shown.current = next;
    setPlan(next);
    const moves = diff ?? (before ? planDiff(before, next) : undefined);
    setMoved(moves && { diff: moves, sentence: whatMovedSentence(moves, next.settings.currency) });
  }, []);

  /** Run one of the pane's commands, after any live re-run under way and with live re-runs held off meanwhile. */
  const exclusively = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    commands.current++;
    try {
      await liveInFlight.current;
      return await work();
    } finally {
      commands.current--;
    }
  }, []);

  const load = useCallback(async () => {
    try {
      const snapshot = await patiently(() => port.read());
      if (!alive.current) return;
      if (snapshot) showView(workbookView(snapshot));
      setRun((r) => (r.status === 'waiting-for-edit' ? { status: 'idle' } : r));
    } catch (error) {
      if (alive.current) setView({ kind: 'unreadable', message: messageOf(error) });
    }
  }, [patiently, port, showView]);

  useEffect(() => {
    // Reading the workbook is the external system this effect syncs with; state is set only once the port answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  /** Run a first-run or settings operation, then read the workbook again. */
  const operate = useCallback(
    async (work: () => Promise<Notice | void>) => {
      setNotice(undefined);
      setRun({ status: 'busy', step: 'working' });
      try {
        const done = await exclusively(() => patiently(work));
        if (!alive.current) return;
        if (done === undefined && waiting.current.cancelled) return setRun({ status: 'stopped' });
        setRun({ status: 'idle' });
        if (done) setNotice(done);
        await load();
      } catch (error) {
        if (alive.current) setRun({ status: 'failed', message: messageOf(error) });
      }
    },
    [exclusively, load, patiently],
  );

  const insertSample = useCallback(() => operate(async () => port.insertSample()), [operate, port]);
  const chooseTable = useCallback((name: string) => operate(async () => port.useTable(name)), [operate, port]);
  const createTableFromSelection = useCallback(
    () =>
      operate(async () => {
        const result = await port.createTableFromSelection();
        return result.ok ? { intent: 'success', text: 'The selection is now the Initiatives table.' } : { intent: 'error', text: result.message };
      }),
    [operate, port],
  );

  /** Save the draft; the settings to pass to the run when the settings sheet cannot hold them. */
  const saveDraft = useCallback(async (): Promise<{ ok: boolean; unsaved?: Settings }> => {
    const settings = check?.settings;
    if (!settings) return { ok: false };
    if (!dirty) return { ok: true };
    setRun({ status: 'busy', step: 'saving' });
    try {
      const done = await patiently(async () => (await port.saveSettings(settings), true));
      if (!done) return { ok: false };
      if (view.kind === 'ready') showView({ ...view, settings });
      return { ok: true };
    } catch (error) {
      if (error instanceof WorkbookProblemError && error.problem.kind === 'name-taken') {
        setNotice({ intent: 'warning', text: `${error.problem.message} Rename that sheet so the settings can be kept in the workbook; this run uses the settings in the pane.` });
        return { ok: true, unsaved: settings };
      }
      throw error;
    }
  }, [check, dirty, patiently, port, showView, view]);

  const saveSettings = useCallback(async () => {
    setNotice(undefined);
    try {
      const result = await exclusively(saveDraft);
      if (!alive.current) return;
      setRun(result.ok ? { status: 'idle' } : waiting.current.cancelled ? { status: 'stopped' } : { status: 'idle' });
      if (result.ok && !result.unsaved) setNotice({ intent: 'success', text: 'Settings saved to the Prioritisation settings sheet.' });
      // The pane's own save raises no edit event: in live mode it re-plans here.
      if (result.ok) liveRef.current();
    } catch (error) {
      if (alive.current) setRun({ status: 'failed', message: messageOf(error) });
    }
  }, [exclusively, saveDraft]);

  const runWith = useCallback(
    async (names: SheetNames) => {
      setNotice(undefined);
      setRun({ status: 'busy', step: 'reading' }); // at once, so a second click cannot start a second run
      commands.current++;
      try {
        await liveInFlight.current;
        const saving = await saveDraft();
        if (!saving.ok) return alive.current && setRun(waiting.current.cancelled ? { status: 'stopped' } : { status: 'idle' });
        const stepped = withSteps(port, choosePlanner(planners), (step) => alive.current && !waitingForEdit.current && setRun({ status: 'busy', step }));
        const context = { now: now(), ...(runBy.trim() ? { runBy: runBy.trim() } : {}), ...(saving.unsaved ? { settings: saving.unsaved } : {}) };
        const result = await patiently(
          () => runPlan(stepped.port, context, { planner: stepped.planner, write: { sheetNames: names } }),
          (r) => r.kind === 'not-written' && r.outcome.problem.kind === 'editing',
        );
        if (!alive.current) return;
        if (!result) return setRun({ status: 'stopped' });
        setRun({ status: 'done', result, names });
        if (result.kind === 'written') {
          liveBase.current = { key: inputsKey(result.snapshot, context.settings), plan: result.plan, layout: result.layout };
          showPlan(result.plan);
          const next = workbookView(result.snapshot);
          showView(saving.unsaved ? { ...next, settings: saving.unsaved } : next);
        } else if (result.kind === 'unusable' && !result.snapshot.initiatives) showView(workbookView(result.snapshot));
      } catch (error) {
        if (alive.current) setRun({ status: 'failed', message: messageOf(error) });
      } finally {
        commands.current--;
      }
    },
    [now, patiently, planners, port, runBy, saveDraft, showPlan, showView],
  );

  const runNow = useCallback(() => runWith(sheetNames), [runWith, sheetNames]);

  /** The user agreed to write one of the add-in's sheets under another name. */
  const acceptOtherSheetName = useCallback(
    (sheet: string) => {
      const key: SheetKey | undefined = sheetKeyOf(sheetNames, sheet);
      if (!key) return;
      const names = { ...sheetNames, [key]: nextSheetName(sheetNames[key]) };
      setSheetNames(names);
      void runWith(names);
    },
    [runWith, sheetNames],
  );

  const stopWaiting = useCallback(() => {
    waiting.current.cancelled = true;
  }, []);

  const selectCell = useCallback(
    async (issue: Issue) => {
      if (!issue.cell) return;
      setNotice(undefined);
      try {
        await port.selectCell(issue.sheet, issue.cell);
      } catch (error) {
        if (alive.current) setNotice({ intent: 'warning', text: messageOf(error) });
      }
    },
    [port],
  );

  /** Sort whole rows by Priority, then plan again without writing so cell addresses follow the rows. */
  const sortByPriority = useCallback(async () => {
    setNotice(undefined);
    setRun({ status: 'busy', step: 'working' });
    try {
      const sorted = await exclusively(() => patiently(async () => (await port.sortByPriority(), true)));
      if (!alive.current) return;
      if (!sorted) return setRun({ status: 'stopped' });
      const snapshot = await port.read();
      const replanned = await choosePlanner(planners)(snapshot, { now: plan?.run.at ?? now(), ...(plan?.run.by ? { runBy: plan.run.by } : {}) });
      if (!alive.current) return;
      // The same plan in a new row order: nothing moved, so the last what-moved stays.
      if (replanned.usable) {
        shown.current = replanned;
        setPlan(replanned);
      }
      setRun({ status: 'idle' });
      setNotice({ intent: 'success', text: `${snapshot.initiatives?.name ?? 'The table'} is sorted by priority; your other columns moved with their rows.` });
    } catch (error) {
      if (alive.current) setRun({ status: 'failed', message: messageOf(error) });
    }
  }, [exclusively, now, patiently, plan, planners, port]);

  /** One live re-run: plan and write only when the inputs changed, and show what moved. */
  const rerunLive = async (): Promise<RerunResult> => {
    if (commands.current > 0) return 'busy';
    const context = { now: now(), ...(runBy.trim() ? { runBy: runBy.trim() } : {}) };
    const running = liveRun(port, context, { planner: choosePlanner(planners), base: liveBase.current, write: { sheetNames } });
    liveInFlight.current = running.catch(() => undefined);
    const outcome = await running;
    if (!alive.current || outcome.kind === 'unchanged') return 'done';
    if (outcome.kind === 'written') {
      liveBase.current = outcome.base;
      showPlan(outcome.base.plan, outcome.diff);
      setLiveWrite({ at: context.now, cellsWritten: outcome.outcome.cellsWritten });
      const result: RunResult = { kind: 'written', plan: outcome.base.plan, layout: outcome.base.layout, snapshot: outcome.snapshot, outcome: outcome.outcome };
      setRun({ status: 'done', result, names: sheetNames });
      // The pane's capacities and settings follow the workbook's, unless the user is editing them in the pane.
      const next = workbookView(outcome.snapshot);
      if (dirty) setView(next);
      else showView(next);
      return 'done';
    }
    if (outcome.kind === 'unusable') {
      setRun({ status: 'done', result: outcome, names: sheetNames });
      return 'done';
    }
    if (outcome.problem.kind === 'editing') return 'editing';
    // The table changed between the read and the write: that edit's own event re-runs.
    if (outcome.problem.kind === 'changed') return 'done';
    const { plan, layout, snapshot, problem } = outcome;
    setRun({ status: 'done', result: { kind: 'not-written', plan, layout, snapshot, outcome: { ok: false, problem } }, names: sheetNames });
    return 'done';
  };

  const live = useLiveMode({
    port,
    rerun: rerunLive,
    onError: (error) => alive.current && setRun({ status: 'failed', message: messageOf(error) }),
    debounceMs: liveDebounceMs,
    retryMs: retryDelayMs,
  });
  useEffect(() => {
    liveRef.current = live.runNow;
  }, [live.runNow]);

  return {
    view,
    plan,
    runState: run,
    notice,
    draft,
    setDraft,
    draftCheck: check,
    dirty,
    runBy,
    setRunBy,
    busy: run.status === 'busy' || run.status === 'waiting-for-edit',
    reload: load,
    operate,
    insertSample,
    chooseTable,
    createTableFromSelection,
    saveSettings,
    resetDraft: () => savedDraft && setDraft(savedDraft),
    run: runNow,
    acceptOtherSheetName,
    stopWaiting,
    selectCell,
    sortByPriority,
    moved,
    live,
    liveWrite,
  };
}

export type WorkbookModel = ReturnType<typeof useWorkbook>;
