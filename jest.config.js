/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node', // component tests (.tsx) say `@jest-environment jsdom` in their docblock
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The browser suite drives Chromium on a built preview: `npx jest -c jest.browser.config.js`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/jestDom.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', isolatedModules: true } }],
  },
};
