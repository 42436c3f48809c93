// Capacity per shared team for this plan. A value that differs from the
// Capacity table is saved as "Capacity: <team>" in the settings sheet and wins.

import { Body1 } from '@fluentui/react-components';
import { parseNumber } from '../../engine/cells';
import { formatQuantity } from '../../engine/format';
import type { Team } from '../../engine/types';
import { NumberField } from '../NumberField/NumberField';
import { useSectionStyles } from '../styles';

export type TeamCapacityProps = {
  /** Teams with the capacity the Capacity table gives them. */
  teams: Team[];
  capacities: Record<string, string>;
  errors: Record<string, string>;
  onChange: (team: string, value: string) => void;
  /** The saved capacities, to tell which the user changed. */
  saved?: Record<string, string>;
  /** Said beside a capacity the user changed: that it re-plans (live mode) or applies on Run. */
  changedNote?: string;
};

function hintFor(team: Team, typed: string): string {
  const table = `Capacity table: ${formatQuantity(team.capacity, team.unit)}`;
  const value = typed.trim() === '' ? undefined : parseNumber(typed.trim());
  return value !== undefined && value !== team.capacity ? `${table}. This plan uses the value here instead.` : `${table}.`;
}

export function TeamCapacity({ teams, capacities, errors, onChange, saved, changedNote }: TeamCapacityProps) {
  const section = useSectionStyles();
  if (teams.length === 0) {
    return (
      <Body1>
        There is no Capacity table, so no team caps apply. Add a table named Capacity with the columns Team, Capacity and Unit to cap shared teams.
      </Body1>
    );
  }
  return (
    <div className={section.section}>
      {teams.map((team) => {
        const typed = capacities[team.name] ?? '';
        const error = errors[team.name];
        return (
          <NumberField
            key={team.name}
            label={team.unit ? `${team.name} (${team.unit})` : team.name}
            hint={`${changedNote && saved && saved[team.name] !== typed ? `${changedNote} ` : ''}${hintFor(team, typed)}`}
            value={typed}
            error={error}
            onChange={(value) => onChange(team.name, value)}
          />
        );
      })}
    </div>
  );
}
