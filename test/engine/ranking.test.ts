import fc from 'fast-check';
import { assess } from '../../src/engine/plan';
import { compareRank, liftedPosition, rankOrder, type Ranked } from '../../src/engine/ranking';
import type { Assessment } from '../../src/engine/types';
import { named, NOW, workbook } from '../builders';

describe('the ranking without one override', () => {
  const assessed = assess(
    workbook([
      named('High value', { 'Annual value': 3_000_000 }),
      named('Forced', { 'Annual value': 1_000_000, Override: 'In', 'Override reason': 'Board' }),
      named('Low value', { 'Annual value': 100_000 }),
    ]),
    { now: NOW },
  );
  const names = (ranking: number[]) => ranking.map((i) => assessed.assessments[i]!.initiative.name);

  /** The ranking with the override at `index` lifted: the others in their order, it put back where liftedPosition says. */
  const withoutOverride = (index: number) => {
    const others = assessed.ranking.filter((i) => i !== index);
    others.splice(liftedPosition(assessed, index), 0, index);
    return others;
  };

  it('moves a forced-in initiative from the head of the ranking to where its score puts it', () => {
    expect(names(assessed.ranking)).toEqual(['Forced', 'High value', 'Low value']);
    expect(names(withoutOverride(1))).toEqual(['High value', 'Forced', 'Low value']);
    // An initiative without an override stays where it is.
    expect(withoutOverride(2)).toEqual(assessed.ranking);
  });

  it('ranks exactly as a full re-ranking would', () => {
    const lifted = assessed.assessments.map((a, i) => (i === 1 ? { ...a, override: undefined } : a));
    expect(withoutOverride(1)).toEqual(rankOrder(lifted));
  });
});

describe('the ranking order', () => {
  // Only what the ranking reads; the rest of an assessment does not matter to it.
  const assessment = (a: { priority?: number; friction: number; value?: number; name: string; forced: boolean; committable: boolean }, rowIndex: number) =>
    ({
      initiative: { name: a.name, key: `name:${a.name}#${rowIndex}`, rowIndex, annualValue: a.value },
      scores: a.priority === undefined ? undefined : { priority: a.priority, friction: a.friction },
      gate: { committable: a.committable },
      override: a.forced ? 'In' : undefined,
    }) as unknown as Assessment;
  const row = fc.record({
    // A few scores, so rows share a score (and a bucket) often; 2,000 rows reach buckets of more than 16.
    priority: fc.option(fc.constantFrom(0, 12.5, 50, 50.1, 71.3, 99.9, 100), { nil: undefined }),
    friction: fc.constantFrom(10, 40.5),
    value: fc.option(fc.constantFrom(0, 100_000, 2_500_000), { nil: undefined }),
    name: fc.constantFrom('Alpha', 'alpha', 'Émission', 'Beta', 'Zed'),
    forced: fc.boolean(),
    committable: fc.boolean(),
  });
  const byCompareRank = (assessments: Assessment[]) => assessments.map((_, i) => i).sort((a, b) => compareRank(assessments[a]!, assessments[b]!));

  it('is the order compareRank gives, ties and large groups of equal scores included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 60 }), fc.array(row, { minLength: 1500, maxLength: 2000 })), (rows) => {
        const assessments = rows.map(assessment);
        expect(rankOrder(assessments)).toEqual(byCompareRank(assessments));
      }),
      { numRuns: 60 },
    );
  });

  it('puts an initiative whose override is lifted where a full re-ranking puts it, the others keeping their order', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.nat(), (rows, pick) => {
        const assessments = rows.map(assessment);
        const index = pick % assessments.length;
        const ranking = rankOrder(assessments);
        const lifted = assessments.map((a, i) => (i === index ? { ...a, override: undefined } : a));
        const others = ranking.filter((i) => i !== index);
        others.splice(liftedPosition({ assessments, ranking } as unknown as Ranked, index), 0, index);
        expect(others).toEqual(rankOrder(lifted));
      }),
      { numRuns: 200 },
    );
  });

  it('still follows compareRank for a score outside 0 to 100', () => {
    const assessments = [150, 50, -5, 50, 100].map((priority, i) => assessment({ priority, friction: 10, name: `R${i}`, forced: false, committable: true }, i));
    expect(rankOrder(assessments)).toEqual(byCompareRank(assessments));
    expect(rankOrder(assessments)[0]).toBe(0);
  });
});
