/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The LibreOffice round trip needs soffice and has its own config (jest.libreoffice.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/libreoffice/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', isolatedModules: true } }],
  },
};
