import JSZip from 'jszip';
import { readZip, writeZip } from '../../../src/adapters/exceljs/zip';

const ENTRIES = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet>'.padEnd(5000, 'x')) },
  { name: 'xl/média/empty.bin', data: Buffer.alloc(0) },
];

const contents = (entries: ReturnType<typeof readZip>) => entries.map((e) => [e.name, e.data().toString('utf8')]);

describe('zip', () => {
  it('reads back what it writes', () => {
    expect(contents(readZip(writeZip(ENTRIES)))).toEqual(ENTRIES.map((e) => [e.name, e.data.toString('utf8')]));
  });

  it('writes zips another zip library opens, names and dates included', async () => {
    const date = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
    const zip = await JSZip.loadAsync(writeZip(ENTRIES, date));
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(ENTRIES[1]!.data.toString());
    expect(zip.file('xl/média/empty.bin')).not.toBeNull();
    expect(zip.file('[Content_Types].xml')!.date.toISOString()).toBe(date.toISOString());
  });

  it('reads stored and deflated entries written by another zip library', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a/>', { compression: 'STORE' });
    zip.file('b.xml', '<b>'.repeat(200), { compression: 'DEFLATE' });
    expect(contents(readZip(await zip.generateAsync({ type: 'nodebuffer' })))).toEqual([['a.xml', '<a/>'], ['b.xml', '<b>'.repeat(200)]]);
  });

  it('gives the same bytes for the same entries and date', () => {
    const date = new Date(Date.UTC(2026, 0, 5));
    expect(writeZip(ENTRIES, date).equals(writeZip(ENTRIES, date))).toBe(true);
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => readZip(Buffer.from('Initiative,Owner\n'.repeat(10)))).toThrow('not a zip file');
  });

  it('refuses an encrypted entry', () => {
    const zip = writeZip(ENTRIES.slice(0, 1));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    expect(() => readZip(zip)).toThrow('encrypted zip');
  });
});
