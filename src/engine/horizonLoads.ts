// Each team's load in each horizon of a roadmap: before (every readable
// initiative starts as early as it may and runs its whole duration) and after
// (the committed roadmap). The Roadmap sheet and the pane both show it.

import { capacityIn } from './horizons';
import type { PlanEntry, Team } from './types';

export type HorizonLoad = { team: string; unit: string; horizon: string; index: number; capacity: number; demandBefore: number; demandAfter: number };

/** Team by team, horizon by horizon. */
export function horizonLoads(entries: readonly PlanEntry[], teams: readonly Team[], horizons: readonly string[]): HorizonLoad[] {
  const H = horizons.length;
  const before = new Map<string, Float64Array>(teams.map((t) => [t.name, new Float64Array(H)]));
  const after = new Map<string, Float64Array>(teams.map((t) => [t.name, new Float64Array(H)]));
  const add = (loads: Map<string, Float64Array>, demand: Record<string, number>, start: number, duration: number) => {
    for (const team in demand) {
      const row = loads.get(team);
      if (!row) continue;
      for (let h = start; h < Math.min(H, start + duration); h++) row[h]! += demand[team]!;
    }
  };
  for (const entry of entries) {
    const i = entry.initiative;
    if (i.invalid) continue;
    add(before, i.demand, i.earliestStart ?? 0, i.duration ?? 1);
    if (entry.schedule && (entry.decision === 'Commit' || entry.decision === 'Forced in')) add(after, i.demand, entry.schedule.start, entry.schedule.duration);
  }
  return teams.flatMap((t) =>
    horizons.map((horizon, h) => ({
      team: t.name,
      unit: t.unit,
      horizon,
      index: h,
      capacity: capacityIn(t, h),
      demandBefore: before.get(t.name)![h]!,
      demandAfter: after.get(t.name)![h]!,
    })),
  );
}
