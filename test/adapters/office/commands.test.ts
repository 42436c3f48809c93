import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import { OWNER_MARK } from '../../../src/layout/names';
import { SAMPLE_HEADERS, SAMPLE_ROWS } from '../../../src/sample/samplePortfolio';
import { addTable, fakeExcel } from './fakeExcel';
import { portOn, sampleWorkbook, syncsSince } from './workbooks';

const settingsTable = (fake: ReturnType<typeof fakeExcel>, rows: (string | number)[][]) =>
  addTable(fake.model, { sheet: 'Prioritisation settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows, origin: { row: 3, column: 0 } });

const settingValue = (fake: ReturnType<typeof fakeExcel>, label: string) => {
  const table = fake.model.table('PrioritisationSettings')!;
  for (let r = 1; r <= table.bodyRows; r++) if (table.sheet.value(table.row + r, table.column) === label) return table.sheet.value(table.row + r, table.column + 1);
  return undefined;
};

describe('insertSample', () => {
  it('adds the sample portfolio and its capacity as tables on new sheets, and shows it', async () => {
    const fake = fakeExcel();
    fake.model.addSheet('Sheet1');
    await portOn(fake).insertSample();
    const table = fake.model.table('Initiatives')!;
    expect([table.sheet.name, table.bodyRows, table.headers]).toEqual(['Portfolio', SAMPLE_ROWS.length, [...SAMPLE_HEADERS]]);
    expect(fake.model.table('Capacity')!.sheet.name).toBe('Capacity');
    expect(fake.model.activeSheet?.name).toBe('Portfolio');
    expect(table.sheet.frozenRows).toBe(1);
  });

  it('never writes over a sheet the user already has: it picks the next free name', async () => {
    const fake = fakeExcel();
    fake.model.addSheet('Portfolio').cell(0, 0).value = 'mine';
    await portOn(fake).insertSample();
    expect(fake.model.sheet('Portfolio')!.usedValues()).toEqual([['mine']]);
    expect(fake.model.table('Initiatives')!.sheet.name).toBe('Portfolio (2)');
  });

  it('keeps the user\'s Capacity table and adds only the initiatives when there is one', async () => {
    const fake = fakeExcel();
    addTable(fake.model, { sheet: 'Teams', name: 'Capacity', headers: ['Team', 'Capacity', 'Unit'], rows: [['Legal', 3, 'weeks']] });
    await portOn(fake).insertSample();
    expect(fake.model.table('Capacity')!.sheet.name).toBe('Teams');
    expect(fake.model.sheet('Capacity')).toBeUndefined();
  });

  it('refuses, in words, when the workbook already has an Initiatives table', async () => {
    const fake = sampleWorkbook();
    await expect(portOn(fake).insertSample()).rejects.toThrow(/already has a table called Initiatives/);
  });
});

describe('createTableFromSelection', () => {
  const withSelection = (rows: number, columns: number) => {
    const fake = fakeExcel();
    const sheet = fake.model.addSheet('Ideas');
    sheet.cell(0, 0).value = 'Initiative';
    sheet.cell(0, 1).value = 'Annual value';
    sheet.cell(1, 0).value = 'Chatbot';
    sheet.cell(1, 1).value = 100;
    fake.model.selection = { sheet, rect: { row: 0, column: 0, rows, columns } };
    return fake;
  };

  it('turns the selected range with its header row into the Initiatives table', async () => {
    const fake = withSelection(2, 2);
    expect(await portOn(fake).createTableFromSelection()).toEqual({ ok: true });
    expect(fake.model.table('Initiatives')!.headers).toEqual(['Initiative', 'Annual value']);
  });

  it('refuses a single cell, saying what to select', async () => {
    const fake = withSelection(1, 1);
    expect(await portOn(fake).createTableFromSelection()).toEqual({ ok: false, message: expect.stringMatching(/Only one cell is selected/) });
    expect(fake.model.tables).toEqual([]);
  });

  it('refuses a header row alone', async () => {
    const fake = withSelection(1, 2);
    expect(await portOn(fake).createTableFromSelection()).toEqual({ ok: false, message: expect.stringMatching(/at least one initiative below/) });
  });

  it('refuses when a table called Initiatives already exists', async () => {
    const fake = withSelection(2, 2);
    addTable(fake.model, { sheet: 'Old', name: 'Initiatives', headers: ['Initiative'], rows: [['x']] });
    expect(await portOn(fake).createTableFromSelection()).toEqual({ ok: false, message: expect.stringMatching(/already has a table called Initiatives/) });
  });

  it('refuses when a chart is selected instead of cells', async () => {
    const fake = withSelection(2, 2);
    fake.model.selection = 'chart';
    expect(await portOn(fake).createTableFromSelection()).toEqual({ ok: false, message: expect.stringMatching(/not a chart/) });
  });

  it('reports Excel\'s refusal when the selection overlaps another table', async () => {
    const fake = withSelection(2, 2);
    addTable(fake.model, { sheet: 'Ideas', name: 'Budget', headers: ['Line'], rows: [['IT']], origin: { row: 1, column: 1 } });
    expect(await portOn(fake).createTableFromSelection()).toEqual({ ok: false, message: expect.stringMatching(/could not make a table of Ideas!A1:B2/) });
  });
});

describe('saveSettings', () => {
  it('updates the values in place and keeps the rows the user added', async () => {
    const fake = sampleWorkbook();
    settingsTable(fake, [['Impact weight', 50], ['My note', 'keep me'], ['Planning period', 'H1']]);
    await portOn(fake).saveSettings({ ...DEFAULT_SETTINGS, weights: { impact: 60, readiness: 25, friction: 15 }, planningPeriod: 'FY27 H1' });
    expect(settingValue(fake, 'Impact weight')).toBe(60);
    expect(settingValue(fake, 'My note')).toBe('keep me');
    expect(settingValue(fake, 'Planning period')).toBe('FY27 H1');
    expect(settingValue(fake, 'Readiness weight')).toBe(25);
  });

  it('writes a capacity set in the pane, and clears one no longer set so the Capacity table counts again', async () => {
    const fake = sampleWorkbook();
    settingsTable(fake, [['Capacity: Legal', 8], ['Capacity: Security', 4]]);
    await portOn(fake).saveSettings({ ...DEFAULT_SETTINGS, capacityOverrides: { Security: 6 } });
    expect(settingValue(fake, 'Capacity: Legal')).toBe('');
    expect(settingValue(fake, 'Capacity: Security')).toBe(6);
  });

  it('keeps a planning period that looks like a formula as text', async () => {
    const fake = sampleWorkbook();
    settingsTable(fake, [['Planning period', 'H1']]);
    await portOn(fake).saveSettings({ ...DEFAULT_SETTINGS, planningPeriod: '=2027' });
    const table = fake.model.table('PrioritisationSettings')!;
    const cell = table.sheet.peek(table.row + 1, 1)!;
    expect([cell.value, cell.formula]).toEqual(['=2027', undefined]);
  });

  it('makes the settings sheet when the workbook has none, in two round trips', async () => {
    const fake = sampleWorkbook();
    await portOn(fake).saveSettings({ ...DEFAULT_SETTINGS, inFlightLimit: 4 });
    expect(String(fake.model.sheet('Prioritisation settings')!.value(1, 0))).toContain(OWNER_MARK);
    expect(settingValue(fake, 'In-flight limit')).toBe(4);
    expect(syncsSince(fake)).toHaveLength(2);
  });

  it('says what is missing when the settings table lost its Value column', async () => {
    const fake = sampleWorkbook();
    addTable(fake.model, { sheet: 'S', name: 'PrioritisationSettings', headers: ['Setting', 'Amount'], rows: [['Impact weight', 1]] });
    await expect(portOn(fake).saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(/needs a Setting and a Value column/);
  });
});

describe('useTable', () => {
  it('records the chosen table in the settings sheet, so the next read uses it', async () => {
    const fake = fakeExcel();
    addTable(fake.model, { sheet: 'Pipeline', name: 'Pipeline', headers: [...SAMPLE_HEADERS], rows: SAMPLE_ROWS });
    const port = portOn(fake);
    await port.useTable('Pipeline');
    expect(settingValue(fake, 'Initiatives table')).toBe('Pipeline');
    expect((await port.read()).initiatives?.name).toBe('Pipeline');
  });

  it('refuses a table that is not in the workbook', async () => {
    const fake = sampleWorkbook();
    await expect(portOn(fake).useTable('Nope')).rejects.toThrow(/no table called "Nope"/);
  });
});

describe('selectCell', () => {
  it('shows the sheet and selects the cell, in one round trip', async () => {
    const fake = sampleWorkbook();
    await portOn(fake).selectCell('Portfolio', 'F7');
    expect(fake.model.selection).toEqual({ sheet: fake.model.sheet('Portfolio'), rect: { row: 6, column: 5, rows: 1, columns: 1 } });
    expect(syncsSince(fake)).toHaveLength(1);
  });

  it('says so when the sheet is gone', async () => {
    const fake = sampleWorkbook();
    await expect(portOn(fake).selectCell('Old plan', 'A1')).rejects.toThrow(/no sheet called "Old plan"/);
  });
});

describe('sortByPriority', () => {
  it('moves whole rows, the user\'s own columns with them, Priority 1 first and unranked rows last', async () => {
    const fake = fakeExcel();
    addTable(fake.model, {
      sheet: 'Portfolio',
      name: 'Initiatives',
      headers: ['Initiative', 'My notes', 'Priority'],
      rows: [['C', 'note c', 3], ['Unranked', 'note u', ''], ['A', 'note a', 1], ['B', 'note b', 2]],
    });
    await portOn(fake).sortByPriority();
    expect(fake.model.sheet('Portfolio')!.usedValues().slice(1)).toEqual([['A', 'note a', 1], ['B', 'note b', 2], ['C', 'note c', 3], ['Unranked', 'note u', '']]);
  });

  it('asks for a run first when the table has no Priority column', async () => {
    const fake = sampleWorkbook();
    await expect(portOn(fake).sortByPriority()).rejects.toThrow(/run the prioritiser first/);
  });
});
