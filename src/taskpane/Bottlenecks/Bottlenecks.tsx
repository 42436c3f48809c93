// Bottleneck findings: what one more unit of each team would bring in. They
// come with the optimal method; until then there are none and nothing shows.

import { Body1, Subtitle2, useId } from '@fluentui/react-components';
import type { Plan } from '../../engine/plan';
import { useSectionStyles } from '../styles';

export type BottlenecksProps = { findings: string[] | undefined };

/**
 * One plain sentence per finding ("Legal +1 week: +$1.2M committed value (Claims triage enters)").
 * The optimal method's plan will carry them; the rank-and-fill plan has none.
 */
export function bottleneckFindings(_plan: Plan): string[] | undefined {
  return undefined;
}

export function Bottlenecks({ findings }: BottlenecksProps) {
  const section = useSectionStyles();
  const id = useId('bottlenecks');
  if (!findings || findings.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={section.heading}>
        Bottlenecks
      </Subtitle2>
      <ul className={section.list}>
        {findings.map((finding) => (
          <li key={finding}>
            <Body1>{finding}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
