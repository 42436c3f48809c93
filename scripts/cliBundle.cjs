// Where the bundled `prioritise` command lives and whether it is current. Shared by
// scripts/build-cli.mjs (which writes it) and bin/prioritise.js (which runs it).
// It sits in node_modules/.cache, so `npm ci` wipes it and the prepare script rebuilds it.
const { readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const root = join(__dirname, '..');
const bundle = join(root, 'node_modules', '.cache', 'prioritise', 'cli.cjs');
/** V8's code cache of the bundle, written by the first run after each build. */
const codeCache = `${bundle}.v8cache`;

/** The latest change to anything the bundle is built from: the sources and the locked dependencies. */
function newestInput(dir = join(root, 'src')) {
  let newest = statSync(join(root, 'package-lock.json')).mtimeMs;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

/** True when the bundle exists and nothing it is built from changed since. */
function isCurrent() {
  try {
    return statSync(bundle).mtimeMs >= newestInput();
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

module.exports = { root, bundle, isCurrent, runBundle };
