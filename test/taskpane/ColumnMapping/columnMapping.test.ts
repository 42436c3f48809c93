// The pane's column mapping without React: what each contract column reads and how it was found, what is
// missing or ambiguous, and a change saved into the workbook's Column mapping table, then planned again.

import { memoryPort } from '../../../src/adapters/memory';
import type { RawTable } from '../../../src/engine/types';
import { changeColumn, columnMappingView, type MappingHost } from '../../../src/taskpane/ColumnMapping/columnMapping';
import type { Notice } from '../../../src/taskpane/controller/paneController';
import { workbookView } from '../../../src/taskpane/model/workbookView';
import { workbookWith } from '../../adapters/memory/memoryBuilders';
import { readyRow, table } from '../../builders';

/** A finance team's own headers: one by its words, one two columns could be, one of theirs, and no Owner column. */
function ownHeaders(): RawTable {
  const rows = [readyRow({ ID: 'A' }), readyRow({ ID: 'B' })].map((r) => {
    const { Owner: _owner, 'Baseline method': baseline, 'Data quality': quality, ...rest } = r;
    return { ...rest, 'Baseline / comparison': baseline ?? '', 'Data readiness': quality ?? '', Notes: 'checked' };
  });
  return table(rows);
}

describe('the mapping the pane shows', () => {
  const view = columnMappingView(ownHeaders(), [], undefined);
  const row = (column: string) => view.rows.find((r) => r.column === column)!;

  it('says which header each contract column reads and how it was found', () => {
    expect(row('Baseline method')).toMatchObject({ header: 'Baseline / comparison', how: 'words' });
    expect(row('Initiative')).toMatchObject({ header: 'Initiative', how: 'exact' });
  });

  it('says plainly what a missing column that changes the result does, before running', () => {
    expect(row('Owner')).toMatchObject({ header: '', how: 'missing', effect: 'every initiative will be Blocked until it names an accountable owner' });
  });

  it('reports an ambiguous header and the user\'s own headers, and asks for a look', () => {
    expect(view.ambiguous.map((a) => a.header)).toEqual(['Data readiness']);
    expect(view.unrecognised).toEqual(['Notes']);
    expect(view.needsAttention).toBe(true);
  });

  it('lists the columns to look at first: missing, then by words, then those found by their name', () => {
    const hows = view.rows.map((r) => r.how);
    expect(hows.indexOf('missing')).toBeLessThan(hows.indexOf('words'));
    expect(hows.lastIndexOf('words')).toBeLessThan(hows.indexOf('exact'));
    expect(view.rows).toHaveLength(new Set(view.rows.map((r) => r.column)).size);
  });

  it('offers the table\'s own headers, never the add-in\'s output columns', () => {
    const withOutputs = { ...ownHeaders(), headers: [...ownHeaders().headers, 'Priority', 'Why'], rows: ownHeaders().rows.map((r) => [...r, 1, 'x']) };
    const offered = columnMappingView(withOutputs, [], undefined).headers;
    expect(offered).toContain('Baseline / comparison');
    expect(offered).not.toContain('Priority');
  });

  it('a table with the contract\'s own headers needs no look', () => {
    const plain = columnMappingView(table([readyRow()]), [], undefined);
    expect(plain.needsAttention).toBe(false);
    expect(plain.rows.filter((r) => r.how === 'words' || r.effect !== undefined)).toEqual([]);
  });

  it('says "none" for a column the Column mapping says the table has not', () => {
    const mapping: RawTable = { sheet: 'S', name: 'ColumnMapping', headers: ['Column', 'Header'], rows: [['Owner', '']], origin: { row: 0, column: 0 } };
    expect(columnMappingView(ownHeaders(), [], mapping).rows.find((r) => r.column === 'Owner')).toMatchObject({ how: 'none' });
  });
});

describe('changing a column in the pane', () => {
  /** A host that runs the work as the pane's queue would, and counts the runs. */
  function host(planned: boolean) {
    const notices: Notice[] = [];
    let failed = false;
    let runs = 0;
    const h: MappingHost = {
      operate: async (work) => {
        try {
          const notice = await work();
          if (notice) notices.push(notice);
        } catch {
          failed = true;
        }
      },
      run: async () => void runs++,
      state: () => ({ failed, planned }),
    };
    return { h, notices, runs: () => runs };
  }

  it('saves the change in the workbook\'s Column mapping, which the next read (and so the command) uses, and plans again', async () => {
    const port = memoryPort(workbookWith(ownHeaders()));
    const pane = host(true);
    await changeColumn(port, pane.h, 'Data quality', 'Data readiness');
    const snapshot = await port.read();
    expect(snapshot.columnMapping?.rows).toEqual([['Data quality', 'Data readiness']]);
    const view = workbookView(snapshot);
    if (view.kind !== 'ready') throw new Error('not ready');
    expect(view.columns?.rows.find((r) => r.column === 'Data quality')).toMatchObject({ header: 'Data readiness', how: 'mapped' });
    expect(view.columns?.ambiguous).toEqual([]);
    expect(pane.notices).toEqual([{ intent: 'success', text: 'Saved in the Column mapping: Data quality reads "Data readiness".' }]);
    expect(pane.runs()).toBe(1);
  });

  it('before the first run it only saves; when the save fails it does not plan', async () => {
    const port = memoryPort(workbookWith(ownHeaders()));
    const before = host(false);
    await changeColumn(port, before.h, 'Owner', '');
    expect(before.notices[0]?.text).toBe('Saved in the Column mapping: the table has no Owner column.');
    expect(before.runs()).toBe(0);
    const failing = host(true);
    await changeColumn({ ...port, saveColumnMapping: () => Promise.reject(new Error('protected')) }, failing.h, 'Owner', 'Sponsor');
    expect(failing.runs()).toBe(0);
  });
});
