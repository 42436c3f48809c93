#!/usr/bin/env node
// The `prioritise` command. Runs the bundle that `npm ci` builds (scripts/build-cli.mjs) when it
// is current, and otherwise the TypeScript sources through tsx, so an edited checkout never runs
// stale code and a fresh clone needs no build step of its own.
const { isCurrent, runBundle } = require('../scripts/cliBundle.cjs');

if (isCurrent()) {
  runBundle();
} else {
  require('tsx/cjs');
  require('../src/cli/prioritise.ts');
}
