// The settings as the pane edits them: typed text kept as typed until it is
// valid, each problem worded for the field it belongs to.

import { normalise, parseNumber } from '../../engine/cells';
import type { SelectionMethod, Settings, Team, Weights } from '../../engine/types';

export type SettingsDraft = {
  weights: Weights;
  inFlightLimit: string;
  method: SelectionMethod;
  planningPeriod: string;
  /** Capacity per team of the Capacity table, as typed. */
  capacities: Record<string, string>;
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
  };
}

function checkLimit(text: string): { value?: number; error?: string } {
  const value = parseNumber(text.trim());
  if (text.trim() === '') return { error: 'Enter the most initiatives that may run at once, for example 10.' };
  if (value === undefined || !Number.isInteger(value) || value < 0) return { error: 'Enter a whole number of 0 or more.' };
  return { value };
}

function checkCapacity(text: string, team: Team): { value?: number; error?: string } {
  const value = parseNumber(text.trim());
  if (text.trim() === '') return { error: `Enter ${team.name}'s capacity${team.unit ? ` in ${team.unit}` : ''}, 0 or more.` };
  if (value === undefined || value < 0) return { error: `Enter a number of 0 or more${team.unit ? ` (${team.unit})` : ''}.` };
  return { value };
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
      ? { ...base, weights: { ...draft.weights }, inFlightLimit: limit.value!, method: draft.method, planningPeriod: period, capacityOverrides: overrides }
      : undefined,
  };
}

/** Whether the draft says anything the saved settings do not. */
export function isDirty(draft: SettingsDraft, saved: SettingsDraft): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}
