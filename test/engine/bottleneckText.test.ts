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
  remedies: [],
  unchecked: false,
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
  it('gives each checked change with what it does, the one that moves nothing else first', () => {
    const f = deferred({
      remedies: [
        { kind: 'cut', cuts: [{ team: 'Legal', unit: 'weeks', by: 2, to: 1 }], enters: [], leaves: [], gap: 0 },
        { kind: 'score', from: 58.1, to: 63.24, overtakes: 'Fraud alerts', enters: [], leaves: ['IT service desk routing'], gap: 0 },
      ],
    });
    expect(deferredText(f, '$')).toBe(
      'Claims triage: cut its Legal demand by 2 weeks (to 1 week): it enters and nothing leaves; or raise its priority score from 58.1 to above 63.2 to overtake Fraud alerts: it enters; IT service desk routing leaves.',
    );
  });

  it('says who enters with it and who leaves', () => {
    const f = deferred({ remedies: [{ kind: 'in-flight', limit: 9, enters: ['Document intake'], leaves: ['A', 'B'], gap: 0 }] });
    expect(deferredText(f, '$')).toBe('Claims triage: raise the in-flight limit to 9: it enters with Document intake; A and B leave.');
  });

  it('says how much more annual value would bring it in', () => {
    const f = deferred({
      scoreNeeded: { measure: 'Annual value', now: 900_000, needed: 1_400_000, gap: 0 },
      remedies: [{ kind: 'score', from: 900_000, to: 1_400_000, enters: [], leaves: [], gap: 0.01 }],
    });
    expect(deferredText(f, '$')).toBe('Claims triage: raise its annual value by more than $500k (now $900k): it enters and nothing leaves (best found in the time limit).');
  });

  it('says when no single change brings it in, and why', () => {
    expect(deferredText(deferred({ scoreNeeded: { measure: 'Priority score', now: 40, needed: undefined, gap: 0 } }), '$')).toBe(
      'Claims triage: no single change brings it in: it does not fit even on its own.',
    );
    expect(deferredText(deferred({ needsInFlightSlot: true }), '$')).toBe(
      'Claims triage: no single change brings it in: it needs an in-flight slot and a team with time left beside the plan.',
    );
    expect(deferredText(deferred(), '$')).toMatch(/^Claims triage: no single change brings it in: /);
  });

  it('does not call an unchecked initiative hopeless', () => {
    expect(deferredText(deferred({ unchecked: true }), '$')).toMatch(/^Claims triage: what it would take was not worked out/);
  });
});

describe('lists of names', () => {
  it('shortens a long list and counts the rest', () => {
    expect(someNames(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 more');
    expect(someNames(['A', 'B', 'C', 'D'])).toBe('A, B, C and D');
  });
});
