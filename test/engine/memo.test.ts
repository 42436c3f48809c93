import fc from 'fast-check';
import { Memo, MEMO_LIMIT, memoised, memoisedList } from '../../src/engine/memo';

describe('memoised', () => {
  test('works a value out once and gives the same answer after', () => {
    const calls: string[] = [];
    const shout = memoised((s: string) => {
      calls.push(s);
      return { text: s.toUpperCase() };
    });
    const first = shout('yes');
    expect(shout('yes')).toBe(first);
    expect(shout('no').text).toBe('NO');
    expect(calls).toEqual(['yes', 'no']);
  });

  test('remembers an answer of undefined too', () => {
    let calls = 0;
    const currencyOf = memoised((format: string) => (calls++, format.includes('€') ? 'EUR' : undefined));
    expect(currencyOf('#,##0')).toBeUndefined();
    expect(currencyOf('#,##0')).toBeUndefined();
    expect(currencyOf('€#,##0')).toBe('EUR');
    expect(calls).toBe(2);
  });

  test('past its limit it still answers correctly, working new values out each time', () => {
    let calls = 0;
    const double = memoised((n: number) => (calls++, n * 2));
    for (let n = 1; n <= MEMO_LIMIT + 10; n++) expect(double(n)).toBe(n * 2);
    calls = 0;
    expect(double(MEMO_LIMIT + 5)).toBe(2 * (MEMO_LIMIT + 5));
    expect(calls).toBe(1);
  });
});

describe('memoisedList', () => {
  test('gives each distinct list its own answer, worked out once, prefixes and order included', () => {
    const calls: string[] = [];
    const joined = memoisedList(
      (s: string) => s,
      (items) => {
        calls.push(JSON.stringify(items));
        return items.join(', ');
      },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('Legal', 'Security', 'Data', ''), { maxLength: 4 }), { maxLength: 30 }), (lists) => {
        for (const list of lists) expect(joined(list)).toBe(list.join(', '));
      }),
    );
    // Every distinct list was worked out exactly once over all the runs above.
    expect(new Set(calls).size).toBe(calls.length);
  });

  test('keys items by keyOf, and is not misled by a list that is changed and asked again', () => {
    const names = memoisedList(
      (t: { team: string }) => t.team,
      (teams) => teams.map((t) => t.team).join(' and '),
    );
    const scratch = [{ team: 'Legal' }];
    expect(names(scratch)).toBe('Legal');
    scratch.push({ team: 'Security' });
    expect(names(scratch)).toBe('Legal and Security');
    scratch.length = 0;
    expect(names(scratch)).toBe('');
  });
});

describe('Memo, one run’s', () => {
  test('remembers each function’s answers for the run that owns it, and nothing for another run', () => {
    let calls = 0;
    const shout = (s: string) => (calls++, { text: s.toUpperCase() });
    const run = new Memo();
    const first = run.of(shout)('yes');
    expect(run.of(shout)('yes')).toBe(first);
    expect(calls).toBe(1);
    const next = new Memo();
    expect(next.of(shout)('yes')).not.toBe(first);
    expect(next.of(shout)('yes')).toEqual(first);
    expect(calls).toBe(2);
  });

  test('keeps functions apart even when they are asked the same argument', () => {
    const run = new Memo();
    const length = (s: string) => s.length;
    const upper = (s: string) => s.toUpperCase();
    expect(run.of(length)('abc')).toBe(3);
    expect(run.of(upper)('abc')).toBe('ABC');
    expect(run.ofList((s: string) => s, (items) => items.join('+'))(['a', 'b'])).toBe('a+b');
  });
});
