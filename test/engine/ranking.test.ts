import { assess } from '../../src/engine/plan';
import { rankOrder, withoutOverride } from '../../src/engine/ranking';
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
