// Horizons: the periods of a roadmap (the Horizons setting, e.g. "H1, H2").
// With fewer than two, the plan is for one planning period and nothing about
// horizons is read or written, so such a workbook plans exactly as before.

import { normalise } from './cells';
import type { Settings, Team } from './types';

/** The roadmap's horizon labels when there are two or more; undefined for one planning period. */
export function roadmapHorizons(settings: Pick<Settings, 'horizons'>): string[] | undefined {
  const labels = settings.horizons;
  return labels && labels.length >= 2 ? labels : undefined;
}

/** The index of the horizon a label names (compared as headers are), or undefined. */
export function horizonIndex(labels: readonly string[], label: string): number | undefined {
  const wanted = normalise(label);
  const index = labels.findIndex((l) => normalise(l) === wanted);
  return index < 0 ? undefined : index;
}

/** A team's capacity in horizon `h`: its horizon column when the Capacity table has one, else its Capacity. */
export const capacityIn = (team: Pick<Team, 'capacity' | 'byHorizon'>, h: number): number => team.byHorizon?.[h] ?? team.capacity;

/** "H1", "H1-H2" or "H1-Q3": the horizons a run covers, for the outputs. */
export function spanLabel(labels: readonly string[], start: number, duration: number): string {
  const last = Math.min(labels.length - 1, start + duration - 1);
  return last <= start ? labels[start]! : `${labels[start]!}–${labels[last]!}`;
}
