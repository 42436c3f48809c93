// What the dependencies do to the ranking, before any method selects: forcing
// an initiative in forces in what it requires (and a requirement that is not
// ready or forced out keeps it out, with a warning), and a shared enabler ranks
// with the best initiative that requires it. See docs/dependencies.md.

import { rankOrder } from './ranking';
import { linksOf, requiredClosure, type Links } from './select/links';
import type { Assessment, Issue } from './types';

/**
 * Sets `forcedBy`, `forcesIn` and `ranksWith` on the assessments (fresh objects of this run) and
 * returns the ranking and links that follow; the ranking unchanged when no row has dependencies.
 */
export function withDependencies(assessments: Assessment[], ranking: number[], issues: Issue[], sheet: string): { ranking: number[]; links?: Links } {
  const links = linksOf(assessments.map((a) => a.initiative));
  if (!links) return { ranking };
  if (forcePackages(assessments, ranking, links, issues, sheet)) ranking = rankOrder(assessments);
  const ranksWith = new Map<number, number>();
  ranking = enablersUp(assessments, ranking, links, ranksWith);
  return { ranking, links: ranksWith.size > 0 ? { ...links, ranksWith } : links };
}

/** Forced-in initiatives bring what they require; true when any requirement was forced in that way. */
function forcePackages(assessments: Assessment[], ranking: readonly number[], links: Links, issues: Issue[], sheet: string): boolean {
  const honoured = new Set<number>();
  let any = false;
  for (const i of ranking) {
    const forcer = assessments[i]!;
    if (forcer.override !== 'In' || honoured.has(i)) continue;
    const members = [i, ...requiredClosure(links, i)];
    const name = (k: number) => assessments[k]!.initiative.name;
    const unready = members.find((m) => !assessments[m]!.gate.committable);
    const out = members.find((m) => assessments[m]!.override === 'Out');
    const clash = members.find((m) => (links.alternatives.get(m) ?? []).some((a) => honoured.has(a) || members.includes(a)));
    // The clash said by name: the initiative's own alternative, or one of a requirement's.
    const clashText = (m: number): string => {
      const other = (links.alternatives.get(m) ?? []).find((a) => honoured.has(a) || members.includes(a))!;
      const how = honoured.has(other) ? 'is forced in' : 'is required too';
      if (m !== i) return `it requires ${name(m)}, whose alternative ${name(other)} ${how}`;
      return honoured.has(other) ? `so is its alternative ${name(other)}, and only one of them can be in the plan` : `it requires its own alternative ${name(other)}`;
    };
    if (unready !== undefined || out !== undefined || clash !== undefined) {
      const why =
        unready !== undefined
          ? `it requires ${name(unready)}, which is not ready (${assessments[unready]!.gate.gate}: ${assessments[unready]!.gate.gaps.join('; ')})`
          : out !== undefined
            ? `it requires ${name(out)}, which is forced out`
            : clashText(clash!);
      issues.push({
        code: 'override-on-gated',
        severity: 'warning',
        sheet,
        column: 'Override',
        rowIndex: forcer.initiative.rowIndex,
        message: `${forcer.initiative.name} is forced in, but ${why}; it stays out of the plan.`,
      });
      continue;
    }
    const brought: string[] = [];
    for (const m of members) {
      honoured.add(m);
      const member = assessments[m]!;
      if (m === i || member.override === 'In') continue;
      brought.push(member.initiative.name);
      if (member.forcedBy === undefined) {
        member.forcedBy = forcer.initiative.name;
        any = true;
      }
    }
    if (brought.length > 0) forcer.forcesIn = brought;
  }
  return any;
}

/** Scored, and not forced in: the part of the ranking shared enablers move up in. */
const ranked = (a: Assessment): boolean => a.scores !== undefined && !((a.override === 'In' || a.forcedBy !== undefined) && a.gate.committable);

/** Each requirement ranked below an initiative that needs it moves up to just before the first such initiative. */
function enablersUp(assessments: Assessment[], ranking: readonly number[], links: Links, ranksWith: Map<number, number>): number[] {
  const position = new Map(ranking.map((index, rank) => [index, rank]));
  const placed = new Set<number>();
  const result: number[] = [];
  for (const i of ranking) {
    if (placed.has(i)) continue;
    if (links.requires.has(i) && ranked(assessments[i]!)) {
      const lifted = requiredClosure(links, i)
        .filter((m) => !placed.has(m) && ranked(assessments[m]!))
        .sort((a, b) => position.get(a)! - position.get(b)!);
      for (const m of lifted) {
        placed.add(m);
        result.push(m);
        ranksWith.set(m, i);
        assessments[m]!.ranksWith = assessments[i]!.initiative.name;
      }
    }
    placed.add(i);
    result.push(i);
  }
  return result;
}
