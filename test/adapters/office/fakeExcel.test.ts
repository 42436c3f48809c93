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
});
