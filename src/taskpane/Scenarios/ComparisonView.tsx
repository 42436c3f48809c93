// Two scenarios' plans side by side: the one sentence, committed value, what
// only one of them commits, each team's utilisation, and what starts at another time.

import { Badge, Caption1, Text, makeStyles, mergeClasses } from '@fluentui/react-components';
import { comparisonSentence, type OneSided, type ScenarioComparison } from '../../engine/scenarios/compare';
import { formatMoney, formatPercent } from '../../engine/format';
import { utilisationColour } from '../Summary/badgeColours';
import { useSectionStyles, useTableStyles } from '../styles';
import { StartChanges } from './StartChanges';

// A third of 320 px broke team names inside words ("Data engineerin g"): the names' column takes two fifths.
const useStyles = makeStyles({ labels: { width: '40%' } });

const share = (value: number | undefined) => (value === undefined ? '–' : formatPercent(value));

/** What the other plan decided for it, in the plan's own words: "In Lean: Deferred (in-flight limit), In-flight limit (4)". */
export function otherPlanText(other: string, item: OneSided): string {
  if (item.otherDecision === undefined) return `Not in ${other}'s table.`;
  return `In ${other}: ${item.otherDecision}${item.otherReason && item.otherReason !== item.otherDecision ? `, ${item.otherReason}` : ''}.`;
}

function OnlyIn({ title, other, items }: { title: string; other: string; items: OneSided[] }) {
  const section = useSectionStyles();
  return (
    <div>
      <Text weight="semibold">{title}</Text>
      {items.length === 0 ? (
        <Caption1 block className={section.quiet}>
          None.
        </Caption1>
      ) : (
        <ul aria-label={title} className={section.list}>
          {items.map((item) => (
            <li key={item.key}>
              {item.name}
              <Caption1 block className={section.quiet}>
                {otherPlanText(other, item)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ComparisonView({ comparison }: { comparison: ScenarioComparison }) {
  const section = useSectionStyles();
  const styles = useTableStyles();
  const own = useStyles();
  const { a, b, currency } = comparison;
  const head = mergeClasses(styles.cell, styles.number);
  return (
    <section className={section.section} aria-label="Scenario comparison">
      <Text role="status">{comparisonSentence(comparison)}</Text>
      <table className={styles.table} aria-label="The two plans">
        <colgroup>
          <col className={own.labels} />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              <span className={section.quiet}>Plan</span>
            </th>
            <th scope="col" className={head}>
              {a.label}
            </th>
            <th scope="col" className={head}>
              {b.label}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className={styles.cell}>
              Committed value
            </th>
            <td className={head}>{formatMoney(a.committedValue, currency)}</td>
            <td className={head}>{formatMoney(b.committedValue, currency)}</td>
          </tr>
          <tr>
            <th scope="row" className={styles.cell}>
              Committed
            </th>
            <td className={head}>{a.committed}</td>
            <td className={head}>{b.committed}</td>
          </tr>
          {comparison.teams.length > 0 && (
            // The percentages below are each team's capacity used, as the plan's own table heads them.
            <tr>
              <th scope="colgroup" colSpan={3} className={mergeClasses(styles.cell, section.quiet)}>
                Team capacity used
              </th>
            </tr>
          )}
          {comparison.teams.map((team) => (
            <tr key={team.team}>
              <th scope="row" className={styles.cell}>
                {team.team}
              </th>
              <td className={head}>
                <Badge appearance="tint" color={utilisationColour(team.utilisationA)}>
                  {share(team.utilisationA)}
                </Badge>
              </td>
              <td className={head}>
                <Badge appearance="tint" color={utilisationColour(team.utilisationB)}>
                  {share(team.utilisationB)}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OnlyIn title={`Only in ${a.label}`} other={b.label} items={comparison.onlyInA} />
      <OnlyIn title={`Only in ${b.label}`} other={a.label} items={comparison.onlyInB} />
      <StartChanges comparison={comparison} />
    </section>
  );
}
