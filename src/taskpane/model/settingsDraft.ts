// The settings as the pane edits them: typed text kept as typed until it is
// valid, each problem worded for the field it belongs to.

import { normalise, parseNumber } from '../../engine/cells';
import { withoutCountWord } from '../../engine/settings';
import type { SelectionMethod, Settings, Team, Weights } from '../../engine/types';
import type { WeightRanges } from './roomRange';

export type SettingsDraft = {
  weights: Weights;
  inFlightLimit: string;
  method: SelectionMethod;
  planningPeriod: string;
  /** Capacity per team of the Capacity table, as typed. */
  capacities: Record<string, string>;
  /** The room's range of each weight (the weights exercise keeps it); absent when none is set. */
  weightRanges?: WeightRanges;
};

export type DraftErrors = {
  weights?: string;
  inFlightLimit?: string;
  planningPeriod?: string;
  capacities: Record<string, string>;
};

export type DraftCheck = { errors: DraftErrors; settings: Settings | undefined };

const overrideFor = (settings: Settings, team: string): number | undefined => {
  const match = Object.keys(settings.capacityOverrides).find((name) => normalise(name) === normalise(team));
  return match === undefined ? undefined : settings.capacityOverrides[match];
};

export function draftOf(settings: Settings, teams: Team[]): SettingsDraft {
  return {
    weights: { ...settings.weights },
    inFlightLimit: String(settings.inFlightLimit),
    method: settings.method,
    planningPeriod: settings.planningPeriod,
    capacities: Object.fromEntries(teams.map((t) => [t.name, String(overrideFor(settings, t.name) ?? t.capacity)])),
    ...(settings.weightRanges && Object.keys(settings.weightRanges).length > 0 ? { weightRanges: { ...settings.weightRanges } } : {}),
  };
}

/** What is wrong with a typed number, said after the field's name: "is empty", "is -3, which is below 0". */
function numberProblem(text: string, wholeOnly: boolean): string | undefined {
  const typed = text.trim();
  const value = parseNumber(typed);
  if (typed === '') return 'is empty';
  if (value === undefined) return `is "${typed}", which is not a number`;
  if (value < 0) return `is ${typed}, which is below 0`;
  if (wholeOnly && !Number.isInteger(value)) return `is ${typed}, which is not a whole number`;
  return undefined;
}

function checkLimit(typed: string): { value?: number; error?: string } {
  // "10 initiatives" is 10, as the settings sheet reads it.
  const bare = withoutCountWord(typed.trim());
  const text = parseNumber(bare) === undefined ? typed : bare;
  const problem = numberProblem(text, true);
  if (problem) return { error: `The in-flight limit ${problem}: enter a whole number of initiatives, 0 or more, for example 10.` };
  return { value: parseNumber(text.trim())! };
}

function checkCapacity(text: string, team: Team): { value?: number; error?: string } {
  const problem = numberProblem(text, false);
  if (problem) return { error: `${team.name}'s capacity ${problem}: enter a number${team.unit ? ` of ${team.unit}` : ''}, 0 or more.` };
  return { value: parseNumber(text.trim())! };
}

/** The settings the draft stands for, or the reason each field cannot be used yet. */
export function checkDraft(draft: SettingsDraft, base: Settings, teams: Team[]): DraftCheck {
  const errors: DraftErrors = { capacities: {} };
  const { impact, readiness, friction } = draft.weights;
  if (impact + readiness + friction <= 0) errors.weights = 'All three weights are 0, so nothing could be ranked: raise at least one.';
  const limit = checkLimit(draft.inFlightLimit);
  if (limit.error) errors.inFlightLimit = limit.error;
  const period = draft.planningPeriod.trim();
  if (period === '') errors.planningPeriod = 'Name the planning period, for example "FY27 H1".';

  const overrides: Record<string, number> = {};
  for (const [team, value] of Object.entries(base.capacityOverrides)) {
    if (!teams.some((t) => normalise(t.name) === normalise(team))) overrides[team] = value; // a team the pane does not list keeps its row
  }
  for (const team of teams) {
    const capacity = checkCapacity(draft.capacities[team.name] ?? '', team);
    if (capacity.error) errors.capacities[team.name] = capacity.error;
    else if (capacity.value !== team.capacity) overrides[team.name] = capacity.value!;
  }
  const valid = !errors.weights && !errors.inFlightLimit && !errors.planningPeriod && Object.keys(errors.capacities).length === 0;
  return {
    errors,
    settings: valid
      ? {
          ...base,
          weights: { ...draft.weights },
          weightRanges: { ...draft.weightRanges },
          inFlightLimit: limit.value!,
          method: draft.method,
          planningPeriod: period,
          capacityOverrides: overrides,
        }
      : undefined,
  };
}

/** Whether the draft says anything the saved settings do not. */
export function isDirty(draft: SettingsDraft, saved: SettingsDraft): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}
