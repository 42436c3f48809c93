// What the command says when its output lost something of the user's: with the surgical writer that is
// a fault to report (it copies every part it does not change); only the exceljs path has a library limit.

import { memoryPort } from '../../src/adapters/memory';
import { runPlan } from '../../src/app/runPlan';
import { buildReport } from '../../src/cli/report';
import { sampleWorkbook } from '../adapters/memory/memoryBuilders';
import { NOW } from '../builders';

async function written() {
  const result = await runPlan(memoryPort(sampleWorkbook()), { now: NOW });
  if (result.kind !== 'written') throw new Error(result.kind);
  return result;
}

const slicer = [{ feature: 'slicer' as const, sheet: 'Portfolio', count: 1 }];

test('the surgical writer calls a loss a fault to report, never a limit of the library', async () => {
  const notes = buildReport('in.xlsx', 'out.xlsx', await written(), slicer, true).notes.join('\n');
  expect(notes).toContain('The output lost 1 slicer on Portfolio: the command copies every part of your workbook it does not change, so this is a fault in the prioritiser; please report it with the file.');
  expect(notes).not.toContain('cannot carry');
  expect(notes).not.toContain('no charts yet');
});

test('the exceljs path names its library as what cannot carry the parts over, and says it drew no charts', async () => {
  const notes = buildReport('in.xlsx', 'out.xlsx', await written(), slicer, false).notes.join('\n');
  expect(notes).toContain('the library that wrote this file (exceljs) cannot carry these over');
  expect(notes).toContain('no charts yet');
});

test('nothing lost, nothing said', async () => {
  expect(buildReport('in.xlsx', 'out.xlsx', await written(), [], true).notes.join('\n')).not.toContain('lost');
});
