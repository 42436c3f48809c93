import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { settingsEdits } from '../../src/layout/settingsEdits';
import { MEANING_HEADER, meaningColumn, settingsRows } from '../../src/layout/settingsSheet';

const existing = (rows: (string | number)[][]) => ({ headers: ['Setting', 'Value'], rows });
const current = () => settingsRows(DEFAULT_SETTINGS).map((r) => [r.label, r.value]);

describe('settings edits', () => {
  test('saving unchanged settings edits nothing', () => {
    expect(settingsEdits(existing(current()), DEFAULT_SETTINGS)).toEqual({ updates: [], appended: [] });
  });

  test('a changed weight updates its own row only', () => {
    const edits = settingsEdits(existing(current()), { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, friction: 35 } });
    expect(edits).toEqual({ updates: [{ rowIndex: 2, value: 35, format: 'General' }], appended: [] });
  });

  test('rows are matched by label ignoring case and spacing', () => {
    const rows = current().map(([label, value]) => [String(label).toUpperCase(), value ?? '']);
    expect(settingsEdits(existing(rows), DEFAULT_SETTINGS).appended).toEqual([]);
  });

  test('a row whose label has a note in brackets is its setting\'s row: updated in place, not added again', () => {
    const rows = current().map(([label, value]) => [label === 'Impact weight' ? 'Impact weight (0-100)' : String(label), value ?? '']);
    const edits = settingsEdits(existing(rows), { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, impact: 60 } });
    expect(edits).toEqual({ updates: [{ rowIndex: 0, value: 60, format: 'General' }], appended: [] });
  });

  test('a text setting is written in the Text format', () => {
    const edits = settingsEdits(existing(current()), { ...DEFAULT_SETTINGS, planningPeriod: '=FY27' });
    expect(edits.updates).toEqual([{ rowIndex: 7, value: '=FY27', format: '@' }]);
  });

  test('a new team capacity is appended with what it means, beside a table that has the What it means column', () => {
    const edits = settingsEdits(existing(current()), { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 14 } }, MEANING_HEADER);
    expect(edits.appended).toEqual([
      [
        { column: 0, value: 'Capacity: Legal', format: '@' },
        { column: 1, value: 14, format: 'General' },
        { column: meaningColumn(2), value: expect.stringContaining('Legal'), format: '@' },
      ],
    ]);
  });

  test('beside a table without the What it means column, an added row is its label and value only, in their columns', () => {
    const table = { headers: ['Notes', 'Value', 'Setting'], rows: current().map(([label, value]) => ['', value ?? '', label ?? '']) };
    for (const beside of [undefined, '', 'My notes']) {
      expect(settingsEdits(table, { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 14 } }, beside).appended).toEqual([
        [
          { column: 2, value: 'Capacity: Legal', format: '@' },
          { column: 1, value: 14, format: 'General' },
        ],
      ]);
    }
  });

  test('an existing team capacity row is found however it is written', () => {
    const rows = [...current(), ['capacity - legal', 10]];
    expect(settingsEdits(existing(rows), { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 14 } }).updates).toEqual([
      { rowIndex: rows.length - 1, value: 14, format: 'General' },
    ]);
  });

  test('a team no longer overridden has its value cleared and its row kept', () => {
    const rows = [...current(), ['Capacity: Legal', 10]];
    expect(settingsEdits(existing(rows), DEFAULT_SETTINGS)).toEqual({ updates: [{ rowIndex: rows.length - 1, value: null, format: 'General' }], appended: [] });
  });

  test('a row the add-in does not know is the user’s and is left alone', () => {
    const rows = [['Board meeting', 'Tuesday'], ...current()];
    const edits = settingsEdits(existing(rows), DEFAULT_SETTINGS);
    expect(edits).toEqual({ updates: [], appended: [] });
  });

  test('a table without Setting and Value columns is refused', () => {
    expect(() => settingsEdits({ headers: ['Name', 'Amount'], rows: [] }, DEFAULT_SETTINGS)).toThrow('a Setting and a Value column');
  });
});
