// Where the bundled `prioritise` command lives and whether it is current. Shared by
// scripts/build-cli.mjs (which writes it) and bin/prioritise.js (which runs it).
// It sits in node_modules/.cache, so `npm ci` wipes it and the prepare script rebuilds it.
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const root = join(__dirname, '..');
const bundle = join(root, 'node_modules', '.cache', 'prioritise', 'cli.cjs');
/** V8's code cache of the bundle, written by the first run after each build. */
const codeCache = `${bundle}.v8cache`;

/**
 * What the bundle is built from, beside it (written by scripts/build-cli.mjs): the source files esbuild read
 * (from its metafile), the folders they are in and package-lock.json, as paths from the root.
 */
const inputsList = `${bundle}.inputs.json`;

/**
 * True when the bundle exists and nothing it is built from changed since: none of its source files, and none of
 * their folders, whose time moves when a file is added, removed or renamed there (an import that would resolve to
 * a new file, an editor that saves by renaming). A few dozen stats rather than a walk of src/: the walk stat-ed
 * every file of the add-in too, a hundred the command does not use, and read every folder, about a hundredth of
 * a second a run. Without the list (a bundle built before it) the bundle counts as stale.
 */
function isCurrent() {
  try {
    const built = statSync(bundle).mtimeMs;
    for (const input of JSON.parse(readFileSync(inputsList, 'utf8'))) if (statSync(join(root, input)).mtimeMs > built) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the bundle as `require` would, with V8's code cache: from the second run on, the parsing and
 * compiling of the bundle's functions (about a tenth of a run at 1,000 initiatives) is read from the
 * cache instead. V8 refuses a cache made from other source or by another version; it is then made again.
 */
function runBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), {
    filename: bundle,
    cachedData,
    // The bundle loads HiGHS with import() on the first solve.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    // At exit the cache holds the functions this run compiled too. Written whole or not at all; a folder
    // that cannot be written (a read-only install) only means no cache.
    process.once('exit', () => {
      try {
        const partial = `${codeCache}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, codeCache);
      } catch {
        // No cache this time.
      }
    });
  }
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, Module.createRequire(bundle), loaded, bundle, dirname(bundle));
}

module.exports = { root, bundle, inputsList, isCurrent, runBundle };
