import fc from 'fast-check';
import { moveShare, sharesOf, withShare, type ShareMove } from '../../../src/taskpane/model/weightShares';

const weight = fc.integer({ min: 0, max: 100 });
const weights = fc.record({ impact: weight, readiness: weight, friction: weight });
const key = fc.constantFrom('impact' as const, 'readiness' as const, 'friction' as const);
const sum = (w: { impact: number; readiness: number; friction: number }) => w.impact + w.readiness + w.friction;

describe('weights as shares of the score', () => {
  test('55, 30 and 20 read as 52%, 29% and 19%', () => {
    expect(sharesOf({ impact: 55, readiness: 30, friction: 20 })).toEqual({ impact: 52, readiness: 29, friction: 19 });
  });

  test('thirds round to 34, 33 and 33, summing to 100', () => {
    expect(sharesOf({ impact: 1, readiness: 1, friction: 1 })).toEqual({ impact: 34, readiness: 33, friction: 33 });
  });

  test('no weight at all has no share', () => {
    expect(sharesOf({ impact: 0, readiness: 0, friction: 0 })).toEqual({ impact: 0, readiness: 0, friction: 0 });
  });

  test('lowering impact from 50% to 20% gives readiness and friction the 30 points in their 3 : 2 proportion', () => {
    expect(withShare({ impact: 50, readiness: 30, friction: 20 }, 'impact', 20)).toEqual({ impact: 20, readiness: 48, friction: 32 });
  });

  test('when the other two are both 0 they share the rest evenly', () => {
    expect(withShare({ impact: 100, readiness: 0, friction: 0 }, 'impact', 60)).toEqual({ impact: 60, readiness: 20, friction: 20 });
  });

  test('shares always sum to 100 (or all 0) and keep the weights’ order', () => {
    fc.assert(
      fc.property(weights, (w) => {
        const shares = sharesOf(w);
        expect(sum(w) === 0 ? sum(shares) === 0 : sum(shares) === 100).toBe(true);
        if (w.impact > w.readiness) expect(shares.impact).toBeGreaterThanOrEqual(shares.readiness);
      }),
    );
  });

  test('moving one share sets exactly that share, sums to 100 and keeps the other two in order', () => {
    fc.assert(
      fc.property(weights, key, fc.integer({ min: 0, max: 100 }), (w, k, share) => {
        const next = withShare(w, k, share);
        expect(next[k]).toBe(share);
        expect(sum(next)).toBe(100);
        expect(Object.values(next).every((v) => v >= 0)).toBe(true);
        const [a, b] = (['impact', 'readiness', 'friction'] as const).filter((x) => x !== k) as ['impact' | 'readiness' | 'friction', 'impact' | 'readiness' | 'friction'];
        const before = sharesOf(w);
        if (before[a] > before[b] + 1) expect(next[a]).toBeGreaterThanOrEqual(next[b]);
      }),
    );
  });
});

describe('moveShare', () => {
  test('steps of one slider rebalance from the weights before the move, so rounding does not drift to one weight', () => {
    let move: ShareMove | undefined;
    let weights = { impact: 50, readiness: 30, friction: 20 };
    for (let share = 51; share <= 60; share++) {
      move = moveShare(move, weights, 'impact', share);
      weights = move.made;
    }
    expect(weights).toEqual({ impact: 60, readiness: 24, friction: 16 });
  });

  test('weights changed elsewhere between two steps start a new move from them', () => {
    const first = moveShare(undefined, { impact: 50, readiness: 30, friction: 20 }, 'impact', 60);
    const undone = { impact: 20, readiness: 40, friction: 40 };
    expect(moveShare(first, undone, 'impact', 40).made).toEqual({ impact: 40, readiness: 30, friction: 30 });
  });
});
