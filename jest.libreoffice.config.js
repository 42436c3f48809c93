// The LibreOffice round trip: a real spreadsheet application opens what the command writes.
// Kept out of `npm test` (it needs soffice and takes seconds per file); CI runs it with
// `jest -c jest.libreoffice.config.js`, and `npm run test:libreoffice` locally.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/libreoffice'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180_000,
};
