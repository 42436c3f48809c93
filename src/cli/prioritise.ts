// `npm run prioritise -- <workbook.xlsx> [--out <file.xlsx>] [--json]` and the package's `prioritise` bin.

import { nodeIo, prioritiseCommand } from './prioritiseCommand';
import { errorText } from '../app/errorText';

prioritiseCommand(process.argv.slice(2), nodeIo()).then(
  (code) => (process.exitCode = code),
  // prioritiseCommand reports its own failures; this only guards against a failure to report one.
  (error: unknown) => {
    process.stderr.write(`prioritise: unexpected problem (${errorText(error)}); nothing was written\n`);
    process.exitCode = 1;
  },
);
