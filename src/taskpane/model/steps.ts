// What a run is doing, for the progress shown on long runs: the port and the
// planner are wrapped so each step reports itself, without touching runPlan.

import type { Planner } from '../../app/runPlan';
import type { WorkbookPort } from '../../port/workbookPort';

export type RunStep = 'reading' | 'planning' | 'writing';

export const STEP_TEXT: Record<RunStep, string> = {
  reading: 'Reading the workbook…',
  planning: 'Planning…',
  writing: 'Writing the results…',
};

/** Give the browser a frame to paint the step before synchronous work blocks it. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function withSteps(port: WorkbookPort, planner: Planner, onStep: (step: RunStep) => void): { port: WorkbookPort; planner: Planner } {
  return {
    port: {
      ...port,
      read: () => {
        onStep('reading');
        return port.read();
      },
      write: (...args) => {
        onStep('writing');
        return port.write(...args);
      },
    },
    planner: async (input, context) => {
      onStep('planning');
      await nextFrame();
      return planner(input, context);
    },
  };
}
