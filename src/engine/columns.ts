// The workbook contract's columns: how each input column is recognised and read,
// and which output columns the add-in owns.

import { choice, money, normalise, quantity, referenceText, scale, text, yesNo, type CellReader, type CellRead } from './cells';
import type { AiType, BaselineMethod, DataRights, OverrideChoice, Phase, RiskTier } from './types';

const aiType = choice<AiType>({
  GenAI: [
    'gen ai', 'generative', 'generative ai', 'llm', 'llms', 'large language model', 'genai assistant', 'genai llm', 'genai / llm',
    'llm agent', 'ai agent', 'agent', 'agents', 'agentic', 'agentic ai', 'copilot', 'chatbot', 'conversational ai', 'rag', 'gpt',
  ],
  ML: [
    'machine learning', 'predictive', 'predictive model', 'predictive analytics', 'ml model', 'deep learning', 'neural network',
    'computer vision', 'vision', 'nlp', 'natural language processing', 'forecasting', 'forecast model', 'classification',
    'anomaly detection', 'recommender', 'recommendation engine', 'supervised learning', 'traditional ml', 'classical ml',
    'predictive ml', 'data science', 'statistical model', 'ocr',
  ],
  Automation: ['rpa', 'workflow automation', 'process automation', 'intelligent automation', 'rules engine', 'rule based', 'rules based'],
  Analytics: ['bi', 'analytics', 'business intelligence', 'reporting', 'analytics / bi', 'analytics bi', 'advanced analytics', 'dashboards', 'dashboard'],
  Other: ['other', 'optimisation', 'optimization', 'hybrid'],
});

const baselineMethod = choice<BaselineMethod>(
  {
    'A/B test': [
      'ab', 'a/b', 'ab test', 'a/b testing', 'ab testing', 'randomised', 'randomized', 'experiment', 'rct', 'holdout', 'hold out',
      'holdout group', 'control group', 'randomised control trial', 'randomized control trial', 'randomised controlled trial',
      'randomized controlled trial', 'split test', 'randomised control', 'randomized control',
    ],
    'Before/after': ['before after', 'before and after', 'before vs after', 'pre/post', 'pre post', 'pre-post', 'pre vs post', 'historical baseline', 'historic baseline', 'historical comparison'],
    'Matched cohorts': ['matched cohort', 'cohorts', 'matched', 'cohort', 'matched groups', 'difference in differences', 'diff in diff', 'did', 'synthetic control'],
    None: ['no', 'n/a', 'na', 'tbd', 'none yet', 'not defined', 'no baseline'],
  },
  'A/B test, Before/after, Matched cohorts or None',
);

const dataRightsWords = choice<DataRights>(
  {
    // As a privacy or legal review answers: "Approved", "Not required" (no personal data to clear), "Under review", "Denied".
    Yes: ['y', 'cleared', 'true', '1', '✓', '✔', '☑', '✅', 'approved', 'not required'],
    Partial: ['partly', 'partially', 'in progress', 'pending', 'some', 'partially cleared', 'partly cleared', 'conditional', 'conditionally approved', 'under review', 'requested'],
    No: ['n', 'false', '0', 'not cleared', '✗', '✘', '✖', '☒', '❌', '×', 'not approved', 'denied', 'rejected', 'blocked', 'not started'],
  },
  'Yes, Partial or No',
);

/** Data rights also accept TRUE/FALSE and 1/0 cells, as any yes/no column does. */
const dataRights: CellReader<DataRights> = {
  expected: 'Yes, Partial or No',
  read(cell, memo): CellRead<DataRights> {
    if (typeof cell === 'boolean' || typeof cell === 'number') {
      const yes = yesNo.read(cell, memo);
      if (yes.kind === 'value') return { kind: 'value', value: yes.value ? 'Yes' : 'No' };
      return { ...yes, expected: 'Yes, Partial or No' } as CellRead<DataRights>;
    }
    return dataRightsWords.read(cell, memo);
  },
};

const riskTier = choice<RiskTier>({
  // The EU AI Act's categories too: limited risk sits between high and minimal; unacceptable is past high.
  Low: ['l', 'low risk', 'minimal', 'minimal risk', 'very low'],
  Medium: ['m', 'med', 'moderate', 'medium risk', 'limited', 'limited risk'],
  High: ['h', 'high risk', 'very high', 'critical', 'unacceptable', 'severe', 'significant'],
});
const phase = choice<Phase>({
  Pilot: ['poc', 'proof of concept', 'proof of value', 'pov', 'trial', 'learning pilot', 'mvp', 'experiment', 'pilot phase'],
  Scale: ['scale up', 'scaleup', 'scaling', 'production', 'rollout', 'roll out', 'full rollout', 'full roll out', 'deploy', 'deployment', 'expand', 'expansion', 'scale out'],
});
const override = choice<OverrideChoice>(
  { In: ['force in', 'forced in', 'include', 'yes in'], Out: ['force out', 'forced out', 'exclude'] },
  'In, Out or blank',
);

export type InputColumn = {
  key: InputKey;
  header: string;
  synonyms: string[];
  reader: CellReader<unknown>;
};

/** Input columns in the SPEC's order. Synonyms are compared after `normalise`. */
export const INPUT_COLUMNS = [
  { key: 'name', header: 'Initiative', synonyms: ['name', 'use case', 'initiative name', 'project', 'title', 'use case name'], reader: text },
  { key: 'id', header: 'ID', synonyms: ['ref', 'reference', 'initiative id', 'key'], reader: text },
  { key: 'owner', header: 'Owner', synonyms: ['accountable owner', 'business owner', 'accountable', 'owner name'], reader: text },
  { key: 'function', header: 'Function', synonyms: ['department', 'business unit', 'sponsoring function', 'sponsor function', 'area'], reader: text },
  { key: 'aiType', header: 'AI type', synonyms: ['type', 'type of ai', 'kind of ai', 'ai category'], reader: aiType },
  { key: 'annualValue', header: 'Annual value', synonyms: ['value', 'annual benefit', 'benefit', 'expected value', 'annual impact', 'value per year', 'expected annual benefit'], reader: money },
  { key: 'strategicFit', header: 'Strategic fit', synonyms: ['fit', 'strategic alignment', 'alignment'], reader: scale },
  { key: 'decisionChanged', header: 'Decision changed', synonyms: ['workflow step', 'decision or workflow', 'decision or workflow changed', 'outcome chain', 'decision workflow changed', 'what changes'], reader: text },
  { key: 'successMetric', header: 'Success metric', synonyms: ['metric', 'kpi', 'target', 'success measure', 'success criteria'], reader: text },
  { key: 'baselineMethod', header: 'Baseline method', synonyms: ['baseline', 'comparison method', 'measurement method', 'baseline and comparison'], reader: baselineMethod },
  { key: 'decisionRightsShift', header: 'Decision rights shift', synonyms: ['decision rights', 'decision right shift', 'decision-right shifts'], reader: scale },
  { key: 'workloadShift', header: 'Workload shift', synonyms: ['workload', 'workload redistribution'], reader: scale },
  { key: 'incentiveMisalignment', header: 'Incentive misalignment', synonyms: ['incentives', 'kpi misalignment', 'incentive and kpi misalignment', 'incentive kpi misalignment'], reader: scale },
  { key: 'newObligations', header: 'New obligations', synonyms: ['operational obligations', 'obligations', 'new operational obligations'], reader: scale },
  { key: 'integrationComplexity', header: 'Integration complexity', synonyms: ['integration'], reader: scale },
  { key: 'dataRights', header: 'Data rights', synonyms: ['data rights cleared', 'data access', 'rights and access', 'data rights and access'], reader: dataRights },
  { key: 'dataQuality', header: 'Data quality', synonyms: [], reader: scale },
  { key: 'dataAvailability', header: 'Data availability', synonyms: [], reader: scale },
  { key: 'instrumentation', header: 'Instrumentation', synonyms: ['workflow instrumentation', 'instrumented'], reader: yesNo },
  { key: 'decisionLogging', header: 'Decision logging', synonyms: ['logging'], reader: yesNo },
  { key: 'monitoringOwner', header: 'Monitoring owner', synonyms: ['model owner', 'model health owner', 'monitoring lead'], reader: text },
  { key: 'incidentProcess', header: 'Incident process', synonyms: ['incident playbook', 'rollback', 'incident and rollback'], reader: yesNo },
  { key: 'riskTier', header: 'Risk tier', synonyms: ['risk', 'risk level', 'risk rating'], reader: riskTier },
  { key: 'phaseRequested', header: 'Phase requested', synonyms: ['phase', 'requested phase', 'stage'], reader: phase },
  { key: 'override', header: 'Override', synonyms: ['leadership override'], reader: override },
  { key: 'overrideReason', header: 'Override reason', synonyms: ['reason', 'override rationale', 'rationale'], reader: text },
  { key: 'requires', header: 'Requires', synonyms: ['depends on', 'dependencies', 'prerequisites'], reader: referenceText },
  { key: 'excludes', header: 'Excludes', synonyms: ['alternatives', 'alternative to', 'mutually exclusive with'], reader: referenceText },
  // Read only with two or more horizons (see horizons.ts); otherwise they are the user's own columns.
  { key: 'duration', header: 'Duration', synonyms: ['duration in horizons', 'horizons needed'], reader: quantity },
  { key: 'earliestStart', header: 'Earliest start', synonyms: ['start no earlier than', 'not before', 'earliest horizon'], reader: text },
  { key: 'valueLow', header: 'Value low', synonyms: ['low value', 'annual value low', 'value (low)', 'minimum value', 'value min'], reader: money },
  { key: 'valueHigh', header: 'Value high', synonyms: ['high value', 'annual value high', 'value (high)', 'maximum value', 'value max'], reader: money },
] as const satisfies readonly { key: string; header: string; synonyms: string[]; reader: CellReader<unknown> }[];

export type InputKey = (typeof INPUT_COLUMNS)[number]['key'];

export const REQUIRED_COLUMNS: readonly InputKey[] = ['name'];

/** Columns most portfolios do without: their absence is not worth a warning. */
export const OPTIONAL_COLUMNS: readonly InputKey[] = ['requires', 'excludes', 'duration', 'earliestStart', 'valueLow', 'valueHigh'];

/** Columns read only on a roadmap (two or more horizons). */
export const ROADMAP_COLUMNS: readonly InputKey[] = ['duration', 'earliestStart'];

/** Output columns, in the order they are appended when absent. The add-in writes these and nothing else in the table. */
export const OUTPUT_COLUMNS = [
  { key: 'priority', header: 'Priority' },
  { key: 'priorityScore', header: 'Priority score' },
  { key: 'impactScore', header: 'Impact score' },
  { key: 'frictionScore', header: 'Friction score' },
  { key: 'readinessScore', header: 'Readiness score' },
  { key: 'gate', header: 'Gate' },
  { key: 'gateGaps', header: 'Gate gaps' },
  { key: 'decision', header: 'Decision' },
  { key: 'binding', header: 'Binding constraint' },
  { key: 'why', header: 'Why' },
] as const;

/** The horizon a committed initiative starts in: an output only with two or more horizons. */
export const START_COLUMN = { key: 'start', header: 'Start' } as const;

/** The share of drawn futures that commit an initiative: an output only when the workbook states some uncertainty (confidence.ts). */
export const CONFIDENCE_COLUMN = { key: 'confidence', header: 'Confidence' } as const;

export type OutputKey = (typeof OUTPUT_COLUMNS)[number]['key'] | typeof START_COLUMN.key | typeof CONFIDENCE_COLUMN.key;

const INPUT_BY_NAME = new Map<string, InputKey>();
for (const column of INPUT_COLUMNS) {
  for (const name of [column.header, ...column.synonyms]) INPUT_BY_NAME.set(normalise(name), column.key);
}
/**
 * What the prioritiser adds to an output column's header when it writes that column beside a user's
 * own column of the same name ("Priority (prioritiser)"): a header it made up, so always its own.
 */
export const BESIDE_SUFFIX = ' (prioritiser)';

const OUTPUT_BY_NAME = new Map<string, OutputKey>(
  [...OUTPUT_COLUMNS, START_COLUMN, CONFIDENCE_COLUMN].flatMap((c) => [[normalise(c.header), c.key] as const, [normalise(`${c.header}${BESIDE_SUFFIX}`), c.key] as const]),
);

export const inputKeyOf = (header: string): InputKey | undefined => INPUT_BY_NAME.get(normalise(header));
export const outputKeyOf = (header: string): OutputKey | undefined => OUTPUT_BY_NAME.get(normalise(header));

export const inputColumn = (key: InputKey) => INPUT_COLUMNS.find((c) => c.key === key)!;

/**
 * The team a demand header names: the team's own name, "Demand: Legal", "Legal demand" or "Demand for Legal".
 * `explicit` tells a header that says "demand" even when no such team exists (reported), from a plain user column.
 */
export function demandHeader(header: string): { team: string; explicit: boolean } {
  const prefixed = /^\s*demand\s*(?:(?:for|on)\b)?\s*[:\-–]?\s*(.+?)\s*$/i.exec(header);
  if (prefixed?.[1]) return { team: prefixed[1], explicit: true };
  const suffixed = /^\s*(.+?)\s*[-–]?\s*demand\s*$/i.exec(header);
  if (suffixed?.[1]) return { team: suffixed[1], explicit: true };
  return { team: header.trim(), explicit: false };
}
