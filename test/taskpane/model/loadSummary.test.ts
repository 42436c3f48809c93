import { loadSummary } from '../../../src/taskpane/TeamLoads/loadSummary';
import type { TeamLoad } from '../../../src/engine/types';

const load = (team: string, before: number | undefined, after: number | undefined): TeamLoad => ({
  team,
  unit: 'weeks',
  capacity: 10,
  demandBefore: (before ?? 0) * 10,
  demandAfter: (after ?? 0) * 10,
  utilisationBefore: before,
  utilisationAfter: after,
});

describe('the team-load chart in words', () => {
  test('names each team with its load before and after, and any team still over capacity', () => {
    expect(loadSummary([load('Legal', 1.5, 0.9), load('Security', 0.8, 1.2)])).toBe(
      'Team load as a share of capacity, before and after the plan: Legal 150% then 90%; Security 80% then 120%. Over capacity after the plan: Security.',
    );
  });

  test('says when a team has no capacity, and when there are no teams at all', () => {
    expect(loadSummary([load('ML platform', undefined, undefined)])).toBe('Team load as a share of capacity, before and after the plan: ML platform no capacity then no capacity.');
    expect(loadSummary([])).toBe('No team has a capacity, so there is no team load to draw.');
  });
});
