// A Scenario comparison sheet written by the exceljs adapter, to look at in LibreOffice: npx tsx scripts/qa/cmp.ts [folder]
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the workbook goes: the first argument, or the current folder. */
const outDir = process.argv[2] ?? '.';
import { writeSheet } from '../../src/adapters/exceljs/writeSheet';
import { compareScenarios } from '../../src/engine/scenarios/compare';
import { prioritise } from '../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { scenarioComparisonSheet } from '../../src/layout/scenarioComparisonSheet';
import { sampleTables } from '../../src/sample/samplePortfolio';

(async () => {
  const { initiatives, capacity } = sampleTables();
  const plan = (extra: object) => prioritise({ initiatives, capacity }, { now: '2026-12-07T10:00:00Z', settings: { ...DEFAULT_SETTINGS, ...extra } });
  const comparison = compareScenarios(plan({}), plan({ capacityOverrides: { Security: 20, 'Data engineering': 36 } }), { a: 'Today', b: 'Security +8' });
  const wb = new ExcelJS.Workbook();
  writeSheet(wb.addWorksheet('Scenario comparison'), scenarioComparisonSheet(comparison, { at: '2026-12-07T10:00:00Z' }));
  writeFileSync(join(outDir, 'cmp.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  console.log('ok');
})();
