// The header corpus: realistic headers from portfolio and prioritisation templates, each with the
// column it should be read as. The bar: at least 95% of ours recognised, and no "not ours" taken.

import { readFileSync } from 'fs';
import { join } from 'path';
import { INPUT_COLUMNS } from '../../../src/engine/columns';
import { recogniseHeader } from '../../../src/engine/headers';

type Entry = { header: string; expected: string };

const corpus: Entry[] = readFileSync(join(__dirname, 'corpus.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [header, expected] = line.split('\t');
    return { header: header!, expected: (expected ?? '').trim() };
  });

const keyOf = new Map<string, string>(INPUT_COLUMNS.map((c) => [c.header, c.key]));
const headerOf = new Map<string, string>(INPUT_COLUMNS.map((c) => [c.key, c.header]));

const shown = (header: string): string => {
  const match = recogniseHeader(header);
  if (match.kind === 'column') return headerOf.get(match.key)!;
  if (match.kind === 'ambiguous') return `ambiguous (${match.keys.map((k) => headerOf.get(k)).join(' or ')})`;
  return 'nothing';
};

describe('the header corpus', () => {
  it('is large enough and names only contract columns', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(250);
    const unknown = corpus.filter((e) => e.expected !== 'not ours' && !keyOf.has(e.expected));
    expect(unknown).toEqual([]);
  });

  it('recognises at least 95% of the headers that are ours', () => {
    const ours = corpus.filter((e) => e.expected !== 'not ours');
    const misses = ours.filter((e) => {
      const match = recogniseHeader(e.header);
      return !(match.kind === 'column' && match.key === keyOf.get(e.expected));
    });
    const rate = 1 - misses.length / ours.length;
    const report = misses.map((e) => `  "${e.header}": expected ${e.expected}, read as ${shown(e.header)}`).join('\n');
    if (rate < 0.95) throw new Error(`${(rate * 100).toFixed(1)}% recognised; misses:\n${report}`);
    // Never a wrong column: a miss is unrecognised or ambiguous, not another column.
    const wrong = misses.filter((e) => recogniseHeader(e.header).kind === 'column');
    expect(wrong.map((e) => `${e.header} -> ${shown(e.header)}`)).toEqual([]);
  });

  it('takes no header that is not ours', () => {
    const taken = corpus
      .filter((e) => e.expected === 'not ours' && recogniseHeader(e.header).kind === 'column')
      .map((e) => `${e.header} -> ${shown(e.header)}`);
    expect(taken).toEqual([]);
  });
});
