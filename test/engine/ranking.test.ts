import fc from 'fast-check';
import { assess } from '../../src/engine/plan';
import { compareRank, rankOrder, withoutOverride } from '../../src/engine/ranking';
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

  it('moves a forced-in initiative from the head of the ranking to where its score puts it', () => {
    expect(names(assessed.ranking)).toEqual(['Forced', 'High value', 'Low value']);
    const lifted = withoutOverride(assessed, 1);
    expect(names(lifted.ranking)).toEqual(['High value', 'Forced', 'Low value']);
    expect(lifted.assessments[1]!.override).toBeUndefined();
  });

  it('ranks exactly as a full re-ranking would', () => {
    const lifted = withoutOverride(assessed, 1);
    expect(lifted.ranking).toEqual(rankOrder(lifted.assessments));
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

  it('still follows compareRank for a score outside 0 to 100', () => {
    const assessments = [150, 50, -5, 50, 100].map((priority, i) => assessment({ priority, friction: 10, name: `R${i}`, forced: false, committable: true }, i));
    expect(rankOrder(assessments)).toEqual(byCompareRank(assessments));
    expect(rankOrder(assessments)[0]).toBe(0);
  });
});
