// The initiatives both plans of a comparison commit that start at another
// time: "Claims triage starts H1 instead of H2". Shown only when there are some,
// so a comparison without horizons reads as before.

import { Caption1, Text } from '@fluentui/react-components';
import type { ScenarioComparison } from '../../engine/scenarios/compare';
import { useSectionStyles } from '../styles';

export function StartChanges({ comparison }: { comparison: ScenarioComparison }) {
  const section = useSectionStyles();
  const { startChanges, a, b } = comparison;
  if (startChanges.length === 0) return null;
  const title = 'In both, starting at another time';
  return (
    <div>
      <Text weight="semibold">{title}</Text>
      <ul aria-label={title} className={section.list}>
        {startChanges.map((change) => (
          <li key={change.key}>
            {change.name}
            <Caption1 block className={section.quiet}>
              {`Starts ${change.startB} in ${b.label} instead of ${change.startA} in ${a.label}`}
            </Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}
