// Reading hostile tables: whatever the cells and headers, the read never throws, every cell problem names its
// sheet and cell in plain words, and no row with an unreadable cell is committed.

import fc from 'fast-check';
import { prioritise } from '../../src/engine/plan';
import { INPUT_COLUMNS } from '../../src/engine/columns';
import type { CellValue, RawTable } from '../../src/engine/types';
import { NOW } from '../builders';

const hostile: CellValue[] = ['', ' ', '#N/A', '#REF!', '=1+1', '+cmd', '-', '@x', 'N/A', 'TBD', '✓', '✗', '✔️', 'Yes', 'no', 'TRUE', true, false, 0, 1, 3, 5, 7, -1, 1e308, 0.5, '50%', '150%', '$1.2M', '€300k', '1.234', '1,234', '(500)', 'High', 'Med', 'Low', 'In', 'Out', 'Pilot', 'Scale', 'GenAI', 'A/B test', 'x'.repeat(40000), 'Alpha', 'A1', 'A1; A2', 'A1\nA2', 'Alpha, Beta', '2 weeks', 'H1', 'H9', 2.5, 46000, '\u00a0'];
const headersPool: string[] = [...INPUT_COLUMNS.map((c): string => c.header), 'Legal', 'Security', 'Notes', 'Priority', 'Legal demand', 'Capacity (weeks)'];

test('reading never throws and every row with content is planned once, its problems naming their cells', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.constantFrom(...headersPool), { minLength: 1, maxLength: 20 }),
      fc.array(fc.array(fc.constantFrom(...hostile), { minLength: 20, maxLength: 20 }), { maxLength: 12 }),
      fc.constantFrom('', 'H1, H2', 'H1 H2'),
      (headers, rows, horizons) => {
        const all = ['Initiative', ...headers.filter((h) => h !== 'Initiative')];
        const table: RawTable = { sheet: 'P', name: 'Initiatives', headers: all, rows: rows.map((r) => all.map((_, i) => r[i % r.length]!)), origin: { row: 2, column: 1 } };
        const capacity: RawTable = { sheet: 'C', name: 'Capacity', headers: ['Team', 'Capacity', 'Unit'], rows: [['Legal', 4, 'weeks'], ['Security', '#N/A', 'weeks']], origin: { row: 0, column: 0 } };
        const settings: RawTable = { sheet: 'S', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows: [['Horizons', horizons]], origin: { row: 0, column: 0 } };
        const plan = prioritise({ initiatives: table, capacity, settings }, { now: NOW });
        for (const issue of plan.issues) {
          if (issue.severity === 'error') {
            expect(issue.cell).toBeDefined();
            expect(issue.sheet).not.toBe('');
          }
          expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
          if (issue.cell && issue.code !== 'duplicate-column') expect(issue.message).toContain(issue.cell);
          expect(issue.message.length).toBeLessThan(2000);
        }
        for (const e of plan.entries) if (e.gate.gate === 'Invalid input') expect(['Commit', 'Forced in']).not.toContain(e.decision);
      },
    ),
    { numRuns: 200 },
  );
});
