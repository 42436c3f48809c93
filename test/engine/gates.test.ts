// The gates leaders endorse (SPEC, idea 5), one rule per test.

import { COMMITTABLE_GATES, GATE_ORDER, gate } from '../../src/engine/gates';
import type { Gate } from '../../src/engine/types';
import { readyInitiative } from '../builders';

/** Ready to scale, and asking only for a pilot, so no "Scale was requested" gap gets in the way. */
const pilot = (overrides: Parameters<typeof readyInitiative>[0] = {}) => readyInitiative({ phaseRequested: 'Pilot', ...overrides });
const noControls = { decisionLogging: false, monitoringOwner: undefined, incidentProcess: false };

describe('Invalid input', () => {
  test('a row with an unreadable cell is Invalid input, cannot be committed, and its gap names the cells', () => {
    const result = gate(pilot({ invalid: true }), ['Q10', 'F10']);
    expect(result).toEqual({ gate: 'Invalid input', gaps: [expect.stringMatching(/Q10, F10$/)], committable: false });
  });

  test('Invalid input wins over every other gap', () => {
    expect(gate(pilot({ invalid: true, owner: undefined, dataRights: 'No' })).gate).toBe('Invalid input');
  });

  test('a readable row is never Invalid input', () => {
    expect(gate(pilot()).gate).not.toBe('Invalid input');
  });
});

describe('Blocked', () => {
  test.each<[string, string | undefined]>([
    ['blank', undefined],
    ['a placeholder', 'TBD'],
    ['a team', 'Finance team'],
    ['several people', 'Ana Ruiz / Tom Lee'],
  ])('an owner that is %s blocks the initiative', (_what, owner) => {
    const result = gate(pilot({ owner }));
    expect(result.gate).toBe('Blocked');
    expect(result.committable).toBe(false);
    expect(result.gaps).toEqual([expect.stringContaining('Name one accountable owner')]);
  });

  test('one named owner does not block', () => {
    expect(gate(pilot({ owner: 'Ana Ruiz' })).gate).toBe('Scale-ready');
  });

  test.each<[string, 'Partial' | 'No' | undefined, string]>([
    ['Partial', 'Partial', 'now Partial'],
    ['No', 'No', 'now No'],
    ['unknown', undefined, 'not stated'],
  ])('data rights %s block the initiative and the gap says where they stand', (_what, dataRights, stand) => {
    const result = gate(pilot({ dataRights }));
    expect(result.gate).toBe('Blocked');
    expect(result.gaps).toEqual([expect.stringMatching(new RegExp(`^Clear data rights.*\\(${stand}\\)$`))]);
  });

  test('cleared data rights do not block', () => {
    expect(gate(pilot({ dataRights: 'Yes' })).gate).toBe('Scale-ready');
  });

  test('both blockers are listed, owner first', () => {
    const result = gate(pilot({ owner: 'TBD', dataRights: 'No' }));
    expect(result.gate).toBe('Blocked');
    expect(result.gaps).toEqual([expect.stringContaining('accountable owner'), expect.stringContaining('data rights')]);
  });
});

describe('Learning-only', () => {
  test.each<['None' | undefined, string]>([
    ['None', 'None'],
    [undefined, 'unknown'],
  ])('a baseline method of %p (%s) allows only a learning pilot', (baselineMethod) => {
    const result = gate(pilot({ baselineMethod }));
    expect(result).toEqual({ gate: 'Learning-only', gaps: [expect.stringContaining('baseline and a comparison method')], committable: true });
  });

  test.each(['A/B test', 'Before/after', 'Matched cohorts'] as const)('a %s baseline is enough to pass', (baselineMethod) => {
    expect(gate(pilot({ baselineMethod })).gate).toBe('Scale-ready');
  });

  test.each<[string, boolean | undefined]>([
    ['without', false],
    ['with unknown', undefined],
  ])('a workflow %s instrumentation allows only a learning pilot', (_what, instrumentation) => {
    const result = gate(pilot({ instrumentation }));
    expect(result).toEqual({ gate: 'Learning-only', gaps: [expect.stringContaining('Instrument the workflow')], committable: true });
  });

  test('a missing baseline and missing instrumentation are both listed', () => {
    expect(gate(pilot({ baselineMethod: 'None', instrumentation: false })).gaps).toHaveLength(2);
  });

  test.each<['High' | undefined, string]>([
    ['High', 'High risk'],
    [undefined, 'Risk tier not stated, so treated as High'],
  ])('risk tier %p without the three controls allows only a learning pilot, listing each control', (riskTier, note) => {
    const result = gate(pilot({ riskTier, ...noControls }));
    expect(result.gate).toBe('Learning-only');
    expect(result.committable).toBe(true);
    expect(result.gaps).toEqual([
      expect.stringMatching(new RegExp(`^${note}: before a pilot, .*decision`)),
      expect.stringMatching(new RegExp(`^${note}: before a pilot, .*person who owns model health`)),
      expect.stringMatching(new RegExp(`^${note}: before a pilot, .*incident playbook`)),
    ]);
  });

  test('high risk with only the monitoring owner missing lists only that control', () => {
    const result = gate(pilot({ riskTier: 'High', monitoringOwner: 'Model team' }));
    expect(result.gate).toBe('Learning-only');
    expect(result.gaps).toEqual([expect.stringContaining('owns model health')]);
  });

  test('high risk with all three controls is Scale-ready', () => {
    expect(gate(pilot({ riskTier: 'High' }))).toEqual({ gate: 'Scale-ready', gaps: [], committable: true });
  });
});

describe('Pilot-ready', () => {
  test.each(['Medium', 'Low'] as const)('%s risk without the controls is Pilot-ready, with what it needs to scale', (riskTier) => {
    const result = gate(pilot({ riskTier, ...noControls }));
    expect(result.gate).toBe('Pilot-ready');
    expect(result.committable).toBe(true);
    expect(result.gaps).toHaveLength(3);
    for (const gap of result.gaps) expect(gap).toMatch(/^To scale, /);
  });

  test('only the missing controls are listed', () => {
    const result = gate(pilot({ riskTier: 'Low', incidentProcess: false }));
    expect(result).toEqual({ gate: 'Pilot-ready', gaps: [expect.stringMatching(/^To scale, .*incident/)], committable: true });
  });
});

describe('Scale-ready', () => {
  test('with everything in place the initiative is Scale-ready with no gaps', () => {
    expect(gate(pilot())).toEqual({ gate: 'Scale-ready', gaps: [], committable: true });
  });

  test('asking to scale when Scale-ready adds no gap', () => {
    expect(gate(readyInitiative({ phaseRequested: 'Scale' })).gaps).toEqual([]);
  });

  test.each<[string, Parameters<typeof readyInitiative>[0], Gate, string]>([
    ['Pilot-ready', { riskTier: 'Low', decisionLogging: false }, 'Pilot-ready', 'only a pilot can start'],
    ['Learning-only', { baselineMethod: 'None' }, 'Learning-only', 'only a learning pilot can start'],
    ['Blocked', { owner: undefined }, 'Blocked', 'nothing can start'],
  ])('asking to scale when %s states it after the real gaps', (_what, overrides, expected, allowed) => {
    const result = gate(readyInitiative({ phaseRequested: 'Scale', ...overrides }));
    expect(result.gate).toBe(expected);
    expect(result.gaps[result.gaps.length - 1]).toBe(`Scale was requested but the gate is ${expected}: ${allowed}`);
    expect(result.gaps.length).toBeGreaterThan(1);
  });
});

describe('which gates may be committed', () => {
  test.each<[Gate, boolean]>([
    ['Invalid input', false],
    ['Blocked', false],
    ['Learning-only', true],
    ['Pilot-ready', true],
    ['Scale-ready', true],
  ])('%s is committable: %p', (g, committable) => {
    expect(COMMITTABLE_GATES.has(g)).toBe(committable);
  });

  test('the gates are ordered from Invalid input to Scale-ready', () => {
    expect(GATE_ORDER).toEqual(['Invalid input', 'Blocked', 'Learning-only', 'Pilot-ready', 'Scale-ready']);
  });
});
