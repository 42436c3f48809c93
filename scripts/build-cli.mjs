// Bundles the `prioritise` command into one file with esbuild (run by `npm ci` through the
// prepare script, or `npm run build:cli`). One file loads in about a third of a second, against
// about a second for the TypeScript sources through tsx, which resolves and transpiles hundreds
// of modules on every run. Never fails the install: without a bundle the bin runs through tsx.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { root, bundle } = require('./cliBundle.cjs');

try {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [`${root}/src/cli/prioritise.ts`],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // HiGHS finds its WebAssembly next to its own module: load it from node_modules, not the bundle.
    // exceljs is loaded only when a caller asks for its writer: leaving it out of the bundle
    // spares every run the parsing of its code.
    external: ['highs', 'exceljs'],
    logLevel: 'warning',
  });
} catch (error) {
  console.warn(`prioritise: not bundled (${error?.message ?? error}); the command will run from the TypeScript sources through tsx.`);
}
