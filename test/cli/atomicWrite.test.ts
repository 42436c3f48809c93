import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../../src/cli/atomicWrite';
import { tempFolder } from '../adapters/exceljs/xlsxFixtures';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

describe('writeFileAtomic', () => {
  it('writes the whole file', async () => {
    await writeFileAtomic(folder.path('out.xlsx'), Buffer.from('all of it'));
    expect(readFileSync(folder.path('out.xlsx'), 'utf8')).toBe('all of it');
  });

  it('replaces an earlier file in one step', async () => {
    writeFileSync(folder.path('out.xlsx'), 'last month');
    await writeFileAtomic(folder.path('out.xlsx'), Buffer.from('this month'));
    expect(readFileSync(folder.path('out.xlsx'), 'utf8')).toBe('this month');
  });

  it('leaves no temporary file behind when the last step fails', async () => {
    mkdirSync(folder.path('out.xlsx'));
    writeFileSync(folder.path('out.xlsx/keep.txt'), 'x');
    await expect(writeFileAtomic(folder.path('out.xlsx'), Buffer.from('new'))).rejects.toThrow();
    expect(readdirSync(folder.dir)).toEqual(['out.xlsx']);
  });
});
