// The Why sentence and the Binding constraint text. Which factor is strongest or
// weakest is worked out by hand from the documented points (see scores.test.ts)
// scaled by the weights: a factor earns points * weight / sum of weights of the
// priority score, and misses the rest of its maximum (for friction, a light
// rating is what it earns).

import fc from 'fast-check';
import { bindingText, drivers, strongestAndWeakest, whyText } from '../../src/engine/explain';
import { formatQuantity } from '../../src/engine/format';
import { Memo } from '../../src/engine/memo';
import { gate } from '../../src/engine/gates';
import { FACTORS, scoreInitiative, type ScoreKind, type ScoringContext } from '../../src/engine/scores';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { Decision, DeferralConstraint, Initiative, PlanEntry, Settings } from '../../src/engine/types';
import { readyInitiative, unknownInitiative } from '../builders';

const memo = new Memo();
const context: ScoringContext = { largestValue: 1_000_000, currency: '$', memo };

function entry(
  initiative: Initiative,
  decision: Decision,
  binding?: DeferralConstraint,
  settings: Settings = DEFAULT_SETTINGS,
): Pick<PlanEntry, 'decision' | 'binding' | 'gate' | 'initiative' | 'scores'> {
  return {
    initiative,
    decision,
    binding,
    gate: gate(initiative, initiative.invalid ? ['Q10'] : []),
    scores: initiative.invalid ? undefined : scoreInitiative(initiative, context, settings),
  };
}

const why = (e: ReturnType<typeof entry>, settings: Settings = DEFAULT_SETTINGS) => whyText(e, settings, memo);

describe('what drove the score', () => {
  test('names the factor that earned most and the one that missed most', () => {
    // With 50/30/20: the largest value earns 40 * 0.5 = 20; data quality 1/5 misses 15 * 0.3 = 4.5,
    // more than strategic fit 4/5 (6.25 * 0.5 = 3.1) or any friction rating of 2 (5 * 0.2 = 1).
    const text = why(entry(readyInitiative({ annualValue: 1_000_000, dataQuality: 1 }), 'Commit'));
    expect(text).toContain('lifted by annual value ($1M)');
    expect(text).toContain('held back by data quality (1/5)');
  });

  test('a small value is named as what held the score back, and the best-rated factor as what lifted it', () => {
    // A hundredth of the largest value earns nothing and misses 40 * 0.5 = 20; strategic fit 5/5 earns 25 * 0.5 = 12.5.
    const text = why(entry(readyInitiative({ annualValue: 10_000, strategicFit: 5 }), 'Commit'));
    expect(text).toContain('lifted by strategic fit (5/5)');
    expect(text).toContain('held back by annual value ($10k)');
  });

  test('never names the same factor as both the strongest and the weakest', () => {
    // Impact only: a tenth of the largest value earns 20 and misses 20, more than any other factor earns or misses;
    // the next largest miss is the decision changed, not named (15).
    const settings: Settings = { ...DEFAULT_SETTINGS, weights: { impact: 100, readiness: 0, friction: 0 } };
    const initiative = readyInitiative({ annualValue: 100_000, strategicFit: 3, successMetric: 'Transform the business', decisionChanged: undefined });
    const text = why(entry(initiative, 'Commit', undefined, settings), settings);
    expect(text).toContain('lifted by annual value ($100k)');
    expect(text).toContain('held back by decision changed (not named)');
    expect(text).not.toContain('held back by annual value');
  });

  test('when nothing earned anything, no lift is claimed and the biggest miss is named', () => {
    // Everything unknown: annual value misses 40 * 0.5 = 20, more than strategic fit (25 * 0.5 = 12.5) or anything else.
    const text = why(entry(unknownInitiative(), 'Not ready'));
    expect(text).not.toContain('lifted by');
    expect(text).toContain('held back by annual value (unknown)');
  });

  test('nothing is said to hold back an initiative that missed no points', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, weights: { impact: 1, readiness: 0, friction: 0 } };
    const perfect = readyInitiative({ annualValue: 1_000_000, strategicFit: 5 });
    expect(why(entry(perfect, 'Commit', undefined, settings), settings)).not.toContain('held back');
  });

  test('starts with the priority score to one decimal', () => {
    const e = entry(readyInitiative(), 'Commit');
    expect(why(e)).toMatch(new RegExp(`^Priority ${e.scores!.priority.toFixed(1).replace('.', '\\.')}, `));
  });

  test('what each factor earned adds up to the priority score', () => {
    const e = entry(readyInitiative({ annualValue: 250_000, strategicFit: 3, dataRights: 'Partial', workloadShift: 4 }), 'Commit');
    const earned = drivers(e.initiative, e.scores!, DEFAULT_SETTINGS).reduce((acc, d) => acc + d.earned, 0);
    // The priority blends the three scores as shown (each to one decimal), so the sum may differ by rounding only.
    expect(Math.abs(earned - e.scores!.priority)).toBeLessThanOrEqual(0.1);
  });
});

describe('the decision', () => {
  test('a commit says it is within every team capacity, and to scale when Scale-ready and asked to scale', () => {
    expect(why(entry(readyInitiative({ phaseRequested: 'Scale' }), 'Commit'))).toMatch(/; committed to scale within every team's capacity\.$/);
  });

  test('a Pilot-ready commit is committed as a pilot', () => {
    expect(why(entry(readyInitiative({ incidentProcess: false }), 'Commit'))).toContain('; committed as a pilot within');
  });

  test('a Learning-only commit is committed as a learning pilot', () => {
    expect(why(entry(readyInitiative({ baselineMethod: 'None' }), 'Commit'))).toContain('; committed as a learning pilot within');
  });

  test('forced in states the reason leadership gave', () => {
    const initiative = readyInitiative({ override: 'In', overrideReason: 'Board commitment to the regulator' });
    expect(why(entry(initiative, 'Forced in'))).toMatch(/; forced in by leadership to scale \("Board commitment to the regulator"\)\.$/);
  });

  test('forced out states the reason leadership gave', () => {
    const initiative = readyInitiative({ override: 'Out', overrideReason: 'Vendor under review' });
    expect(why(entry(initiative, 'Forced out'))).toMatch(/; forced out by leadership \("Vendor under review"\)\.$/);
  });

  test('deferred for capacity names the teams that ran out', () => {
    const binding: DeferralConstraint = {
      teams: [
        { team: 'Legal', needed: 3, left: 1, unit: 'weeks' },
        { team: 'Security', needed: 2, left: 0, unit: 'weeks' },
      ],
    };
    expect(why(entry(readyInitiative(), 'Deferred (capacity)', binding))).toMatch(/; deferred because Legal and Security have too little capacity left\.$/);
  });

  test('lists of teams that share their first teams each get their own ending, whatever order they come in', () => {
    const short = (...teams: string[]): DeferralConstraint => ({ teams: teams.map((team) => ({ team, needed: 2, left: 1, unit: 'weeks' })) });
    const ending = (binding: DeferralConstraint) => why(entry(readyInitiative(), 'Deferred (capacity)', binding)).replace(/^.*; deferred because /, '');
    expect(ending(short('Legal', 'Security', 'Data engineering'))).toBe('Legal, Security and Data engineering have too little capacity left.');
    expect(ending(short('Legal', 'Security'))).toBe('Legal and Security have too little capacity left.');
    expect(ending(short('Legal', 'Security', 'Data engineering'))).toBe('Legal, Security and Data engineering have too little capacity left.');
    expect(ending(short('Security', 'Legal'))).toBe('Security and Legal have too little capacity left.');
    expect(ending(short('Legal'))).toBe('Legal has too little capacity left.');
  });

  test('deferred for capacity by one team uses the singular', () => {
    const binding: DeferralConstraint = { teams: [{ team: 'Legal', needed: 3, left: 1, unit: 'weeks' }] };
    expect(why(entry(readyInitiative(), 'Deferred (capacity)', binding))).toContain('deferred because Legal has too little capacity left');
  });

  test('deferred for capacity with no team short says a better combination used the capacity', () => {
    expect(why(entry(readyInitiative(), 'Deferred (capacity)', { teams: [] }))).toMatch(/; deferred: a better combination used the capacity\.$/);
  });

  test('deferred by the in-flight limit states the limit', () => {
    expect(why(entry(readyInitiative(), 'Deferred (in-flight limit)', { teams: [], inFlightLimit: 5 }))).toMatch(
      /; deferred because the plan already has 5 initiatives in flight\.$/,
    );
  });

  test('not ready states the first gate gap', () => {
    const text = why(entry(readyInitiative({ owner: 'TBD', dataRights: 'No', phaseRequested: 'Pilot' }), 'Not ready'));
    expect(text).toMatch(/; not ready: name one accountable owner \("TBD" is a placeholder, not a person\)\.$/);
  });

  test('a row that could not be read is not planned, and the sentence names the cells to fix', () => {
    expect(why(entry(readyInitiative({ invalid: true }), 'Not ready'))).toBe('Not planned: correct the cells that could not be read: Q10.');
  });
});

describe('the binding constraint', () => {
  test('nothing binds an initiative that was not deferred', () => {
    expect(bindingText(undefined, memo)).toBe('');
  });

  test('the in-flight limit is named with its value', () => {
    expect(bindingText({ teams: [], inFlightLimit: 5 }, memo)).toBe('In-flight limit (5)');
  });

  test('each team is named with what it needed and what was left, in its unit', () => {
    expect(bindingText({ teams: [{ team: 'Legal', needed: 3, left: 1, unit: 'weeks' }] }, memo)).toBe('Legal (needs 3 weeks, 1 week left)');
  });

  test('the limit and every team are listed together', () => {
    const binding: DeferralConstraint = {
      inFlightLimit: 8,
      teams: [
        { team: 'Legal', needed: 2.5, left: 0, unit: 'weeks' },
        { team: 'ML platform', needed: 0.5, left: 0.25, unit: 'FTE' },
      ],
    };
    expect(bindingText(binding, memo)).toBe('In-flight limit (8); Legal (needs 2.5 weeks, 0 weeks left); ML platform (needs 0.5 FTE, 0.3 FTE left)');
  });

  test('amounts read as they would be formatted on their own, whatever their decimals or size', () => {
    // Shortfall texts are remembered per team, unit and amounts; this checks a remembered text is the one its amounts format to.
    const amount = fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 60 }).map((n) => n / 20), fc.constantFrom(0.05, 0.15, 2.45, 209715.2, 1e6));
    fc.assert(
      fc.property(amount, amount, fc.constantFrom('weeks', 'FTE', ''), (needed, left, unit) => {
        const text = bindingText({ teams: [{ team: 'Legal', needed, left, unit }] }, memo);
        expect(text).toBe(`Legal (needs ${formatQuantity(needed, unit)}, ${formatQuantity(left, unit)} left)`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the strongest and weakest factors', () => {
  // A reference that spells out every driver and picks by the rule: the strongest earned the most
  // (and something), the weakest missed the most of the others; the first of equals wins.
  function byTheRule(all: ReturnType<typeof drivers>) {
    let strongest = -1;
    all.forEach((d, i) => {
      if (d.earned > 0 && (strongest < 0 || d.earned > all[strongest]!.earned)) strongest = i;
    });
    let weakest = -1;
    all.forEach((d, i) => {
      if (i !== strongest && (weakest < 0 || d.missed > all[weakest]!.missed)) weakest = i;
    });
    return { strongest: all[strongest]?.factor, weakest: all[weakest]?.factor };
  }

  const pointsFor = (kind: ScoreKind) => fc.tuple(...FACTORS[kind].map((f) => fc.integer({ min: 0, max: 2 * f.max }).map((half) => half / 2)));
  const scoresArbitrary = fc.record({
    impact: pointsFor('impact'),
    readiness: pointsFor('readiness'),
    friction: pointsFor('friction'),
    weights: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
  });

  test('are the ones the full list of drivers gives, ties included', () => {
    fc.assert(
      fc.property(scoresArbitrary, ({ impact, readiness, friction, weights }) => {
        const settings = { ...DEFAULT_SETTINGS, weights: { impact: weights[0], readiness: weights[1], friction: weights[2] } };
        // Each score's points where `Scores.points` keeps them: impact's, then friction's, then readiness's.
        const scores = { impact: 0, readiness: 0, friction: 0, priority: 0, points: [...impact, ...friction, ...readiness] };
        const initiative = readyInitiative();
        const found = strongestAndWeakest(initiative, scores, settings);
        expect({ strongest: found.strongest?.factor, weakest: found.weakest?.factor }).toEqual(byTheRule(drivers(initiative, scores, settings)));
      }),
      { numRuns: 500 },
    );
  });
});
