// Bundles the `prioritise` command into one file with esbuild (run by `npm ci` through the
// prepare script, or `npm run build:cli`). One file loads in about a third of a second, against
// about a second for the TypeScript sources through tsx, which resolves and transpiles hundreds
// of modules on every run. Never fails the install: without a bundle the bin runs through tsx.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { root, bundle, inputsList } = require('./cliBundle.cjs');

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
  const built = await build({
    absWorkingDir: root,
    entryPoints: [`${root}/src/cli/prioritise.ts`],
    outfile: bundle,
    // Written below, after the list of what it is built from, so a bundle never sits beside another build's list.
    write: false,
    metafile: true,
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
  // What the bin checks before it runs the bundle (isCurrent): the sources read, not the dependencies (package-lock.json
  // stands for them) nor the plugin's made-up modules; each one's folder; and how the bundle is made.
  const sources = Object.keys(built.metafile.inputs).filter((input) => !input.includes('node_modules/') && !input.includes(':'));
  const folders = [...new Set(sources.map((source) => dirname(source)))];
  const inputs = [...sources, ...folders, 'package-lock.json', relative(root, fileURLToPath(import.meta.url))];
  mkdirSync(dirname(bundle), { recursive: true });
  writeFileSync(`${inputsList}.${process.pid}`, JSON.stringify(inputs));
  renameSync(`${inputsList}.${process.pid}`, inputsList);
  for (const file of built.outputFiles) {
    writeFileSync(`${file.path}.${process.pid}`, file.contents);
    renameSync(`${file.path}.${process.pid}`, file.path);
  }
} catch (error) {
  console.warn(`prioritise: not bundled (${error?.message ?? error}); the command will run from the TypeScript sources through tsx.`);
}
