import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleSizes } from '../../bench/bundle';

let dir: string;
const file = (name: string, size: number) => {
  // Random-looking content so gzip cannot shrink it to nothing.
  const text = Array.from({ length: size }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
  writeFileSync(join(dir, name), text);
  return gzipSync(text, { level: 9 }).length;
};

beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bundle-test-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const chunk = (names: string[], files: string[], initial = false) => ({ names, files, initial });

describe('measuring the bundle', () => {
  test('initial is the gzip size of the entry’s JavaScript only', () => {
    const a = file('taskpane.js', 4000);
    const b = file('vendors.js', 6000);
    file('memory.js', 3000);
    const sizes = bundleSizes(dir, {
      entrypoints: { taskpane: { assets: [{ name: 'taskpane.js' }, { name: 'vendors.js' }, { name: 'taskpane.js.map' }] } },
      chunks: [chunk(['taskpane'], ['taskpane.js'], true), chunk(['memory'], ['memory.js'])],
      assets: [],
    });
    expect(sizes.initial).toBeCloseTo((a + b) / 1024, 1);
    expect(sizes.solver).toBeNull();
  });

  test('the solver is the lazy chunks named like the solver plus any WebAssembly', () => {
    file('taskpane.js', 1000);
    const highs = file('highs.123.js', 5000);
    const wasm = file('abc.wasm', 8000);
    const sizes = bundleSizes(dir, {
      entrypoints: { taskpane: { assets: [{ name: 'taskpane.js' }] } },
      chunks: [chunk(['taskpane'], ['taskpane.js'], true), chunk(['highs'], ['highs.123.js'])],
      assets: [{ name: 'taskpane.js' }, { name: 'highs.123.js' }, { name: 'abc.wasm' }],
    });
    expect(sizes.solver).toBeCloseTo((highs + wasm) / 1024, 1);
    expect(sizes.files.solver).toEqual(['highs.123.js', 'abc.wasm']);
  });

  test('a lazy chunk is the solver when it holds the highs package, whatever its name', () => {
    file('taskpane.js', 1000);
    file('42.js', 2000);
    const sizes = bundleSizes(dir, {
      entrypoints: { taskpane: { assets: [{ name: 'taskpane.js' }] } },
      chunks: [chunk(['taskpane'], ['taskpane.js'], true), { ...chunk([], ['42.js']), modules: [{ name: './node_modules/highs/build/highs.js' }] }],
      assets: [],
    });
    expect(sizes.files.solver).toEqual(['42.js']);
  });
});
