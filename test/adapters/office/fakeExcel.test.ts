// The fake is only worth its tests if it behaves like office.js where the
// adapter depends on it.

import { addTable, fakeExcel } from './fakeExcel';

const table = () => {
  const fake = fakeExcel();
  addTable(fake.model, { sheet: 'S', name: 'T', headers: ['A'], rows: [[1]] });
  return fake;
};

describe('the fake Excel', () => {
  it('refuses to show a property that was not loaded and synced, as office.js does', async () => {
    const { context } = table();
    const range = context.workbook.worksheets.getItem('S').getRange('A2').load('values');
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([[1]]);
  });

  it('runs a batch in order at sync: a load queued before a write sees the old value', async () => {
    const { context } = table();
    const sheet = context.workbook.worksheets.getItem('S');
    const before = sheet.getRange('A2').load('values');
    sheet.getRange('A2').values = [[2]];
    const after = sheet.getRange('A2').load('values');
    await context.sync();
    expect([before.values, after.values]).toEqual([[[1]], [[2]]]);
  });

  it('stops a batch at the failing call, keeping what ran before it (batches are not transactions)', async () => {
    const { context, model } = table();
    context.workbook.worksheets.getItem('S').getRange('B1').values = [['kept']];
    context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
    context.workbook.worksheets.getItem('S').getRange('C1').values = [['never']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect([model.sheet('S')!.value(0, 1), model.sheet('S')!.value(0, 2)]).toEqual(['kept', '']);
  });

  it('refuses a request over 5 MB, as Excel on the web does', async () => {
    const { context } = table();
    context.workbook.worksheets.getItem('S').getRange('A1:A1000').values = Array.from({ length: 1000 }, () => ['x'.repeat(6000)]);
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('refuses a response over 5 MB, as Excel on the web does: a million rows\' values are never built', async () => {
    const fake = fakeExcel();
    addTable(fake.model, { sheet: 'S', name: 'T', headers: ['A', 'B'], rows: [[1, 2]], declaredRows: 'whole columns' });
    fake.excel.workbook.tables.getItem('T').getDataBodyRange().load('values');
    await expect(fake.excel.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.context.syncs[0]!.refused).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('finds the used range of a range by its values only, and bounds two ranges as Excel does', async () => {
    const fake = fakeExcel();
    addTable(fake.model, { sheet: 'S', name: 'T', headers: ['A', 'B'], rows: [[1, ''], ['', ''], ['', 'x']], declaredRows: 'whole columns', origin: { row: 2, column: 1 } });
    fake.model.sheet('S')!.cell(20, 1).format = '0.00'; // a format alone is no value
    const table = fake.excel.workbook.tables.getItem('T');
    const used = table.getDataBodyRange().getUsedRange(true).load('address');
    const bounded = table.getHeaderRowRange().getBoundingRect(used).load('address');
    const none = table.getDataBodyRange().getLastRow().getUsedRangeOrNullObject(true).load('address');
    await fake.excel.sync();
    expect([used.address, bounded.address, none.isNullObject]).toEqual(['S!B4:C6', 'S!B3:C6', true]);
    expect(() => table.getDataBodyRange().getUsedRange()).toThrow(/valuesOnly/);
  });

  it('refuses a change to the cells of a protected sheet, but still lets the user be shown it', async () => {
    const { context, model } = table();
    model.sheet('S')!.protected = true;
    context.workbook.worksheets.getItem('S').activate();
    context.workbook.worksheets.getItem('S').getRange('B1').values = [['x']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect([model.activeSheet?.name, model.sheet('S')!.value(0, 1)]).toEqual(['S', '']);
  });

  it('refuses every request while the user types in a cell', async () => {
    const { context, model } = table();
    model.editing = true;
    context.workbook.worksheets.load('items/name');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('reads "=1+1" typed into a General cell as a formula, so a test can catch an unquoted write', async () => {
    const { context, model } = table();
    context.workbook.worksheets.getItem('S').getRange('B2').values = [['=1+1']];
    await context.sync();
    expect(model.sheet('S')!.peek(1, 1)!.formula).toBe('=1+1');
  });

  it('renames a sheet, following it in chart series, and refuses a name another sheet has', async () => {
    const { context, model } = table();
    model.addSheet('Other');
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.charts.add('ColumnClustered', sheet.getRange('A1:A2'), 'Columns');
    sheet.name = 'Renamed';
    await context.sync();
    expect(model.sheet('Renamed')!.charts[0]!.series[0]!.y).toBe('Renamed!A1:A2');
    context.workbook.worksheets.getItem('Renamed').name = 'other';
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(model.sheets.map((s) => s.name)).toEqual(['Renamed', 'Other']);
  });

  it('hides a sheet but keeps one visible, and will not delete a very hidden one', async () => {
    const { context, model } = table();
    model.addSheet('Other');
    context.workbook.worksheets.getItem('S').visibility = 'Hidden';
    await context.sync();
    expect(model.sheet('S')!.visibility).toBe('Hidden');
    context.workbook.worksheets.getItem('Other').visibility = 'Hidden';
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    model.sheet('S')!.visibility = 'VeryHidden';
    context.workbook.worksheets.getItem('S').delete();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(model.sheets).toHaveLength(2);
  });

  it('copies a range as a paste does: values, number formats, quote prefixes and looks; blanks overwrite; widths stay', async () => {
    const { context, model } = table();
    const from = model.addSheet('From');
    Object.assign(from.cell(0, 0), { value: '=x', quotePrefix: true, format: '@', look: { bold: true } });
    from.widths.set(0, 99);
    const to = model.addSheet('To');
    to.cell(1, 0).value = 'old';
    to.cell(5, 5).value = 'outside';
    context.workbook.worksheets.getItem('To').getRange('A1').copyFrom(context.workbook.worksheets.getItem('From').getRange('A1:A2'));
    await context.sync();
    expect(to.peek(0, 0)).toEqual({ value: '=x', quotePrefix: true, format: '@', formula: undefined, look: { bold: true } });
    expect([to.value(1, 0), to.value(5, 5), to.widths.get(0)]).toEqual(['', 'outside', undefined]);
  });

  it('refuses to copy conditional formats, which it does not model', async () => {
    const { context, model } = table();
    model.sheet('S')!.conditionalFormats.push({ rect: { row: 0, column: 0, rows: 1, columns: 1 }, type: 'Custom', formula: '=A1=1', fill: '', font: '' });
    model.addSheet('To');
    context.workbook.worksheets.getItem('To').getRange('A1').copyFrom(context.workbook.worksheets.getItem('S').getRange('A1:A2'));
    await expect(context.sync()).rejects.toMatchObject({ code: 'NotImplemented' });
  });

  it('refuses to add, rename, hide or delete sheets while the workbook\'s structure is protected, and says it is', async () => {
    const { context, model } = table();
    model.structureProtected = true;
    const protection = context.workbook.protection.load('protected');
    await context.sync();
    expect(protection.protected).toBe(true);
    const attempts = [
      () => context.workbook.worksheets.add('New'),
      () => (context.workbook.worksheets.getItem('S').name = 'Renamed'),
      () => (context.workbook.worksheets.getItem('S').visibility = 'Hidden'),
      () => context.workbook.worksheets.getItem('S').delete(),
    ];
    for (const attempt of attempts) {
      attempt();
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(model.sheets.map((s) => [s.name, s.visibility])).toEqual([['S', 'Visible']]);
  });
});
