// The plan as the command prints it: the in-flight count is the one the limit holds to.

import { summaryText } from '../../src/cli/summaryText';
import { prioritise } from '../../src/engine/plan';
import { capacity, NOW, readyRow, settingsTable, table } from '../builders';

// Three initiatives, Legal fits two a horizon and the limit is 2.
const rows = ['Claims triage', 'Invoice matching', 'Churn'].map((name, i) => readyRow({ ID: `I${i}`, Initiative: name, 'Annual value': 1_000_000 - i, Legal: 2 }));
const planWith = (settings: Record<string, string | number>) => prioritise({ initiatives: table(rows), capacity: capacity({ Legal: 4 }), settings: settingsTable(settings) }, { now: NOW });

describe('the in-flight line of the printed plan', () => {
  it('over horizons counts the busiest horizon, as the limit holds in each, not every initiative committed across them', () => {
    const roadmap = planWith({ Horizons: 'H1, H2', 'In-flight limit': 2 });
    expect(roadmap.summary.byDecision.Commit).toBe(3);
    expect(summaryText(roadmap)).toContain('at most 2 of 2 in-flight places used in any one horizon.');
  });

  it('in one planning period counts what is committed', () => {
    const plan = planWith({ 'In-flight limit': 2 });
    expect(plan.summary.byDecision.Commit).toBe(2);
    expect(summaryText(plan)).toContain('requested; 2 of 2 in-flight places used.');
  });
});
