// Recognising a table's headers by their words, the way a finance team writes
// them: "Est. annual benefit (USD)", "Baseline / comparison", "Data rights
// cleared?". A header is reduced to a set of word stems (case, punctuation,
// question marks, units in brackets and hedges such as "estimated" dropped;
// abbreviations spelled out) and compared with each contract column's
// vocabulary. A header whose words are all explained by one column's phrases
// is that column; one that two columns could explain is not guessed; one with
// a word no column explains ("Owner email", "Budget check") is the user's own.

import { normalise, readsText } from './cells';
import { INPUT_COLUMNS, inputColumn, outputKeyOf, type InputKey } from './columns';

export type HeaderMatch =
  /** `canonical`: the header is the column's own name, not one of its other names. */
  | { kind: 'column'; key: InputKey; how: 'exact' | 'words'; canonical?: boolean }
  | { kind: 'ambiguous'; keys: InputKey[] }
  | { kind: 'none' };

/** Phrases (read as sets of words) that name each contract column, besides its exact names in columns.ts. */
const VOCABULARY: Partial<Record<InputKey, string[]>> = {
  name: [
    'initiative', 'initiative name', 'initiative title', 'name', 'use case', 'use case name', 'use case title', 'ai use case',
    'ai initiative', 'ai initiative name', 'project', 'project name', 'project title', 'title', 'idea', 'idea name', 'opportunity',
    'opportunity name', 'programme', 'program', 'programme name', 'program name', 'proposal', 'proposal name', 'epic', 'epic name',
  ],
  id: [
    'id', 'ref', 'reference', 'identifier', 'number', 'key', 'code', 'initiative id', 'project id', 'use case id', 'idea id',
    'initiative number', 'project number', 'use case number', 'ref number', 'reference number', 'initiative code', 'project code',
    'initiative ref', 'project ref', 'unique id', 'portfolio id', 'ticket', 'ticket id',
  ],
  owner: [
    'owner', 'business owner', 'accountable owner', 'initiative owner', 'project owner', 'use case owner', 'product owner',
    'accountable', 'accountable person', 'accountable executive', 'accountable exec', 'accountable lead', 'owner name', 'lead', 'project lead',
    'initiative lead', 'business lead', 'use case lead', 'sponsor', 'executive sponsor', 'business sponsor', 'exec sponsor',
    'champion', 'business champion', 'dri', 'responsible', 'responsible person', 'project manager', 'delivery lead',
  ],
  function: [
    'function', 'business function', 'sponsoring function', 'sponsor function', 'requesting function', 'owning function',
    'department', 'business department', 'requesting department', 'business unit', 'bu', 'division', 'business division', 'area',
    'business area', 'functional area', 'line of business', 'lob', 'domain', 'business domain', 'segment', 'business segment',
    'requesting team', 'org unit', 'organisation unit', 'organization unit', 'cost centre', 'cost center',
  ],
  aiType: [
    'ai type', 'type of ai', 'kind of ai', 'ai category', 'ai technique', 'ai approach', 'ai technology', 'ai capability',
    'ai solution type', 'technique', 'model type', 'type of model', 'technology type', 'solution type', 'ml type', 'ai method',
    'ai class', 'solution category', 'technology',
  ],
  annualValue: [
    'annual value', 'value', 'annual benefit', 'benefit', 'annual impact', 'value per year', 'expected value', 'financial benefit',
    'financial value', 'financial impact', 'annual saving', 'saving', 'cost saving', 'annual cost saving', 'value at stake',
    'business value', 'dollar value', 'annual revenue impact', 'revenue impact', 'ebit impact', 'ebitda impact', 'profit impact',
    'bottom line impact', 'p l impact', 'run rate benefit', 'run rate value', 'run rate saving', 'yearly value', 'yearly benefit',
    'benefit per year', 'value estimate', 'benefit estimate', 'opportunity size', 'opportunity value', 'value potential',
    'annual financial benefit', 'annual business value', 'annual return', 'return per year', 'annual value creation',
    'value creation', 'annual upside', 'upside', 'annual gain', 'efficiency gain', 'annual efficiency gain', 'recurring benefit',
    'annual recurring benefit', 'benefit value', 'value of benefit', 'impact value', 'financial upside', 'annual cash benefit',
  ],
  strategicFit: [
    'strategic fit', 'fit', 'strategic alignment', 'alignment', 'strategy alignment', 'alignment to strategy', 'alignment with strategy',
    'strategy fit', 'fit with strategy', 'fit to strategy', 'strategic importance', 'strategic relevance', 'strategic priority',
    'strategic value', 'strategic', 'strategic contribution', 'strategic objective alignment', 'alignment to objectives',
    'okr alignment', 'goal alignment', 'alignment to goals',
  ],
  decisionChanged: [
    'decision changed', 'decision or workflow changed', 'decision or workflow', 'decision workflow', 'decision workflow changed',
    'workflow step', 'workflow step changed', 'workflow changed', 'workflow affected', 'workflow', 'process step', 'process changed',
    'process affected', 'process impacted', 'decision affected', 'decision impacted', 'decision improved', 'decision supported',
    'decision point', 'key decision', 'target decision', 'what changes', 'what decision changes', 'decision to change',
    'customer interaction', 'customer interaction changed', 'business process', 'business process changed', 'target process',
    'target workflow', 'outcome chain', 'change to workflow', 'workflow change', 'process change', 'affected process',
    'affected workflow', 'affected decision',
  ],
  successMetric: [
    'success metric', 'metric', 'kpi', 'target kpi', 'primary kpi', 'key kpi', 'success kpi', 'kpi target', 'success measure',
    'success criteria', 'success criterion', 'measure of success', 'outcome metric', 'key metric', 'primary metric',
    'north star metric', 'measurable outcome', 'target', 'target metric', 'impact metric', 'success definition',
    'definition of success', 'outcome measure', 'okr', 'key result', 'business kpi', 'target outcome', 'metric to move',
    'kpi to move', 'success target',
    'measurable success metric', 'measurable metric', 'measurable kpi', 'measurable target',
  ],
  baselineMethod: [
    'baseline method', 'baseline', 'comparison', 'comparison method', 'baseline comparison', 'baseline and comparison',
    'measurement method', 'measurement approach', 'measurement design', 'evaluation method', 'evaluation design',
    'counterfactual', 'control group', 'baseline approach', 'impact measurement', 'impact measurement method',
    'validation method', 'experiment design', 'experimental design', 'test design', 'attribution method', 'benefit measurement',
    'benefit measurement method', 'proof method', 'how impact measure', 'how benefit measure', 'how value measure',
    'baseline type', 'comparison type', 'comparison group', 'measurement plan', 'evaluation approach',
  ],
  decisionRightsShift: [
    'decision rights shift', 'decision rights', 'decision right change', 'decision authority', 'decision authority shift',
    'decision authority change', 'authority shift', 'change in decision rights', 'who decides', 'decision ownership change',
    'decision making shift', 'decision making change', 'shift in decision rights', 'decision rights impact',
  ],
  workloadShift: [
    'workload shift', 'workload', 'workload change', 'workload redistribution', 'workload impact', 'work redistribution',
    'work shift', 'effort shift', 'role change', 'role impact', 'job impact', 'workforce impact', 'people impact',
    'shift in workload', 'change in workload', 'work reallocation',
  ],
  incentiveMisalignment: [
    'incentive misalignment', 'incentive', 'incentive conflict', 'kpi misalignment', 'kpi conflict', 'conflicting incentive',
    'misaligned incentive', 'incentive and kpi misalignment', 'incentive kpi misalignment', 'target conflict', 'incentive risk',
    'conflicting kpi', 'misaligned kpi', 'incentive mismatch',
  ],
  newObligations: [
    'new obligations', 'obligation', 'operational obligation', 'new operational obligation', 'ongoing obligation',
    'run obligation', 'operating burden', 'operational burden', 'ops burden', 'run burden', 'maintenance burden',
    'compliance obligation', 'new duty', 'ongoing duty', 'operational overhead', 'ongoing overhead', 'new operational duty',
  ],
  integrationComplexity: [
    'integration complexity', 'integration', 'integration effort', 'integration difficulty', 'integration risk',
    'system integration', 'systems integration', 'technical complexity', 'tech complexity', 'it complexity',
    'implementation complexity', 'complexity', 'technical difficulty', 'integration complexity', 'system complexity',
    'integration need', 'integration requirement', 'technical integration',
  ],
  dataRights: [
    'data rights', 'data rights cleared', 'data right clearance', 'data rights status', 'data access', 'data access cleared',
    'data access approved', 'data access rights', 'rights and access', 'data rights and access', 'data permission',
    'data consent', 'consent', 'data privacy cleared', 'privacy cleared', 'privacy clearance', 'privacy review', 'legal basis',
    'data usage rights', 'data use rights', 'right to use data', 'data licensing', 'data licence', 'data license',
    'gdpr cleared', 'gdpr clearance', 'pii cleared', 'pii clearance', 'data clearance', 'data cleared', 'data protection cleared', 'data protection clearance',
    'personal data cleared', 'dpia', 'dpia done', 'dpia complete',
  ],
  dataQuality: [
    'data quality', 'quality of data', 'data cleanliness', 'data accuracy', 'data completeness', 'data reliability',
    'data health', 'data quality level', 'data integrity', 'data fitness', 'data readiness',
  ],
  dataAvailability: [
    'data availability', 'data available', 'availability of data', 'data volume',
    'data source available', 'data accessibility', 'data coverage', 'data in hand', 'data maturity', 'data readiness',
    'training data available', 'availability', 'data sources available',
  ],
  instrumentation: [
    'instrumentation', 'instrumented', 'workflow instrumented', 'workflow instrumentation', 'telemetry', 'usage telemetry',
    'usage tracking', 'tracking', 'event tracking', 'acceptance tracking', 'override tracking', 'feedback capture',
    'feedback loop', 'outcome tracking', 'adoption tracking', 'measurement instrumentation', 'workflow telemetry',
  ],
  decisionLogging: [
    'decision logging', 'logging', 'decision log', 'decisions logged', 'audit trail', 'decision audit trail', 'decision record',
    'decision traceability', 'traceability', 'decision audit', 'auditability', 'decision capture', 'log of decisions',
    'prediction logging', 'model decision logging', 'ai decision logging',
  ],
  monitoringOwner: [
    'monitoring owner', 'model owner', 'model health owner', 'monitoring lead', 'monitoring', 'model monitoring',
    'model monitoring owner', 'monitor owner', 'monitoring responsibility', 'who monitors', 'model steward', 'model custodian',
    'mlops owner', 'run owner', 'operational owner', 'post launch owner', 'model operations owner', 'model ops owner',
    'ai owner', 'ai model owner', 'model risk owner', 'model accountable',
    'named monitoring owner', 'monitoring owner named',
  ],
  incidentProcess: [
    'incident process', 'incident playbook', 'rollback', 'incident and rollback', 'rollback plan', 'rollback process',
    'roll back', 'roll back plan', 'incident response', 'incident response plan', 'incident management', 'incident plan',
    'runbook', 'fallback plan', 'fallback', 'kill switch', 'escalation process', 'playbook', 'incident handling',
    'incident procedure', 'contingency plan', 'incident and rollback process',
    'incident process defined', 'incident and rollback process defined', 'rollback defined', 'rollback plan defined',
  ],
  riskTier: [
    'risk tier', 'risk', 'risk level', 'risk rating', 'risk class', 'risk category', 'risk classification', 'ai risk',
    'ai risk tier', 'ai risk level', 'ai risk rating', 'ai risk category', 'model risk', 'model risk tier', 'model risk rating',
    'risk profile', 'inherent risk', 'risk assessment', 'risk grade', 'eu ai act risk', 'eu ai act category',
    'eu ai act risk category', 'ai act risk', 'ai act category', 'regulatory risk', 'compliance risk', 'risk exposure',
    'risk band', 'overall risk', 'governance risk',
  ],
  phaseRequested: [
    'phase requested', 'phase', 'requested phase', 'stage', 'requested stage', 'next phase', 'next stage', 'funding stage',
    'pilot or scale', 'target phase', 'target stage', 'proposed phase', 'proposed stage', 'phase sought', 'stage sought',
    'stage requested', 'funding requested for', 'phase ask', 'ask', 'request type', 'investment stage', 'deployment stage',
    'delivery phase',
  ],
  override: [
    'override', 'leadership override', 'manual override', 'exec override', 'executive override', 'management override',
    'steerco override', 'steering override', 'override decision', 'forced decision', 'force in out', 'leadership call',
    'leadership decision', 'exec decision override',
  ],
  overrideReason: [
    'override reason', 'reason', 'override rationale', 'rationale', 'justification', 'override justification',
    'reason for override', 'override comment', 'override note', 'override why', 'why override', 'rationale for override',
  ],
  requires: [
    'requires', 'depends on', 'dependency', 'prerequisite', 'required initiative', 'depends upon', 'predecessor',
    'blocked by', 'enabler', 'required enabler', 'requires initiative', 'dependent on', 'upstream dependency',
  ],
  excludes: [
    'excludes', 'alternative', 'alternative to', 'mutually exclusive with', 'exclusive with', 'conflicts with', 'instead of',
    'incompatible with', 'either or with', 'competes with', 'mutually exclusive',
  ],
  earliestStart: ['earliest start', 'earliest start horizon', 'start horizon', 'earliest horizon', 'earliest start period', 'earliest start quarter', 'earliest quarter', 'start no earlier than', 'not before'],
  valueLow: ['value low', 'low value', 'annual value low', 'low annual value', 'minimum value', 'value min', 'benefit low', 'low benefit', 'downside value', 'pessimistic value', 'low case value', 'value low case', 'low case', 'value range low', 'low end value', 'value low end'],
  valueHigh: ['value high', 'high value', 'annual value high', 'high annual value', 'maximum value', 'value max', 'benefit high', 'high benefit', 'upside value', 'optimistic value', 'high case value', 'value high case', 'high case', 'value range high', 'high end value', 'value high end'],
};

/** Headers whose words look like ours but are the user's own: a column about something else. */
const NOT_OURS = [
  'risk owner', 'baseline value', 'baseline cost', 'value type', 'project type', 'benefit type', 'value driver',
  'benefit owner', 'value owner', 'data owner', 'kpi owner', 'metric owner', 'budget owner', 'process owner',
  'risk mitigation', 'benefit realisation', 'benefit realization', 'owner email', 'owner team',
];

/** Words that carry no meaning for recognition (compared before stemming): small words, hedges, yes/no hints, units. */
const NOISE = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'for', 'to', 'in', 'on', 'at', 'per', 'by', 'is', 'are', 'be', 'with', 'this', 'it',
  'its', 'we', 'our', 'do', 'does', 'has', 'have', 'what', 'which', 'vs', 'versus', 'will', 'can', 'if', 'any', 'was', 'been',
  'estimated', 'estimate', 'est', 'expected', 'projected', 'forecast', 'forecasted', 'anticipated', 'approx', 'approximate',
  'approximately', 'potential', 'likely', 'total', 'gross', 'net', 'y', 'n', 'yn', 'yes', 'tbd', 'place', 'exists', 'exist',
  'usd', 'eur', 'gbp', 'chf', 'jpy', 'cad', 'aud', 'inr', 'cny', 'sek', 'nok', 'dkk', 'k', 'm', 'mm', 'mn', 'bn', 'thousand',
  'thousands', 'million', 'millions', 'billion', 'billions', 'amount', 'usdm', 'usdk', 'eurm', 'eurk', 'gbpm', 'gbpk', 'lakh', 'lakhs',
  'crore', 'crores',
]);

/** Words a 1-5 rating's header may add: "Data quality score", "Strategic fit rating". */
const RATING_NOISE = new Set(['score', 'scores', 'rating', 'ratings', 'level', 'grade', 'index', 'assessment', 'rank']);

/** Abbreviations, spelled out before stemming. */
const ABBREVIATIONS: Record<string, string> = {
  est: 'estimated', wks: 'weeks', wk: 'week', yr: 'year', yrs: 'years', pa: 'annual', annualised: 'annual', annualized: 'annual',
  dept: 'department', depts: 'departments', mgmt: 'management', mgr: 'manager', eng: 'engineering', biz: 'business',
  req: 'requested', reqd: 'required', impl: 'implementation', info: 'information', qty: 'quantity', nbr: 'number',
  num: 'number', perf: 'performance', func: 'function', fn: 'function', cust: 'customer', val: 'value', cat: 'category',
  strat: 'strategic', int: 'integration', avail: 'availability', dq: 'data quality', kpis: 'kpi', ids: 'id', refs: 'ref',
};

/** Stems that the suffix rules would leave apart. */
const IRREGULAR: Record<string, string> = {
  strategic: 'strategy', strategically: 'strategy', clearanc: 'clear', clearance: 'clear', instrumentation: 'instrument',
  logg: 'log', analys: 'analysis', analytic: 'analytics', monitor: 'monitor', programm: 'program', programme: 'program',
  organisation: 'organization', licenc: 'licens', licens: 'licens', saving: 'saving', misaligned: 'misalign',
  misalignment: 'misalign', avail: 'available', availabl: 'available', ownership: 'owner', tier: 'tier', stag: 'stage',
};

/** A light stemmer: enough that "requires", "required" and "requirement", or "benefit" and "benefits", meet. */
export function stem(word: string): string {
  let w = word;
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ment')) w = w.slice(0, -4);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return IRREGULAR[w] ?? w;
}

// A unit in brackets, or after a comma: "(USD)", "[£000s]", "(1-5)", "(weeks)", ", $k".
const BRACKETS = /[([{][^)\]}]*[)\]}]/g;

/**
 * The words of a header, stemmed, abbreviations spelled out, units in brackets and noise words dropped.
 * A rating word ("score", "level") comes back as "~score" so a 1-5 column may ignore it and others may not.
 */
export function headerWords(header: string): string[] {
  const text = header
    .toLowerCase()
    // The score a group of columns feeds, as a heading before them: "Friction: incentives", "Readiness - instrumentation".
    .replace(/^\s*(?:friction|readiness|impact)\s*[:\-–]\s*(?=\S)/, '')
    .replace(BRACKETS, ' ')
    .replace(/#/g, ' number ')
    .replace(/\bno\.(?=\s|$)/g, ' number ')
    .replace(/\bp\.\s?a\.?(?=\s|$)/g, ' annual ')
    .replace(/\b(?:per|a|each)\s+(?:annum|year)\b|\/\s*(?:yr|year)\b/g, ' annual ')
    .replace(/\bp\s?&\s?l\b/g, ' p l ')
    .replace(/\ba\s?\/\s?b\b/g, ' ab ')
    .replace(/['’]s\b/g, '');
  const words: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    // A number, a financial year ("FY27 value") or a unit such as "000s" says when or how, not what: the column is the same.
    if (raw === '' || /^(?:fy|cy)?\d+s?$/.test(raw)) continue;
    const spelled = ABBREVIATIONS[raw] ?? raw;
    for (const part of spelled.split(' ')) {
      if (NOISE.has(part)) continue;
      words.push(RATING_NOISE.has(part) ? `~${part.replace(/s$/, '')}` : stem(part));
    }
  }
  return words;
}

/** A bracket stating a rating scale: "(1-5)", "(1 to 10)", "(/5)", "(score)", "(H/M/L)". */
const RATING_UNIT = /[([]\s*(?:\d+\s*(?:-|–|to)\s*\d+|\/\s*\d+|score|rating|[hml]\s*\/\s*[hml](?:\s*\/\s*[hml])?)\s*[)\]]/i;

const MONEY_COLUMNS = new Set<InputKey>(['annualValue', 'valueLow', 'valueHigh']);
const RATING_COLUMNS = new Set<InputKey>([
  'strategicFit', 'decisionRightsShift', 'workloadShift', 'incentiveMisalignment', 'newObligations', 'integrationComplexity',
  'dataQuality', 'dataAvailability',
]);

type Phrase = { key: InputKey; words: string[] };

const wordSet = (phrase: string): string[] => [...new Set(headerWords(phrase))];

let phrases: Phrase[] | undefined;
let exactNames: Map<string, InputKey> | undefined;
let notOurs: Set<string> | undefined;

function vocabulary(): { phrases: Phrase[]; exactNames: Map<string, InputKey>; notOurs: Set<string> } {
  if (!phrases || !exactNames || !notOurs) {
    phrases = [];
    exactNames = new Map();
    for (const column of INPUT_COLUMNS) {
      for (const name of [column.header, ...column.synonyms]) exactNames.set(normalise(name), column.key);
      for (const phrase of [column.header, ...(VOCABULARY[column.key] ?? [])]) {
        const words = wordSet(phrase);
        if (words.length > 0) phrases.push({ key: column.key, words });
      }
    }
    notOurs = new Set(NOT_OURS.map((p) => wordSet(p).sort().join(' ')));
  }
  return { phrases, exactNames, notOurs };
}

/**
 * The headers whose number formats change how their cells read: every column read as a number (money,
 * 1-5 ratings, yes/no), Earliest start, and every column the table's headers do not name, which may be a
 * team's demand. Not the other text columns nor the output columns. A date there is no number; 150% is no rating of 1.5.
 */
export function numberColumnIndices(headers: readonly string[]): number[] {
  return headers.flatMap((header, index) => {
    const match = recogniseHeader(String(header ?? ''));
    // Earliest start is text, but a date typed there is said as its date rather than its serial number.
    if (match.kind === 'column') return readsText(inputColumn(match.key).reader) && match.key !== 'earliestStart' ? [] : [index];
    return outputKeyOf(String(header ?? '')) === undefined ? [index] : [];
  });
}

/**
 * Which contract column a header names. Exact names (columns.ts, compared ignoring case and
 * punctuation) first; then by words: the column whose phrases account for every word of the header.
 */
export function recogniseHeader(header: string): HeaderMatch {
  const { phrases, exactNames, notOurs } = vocabulary();
  // "Initiative #" is an ID, though it folds to "initiative".
  const ratingUnit = RATING_UNIT.test(header);
  const exact = header.includes('#') ? undefined : exactNames.get(normalise(header)) ?? exactNames.get(normalise(header.replace(BRACKETS, ' ')));
  if (exact) {
    if (ratingUnit && MONEY_COLUMNS.has(exact)) return { kind: 'none' };
    return { kind: 'column', key: exact, how: 'exact', canonical: normalise(header.replace(BRACKETS, ' ')) === normalise(inputColumn(exact).header) };
  }
  const words = [...new Set(headerWords(header))];
  if (words.length === 0 || notOurs.has([...words].sort().join(' '))) return { kind: 'none' };
  const covered = new Map<InputKey, Set<string>>();
  for (const phrase of phrases) {
    if (!phrase.words.every((w) => words.includes(w))) continue;
    const set = covered.get(phrase.key) ?? new Set<string>();
    for (const w of phrase.words) set.add(w);
    covered.set(phrase.key, set);
  }
  const explains = (key: InputKey, set: Set<string>) =>
    words.every((w) => set.has(w) || (RATING_COLUMNS.has(key) && w.startsWith('~')));
  const full = [...covered].filter(([key, set]) => explains(key, set) && !(ratingUnit && MONEY_COLUMNS.has(key))).map(([key]) => key);
  if (full.length === 1) return { kind: 'column', key: full[0]!, how: 'words' };
  if (full.length > 1) {
    // Where one column has a phrase that is the whole header ("Upside value" of Value high) and the others only
    // explain it word by word ("upside" and "value" of Annual value), the whole phrase says which.
    const whole = full.filter((key) => phrases.some((p) => p.key === key && p.words.length === words.length && words.every((w) => p.words.includes(w))));
    return whole.length === 1 ? { kind: 'column', key: whole[0]!, how: 'words' } : { kind: 'ambiguous', keys: full };
  }
  // No one column explains the header, but two together do: "Data rights and quality".
  const partial = [...covered.keys()];
  if (partial.length > 1) {
    const union = new Set(partial.flatMap((key) => [...covered.get(key)!]));
    if (words.every((w) => union.has(w))) return { kind: 'ambiguous', keys: partial };
  }
  return { kind: 'none' };
}

/** Words a demand header adds to its team's name: "Legal (weeks)", "Security FTE", "Demand: ML Platform". */
const DEMAND_WORDS = new Set(
  [
    'demand', 'demands', 'fte', 'ftes', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'hrs', 'effort', 'need', 'needs',
    'needed', 'ask', 'person', 'people', 'month', 'months', 'pw', 'pd', 'pm', 'md', 'mandays', 'headcount', 'resource',
    'resources', 'required', 'requirement', 'load', 'capacity', 'time', 'from', 'sprint', 'sprints', 'point', 'points',
    'story', 'sp', 'requested', 'request', 'usage', 'hc',
  ].map(stem),
);

const teamWords = (text: string): string[] => headerWords(text);

/**
 * The team of the Capacity table a demand header names, however it is written. Words are compared
 * in order, a header word matching a team word it starts ("Data Eng" for "Data Engineering").
 * Undefined when no team, or more than one, fits.
 */
export function demandTeamOf(header: string, teams: readonly string[]): string | undefined {
  const words = headerWords(header).filter((w) => !DEMAND_WORDS.has(w) && w !== 'team');
  if (words.length === 0) return undefined;
  const fits = teams.filter((team) => {
    const named = teamWords(team).filter((w) => w !== 'team');
    return named.length === words.length && named.every((w, i) => w === words[i] || (words[i]!.length >= 2 && w.startsWith(words[i]!)));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** A unit stated by a demand header, spelled the way a Capacity table's Unit is: "weeks", "FTE", "days". */
export function demandUnitOf(header: string): string | undefined {
  const text = header.toLowerCase();
  // "FTE weeks" and "FTE-days" are weeks and days of a person's time, as "person-weeks" are: the time word says the unit.
  if (/\b(weeks?|wks?|person[- ]weeks?)\b/.test(text)) return 'week';
  if (/\b(days?|person[- ]days?|man[- ]days?)\b/.test(text)) return 'day';
  if (/\b(hours?|hrs?)\b/.test(text)) return 'hour';
  if (/\bmonths?\b/.test(text)) return 'month';
  if (/\bfte/.test(text)) return 'fte';
  return undefined;
}
