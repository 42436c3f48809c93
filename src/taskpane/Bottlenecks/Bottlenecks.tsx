// Bottleneck economics in the pane: what one more unit of each team (and of the
// in-flight limit) is worth, what each override costs, and what a deferred
// initiative would need to get in. The sentences are the engine's own, so the
// pane, the Change impact sheet and the command line say the same thing.

import { Body1, Caption1, Subtitle2, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { capacityLines } from '../../engine/bottleneckText';
import { roadmapHorizons } from '../../engine/horizons';
import type { Plan } from '../../engine/plan';
import { ShowAll, firstOf } from '../Disclosure/ShowAll';
import { useSectionStyles } from '../styles';

/** `pointsNote` says what a priority point is, when the findings count in them (a unit the workbook never defines). */
export type BottleneckGroups = { capacity: string[]; overrides: string[]; enablers: string[]; deferred: string[]; notes: string[]; pointsNote?: string };

/** What the findings' priority points are; on a roadmap a later start counts a little less (the plan's own objective). */
export function pointsNote(roadmap: boolean): string {
  return `Priority points: the priority scores (0-100) of the committed initiatives, added up${roadmap ? ', a later start counting a little less' : ''}.`;
}

export type BottlenecksProps = { findings: BottleneckGroups | undefined };

/** The plan's findings as sentences, grouped as the pane shows them; undefined when the plan has none. */
export function bottleneckFindings(plan: Plan): BottleneckGroups | undefined {
  const b = plan.bottlenecks;
  if (!b) return undefined;
  const groups = {
    capacity: capacityLines(b.capacity),
    overrides: b.overrides.map((f) => f.text),
    enablers: b.enablers.map((f) => f.text),
    // Every deferred initiative the engine checked (the 50 highest-ranked): the room asks about any of them.
    deferred: b.deferred.map((f) => f.text),
    notes: b.notes,
  };
  const inPoints = [groups.capacity, groups.overrides, groups.enablers, groups.deferred].some((items) => items.some((item) => item.includes('priority points')));
  if (inPoints) Object.assign(groups, { pointsNote: pointsNote(roadmapHorizons(plan.settings) !== undefined) });
  return groups.capacity.length + groups.overrides.length + groups.enablers.length + groups.deferred.length > 0 ? groups : undefined;
}

/**
 * A group of findings; a long one shows its first `initial` (the highest-ranked) and offers the rest, so at 500
 * initiatives fifty paragraphs of what it would take do not stand between the plan and the ranking and problems.
 */
function Group({ title, items, initial = Infinity, noun = '' }: { title: string; items: string[]; initial?: number; noun?: string }) {
  const section = useSectionStyles();
  const id = useId('bottleneck-group');
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  return (
    <div>
      <Body1 as="h3" id={id} className={section.heading}>
        <strong>{title}</strong>
      </Body1>
      <ul className={section.list} aria-labelledby={id}>
        {firstOf(items, initial, all).map((item) => (
          <li key={item}>
            <Body1>{item}</Body1>
          </li>
        ))}
      </ul>
      <ShowAll total={items.length} initial={initial} all={all} noun={noun} onToggle={setAll} />
    </div>
  );
}

/** How many of a long group show before "Show all": as many as the plan's first screen lists among the top deferred. */
export const FOLDED_FINDINGS = 3;

export function Bottlenecks({ findings }: BottlenecksProps) {
  const section = useSectionStyles();
  const id = useId('bottlenecks');
  if (!findings) return null;
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        Bottlenecks
      </Subtitle2>
      {findings.pointsNote && <Caption1 className={section.quiet}>{findings.pointsNote}</Caption1>}
      <Group title="One more unit of capacity" items={findings.capacity} />
      <Group title="What the overrides cost" items={findings.overrides} initial={FOLDED_FINDINGS} noun="overrides" />
      <Group title="What each shared enabler is worth" items={findings.enablers} initial={FOLDED_FINDINGS} noun="shared enablers" />
      <Group title="What it would take to get in" items={findings.deferred} initial={FOLDED_FINDINGS} noun="deferred initiatives" />
      {findings.notes.map((note) => (
        <Caption1 key={note}>{note}</Caption1>
      ))}
    </section>
  );
}

/** The plan's findings, as the pane shows them below the plan. */
export const PlanBottlenecks = ({ plan }: { plan: Plan }) => <Bottlenecks findings={bottleneckFindings(plan)} />;
