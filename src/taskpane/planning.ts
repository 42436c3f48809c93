// What a run needs beyond the first screen: the engine's planning, the sheets'
// layout, the scenario steps and the confidence draws. The first screen only
// reads the workbook, so this code loads with the first Run (loadPlanning),
// fetched ahead once the pane is idle, and the pane opens from a smaller bundle.

export { runPlan } from '../app/runPlan';
export { inputsKey, liveRun } from '../app/liveRun';
export { inThreadDrawer } from '../app/confidenceDraws';
export { writeConfidence } from '../app/confidenceRun';
export { compareTwo, deleteScenario, previewSwitch, saveScenarioAs, switchScenario } from '../app/scenarios';
export { drawsWanted, withConfidence } from '../engine/confidence';
export { prioritise } from '../engine/plan';
export { prioritiseWith } from '../engine/prioritiseWith';
export { planDiff, whatMovedSentence } from '../engine/planDiff';
export { planLayout } from '../layout/planLayout';
export { scenarioComparisonSheet } from '../layout/scenarioComparisonSheet';
