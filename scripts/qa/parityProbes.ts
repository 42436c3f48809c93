// Probe workbooks for scripts/qa/adapterParity.ts, written by exceljs from the sample portfolio: number formats
// on amounts, demand, capacity and settings, dates in both date systems, booleans, errors, rich text, a formula,
// text in the Text format, hidden rows. Run: npx tsx scripts/qa/parityProbes.ts folder (LibreOffice's own saves:
// soffice --headless --convert-to xlsx the folder's files into another).
import ExcelJS from 'exceljs';
import { sampleTables } from '../../src/sample/samplePortfolio';

const OUT = process.argv[2] ?? '.';
type Fmt = (header: string, r: number, value: unknown) => string | undefined;
type Val = (header: string, r: number, value: unknown) => unknown;

async function make(name: string, o: { date1904?: boolean; extraHeaders?: string[]; extra?: (r: number) => unknown[]; fmt?: Fmt; val?: Val; capFmt?: Fmt; capVal?: Val; settings?: [string, unknown, string?][]; hidden?: number[] }) {
  const { initiatives, capacity } = sampleTables();
  const wb = new ExcelJS.Workbook();
  if (o.date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  const headers = [...initiatives.headers, ...(o.extraHeaders ?? [])];
  const rows = initiatives.rows.map((row, r) => [...row, ...(o.extra?.(r) ?? [])].map((v, c) => (o.val ? o.val(headers[c]!, r, v) : v)));
  const ws = wb.addWorksheet('Portfolio');
  ws.addTable({ name: 'Initiatives', ref: 'A1', headerRow: true, columns: headers.map((n) => ({ name: n })), rows: rows.map((r) => r.map((v) => (v === '' ? null : v))) as ExcelJS.CellValue[][] });
  if (o.fmt) rows.forEach((row, r) => row.forEach((v, c) => { const f = o.fmt!(headers[c]!, r, v); if (f) ws.getCell(r + 2, c + 1).numFmt = f; }));
  for (const h of o.hidden ?? []) ws.getRow(h + 2).hidden = true;
  const cs = wb.addWorksheet('Capacity');
  const crow = capacity.rows.map((row, r) => row.map((v, c) => (o.capVal ? o.capVal(capacity.headers[c]!, r, v) : v)));
  cs.addTable({ name: 'Capacity', ref: 'A1', headerRow: true, columns: capacity.headers.map((n) => ({ name: n })), rows: crow as ExcelJS.CellValue[][] });
  if (o.capFmt) crow.forEach((row, r) => row.forEach((v, c) => { const f = o.capFmt!(capacity.headers[c]!, r, v); if (f) cs.getCell(r + 2, c + 1).numFmt = f; }));
  if (o.settings) {
    const ss = wb.addWorksheet('Prioritisation settings');
    ss.addTable({ name: 'PrioritisationSettings', ref: 'A1', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: o.settings.map(([k, v]) => [k, v]) as ExcelJS.CellValue[][] });
    o.settings.forEach(([, , f], r) => f && (ss.getCell(r + 2, 2).numFmt = f));
  }
  await wb.xlsx.writeFile(`${OUT}/${name}.xlsx`);
}

const months = 'Jan 2027, Feb 2027, Mar 2027, Apr 2027, May 2027, Jun 2027';
const dateOf = (r: number) => new Date(Date.UTC(2027, r % 6, 1));
(async () => {
  for (const date1904 of [false, true]) {
    const tag = date1904 ? '1904' : '1900';
    await make(`earliest-${tag}`, { date1904, extraHeaders: ['Earliest start'], extra: (r) => [dateOf(r)], fmt: (h) => (h === 'Earliest start' ? 'd mmm yyyy' : undefined), settings: [['Horizons', months], ['Planning period', 'Months']] });
    await make(`earliest-quarters-${tag}`, { date1904, extraHeaders: ['Earliest start'], extra: (r) => [dateOf(r * 2)], fmt: (h) => (h === 'Earliest start' ? 'mmm yyyy' : undefined) });
    await make(`value-as-date-${tag}`, { date1904, val: (h, r, v) => (h === 'Annual value' && r === 2 ? new Date(Date.UTC(2027, 0, 15)) : v), fmt: (h, r) => (h === 'Annual value' && r === 2 ? 'yyyy-mm-dd' : undefined) });
  }
  await make('money-formats', { fmt: (h, r) => (h === 'Annual value' ? ['"€"#,##0', '\\£0.0\\m', '"$"0.0"m"', '#,##0,"k"', '[$€-407]0.0\\M'][r % 5] : undefined), val: (h, r, v) => (h === 'Annual value' && [1, 2, 4].includes(r % 5) ? Number(v) / 1e6 : h === 'Annual value' && r % 5 === 3 ? v : v) });
  await make('demand-units', { fmt: (h, r) => (['Legal', 'Security'].includes(h) ? (r % 2 ? '0 "days"' : '0.0 "weeks"') : undefined) });
  await make('capacity-formats', { capFmt: (h, r) => (h === 'Capacity' ? ['0 "days"', '0.0 "weeks"', '#,##0', '0%', '"€"#,##0'][r % 5] : undefined) });
  await make('settings-formats', { settings: [['Impact weight', 0.5, '0%'], ['Readiness weight', 0.3, '0%'], ['Friction weight', 0.2, '0%'], ['Currency symbol', '€'], ['In-flight limit', 8, '0 "initiatives"']] });
  await make('ratings-percent', { fmt: (h, r) => (h === 'Strategic fit' && r < 3 ? '0%' : undefined), val: (h, r, v) => (h === 'Strategic fit' && r < 3 ? 1.5 : v) });
  await make('cells-mixed', {
    val: (h, r, v) => {
      if (h === 'Data rights' && r < 4) return r % 2 === 0;
      if (h === 'Annual value' && r === 5) return { error: '#N/A' };
      if (h === 'Strategic fit' && r === 6) return { error: '#DIV/0!' };
      if (h === 'Initiative' && r === 7) return { richText: [{ text: 'Rich ', font: { bold: true } }, { text: 'name' }] };
      if (h === 'Annual value' && r === 8) return { formula: '1000000*2', result: 2000000 };
      if (h === 'Legal' && r === 9) return '3';
      return v;
    },
    fmt: (h, r) => (h === 'Legal' && r === 9 ? '@' : undefined),
    hidden: [10, 11],
  });
})();
