// The dependency part of an initiative's detail: what it requires, what
// requires it and its alternatives, each with its decision, so the room sees
// why a package goes in or stays out together.

import { Badge, Body1, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { PlanEntry } from '../../engine/types';
import { DECISION_COLOUR } from '../Summary/badgeColours';
import { dependencyLinks, type LinkedInitiative } from './dependencyLinks';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

function LinkList({ title, items }: { title: string; items: LinkedInitiative[] }) {
  const styles = useStyles();
  const id = useId('links');
  if (items.length === 0) return null;
  return (
    <div>
      <p id={id} className={styles.heading}>
        {title}
      </p>
      <ul className={styles.list} aria-labelledby={id}>
        {items.map((item) => (
          <li key={item.name}>
            <span className={styles.item}>
              <Body1>{item.name}</Body1>
              <Badge appearance="tint" size="small" color={DECISION_COLOUR[item.decision]}>
                {item.decision}
              </Badge>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DependencyLinks({ entry, entries }: { entry: PlanEntry; entries: readonly PlanEntry[] }) {
  const links = dependencyLinks(entry, entries);
  if (!links) return null;
  return (
    <>
      <LinkList title="Requires" items={links.requires} />
      <LinkList title="Required by" items={links.requiredBy} />
      <LinkList title="Alternatives (only one can be in the plan)" items={links.alternatives} />
    </>
  );
}
