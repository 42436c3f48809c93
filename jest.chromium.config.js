// The Chromium checks (test/browser/*.chromium.ts): a production webpack build run in
// Debian's Chromium. Kept out of the unit suite because each one builds and launches a browser.
/** @type {import('jest').Config} */
module.exports = {
  ...require('./jest.config.js'),
  testMatch: ['**/*.chromium.ts'],
  // The unit config leaves test/browser/ out; these files live there.
  testPathIgnorePatterns: ['/node_modules/'],
};
