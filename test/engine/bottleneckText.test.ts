import { capacityText, deferredText, someNames } from '../../src/engine/bottleneckText';
import type { CapacityFinding, DeferredFinding } from '../../src/engine/bottlenecks';

const team = (fields: Partial<CapacityFinding> = {}): Omit<CapacityFinding, 'text'> => ({
  kind: 'team',
  name: 'Legal',
  unit: 'weeks',
  step: 1,
  exact: true,
  objectiveGain: 0,
  valueGain: 0,
  enters: [],
  leaves: [],
  gap: 0,
  ...fields,
});
const deferred = (fields: Partial<DeferredFinding> = {}): Omit<DeferredFinding, 'text'> => ({
  key: 'k',
  name: 'Claims triage',
  decision: 'Deferred (capacity)',
  demandCuts: [],
  needsInFlightSlot: false,
  ...fields,
});

describe('capacity findings in words', () => {
  it('says when one more unit changes nothing', () => {
    expect(capacityText(team(), 'Priority score', '$')).toBe('Legal +1 week: no change to the plan.');
  });

  it('leads with committed value when the objective is annual value', () => {
    expect(capacityText(team({ objectiveGain: 1_200_000, valueGain: 1_200_000, enters: ['Claims triage'] }), 'Annual value', '€')).toBe(
      'Legal +1 week: +€1.2M committed value (Claims triage enters).',
    );
  });

  it('marks a figure the time limit cut short', () => {
    expect(capacityText(team({ objectiveGain: 5, valueGain: 100_000, enters: ['A'], gap: 0.01 }), 'Priority score', '$')).toBe(
      'Legal +1 week: +$100k committed value, +5 priority points (A enters) (best found in the time limit).',
    );
  });

  it('does not call a re-solve within the tolerance cut short', () => {
    expect(capacityText(team({ objectiveGain: 5, valueGain: 100_000, enters: ['A'], gap: 0.0009 }), 'Priority score', '$')).toBe(
      'Legal +1 week: +$100k committed value, +5 priority points (A enters).',
    );
  });

  it('gives the LP estimate, and says it is one, for a team not re-solved', () => {
    expect(capacityText(team({ exact: false, objectiveGain: undefined, valueGain: undefined, shadowPrice: 2.25 }), 'Priority score', '$')).toBe(
      'Legal +1 week: worth about 2.3 priority points per week by the LP estimate (not re-solved).',
    );
  });
});

describe('deferred findings in words', () => {
  it('offers the demand cut or the score that would bring it in', () => {
    const f = deferred({
      demandCuts: [{ team: 'Legal', unit: 'weeks', by: 2, to: 1 }],
      scoreNeeded: { measure: 'Priority score', now: 58.1, needed: 63.24, overtakes: 'Fraud alerts', gap: 0 },
    });
    expect(deferredText(f, '$')).toBe('Claims triage: cut its Legal demand by 2 weeks (to 1 week) to fit beside the plan, or raise its priority score from 58.1 to above 63.2 to overtake Fraud alerts.');
  });

  it('says no score within 0 to 100 would do when the one needed is above 100', () => {
    const f = deferred({ needsInFlightSlot: true, scoreNeeded: { measure: 'Priority score', now: 40, needed: 130, gap: 0 } });
    expect(deferredText(f, '$')).toBe('Claims triage: it needs an in-flight slot: raise the in-flight limit or take another initiative out; no priority score alone would bring it in (it would need more than 100).');
  });

  it('says how much more annual value would bring it in', () => {
    const f = deferred({ needsInFlightSlot: true, scoreNeeded: { measure: 'Annual value', now: 900_000, needed: 1_400_000, gap: 0 } });
    expect(deferredText(f, '$')).toBe('Claims triage: it needs an in-flight slot; raise its annual value by more than $500k (now $900k).');
  });

  it('explains an initiative that fits but would lower the total', () => {
    expect(deferredText(deferred(), '$')).toBe('Claims triage: it fits beside the plan but would lower its total, so it stays out.');
  });
});

describe('lists of names', () => {
  it('shortens a long list and counts the rest', () => {
    expect(someNames(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 more');
    expect(someNames(['A', 'B', 'C', 'D'])).toBe('A, B, C and D');
  });
});
