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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month a label names, as year*12 + month: "Jan 2027", "January 2027", "Jan-27", "2027-01"; undefined for any other label. */
function monthOfLabel(label: string): number | undefined {
  const text = label.trim().toLowerCase();
  const named = /^([a-z]{3})[a-z]*\.?[\s\-/']*(\d{2}|\d{4})$/.exec(text);
  if (named) {
    const month = MONTHS.indexOf(named[1]!);
    const year = named[2]!.length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
    return month < 0 ? undefined : year * 12 + month;
  }
  const iso = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  return iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 ? Number(iso[1]) * 12 + Number(iso[2]) - 1 : undefined;
}

/**
 * The horizon a date names when the horizons are months ("Jan 2027, Feb 2027"): Excel turns "Feb 2027" typed in
 * a cell into the date 2027-02-01, so an Earliest start typed as a month arrives as a date. Undefined when no one
 * horizon is that month.
 */
export function horizonOfDate(labels: readonly string[], date: Date): number | undefined {
  const wanted = date.getUTCFullYear() * 12 + date.getUTCMonth();
  const found = labels.flatMap((l, i) => (monthOfLabel(l) === wanted ? [i] : []));
  return found.length === 1 ? found[0] : undefined;
}

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');

/**
 * The one horizon a label that is none of them most likely means, for a hint, never for reading: "H2" on a
 * roadmap of "H1 FY27, H2 FY27" (its words all in one label), or "2027-Q2" on one of quarters (one label's
 * words all in it). Undefined when none, or more than one, fits.
 */
export function horizonMeant(labels: readonly string[], typed: string): string | undefined {
  const typedWords = wordsOf(typed);
  if (typedWords.length === 0) return undefined;
  const fits = labels.filter((label) => {
    const words = wordsOf(label);
    return words.length > 0 && (typedWords.every((w) => words.includes(w)) || words.every((w) => typedWords.includes(w)));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** The horizon a month written as text names on a roadmap of months ("February 2027" for "Feb 2027"); undefined when no one horizon is that month. */
export function horizonOfMonthText(labels: readonly string[], text: string): number | undefined {
  const wanted = monthOfLabel(text);
  if (wanted === undefined) return undefined;
  const found = labels.flatMap((l, i) => (monthOfLabel(l) === wanted ? [i] : []));
  return found.length === 1 ? found[0] : undefined;
}

/** A team's capacity in horizon `h`: its horizon column when the Capacity table has one, else its Capacity. */
export const capacityIn = (team: Pick<Team, 'capacity' | 'byHorizon'>, h: number): number => team.byHorizon?.[h] ?? team.capacity;

/** "H1", "H1-H2" or "H1-Q3": the horizons a run covers, for the outputs. */
export function spanLabel(labels: readonly string[], start: number, duration: number): string {
  const last = Math.min(labels.length - 1, start + duration - 1);
  return last <= start ? labels[start]! : `${labels[start]!}–${labels[last]!}`;
}
