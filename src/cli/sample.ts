// `npm run sample`: writes examples/sample-portfolio.xlsx, the sample portfolio the
// task pane inserts, as a workbook. The same data always gives the same bytes.

import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sampleWorkbookBytes } from '../adapters/exceljs/sampleWorkbook';
import { writeFileAtomic } from './atomicWrite';
import { errorText } from '../app/errorText';

export const SAMPLE_PATH = join('examples', 'sample-portfolio.xlsx');

async function main(): Promise<void> {
  const path = process.argv[2] ?? SAMPLE_PATH;
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, await sampleWorkbookBytes());
  console.log(`Wrote ${path}: 25 AI initiatives on the Portfolio sheet (table Initiatives) and 5 bottleneck teams on Capacity.`);
  console.log(`Next: npm run prioritise -- ${path}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sample: ${errorText(error)}\n`);
  process.exitCode = 1;
});
