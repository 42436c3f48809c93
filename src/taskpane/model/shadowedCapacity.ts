// A capacity typed into the Capacity table while the pane's own capacity for
// that team is in force changes nothing: the room sees "Nothing in the plan
// changed" and wonders why. What moved says which value the plan used instead.

import { normalise } from '../../engine/cells';
import { formatQuantity } from '../../engine/format';
import type { WorkbookView } from './workbookView';

/** Each Capacity table edit between two reads that the pane's capacity for the same team hides, said for the room. */
export function shadowedCapacityEdits(before: WorkbookView, after: WorkbookView): string[] {
  if (before.kind !== 'ready' || after.kind !== 'ready') return [];
  const overrides = after.settings.capacityOverrides;
  const said: string[] = [];
  for (const team of after.teams) {
    const was = before.teams.find((t) => normalise(t.name) === normalise(team.name));
    const override = Object.keys(overrides).find((name) => normalise(name) === normalise(team.name));
    if (!was || was.capacity === team.capacity || override === undefined) continue;
    said.push(
      `${team.name}: the Capacity table now says ${formatQuantity(team.capacity, team.unit)}, but the ${formatQuantity(overrides[override]!, team.unit)} set in the pane is in force; clear it under Team capacity to plan with the table's.`,
    );
  }
  return said;
}
