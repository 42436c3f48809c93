// The Scenarios section's state over the shared use cases (src/app/scenarios.ts).
// Saving and switching change the workbook, so they go through the pane's
// operate (waits in cell-edit mode, then reads the workbook again); comparing
// plans in memory and writing the comparison keep the pane's unsaved edits.
// Every step goes through the pane's one command queue, so a comparison never
// reads the workbook halfway through a live re-run's write.

import { useCallback, useState } from 'react';
import type { SwitchPreview } from '../../app/scenarios';
import type { ScenarioComparison } from '../../engine/scenarios/compare';
import { CURRENT_SETTINGS } from '../../engine/scenarios/scenario';
import type { Settings } from '../../engine/types';
import type { WorkbookPort } from '../../port/workbookPort';
import { choosePlanner, type Planners } from '../model/planners';
import { loadPlanning } from '../loadPlanning';
import type { Notice } from '../controller/paneController';

export type ScenariosOptions = {
  port: WorkbookPort;
  planners: Planners;
  now: () => string;
  runBy: string;
  /** The settings the pane stands for now (unsaved edits included), or undefined while they are not valid. */
  settings: Settings | undefined;
  operate: (work: () => Promise<Notice | void>) => Promise<void>;
  /** The pane's command queue: the work runs once the commands and live re-runs before it have ended. */
  exclusively: <T>(work: () => Promise<T>) => Promise<T>;
};

export type SectionMessage = { intent: 'success' | 'error'; text: string } | undefined;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useScenarios({ port, planners, now, runBy, settings, operate, exclusively }: ScenariosOptions) {
  const [preview, setPreview] = useState<SwitchPreview>();
  const [comparison, setComparison] = useState<ScenarioComparison>();
  const [message, setMessage] = useState<SectionMessage>();
  const [working, setWorking] = useState(false);
  /** A switch just put other settings in force: the pane runs the plan once it has read them, so the room sees it. */
  const [runPending, setRunPending] = useState(false);
  const by = runBy.trim();

  /** A step that changes nothing the pane shows elsewhere: its outcome is said in the section. */
  const locally = useCallback(
    async (work: () => Promise<SectionMessage | void>) => {
      setMessage(undefined);
      setWorking(true);
      try {
        setMessage((await exclusively(work)) ?? undefined);
      } catch (error) {
        setMessage({ intent: 'error', text: messageOf(error) });
      } finally {
        setWorking(false);
      }
    },
    [exclusively],
  );

  const save = useCallback(
    (name: string) =>
      settings &&
      operate(async () => {
        const scenario = await (await loadPlanning()).saveScenarioAs(port, name, settings, { at: now(), ...(by ? { by } : {}) });
        setPreview(undefined);
        return { intent: 'success', text: `Saved as scenario "${scenario.name}" on the Scenarios sheet; it is the scenario in force.` };
      }),
    [by, now, operate, port, settings],
  );

  const askSwitch = useCallback(
    (name: string) =>
      settings &&
      locally(async () => {
        setPreview(await (await loadPlanning()).previewSwitch(port, name, settings));
      }),
    [locally, port, settings],
  );

  const confirmSwitch = useCallback(
    (name: string) =>
      settings &&
      operate(async () => {
        setMessage(undefined);
        const next = await (await loadPlanning()).switchScenario(port, name, settings);
        setPreview(undefined);
        setRunPending(true);
        // Said in the section, not as the pane's notice: the run that follows clears the notice, and this must stay.
        setMessage({
          intent: 'success',
          text:
            name === ''
              ? 'No scenario is in force: the plan uses the settings and the Override column of the table.'
              : `Scenario "${next.scenario}" is in force: its settings and capacities are on the settings sheet, and its overrides apply on top of the Override column, which is left as it was.`,
        });
      }),
    [operate, port, settings],
  );

  const remove = useCallback(
    (name: string) =>
      settings &&
      operate(async () => {
        setMessage(undefined);
        const wasInForce = await (await loadPlanning()).deleteScenario(port, name, settings);
        setPreview(undefined);
        setComparison(undefined);
        // Its overrides no longer apply: plan again so the room sees the table's own overrides decide.
        if (wasInForce) setRunPending(true);
        setMessage({
          intent: 'success',
          text: wasInForce
            ? `Deleted scenario "${name}", which was in force: the plan now uses the settings as they are and the Override column of the table.`
            : `Deleted scenario "${name}" from the Scenarios sheet.`,
        });
      }),
    [operate, port, settings],
  );

  const compare = useCallback(
    (a: string, b: string) =>
      settings &&
      locally(async () => {
        setComparison(undefined);
        setComparison(await (await loadPlanning()).compareTwo(port, choosePlanner(planners), { a, b }, settings, now()));
      }),
    [locally, now, planners, port, settings],
  );

  const writeComparison = useCallback(
    () =>
      comparison &&
      locally(async () => {
        const sheet = await port.writeScenarioComparison((await loadPlanning()).scenarioComparisonSheet(comparison, { at: now(), ...(by ? { by } : {}) }));
        return { intent: 'success', text: `The comparison is on the ${sheet} sheet, in plain values and a chart, for the pack.` };
      }),
    [by, comparison, locally, now, port],
  );

  return {
    preview,
    cancelSwitch: () => setPreview(undefined),
    runPending,
    /** Called as the pending run starts. */
    startPendingRun: useCallback(() => setRunPending(false), []),
    comparison,
    message,
    working,
    save,
    askSwitch,
    confirmSwitch,
    remove,
    compare,
    writeComparison,
    current: CURRENT_SETTINGS,
  };
}

export type ScenariosModel = ReturnType<typeof useScenarios>;
