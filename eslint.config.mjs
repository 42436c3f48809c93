// ESLint flat config: typescript-eslint's recommended rules everywhere,
// React hooks rules for components, and the boundary of the pure core.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default defineConfig(
  globalIgnores(['dist/', 'dist-preview/', 'node_modules/', 'coverage/', 'tmp/']), // the same folders as .gitignore
  tseslint.configs.recommended,
  {
    rules: {
      // `const { dropped, ...rest } = row` and `_unused` parameters are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'src/taskpane/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Build and test configuration is CommonJS (webpack.config.js, jest.config.js, bin/, scripts/*.cjs).
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Only the exceljs adapter knows exceljs: the command line and the pane reach files through it.
    files: ['src/**'],
    ignores: ['src/adapters/exceljs/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'exceljs', message: 'Only src/adapters/exceljs uses exceljs; go through the workbook port or that adapter.' }],
          patterns: [{ group: ['exceljs/*'], message: 'Only src/adapters/exceljs uses exceljs; go through the workbook port or that adapter.' }],
        },
      ],
    },
  },
  {
    // The pure core knows no workbook library: Excel is reached only through src/port and src/adapters.
    files: ['src/engine/**', 'src/layout/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'exceljs', message: 'The pure core must not use exceljs; go through the workbook port.' }],
          patterns: [{ group: ['exceljs/*'], message: 'The pure core must not use exceljs; go through the workbook port.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'The pure core must not use office.js; go through the workbook port.' },
        { name: 'Excel', message: 'The pure core must not use office.js; go through the workbook port.' },
      ],
    },
  },
);
