// Where the bundled `prioritise` command lives and whether it is current. Shared by
// scripts/build-cli.mjs (which writes it) and bin/prioritise.js (which runs it).
// It sits in node_modules/.cache, so `npm ci` wipes it and the prepare script rebuilds it.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'node_modules', '.cache', 'prioritise', 'cli.cjs');

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

module.exports = { root, bundle, isCurrent };
