// What the What moved panel lists, as plain rows: a function, so every case is
// tested without React.

import type { PlanDiff, RankMove } from '../../engine/planDiff';

export type MovedRow =
  | { kind: 'rank'; key: string; name: string; direction: 'up' | 'down'; places: number | undefined; text: string }
  | { kind: 'start'; key: string; name: string; earlier: boolean; text: string }
  | { kind: 'entered' | 'left' | 'gate'; key: string; name: string; text: string };

/** "up 3 places, now 4"; a row new to the ranking or gone from it has no distance. */
function rankText(move: RankMove): { direction: 'up' | 'down'; places: number | undefined; text: string } {
  if (move.from === undefined) return { direction: 'up', places: undefined, text: `now ranked ${move.to}` };
  if (move.to === undefined) return { direction: 'down', places: undefined, text: `no longer ranked (was ${move.from})` };
  const places = Math.abs(move.from - move.to);
  const direction = move.to < move.from ? 'up' : 'down';
  return { direction, places, text: `${direction} ${places} ${places === 1 ? 'place' : 'places'}, now ${move.to}` };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Entered, left, gate and start changes first (they change the plan), then the biggest rank moves; at most `max`
 * of each, so the panel stays readable on a projector, and a line counting the rest.
 */
export function movedRows(diff: PlanDiff, max = 5): { rows: MovedRow[]; notShown: string | undefined } {
  const rows: MovedRow[] = [
    ...diff.entered.slice(0, max).map((c): MovedRow => ({ kind: 'entered', key: c.key, name: c.name, text: `enters the plan (${c.to})` })),
    ...diff.left.slice(0, max).map((c): MovedRow => ({ kind: 'left', key: c.key, name: c.name, text: `leaves the plan (now ${c.to})` })),
    ...diff.gates.slice(0, max).map((c): MovedRow => ({ kind: 'gate', key: c.key, name: c.name, text: `gate ${c.from} → ${c.to}` })),
    ...diff.starts.slice(0, max).map((c): MovedRow => ({ kind: 'start', key: c.key, name: c.name, earlier: c.earlier, text: `starts ${c.to} instead of ${c.from}` })),
    ...diff.moves.slice(0, max).map((m): MovedRow => ({ kind: 'rank', key: m.key, name: m.name, ...rankText(m) })),
  ];
  const rest = (n: number) => Math.max(0, n - max);
  const counts = [
    rest(diff.entered.length) && plural(rest(diff.entered.length), 'more enters', 'more enter'),
    rest(diff.left.length) && plural(rest(diff.left.length), 'more leaves', 'more leave'),
    rest(diff.gates.length) && plural(rest(diff.gates.length), 'more gate change', 'more gate changes'),
    rest(diff.starts.length) && plural(rest(diff.starts.length), 'more start change', 'more start changes'),
    rest(diff.moves.length) && plural(rest(diff.moves.length), 'more rank change', 'more rank changes'),
  ].filter((text): text is string => Boolean(text));
  return { rows, notShown: counts.length ? `Not shown: ${counts.join(', ')}.` : undefined };
}
