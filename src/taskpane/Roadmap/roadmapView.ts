// What the pane's roadmap shows, worked out apart from the component: the
// committed initiatives in start order, each a bar over the horizons it runs in.

import { roadmapHorizons } from '../../engine/horizons';
import type { Plan } from '../../engine/plan';
import { roadmapEntries } from '../../layout/roadmapSheet';

/** How many bars the pane draws; the Roadmap sheet has them all. */
export const ROADMAP_ROWS = 25;

export type RoadmapBar = { key: string; name: string; start: number; duration: number; forced: boolean; why: string };

export type RoadmapView = { horizons: readonly string[]; bars: RoadmapBar[]; more: number };

/** The roadmap of a plan over two or more horizons; undefined for one planning period. */
export function roadmapView(plan: Plan, rows = ROADMAP_ROWS): RoadmapView | undefined {
  const horizons = roadmapHorizons(plan.settings);
  if (!horizons) return undefined;
  const entries = roadmapEntries(plan);
  return {
    horizons,
    bars: entries.slice(0, rows).map((e) => ({
      key: e.initiative.key,
      name: e.initiative.name,
      start: e.schedule!.start,
      duration: Math.min(e.schedule!.duration, horizons.length - e.schedule!.start),
      forced: e.decision === 'Forced in',
      why: e.bindingText,
    })),
    more: Math.max(0, entries.length - rows),
  };
}
