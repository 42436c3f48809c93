/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node', // component tests (.tsx) say `@jest-environment jsdom` in their docblock
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Suites with their own configs: the browser suites (jest.browser.config.js, jest.chromium.config.js)
  // and the LibreOffice round trip (jest.libreoffice.config.js, needs soffice).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/libreoffice/'],
  // Many cases open, plan and save a whole workbook; jest's 5 s default fails them on a busy machine, not on a bug.
  testTimeout: 20_000,
  setupFilesAfterEnv: ['<rootDir>/test/setup/jestDom.ts'],
  moduleNameMapper: {
    // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose index pulls in
    // ESM-only packages (strip-bom, uuid) that jest cannot load: point it at the plain CommonJS file.
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
    // Fluent's charts pull in d3's ESM-only packages: component tests draw a stub (test/setup/reactChartsStub.tsx).
    '^@fluentui/react-charts$': '<rootDir>/test/setup/reactChartsStub.tsx',
  },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', isolatedModules: true } }],
  },
};
