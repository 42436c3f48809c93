#!/usr/bin/env node
// The `prioritise` command. It runs the TypeScript source through tsx, so a fresh
// clone works after `npm ci` with no build step.
require('tsx/cjs');
require('../src/cli/prioritise.ts');
