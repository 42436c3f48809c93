import fc from 'fast-check';
import { roomRange, roomRangeText } from '../../../src/taskpane/model/roomRange';

describe("the room's range of weights", () => {
  it('is each criterion\'s lowest and highest proposed weight, leaving out a criterion every proposal weighs the same', () => {
    const ranges = roomRange([
      { impact: 60, readiness: 25, friction: 15 },
      { impact: 40, readiness: 45, friction: 15 },
      { impact: 50, readiness: 35, friction: 15 },
    ]);
    expect(ranges).toEqual({ impact: { low: 40, high: 60 }, readiness: { low: 25, high: 45 } });
    expect(roomRangeText(ranges)).toBe('impact 40-60, readiness 25-45; friction the same in every proposal');
  });

  it('is no range with one proposal or none', () => {
    expect(roomRange([])).toEqual({});
    expect(roomRange([{ impact: 60, readiness: 25, friction: 15 }])).toEqual({});
    expect(roomRangeText({})).toBe('every proposal weighs each criterion the same');
  });

  it('holds every proposal within it', () => {
    const weight = fc.integer({ min: 0, max: 100 });
    const proposal = fc.record({ impact: weight, readiness: weight, friction: weight });
    fc.assert(
      fc.property(fc.array(proposal, { minLength: 2, maxLength: 8 }), (proposals) => {
        const ranges = roomRange(proposals);
        for (const p of proposals) {
          for (const c of ['impact', 'readiness', 'friction'] as const) {
            const r = ranges[c];
            if (r) expect(p[c] >= r.low && p[c] <= r.high && r.low < r.high).toBe(true);
            else expect(p[c]).toBe(proposals[0]![c]);
          }
        }
      }),
    );
  });
});
