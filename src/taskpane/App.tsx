// The pane's layout. Everything it shows and does comes from the pane's
// controller (controller/paneController.ts); the components below only receive
// data and operations.

import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect } from 'react';
import { usePaneController } from './controller/usePaneController';
import type { PaneOptions } from './controller/paneController';
import { ColumnMappingSection } from './ColumnMapping/ColumnMappingSection';
import { changeColumn } from './ColumnMapping/columnMapping';
import { Disclosure } from './Disclosure/Disclosure';
import { FirstRun } from './FirstRun/FirstRun';
import { LiveSwitch } from './LiveSwitch/LiveSwitch';
import { cancelOffer } from './model/cancelRun';
import { heldBackBy } from './model/heldBackBy';
import { isAvailable } from './model/planners';
import { loadPlanning } from './loadPlanning';
import { STEP_TEXT } from './model/steps';
import { scenarioChanges } from './model/workbookView';
import { useJustLeft } from './RunBar/focusAfterFirstRun';
import { RunBar } from './RunBar/RunBar';
import { noticeMessage, runMessage, type RunAction } from './RunStatus/runMessage';
import { RunStatus } from './RunStatus/RunStatus';
import { useScenarios } from './Scenarios/useScenarios';
import { SettingsPanel } from './SettingsPanel/SettingsPanel';
import { PlanGlance } from './Summary/PlanGlance';
import { TeamCapacity } from './TeamCapacity/TeamCapacity';
import { TeamLoads } from './TeamLoads/TeamLoads';
import { WhatMoved } from './WhatMoved/WhatMoved';

// Scenarios and the weights exercise sit in closed sections below the plan: their code (and the radio groups they
// use) loads after the pane's first screen rather than with it, keeping the first download under 250 KB.
const ScenariosPanel = lazy(() => import(/* webpackChunkName: "sessions" */ './Scenarios/ScenariosPanel').then((m) => ({ default: m.ScenariosPanel })));
// The roadmap shows only when the settings name horizons.
const Roadmap = lazy(() => import(/* webpackChunkName: "sessions" */ './Roadmap/Roadmap').then((m) => ({ default: m.Roadmap })));
// How sure shows only once the futures are drawn, after the plan is on screen.
const HowSure = lazy(() => import(/* webpackChunkName: "sessions" */ './HowSure/HowSure').then((m) => ({ default: m.HowSure })));
// Bottleneck economics sit below the plan, after How sure: loaded with the other sections the first screen does not show.
const Bottlenecks = lazy(() => import(/* webpackChunkName: "sessions" */ './Bottlenecks/Bottlenecks').then((m) => ({ default: m.PlanBottlenecks })));
const WeightsExercise = lazy(() => import(/* webpackChunkName: "sessions" */ './WeightsExercise/WeightsExercise').then((m) => ({ default: m.WeightsExercise })));
// The summary, input problems and ranking sit below the first screen (the plan at a glance, team loads, Run): they load
// with the sections above, fetched as soon as the pane has painted, so they are there by the time Run is pressed.
const Summary = lazy(() => import(/* webpackChunkName: "sessions" */ './Summary/Summary').then((m) => ({ default: m.Summary })));
const Problems = lazy(() => import(/* webpackChunkName: "sessions" */ './Problems/Problems').then((m) => ({ default: m.Problems })));
const Ranking = lazy(() => import(/* webpackChunkName: "sessions" */ './Ranking/Ranking').then((m) => ({ default: m.Ranking })));

/** Fetch the sections below the first screen and the run's code once the pane is idle after its first paint; stops if the pane goes first. */
function prefetchSections(): () => void {
  let cancelled = false;
  const load = () => {
    if (cancelled) return;
    void import(/* webpackChunkName: "sessions" */ './Ranking/Ranking');
    loadPlanning().catch(() => undefined); // a failed fetch is said by the Run that needs it
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(load, { timeout: 2_000 });
    return () => {
      cancelled = true;
      cancelIdleCallback(id);
    };
  }
  const id = setTimeout(load, 200);
  return () => {
    cancelled = true;
    clearTimeout(id);
  };
}

export type AppProps = PaneOptions;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '640px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
});

const PROGRESS: Record<string, string> = { ...STEP_TEXT, saving: 'Saving the settings…', working: 'Working…' };

export function App(props: AppProps) {
  const styles = useStyles();
  const { state: model, controller } = usePaneController(props);
  const problemsId = useId('input-problems');
  // Only on the reader's click: the glance's link to the input problems, several screens down.
  const showProblems = () => {
    const heading = document.getElementById(problemsId);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  const { view, plan, run: runState, draft, draftCheck } = model;
  const leftFirstRun = useJustLeft(view.kind, 'first-run');
  const scenarios = useScenarios({
    ...props,
    runBy: model.runBy,
    settings: draftCheck?.settings,
    operate: controller.operate,
    exclusively: controller.exclusively,
  });
  const { runPending, startPendingRun } = scenarios;
  useEffect(prefetchSections, []);
  const { busy, dirty } = model;
  const { run } = controller;
  // After a switch, plan with the scenario's settings as soon as nothing else is under way; the run reads them from the workbook.
  useEffect(() => {
    if (!runPending || busy || dirty) return;
    startPendingRun();
    void run();
  }, [busy, dirty, run, runPending, startPendingRun]);
  const messages = [noticeMessage(model.notice), runMessage(runState)].filter((m) => m !== undefined);
  const optimalAvailable = isAvailable(props.planners, 'Optimal');
  const methodNote =
    plan && plan.settings.method === 'Optimal' && !optimalAvailable ? 'The settings ask for Optimal, which is not available yet.' : undefined;

  // Said beside a control the user changed: live mode re-plans it, otherwise Run applies it.
  const changedNote = model.live.on ? 'Live: re-plans within a second.' : 'Changed: applies when you run the plan.';

  const onAction = (action: RunAction) => {
    if (action.kind === 'run-again') void controller.run();
    else if (action.kind === 'use-other-name') void controller.acceptOtherSheetName(action.sheet);
    else if (action.kind === 'user-columns') void controller.chooseForUserColumns(action.choice);
    else controller.stopWaiting();
  };

  // Which header each column reads: above the results before the first run (or while something is unsettled), with the settings after.
  const columns = view.kind === 'ready' ? view.columns : undefined;
  const mapping = columns && (
    <Disclosure key={plan ? 'after' : 'before'} title="Columns" defaultOpen={!plan || columns.needsAttention}>
      <ColumnMappingSection
        view={columns}
        busy={model.busy}
        onChange={(column, header) =>
          void changeColumn(props.port, { operate: controller.operate, run: controller.run, state: () => ({ failed: controller.getState().run.status === 'failed', planned: controller.getState().plan !== undefined }) }, column, header)
        }
      />
    </Disclosure>
  );

  return (
    // A div, not main: the page that holds the pane gives the landmark (taskpane.html's main; the preview's aside).
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          AI Portfolio Prioritiser
        </Title3>
        {view.kind === 'ready' && (
          <Caption1>
            {view.table.rows} {view.table.rows === 1 ? 'row' : 'rows'} in table {view.table.name} on {view.table.sheet}.
          </Caption1>
        )}
      </header>

      {view.kind === 'loading' && <Spinner size="small" label="Reading the workbook…" />}
      {view.kind === 'unreadable' && (
        <MessageBar intent="error">
          <MessageBarBody>The workbook could not be read: {view.message}</MessageBarBody>
        </MessageBar>
      )}
      {view.kind === 'first-run' && (
        <FirstRun
          tables={view.tables}
          busy={model.busy}
          onUseTable={(name) => void controller.chooseTable(name)}
          onCreateFromSelection={() => void controller.createTableFromSelection()}
          onInsertSample={() => void controller.insertSample()}
        />
      )}
      {/* The first screen is the plan (320 x 700 px): committed against requested, what held the top deferrals back and
          each team's load as a chart, kept, dimmed, while a re-run is under way; then Run and Live mode. */}
      {plan && (
        <>
          <PlanGlance plan={plan} updating={runState.status === 'busy'} moved={model.moved?.sentence} onShowProblems={showProblems} />
          <TeamLoads loads={plan.changeImpact.teamLoads} inFlight={plan.changeImpact.inFlight} heldBack={heldBackBy(plan)} />
        </>
      )}

      {view.kind === 'ready' && draft && draftCheck && (
        <>
          <RunBar
            busy={model.busy}
            progress={runState.status === 'busy' ? PROGRESS[runState.step] : undefined}
            canRun={draftCheck.settings !== undefined}
            dirty={model.dirty}
            live={model.live.on}
            canUndo={model.dirty || model.canUndo}
            runBy={model.runBy}
            onRunByChange={controller.setRunBy}
            onRun={() => void controller.run()}
            onSave={() => void controller.saveSettings()}
            onReset={controller.resetDraft}
            cancel={cancelOffer(runState)}
            onCancel={controller.cancelRun}
            focusRun={leftFirstRun}
          />
          {model.live.available && <LiveSwitch on={model.live.on} status={model.live.status} lastWrite={model.liveWrite} onChange={controller.setLive} />}
        </>
      )}

      {!plan && mapping}

      {/* The rest of the results after Run, settings after them. */}
      <RunStatus messages={messages} onAction={onAction} />

      {plan && (
        <>
          {model.moved && <WhatMoved moved={model.moved} />}
          <Suspense fallback={null}>
            <Summary plan={plan} methodNote={methodNote} />
          </Suspense>
          <Suspense fallback={null}>
            <HowSure plan={plan} sure={model.sure} progress={controller.sureProgress} onCancel={controller.cancelSure} />
          </Suspense>
          <Suspense fallback={null}>
            <Roadmap plan={plan} />
          </Suspense>
          <Suspense fallback={null}>
            <Bottlenecks plan={plan} />
          </Suspense>
          <Suspense fallback={null}>
            <Problems issues={plan.issues} live={model.live.on} headingId={problemsId} onSelectCell={(issue) => void controller.selectCell(issue)} />
            <Ranking plan={plan} busy={model.busy} onSort={() => void controller.sortByPriority()} />
          </Suspense>
        </>
      )}

      {view.kind === 'ready' && draft && draftCheck && (
        <>
          {plan && mapping}
          <Disclosure title="Weights and limits" defaultOpen>
            <SettingsPanel
              draft={draft}
              saved={model.savedDraft}
              changedNote={changedNote}
              errors={draftCheck.errors}
              optimalAvailable={optimalAvailable}
              onChange={controller.setDraft}
            />
          </Disclosure>
          <Disclosure title="Team capacity">
            <TeamCapacity
              teams={view.teams}
              capacities={draft.capacities}
              errors={draftCheck.errors.capacities}
              saved={model.savedDraft?.capacities}
              changedNote={changedNote}
              onChange={(team, value) => controller.setDraft({ ...draft, capacities: { ...draft.capacities, [team]: value } })}
            />
          </Disclosure>
          <Disclosure title="Agree the weights">
            <Suspense fallback={null}>
              <WeightsExercise current={draft.weights} onApply={(weights, weightRanges) => controller.setDraft({ ...draft, weights, ...(weightRanges ? { weightRanges } : {}) })} />
            </Suspense>
          </Disclosure>
          <Disclosure title="Scenarios">
            <Suspense fallback={null}>
              <ScenariosPanel
                names={view.scenarios}
                inForce={view.settings.scenario}
                changes={scenarioChanges(view)}
                busy={model.busy}
                canAct={draftCheck.settings !== undefined}
                model={scenarios}
              />
            </Suspense>
          </Disclosure>
        </>
      )}
    </div>
  );
}
