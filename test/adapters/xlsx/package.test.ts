// The package as saved: large parts deflated on the thread pool come out as put, last put first.

import { readZip, writeZip } from '../../../src/adapters/exceljs/zip';
import { XlsxPackage } from '../../../src/adapters/xlsx/package';

const input = () => new XlsxPackage(readZip(writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }, { name: 'xl/styles.xml', data: Buffer.from('<styleSheet/>') }])));
const saved = async (pkg: XlsxPackage) => new Map(readZip(await pkg.bytes(new Date(Date.UTC(2026, 0, 5)))).map((e) => [e.name, e.data().toString('utf8')]));

test('a large part put twice is saved as put the second time, though the first is still being deflated', async () => {
  const pkg = input();
  const first = `<worksheet>${'<row/>'.repeat(100_000)}</worksheet>`;
  const second = `<worksheet>${'<row r="1"/>'.repeat(100_000)}</worksheet>`;
  pkg.put('xl/worksheets/sheet1.xml', Buffer.from(first));
  pkg.put('xl/worksheets/sheet1.xml', Buffer.from(second));
  pkg.put('xl/worksheets/sheet2.xml', second);
  const parts = await saved(pkg);
  expect(parts.get('xl/worksheets/sheet1.xml')).toBe(second);
  expect(parts.get('xl/worksheets/sheet2.xml')).toBe(second);
  expect(parts.get('xl/styles.xml')).toBe('<styleSheet/>');
});

test('a large part put as bytes, then edited as text, is saved as the text', async () => {
  const pkg = input();
  const rows = `<worksheet>${'<row/>'.repeat(100_000)}</worksheet>`;
  pkg.put('xl/worksheets/sheet1.xml', Buffer.from(rows));
  pkg.put('xl/worksheets/sheet1.xml', pkg.text('xl/worksheets/sheet1.xml')!.replace('<row/>', '<row r="1"/>'));
  expect((await saved(pkg)).get('xl/worksheets/sheet1.xml')).toBe(rows.replace('<row/>', '<row r="1"/>'));
});
