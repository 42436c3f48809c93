// What an initiative requires, what requires it, and its alternatives, as the
// pane's initiative detail lists them: plain data worked out from the plan's
// entries (the keys the Requires and Excludes columns resolved to).

import type { Decision, PlanEntry } from '../../engine/types';

export type LinkedInitiative = { name: string; decision: Decision };

export type DependencyLinks = {
  /** What it requires directly, in the order the Requires cell names them. */
  requires: LinkedInitiative[];
  /** The initiatives that require it directly, in the table's order. */
  requiredBy: LinkedInitiative[];
  /** Its alternatives, whichever row's Excludes names the other, in the table's order. */
  alternatives: LinkedInitiative[];
};

/** The links of `entry` among `entries`; undefined when it has none. */
export function dependencyLinks(entry: PlanEntry, entries: readonly PlanEntry[]): DependencyLinks | undefined {
  const key = entry.initiative.key;
  const byKey = new Map(entries.map((e) => [e.initiative.key, e]));
  const linked = (e: PlanEntry): LinkedInitiative => ({ name: e.initiative.name, decision: e.decision });
  const requires = (entry.initiative.requires ?? []).flatMap((k) => (byKey.has(k) && k !== key ? [linked(byKey.get(k)!)] : []));
  const requiredBy: LinkedInitiative[] = [];
  const alternatives: LinkedInitiative[] = [];
  const ownExcludes = new Set(entry.initiative.excludes ?? []);
  for (const other of entries) {
    if (other.initiative.key === key) continue;
    if (other.initiative.requires?.includes(key)) requiredBy.push(linked(other));
    if (ownExcludes.has(other.initiative.key) || other.initiative.excludes?.includes(key)) alternatives.push(linked(other));
  }
  return requires.length + requiredBy.length + alternatives.length > 0 ? { requires, requiredBy, alternatives } : undefined;
}
