// Bundles the `prioritise` command into one file with esbuild (run by `npm ci` through the
// prepare script, or `npm run build:cli`). One file loads in about a third of a second, against
// about a second for the TypeScript sources through tsx, which resolves and transpiles hundreds
// of modules on every run. Never fails the install: without a bundle the bin runs through tsx.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { root, bundle } = require('./cliBundle.cjs');

/**
 * zod exports every one of its fifty-odd message locales through z.locales, which a bundle cannot leave out by
 * itself: half of zod's 800 KB in the bundle. The command's messages are its own and zod's English ones (which
 * zod imports by itself), so z.locales is given English only.
 */
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-english' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: dirname(args.path) }));
  },
};

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
    plugins: [englishZodLocalesOnly],
    // Every run reads the whole bundle: without the blanks and with the syntax shortened it is a quarter
    // smaller. Names are kept, so a stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
} catch (error) {
  console.warn(`prioritise: not bundled (${error?.message ?? error}); the command will run from the TypeScript sources through tsx.`);
}
