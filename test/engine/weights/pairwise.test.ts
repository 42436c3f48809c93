import fc from 'fast-check';
import {
  CONSISTENCY_LIMIT,
  EQUAL_ANSWERS,
  PAIRS,
  ratioOf,
  weightsFromAnswers,
  weightsFromComparisons,
  wholeShares,
  type Answer,
  type Answers,
  type Comparisons,
} from '../../../src/engine/weights/pairwise';
import { answerText, disagreementText } from '../../../src/engine/weights/pairwiseText';

const answer = fc.integer({ min: -4, max: 4 }) as fc.Arbitrary<Answer>;
const answers: fc.Arbitrary<Answers> = fc.record({ impactReadiness: answer, impactFriction: answer, readinessFriction: answer });
const ratio = fc.double({ min: 1 / 9, max: 9, noNaN: true });
const comparisons: fc.Arbitrary<Comparisons> = fc.record({ impactReadiness: ratio, impactFriction: ratio, readinessFriction: ratio });
const flipped = (a: Answers): Answers => ({ impactReadiness: -a.impactReadiness as Answer, impactFriction: -a.impactFriction as Answer, readinessFriction: -a.readinessFriction as Answer });
const sum = (w: { impact: number; readiness: number; friction: number }) => w.impact + w.readiness + w.friction;

describe('the answers on the 1-9 scale', () => {
  test('equally, a little more, more, much more and far more are 1, 3, 5, 7 and 9 times as much', () => {
    expect([0, 1, 2, 3, 4].map((a) => ratioOf(a as Answer))).toEqual([1, 3, 5, 7, 9]);
  });

  test('the same words the other way round are the reciprocals', () => {
    expect([-1, -2, -3, -4].map((a) => ratioOf(a as Answer))).toEqual([1 / 3, 1 / 5, 1 / 7, 1 / 9]);
  });

  test('each answer reads as a sentence in plain words', () => {
    expect(answerText('impactReadiness', 3)).toBe('Impact matters much more than readiness');
    expect(answerText('readinessFriction', -1)).toBe('Friction matters a little more than readiness');
    expect(answerText('impactFriction', 0)).toBe('Impact and friction matter equally');
  });
});

describe('weights from the answers', () => {
  test('equal everywhere gives 33/33/34: the spare point goes to friction by the stated rounding rule', () => {
    const proposal = weightsFromAnswers(EQUAL_ANSWERS);
    expect(proposal.weights).toEqual({ impact: 33, readiness: 33, friction: 34 });
    expect(proposal.consistencyRatio).toBe(0);
    expect(proposal.consistent).toBe(true);
  });

  test('impact 3 times readiness, readiness 3 times friction and impact 9 times friction give 3 : 1 : 1/3, that is 69/23/8', () => {
    // Row geometric means (1·3·9)^⅓ = 3, (⅓·1·3)^⅓ = 1, (⅑·⅓·1)^⅓ = ⅓; shares 9/13, 3/13, 1/13 = 69.23, 23.08, 7.69.
    const proposal = weightsFromAnswers({ impactReadiness: 1, impactFriction: 4, readinessFriction: 1 });
    expect(proposal.shares.impact).toBeCloseTo(9 / 13, 12);
    expect(proposal.shares.readiness).toBeCloseTo(3 / 13, 12);
    expect(proposal.weights).toEqual({ impact: 69, readiness: 23, friction: 8 });
    expect(proposal.consistencyRatio).toBe(0);
  });

  test('a cycle (impact over readiness over friction over impact, each 3 times) weighs all three alike and is far from consistent', () => {
    // Every row's product is 1, so the weights are equal; λmax = 1 + 3 + ⅓, CI = (13/3 − 3) / 2 = 2/3, CR = (2/3) / 0.58.
    const proposal = weightsFromAnswers({ impactReadiness: 1, impactFriction: -1, readinessFriction: 1 });
    expect(proposal.weights).toEqual({ impact: 33, readiness: 33, friction: 34 });
    expect(proposal.consistencyRatio).toBeCloseTo(2 / 3 / 0.58, 12);
    expect(proposal.consistent).toBe(false);
  });

  test('whatever the answers, the weights are whole numbers from 0 to 100 that sum to 100', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const { weights } = weightsFromAnswers(a);
        expect(sum(weights)).toBe(100);
        for (const w of Object.values(weights)) expect(Number.isInteger(w) && w >= 0 && w <= 100).toBe(true);
      }),
    );
  });

  test('each whole weight is within one point of its exact share of 100', () => {
    fc.assert(
      fc.property(comparisons, (c) => {
        const { shares, weights } = weightsFromComparisons(c);
        expect(shares.impact + shares.readiness + shares.friction).toBeCloseTo(1, 12);
        for (const key of ['impact', 'readiness', 'friction'] as const) expect(Math.abs(weights[key] - shares[key] * 100)).toBeLessThan(1);
      }),
    );
  });

  test('consistent answers (impact over friction = impact over readiness × readiness over friction) have a consistency ratio of 0', () => {
    fc.assert(
      fc.property(ratio, ratio, (ir, rf) => {
        const proposal = weightsFromComparisons({ impactReadiness: ir, readinessFriction: rf, impactFriction: ir * rf });
        expect(proposal.consistencyRatio).toBeLessThan(1e-9);
        expect(proposal.shares.impact / proposal.shares.readiness).toBeCloseTo(ir, 9);
        expect(proposal.shares.readiness / proposal.shares.friction).toBeCloseTo(rf, 9);
      }),
    );
  });

  test('swapping the side of every answer inverts the weights and keeps the consistency ratio', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const straight = weightsFromAnswers(a);
        const swapped = weightsFromAnswers(flipped(a));
        const inverse = { impact: 1 / straight.shares.impact, readiness: 1 / straight.shares.readiness, friction: 1 / straight.shares.friction };
        const total = sum(inverse);
        expect(swapped.shares.impact).toBeCloseTo(inverse.impact / total, 9);
        expect(swapped.shares.friction).toBeCloseTo(inverse.friction / total, 9);
        expect(swapped.consistencyRatio).toBeCloseTo(straight.consistencyRatio, 9);
      }),
    );
  });

  test('saying impact matters more against either other criterion never lowers its share', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom('impactReadiness' as const, 'impactFriction' as const), (a, pair) => {
        fc.pre(a[pair] < 4);
        const more = { ...a, [pair]: (a[pair] + 1) as Answer };
        expect(weightsFromAnswers(more).shares.impact).toBeGreaterThan(weightsFromAnswers(a).shares.impact);
      }),
    );
  });

  test('the weights follow the criteria, not their place: answers that favour friction as others favoured impact give friction impact’s share', () => {
    fc.assert(
      fc.property(answers, (a) => {
        // Swap impact and friction: impact-vs-readiness becomes friction-vs-readiness (= −readiness-vs-friction), and impact-vs-friction turns round.
        const mirrored: Answers = { impactReadiness: -a.readinessFriction as Answer, impactFriction: -a.impactFriction as Answer, readinessFriction: -a.impactReadiness as Answer };
        const straight = weightsFromAnswers(a).shares;
        const swapped = weightsFromAnswers(mirrored).shares;
        expect(swapped.friction).toBeCloseTo(straight.impact, 9);
        expect(swapped.impact).toBeCloseTo(straight.friction, 9);
      }),
    );
  });

  test('a ratio that is not a positive number is a bug, not an answer', () => {
    expect(() => weightsFromComparisons({ impactReadiness: 0, impactFriction: 1, readinessFriction: 1 })).toThrow(/positive number/);
    expect(() => weightsFromComparisons({ impactReadiness: Number.NaN, impactFriction: 1, readinessFriction: 1 })).toThrow(/positive number/);
  });
});

describe('rounding to whole weights', () => {
  test('the largest remainders get the missing points', () => {
    expect(wholeShares({ impact: 0.456, readiness: 0.321, friction: 0.223 })).toEqual({ impact: 46, readiness: 32, friction: 22 });
  });

  test('floating-point noise does not decide a tie: a third each is still 33/33/34', () => {
    expect(wholeShares({ impact: 0.33333333333333337, readiness: 0.3333333333333333, friction: 0.3333333333333333 })).toEqual({ impact: 33, readiness: 33, friction: 34 });
  });

  test('one missing point and two equal remainders: readiness gets it before impact', () => {
    expect(wholeShares({ impact: 0.405, readiness: 0.405, friction: 0.19 })).toEqual({ impact: 40, readiness: 41, friction: 19 });
  });
});

describe('how consistent the answers are, in words', () => {
  test('consistent answers need no warning', () => {
    expect(disagreementText({ impactReadiness: 1, impactFriction: 2, readinessFriction: 1 })).toBeUndefined();
  });

  test('a cycle is spelled out as the room said it', () => {
    expect(disagreementText({ impactReadiness: 1, impactFriction: -1, readinessFriction: 1 })).toBe(
      'These answers disagree with each other: impact matters a little more than readiness and readiness matters a little more than friction, but friction matters a little more than impact.',
    );
  });

  test('answers in the same order but of very different degree are spelled out in numbers', () => {
    expect(disagreementText({ impactReadiness: 2, impactFriction: 1, readinessFriction: 2 })).toBe(
      'These answers disagree with each other: impact matters more than readiness and readiness matters more than friction, which would make impact matter about 25 times as much as friction, but the answer is a little more (3 times).',
    );
  });

  test('two "equally" answers and a strong third are spelled out', () => {
    expect(disagreementText({ impactReadiness: 0, impactFriction: 4, readinessFriction: 0 })).toBe(
      'These answers disagree with each other: impact matters as much as readiness and readiness matters as much as friction, but impact matters far more than friction.',
    );
  });

  test('every set of answers above the limit gets a sentence, and none at or below it', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const { consistencyRatio } = weightsFromAnswers(a);
        expect(disagreementText(a) !== undefined).toBe(consistencyRatio > CONSISTENCY_LIMIT);
      }),
    );
  });
});

test('every pair of criteria is asked about once', () => {
  const asked = PAIRS.map((p) => [p.first, p.second].sort().join('-')).sort();
  expect(asked).toEqual(['friction-impact', 'friction-readiness', 'impact-readiness']);
});
