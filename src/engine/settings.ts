// The model's settings, read from the two-column `Setting`/`Value` table of the
// settings sheet. zod checks each value at this boundary; a bad value is
// reported with its cell and the default is used, so a run never stops on it.

import { uncalculatedIssues } from './uncalculated';
import { z } from 'zod';
import { normalise, parseNumber, showCell } from './cells';
import { currencyCode, isCurrencyCode } from './currency';
import { a1, qualified } from './address';
import { listWords } from './format';
import type { Issue, Objective, RawTable, SelectionMethod, Settings, WeightRange, Weights } from './types';

/** Futures drawn for the confidence figures unless the settings say otherwise. */
export const DEFAULT_CONFIDENCE_DRAWS = 500;
/** The most futures a run draws: enough for a figure within a percentage point or so. */
export const MOST_CONFIDENCE_DRAWS = 10_000;

export const DEFAULT_SETTINGS: Settings = {
  weights: { impact: 50, readiness: 30, friction: 20 },
  inFlightLimit: 10,
  method: 'Rank and fill',
  objective: 'Priority score',
  solverTimeLimitSeconds: 2,
  planningPeriod: 'Next planning period',
  currency: '$',
  reportingCurrency: '',
  initiativesTable: 'Initiatives',
  capacityOverrides: {},
  scenario: '',
  demandOverrun: 0,
  confidenceDraws: DEFAULT_CONFIDENCE_DRAWS,
  weightRanges: {},
};

/** The settings with every field present: the reporting currency is '' when none is set. */
export function settingsRecord(s: Settings): Settings {
  return {
    weights: { impact: s.weights.impact, readiness: s.weights.readiness, friction: s.weights.friction },
    inFlightLimit: s.inFlightLimit,
    method: s.method,
    objective: s.objective,
    solverTimeLimitSeconds: s.solverTimeLimitSeconds,
    planningPeriod: s.planningPeriod,
    currency: s.currency,
    reportingCurrency: s.reportingCurrency ?? '',
    initiativesTable: s.initiativesTable,
    capacityOverrides: s.capacityOverrides,
    scenario: s.scenario,
    // Present only when set, so the settings of a workbook without horizons read exactly as before.
    ...(s.horizons && s.horizons.length > 0 ? { horizons: s.horizons } : {}),
    demandOverrun: s.demandOverrun ?? 0,
    confidenceDraws: s.confidenceDraws ?? DEFAULT_CONFIDENCE_DRAWS,
    weightRanges: s.weightRanges ?? {},
  };
}

/**
 * A number cell read as the setting means it: `scale` is given the number and whether it was typed as a
 * percentage ("50%" as text); a cell that holds no number is "not a number".
 */
const numberSetting = (scale: (value: number, typedAsPercent: boolean) => number) =>
  z.union([z.number(), z.string()]).transform((cell, ctx) => {
    const value = parseNumber(cell);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'not a number' });
      return z.NEVER;
    }
    return scale(value, typeof cell === 'string' && cell.trim().endsWith('%'));
  });

/** A number as it is typed. */
const numberCell = numberSetting((value) => value);

/** A weight, in points of 100: "50%" typed as text is 50, as the weights are written (a number is taken as it is). */
const weight = numberSetting((value, typedAsPercent) => (typedAsPercent ? Math.round(value * 100 * 1e9) / 1e9 : value)).pipe(z.number().min(0).max(100));

/**
 * A percentage: "20%" as text, 0.2 (what a cell formatted as a percentage holds) or 20 (a plain number
 * above 1 is read as points: nobody means an overrun of 2,000%).
 */
const percentage = numberSetting((value, typedAsPercent) => (typedAsPercent || value <= 1 ? value : value / 100)).pipe(z.number().min(0).max(10));

/** A weight's range, "40-60" or "40 to 60" (blank: none). */
const weightRange = z.union([z.string(), z.number()]).transform((cell, ctx): WeightRange | undefined => {
  const text = String(cell).trim();
  if (text === '') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)$/i.exec(text);
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || !(low <= high) || high > 100) {
    ctx.addIssue({ code: 'custom', message: 'not a range' });
    return z.NEVER;
  }
  return { low, high };
});

const rangeText = (range: WeightRange | undefined): string => (range ? `${range.low}-${range.high}` : '');

/** Whole percentages as the settings sheet shows them: 0.5 is "50%". */
export const percentText = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
const methods: SelectionMethod[] = ['Rank and fill', 'Optimal'];
const objectives: Objective[] = ['Priority score', 'Annual value'];
/** Other words for a setting's values, compared as folded: "Optimise", "Rank & fill", "Value". */
const VALUE_ALIASES: Record<string, string> = {
  optimise: 'Optimal', optimize: 'Optimal', optimised: 'Optimal', optimized: 'Optimal', optimisation: 'Optimal', optimization: 'Optimal',
  optimum: 'Optimal', solver: 'Optimal', mip: 'Optimal', rankfill: 'Rank and fill', greedy: 'Rank and fill', rank: 'Rank and fill',
  rankorder: 'Rank and fill', rankandfillgreedy: 'Rank and fill', value: 'Annual value', annualbenefit: 'Annual value',
  score: 'Priority score', priority: 'Priority score',
};
const oneOf = <T extends string>(values: T[]) =>
  z.string().transform((cell, ctx) => {
    // A note in brackets ("Optimal (MIP)") is left out.
    const folded = [normalise(cell), normalise(cell.replace(/[([][^)\]]*[)\]]/g, ' '))];
    const found = values.find((v) => folded.some((f) => normalise(v) === f || VALUE_ALIASES[f] === v));
    if (!found) {
      ctx.addIssue({ code: 'custom', message: 'not in list' });
      return z.NEVER;
    }
    return found;
  });

/** The most horizons a roadmap has: a time-indexed plan grows with them, and 24 covers two years by month. */
export const MAX_HORIZONS = 24;

/**
 * What a Horizons cell says to plan one planning period. Blank says it too, but a blank cell of a scenario
 * leaves the setting as it is in force, so a scenario planned without horizons says `None`.
 */
export const NO_HORIZONS = 'None';

/**
 * The labels of a Horizons setting, in order (none for `None` or `No horizons`); undefined when one
 * repeats (ignoring case and spacing) or there are too many.
 */
export function horizonLabels(text: string): string[] | undefined {
  if (['none', 'nohorizons'].includes(normalise(text))) return [];
  const labels = text
    .split(/[,;]/)
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l !== '');
  // "Q1-Q4" or "H1 to H2" alone: the run of horizons it spans, not one horizon called that (one horizon is no roadmap).
  const span = labels.length === 1 ? /^([a-z]{0,4})\s*(\d{1,2})\s*(?:-|–|—|to)\s*(?:\1)?\s*(\d{1,2})$/i.exec(labels[0]!) : null;
  if (span && span[1] !== '' && Number(span[2]) < Number(span[3])) {
    const [, prefix, from, to] = span as unknown as [string, string, string, string];
    const count = Number(to) - Number(from) + 1;
    return count > MAX_HORIZONS ? undefined : Array.from({ length: count }, (_, k) => `${prefix}${Number(from) + k}`);
  }
  if (labels.length > MAX_HORIZONS) return undefined;
  // "H1 H2" or "Q1/Q2": several labels written without commas, not one horizon called that.
  if (labels.length === 1 && labels[0]!.split(/[\s/]+/).filter((t) => /^[a-z]{0,4}\d{1,4}$/i.test(t)).length >= 2 && /^[a-z0-9\s/]+$/i.test(labels[0]!)) return undefined;
  if (new Set(labels.map(normalise)).size !== labels.length || labels.some((l) => normalise(l) === '')) return undefined;
  return labels;
}

const withoutHorizons = ({ horizons: _none, ...settings }: Settings): Settings => settings;

type SettingSpec = {
  label: string;
  expected: string;
  schema: z.ZodType<unknown, unknown>;
  apply: (settings: Settings, value: never) => Settings;
  current: (settings: Settings) => string | number;
  meaning: string;
  /** What the setting's blank default means, for a message that falls back to it ("one planning period"). */
  whenBlank?: string;
};

/** Excel's serial numbers of 1 Jan 1970 and 1 Jan 2100: a whole number between them in a text setting is a date typed there. */
const SERIAL_OF_1970 = 25_569;
const SERIAL_OF_2100 = 73_051;
const DATE_1904_DAYS = 1_462;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A planning period typed as a date ("1/1/2027"), which a cell holds as its serial number (46388), as the
 * date it shows, "1 Jan 2027": nobody names a period 46388. A year (2027) or other number is kept as typed.
 */
function periodOfDateSerial(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < SERIAL_OF_1970 || serial > SERIAL_OF_2100) return undefined;
  const date = new Date((serial - SERIAL_OF_1970) * 86_400_000);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An in-flight limit typed with its unit, "10 initiatives", as its number: the sheet and the pane read it alike. */
export const withoutCountWord = (text: string): string => text.replace(/\s+(?:initiatives?|projects?|slots?)\s*$/i, '');

/** Every setting the sheet holds, in the order the sheet lists them. */
export const SETTING_SPECS: SettingSpec[] = [
  {
    label: 'Impact weight',
    expected: 'a number from 0 to 100',
    schema: weight,
    apply: (s, v: number) => ({ ...s, weights: { ...s.weights, impact: v } }),
    current: (s) => s.weights.impact,
    meaning: 'How much the business outcome counts in the priority score.',
  },
  {
    label: 'Readiness weight',
    expected: 'a number from 0 to 100',
    schema: weight,
    apply: (s, v: number) => ({ ...s, weights: { ...s.weights, readiness: v } }),
    current: (s) => s.weights.readiness,
    meaning: 'How much data rights, data quality and measurement readiness count.',
  },
  {
    label: 'Friction weight',
    expected: 'a number from 0 to 100',
    schema: weight,
    apply: (s, v: number) => ({ ...s, weights: { ...s.weights, friction: v } }),
    current: (s) => s.weights.friction,
    meaning: 'How much a light change load counts (high friction lowers the score).',
  },
  {
    label: 'In-flight limit',
    expected: 'a whole number of at least 0',
    schema: z.union([z.number(), z.string().transform(withoutCountWord)]).pipe(numberCell).pipe(z.number().int().min(0)),
    apply: (s, v: number) => ({ ...s, inFlightLimit: v }),
    current: (s) => s.inFlightLimit,
    meaning: 'The most initiatives the plan may have under way at once, forced-in ones included.',
  },
  {
    label: 'Selection method',
    expected: 'Rank and fill or Optimal',
    schema: oneOf(methods),
    apply: (s, v: SelectionMethod) => ({ ...s, method: v }),
    current: (s) => s.method,
    meaning: 'Rank and fill commits in priority order while capacity lasts; Optimal finds the best set that fits.',
  },
  {
    label: 'Optimise for',
    expected: 'Priority score or Annual value',
    schema: oneOf(objectives),
    apply: (s, v: Objective) => ({ ...s, objective: v }),
    current: (s) => s.objective,
    meaning: 'What the Optimal method maximises across the committed initiatives.',
  },
  {
    label: 'Solver time limit (seconds)',
    expected: 'a number of seconds from 0.1 to 60',
    schema: numberCell.pipe(z.number().min(0.1).max(60)),
    apply: (s, v: number) => ({ ...s, solverTimeLimitSeconds: v }),
    current: (s) => s.solverTimeLimitSeconds,
    meaning: 'How long the Optimal method may search before using the best plan found.',
  },
  {
    label: 'Planning period',
    expected: 'text',
    schema: z.union([z.string(), z.number()]).transform((v) => (typeof v === 'number' ? (periodOfDateSerial(v) ?? String(v)) : v.trim())).pipe(z.string().min(1)),
    apply: (s, v: string) => ({ ...s, planningPeriod: v }),
    current: (s) => s.planningPeriod,
    meaning: 'The period the capacities and the plan refer to.',
  },
  {
    label: 'Horizons',
    expected: `horizon labels separated by commas, such as "H1, H2" or "Q1, Q2, Q3, Q4" (at most ${MAX_HORIZONS}, each once), or ${NO_HORIZONS} or blank for one planning period`,
    schema: z
      .union([z.string(), z.number()])
      .transform((v, ctx) => {
        const labels = horizonLabels(String(v));
        if (labels === undefined) {
          ctx.addIssue({ code: 'custom', message: 'not horizon labels' });
          return z.NEVER;
        }
        return labels;
      }),
    // None is one planning period, as if the setting were blank.
    apply: (s, v: string[]) => (v.length > 0 ? { ...s, horizons: v } : withoutHorizons(s)),
    current: (s) => (s.horizons ?? []).join(', '),
    whenBlank: 'one planning period',
    meaning: 'The periods of the roadmap, in order, e.g. H1, H2. Blank: one planning period. With two or more, each initiative gets a Start and the Roadmap sheet is written.',
  },
  {
    label: 'Currency symbol',
    expected: 'a short symbol such as $, € or £',
    schema: z.string().transform((v) => v.trim()).pipe(z.string().min(1).max(4)),
    apply: (s, v: string) => ({ ...s, currency: v }),
    current: (s) => s.currency,
    meaning: 'Shown with money amounts in the outputs.',
  },
  {
    label: 'Reporting currency',
    expected: 'a currency code such as USD, EUR or GBP, or blank',
    schema: z
      .union([z.string(), z.number()])
      .transform((v, ctx) => {
        const text = String(v).trim();
        if (text === '') return '';
        const code = currencyCode(text);
        if (code === undefined || !isCurrencyCode(code)) {
          ctx.addIssue({ code: 'custom', message: 'not a currency' });
          return z.NEVER;
        }
        return code;
      }),
    apply: (s, v: string) => ({ ...s, reportingCurrency: v }),
    current: (s) => s.reportingCurrency ?? '',
    whenBlank: 'the currency most amounts state',
    meaning: 'The currency every amount is converted into (with the FX rates table) before values are added. Blank: the one most amounts state.',
  },
  {
    label: 'Initiatives table',
    expected: 'the name of an Excel table',
    schema: z.string().transform((v) => v.trim()).pipe(z.string().regex(/^[A-Za-z_\\][A-Za-z0-9_.]*$/)),
    apply: (s, v: string) => ({ ...s, initiativesTable: v }),
    current: (s) => s.initiativesTable,
    meaning: 'The Excel table that holds one row per initiative.',
  },
  {
    label: 'Scenario',
    expected: 'the name of a scenario on the Scenarios sheet, or blank',
    schema: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
    apply: (s, v: string) => ({ ...s, scenario: v }),
    current: (s) => s.scenario,
    whenBlank: 'no scenario',
    meaning: 'The saved scenario in force: its overrides win over the Override column of the table. Blank for none.',
  },
  {
    label: 'Demand overrun',
    expected: 'a percentage from 0% to 1000%',
    schema: percentage,
    apply: (s, v: number) => ({ ...s, demandOverrun: v }),
    current: (s) => percentText(s.demandOverrun ?? 0),
    meaning: 'How much larger any team demand may turn out than stated, for How sure is the plan (0%: demands are taken as stated).',
  },
  {
    label: 'Confidence draws',
    expected: `a whole number from 0 to ${MOST_CONFIDENCE_DRAWS}`,
    schema: numberCell.pipe(z.number().int().min(0).max(MOST_CONFIDENCE_DRAWS)),
    apply: (s, v: number) => ({ ...s, confidenceDraws: v }),
    current: (s) => s.confidenceDraws ?? DEFAULT_CONFIDENCE_DRAWS,
    meaning: 'How many futures How sure is the plan draws from the value ranges, the demand overrun and the weight ranges (0 turns it off).',
  },
  ...(['impact', 'readiness', 'friction'] as const).map(
    (criterion): SettingSpec => ({
      label: `${criterion[0]!.toUpperCase()}${criterion.slice(1)} weight range`,
      expected: 'two weights from 0 to 100 such as 40-60, or blank',
      schema: weightRange,
      apply: (s, v: WeightRange | undefined) => {
        const ranges = { ...s.weightRanges };
        if (v) ranges[criterion] = v;
        else delete ranges[criterion];
        return { ...s, weightRanges: ranges };
      },
      current: (s) => rangeText(s.weightRanges?.[criterion]),
      whenBlank: 'no range, the weight as set',
      meaning: `The lowest and highest ${criterion} weight the room proposed; How sure is the plan varies the weight within it. Blank: the weight as set.`,
    }),
  ),
];

/** A label folded without a part in brackets: "Impact weight (0-100)" and "Solver time limit (seconds)" as "impactweight", "solvertimelimit". */
const withoutBrackets = (label: string): string => normalise(label.replace(/[([][^)\]]*[)\]]/g, ' '));

/**
 * The setting a label names: its own label (ignoring case, spacing and punctuation), else the same words
 * with a note in brackets left out on either side ("Impact weight (0-100)", "Solver time limit").
 */
export function settingOf(label: string): SettingSpec | undefined {
  const folded = normalise(label);
  if (folded === '') return undefined;
  const exact = SETTING_SPECS.find((s) => normalise(s.label) === folded);
  if (exact) return exact;
  const bare = withoutBrackets(label);
  return bare === '' ? undefined : SETTING_SPECS.find((s) => withoutBrackets(s.label) === bare);
}

export const CAPACITY_PREFIX = 'Capacity: ';
const capacityLabel = /^\s*capacity\s*[:\-–]\s*(.+?)\s*$/i;
/** The team a "Capacity: Legal" label (or header) names, if it is one. */
export const capacityTeamOf = (label: string): string | undefined => capacityLabel.exec(label)?.[1];
export const capacityValue = numberCell.pipe(z.number().min(0));

export type SettingsRead = { settings: Settings; issues: Issue[] };

const LABEL_HEADERS = ['setting', 'settings', 'settingname', 'name', 'parameter', 'parameters', 'option', 'item', 'key'];
const VALUE_HEADERS = ['value', 'values', 'settingvalue', 'currentvalue'];

/**
 * The Setting and Value columns of a settings table (-1 when absent): `Setting` and `Value` first, else the names
 * a settings list is often headed by (`Settings`, `Setting name`, `Parameter`, `Name`; `Setting value`, `Values`).
 */
export function settingsColumns(headers: readonly unknown[]): { label: number; value: number } {
  const folded = headers.map((h) => normalise(String(h ?? '')));
  const first = (names: readonly string[]) => {
    for (const name of names) {
      const index = folded.indexOf(name);
      if (index >= 0) return index;
    }
    return -1;
  };
  return { label: first(LABEL_HEADERS), value: first(VALUE_HEADERS) };
}

/** Read settings from the `Setting`/`Value` table; a missing table means every default. */
export function readSettings(table: RawTable | undefined): SettingsRead {
  if (!table) return { settings: DEFAULT_SETTINGS, issues: [] };
  const issues: Issue[] = [];
  const { label: labelColumn, value: valueColumn } = settingsColumns(table.headers);
  if (labelColumn < 0 || valueColumn < 0) {
    issues.push({
      code: 'missing-required-column',
      severity: 'warning',
      sheet: table.sheet,
      message: `The settings table on ${table.sheet} needs the columns Setting and Value; the defaults are used.`,
    });
    return { settings: DEFAULT_SETTINGS, issues };
  }
  let settings: Settings = { ...DEFAULT_SETTINGS, capacityOverrides: {} };
  // A formula saved without its result reads as blank: the setting keeps its default, said with the cell.
  issues.push(...uncalculatedIssues(table, 'invalid-setting', [labelColumn, valueColumn], () => 'that setting keeps its default until then'));
  /** Each setting's first cell: a later row for the same setting is reported, never read. */
  const seen = new Map<string, string>();
  const typedWeights: TypedWeight[] = [];
  table.rows.forEach((row, rowIndex) => {
    const label = String(row[labelColumn] ?? '').trim();
    const raw = row[valueColumn] ?? '';
    if (label === '' || raw === '') return;
    const cell = a1(table.origin.row + 1 + rowIndex, table.origin.column + valueColumn);
    const team = capacityLabel.exec(label)?.[1];
    if (team) {
      const parsed = capacityValue.safeParse(raw);
      if (parsed.success) settings = { ...settings, capacityOverrides: { ...settings.capacityOverrides, [team]: parsed.data } };
      else issues.push(badSetting(table.sheet, cell, label, raw, 'a number of at least 0', 'the Capacity table value'));
      return;
    }
    const spec = settingOf(label);
    if (!spec) {
      // Rows we do not know are the user's notes; but a misspelt setting ("Inflight limt") would
      // otherwise leave the default in force without a word.
      const meant = nearestSetting(label) ?? settingsByWord(label);
      if (meant === undefined) return;
      const labelCell = a1(table.origin.row + 1 + rowIndex, table.origin.column + labelColumn);
      issues.push({
        code: 'invalid-setting',
        severity: 'warning',
        sheet: table.sheet,
        column: table.headers[labelColumn],
        cell: labelCell,
        message: `"${label}" in ${qualified(table.sheet, labelCell)} is not a setting the prioritiser knows, so its value is not used; did you mean ${meant}?`,
      });
      return;
    }
    const first = seen.get(spec.label);
    if (first !== undefined) {
      issues.push({
        code: 'invalid-setting',
        severity: 'warning',
        sheet: table.sheet,
        column: 'Value',
        cell,
        message: `${spec.label} is set again in ${qualified(table.sheet, cell)}; only the first, in ${qualified(table.sheet, first)}, is used. Delete one of the two rows.`,
      });
      return;
    }
    seen.set(spec.label, cell);
    // A workbook in the 1904 date system counts its dates' serial numbers 1,462 days later.
    const given = typeof raw === 'boolean' ? String(raw) : table.date1904 && spec.label === 'Planning period' && typeof raw === 'number' ? raw + DATE_1904_DAYS : raw;
    const parsed = spec.schema.safeParse(given);
    if (parsed.success) settings = spec.apply(settings, parsed.data as never);
    else issues.push(badSetting(table.sheet, cell, label, raw, spec.expected, defaultText(spec)));
    // A plain 1 is 100% by the rule (at most 1 is a fraction), but 1% is as likely meant: said, not read silently.
    if (parsed.success && spec.label === 'Demand overrun' && parseNumber(typeof raw === 'boolean' ? '' : raw) === 1 && !(typeof raw === 'string' && raw.trim().endsWith('%'))) {
      issues.push({
        code: 'invalid-setting',
        severity: 'warning',
        sheet: table.sheet,
        column: 'Value',
        cell,
        message: `Demand overrun in ${qualified(table.sheet, cell)} is 1, read as 100% (demands may turn out twice as large as stated). If you meant 1%, type 1%.`,
      });
    }
    const criterion = WEIGHT_CRITERIA.find((c) => WEIGHT_LABELS[c] === spec.label);
    if (criterion && parsed.success) typedWeights.push({ criterion, cell, typedAsPercent: typeof raw === 'string' && raw.trim().endsWith('%'), value: parsed.data as number });
  });
  const oneForm = weightsInOneForm(settings.weights, typedWeights, table.sheet);
  settings = { ...settings, weights: oneForm.weights };
  issues.push(...oneForm.issues);
  const { impact, readiness, friction } = settings.weights;
  if (impact + readiness + friction === 0) {
    // Only rows that set them can make all three 0 (their defaults are not): the message names their cells.
    const cells = ['Impact weight', 'Readiness weight', 'Friction weight'].flatMap((label) => seen.get(label) ?? []);
    issues.push({
      code: 'invalid-setting',
      severity: 'warning',
      sheet: table.sheet,
      ...(cells[0] ? { column: 'Value', cell: cells[0] } : {}),
      message: `All three weights are 0 (${cells.map((c) => qualified(table.sheet, c)).join(', ')}), so nothing could be ranked; the default weights 50/30/20 are used.`,
    });
    settings = { ...settings, weights: DEFAULT_SETTINGS.weights };
  }
  return { settings, issues };
}

type Criterion = keyof Weights;
const WEIGHT_CRITERIA: readonly Criterion[] = ['impact', 'readiness', 'friction'];
export const WEIGHT_LABELS: Record<Criterion, string> = { impact: 'Impact weight', readiness: 'Readiness weight', friction: 'Friction weight' };
/** A weight the sheet sets: its cell, whether it was typed as "50%" (then `value` is already points), and its value as read. */
export type TypedWeight = { criterion: Criterion; cell: string; typedAsPercent: boolean; value: number };

/** The weights' total, as fractions, up to which 0.5/0.3/0.2 (or 0.33 three times) reads as fractions of 1. */
const FRACTIONS_TOTAL_AT_MOST = 1.05;
/** A weight below 1 beside weights in points is read as a fraction when that brings the three to about 100. */
const POINTS_TOTAL = { low: 95, high: 105 };

/**
 * The weights in one form, points of 100, as a finance person writes them in one sheet: fractions
 * (0.5, 0.3, 0.2, or cells formatted as percentages, which hold those), points (50, 30, 20) or
 * percentages ("50%"). A weight typed as a percentage is its points in either form; the plain numbers
 * decide: all at most 1 with one below 1 and a total near 1 are fractions, so each is times 100. A
 * number below 1 beside weights in points (50, 30, 0.2) is a fraction when that brings the total
 * near 100, else kept as typed; either way the cell is said, never read silently as almost nothing.
 */
export function weightsInOneForm(weights: Weights, typed: readonly TypedWeight[], sheet: string): { weights: Weights; issues: Issue[] } {
  const plain = typed.filter((w) => !w.typedAsPercent);
  const fractionTotal = typed.reduce((sum, w) => sum + (w.typedAsPercent ? w.value / 100 : w.value), 0);
  const hasFraction = plain.some((w) => w.value > 0 && w.value < 1);
  if (plain.length > 0 && plain.every((w) => w.value <= 1) && (hasFraction || plain.length < typed.length) && fractionTotal <= FRACTIONS_TOTAL_AT_MOST) {
    const scaled = { ...weights };
    for (const w of plain) scaled[w.criterion] = Math.round(w.value * 100 * 1e9) / 1e9;
    return { weights: scaled, issues: [] };
  }
  // Weights in points: those written as fractions stand out beside them.
  // A whole 1 is a point, as the pane saves its shares (1/49/50); only a part of 1 stands out.
  const small = plain.filter((w) => w.value > 0 && w.value < 1);
  const inPoints = WEIGHT_CRITERIA.filter((c) => !small.some((w) => w.criterion === c));
  if (small.length === 0 || !inPoints.some((c) => weights[c] > 1)) return { weights, issues: [] };
  const pointsTotal = WEIGHT_CRITERIA.reduce((sum, c) => sum + weights[c], 0);
  const asFractionsTotal = pointsTotal + small.reduce((sum, w) => sum + w.value * 99, 0);
  const asFractions = asFractionsTotal >= POINTS_TOTAL.low && asFractionsTotal <= POINTS_TOTAL.high;
  const others = listWords(inPoints.map((c) => `${WEIGHT_LABELS[c]} ${formatWeight(weights[c])}`));
  const read = { ...weights };
  const issues = small.map((w): Issue => {
    const points = Math.round(w.value * 100 * 1e9) / 1e9;
    if (asFractions) read[w.criterion] = points;
    return {
      code: 'invalid-setting',
      severity: 'warning',
      sheet,
      column: 'Value',
      cell: w.cell,
      message: asFractions
        ? `${WEIGHT_LABELS[w.criterion]} in ${qualified(sheet, w.cell)} is ${formatWeight(w.value)}, while the other weights are points of 100 (${others}); it is read as ${formatWeight(points)} (${formatWeight(points)}%). Type ${formatWeight(points)} to say so.`
        : `${WEIGHT_LABELS[w.criterion]} in ${qualified(sheet, w.cell)} is ${formatWeight(w.value)}, while the other weights are points of 100 (${others}), so it counts almost nothing. If you meant ${formatWeight(points)}%, type ${formatWeight(points)}.`,
    };
  });
  return { weights: read, issues };
}

const formatWeight = (value: number): string => String(Math.round(value * 1e6) / 1e6);

/**
 * A "Capacity: <team>" setting naming a team that no row of the Capacity table has caps nothing: said with its
 * cell, the teams there are and the one it was most likely meant to be. `teams`: the Capacity table's team
 * names, or undefined when the workbook has no Capacity table. The overrides may come from the pane rather than
 * the table: the cell is then given only where the table holds the team's row.
 */
export function unknownCapacityTeamIssues(table: RawTable | undefined, overrides: Readonly<Record<string, number>>, teams: readonly string[] | undefined): Issue[] {
  const known = new Set((teams ?? []).map(normalise));
  const unknown = Object.keys(overrides).filter((team) => !known.has(normalise(team)));
  if (unknown.length === 0) return [];
  const columns = table ? settingsColumns(table.headers) : undefined;
  const there = teams === undefined ? 'the workbook has no Capacity table' : teams.length === 0 ? 'it has no team' : `its teams are ${listWords(teams)}`;
  return unknown.map((team) => {
    const rowIndex = table && columns && columns.label >= 0 ? table.rows.findIndex((row) => normalise(capacityTeamOf(String(row[columns.label] ?? '')) ?? '') === normalise(team)) : -1;
    const cell = table && columns && rowIndex >= 0 ? a1(table.origin.row + 1 + rowIndex, table.origin.column + columns.value) : undefined;
    const meant = nearest(team, teams ?? []);
    return {
      code: 'invalid-setting',
      severity: 'warning',
      sheet: table?.sheet ?? '',
      ...(cell ? { column: 'Value', cell } : {}),
      message:
        `${CAPACITY_PREFIX}${team}${table && cell ? ` in ${qualified(table.sheet, cell)}` : ''} names a team that no row of the Capacity table has (${there}), so it caps nothing` +
        (meant === undefined ? '.' : `; did you mean ${meant}?`),
    };
  });
}

/** Of `candidates`, the one `label` was most likely meant to be: a few letters off (one in five at most), compared as headers are. */
function nearest(label: string, candidates: readonly string[]): string | undefined {
  const folded = normalise(label);
  let best: { label: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const target = normalise(candidate);
    const distance = editDistance(folded, target);
    if (distance <= Math.max(1, Math.floor(target.length / 5)) && (!best || distance < best.distance)) best = { label: candidate, distance };
  }
  return best?.label;
}

/** Edits (insert, delete, change a letter) from one text to another. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The setting a label was most likely meant to be: a few letters off (one in five at most), compared as headers are. */
function nearestSetting(label: string): string | undefined {
  return nearest(label, SETTING_SPECS.map((spec) => spec.label));
}

/** Words that only a setting's label would use, and the settings they point to: "Weights" is no setting, but means the three. */
const SETTING_WORDS: [RegExp, string][] = [
  [/weights?$/, 'the rows Impact weight, Readiness weight and Friction weight'],
  [/inflight|wip/, 'In-flight limit'],
  [/horizons?/, 'Horizons'],
  [/overrun/, 'Demand overrun'],
  [/draws/, 'Confidence draws'],
  [/currency/, 'Reporting currency or Currency symbol'],
  [/method/, 'Selection method'],
];

/** The setting(s) a label not a few letters off any names by one of its words ("Weights", "Max in flight"), if any. */
function settingsByWord(label: string): string | undefined {
  const folded = withoutBrackets(label);
  return SETTING_WORDS.find(([word]) => word.test(folded))?.[1];
}

/** The default a bad setting falls back to, as a message says it: a blank default by what blank means. */
function defaultText(spec: SettingSpec): string {
  const value = spec.current(DEFAULT_SETTINGS);
  return value === '' ? `the default: ${spec.whenBlank ?? 'blank'}` : `the default, ${value}`;
}

function badSetting(sheet: string, cell: string, label: string, raw: unknown, expected: string, fallback: string): Issue {
  return {
    code: 'invalid-setting',
    severity: 'warning',
    sheet,
    column: 'Value',
    cell,
    message: `${label} in ${qualified(sheet, cell)} is ${typeof raw === 'string' && raw.length > 40 ? showCell(raw) : JSON.stringify(raw)}; expected ${expected}. Using ${fallback}.`,
  };
}
