// ESLint (flat config): JavaScript and typescript-eslint's recommended rules (not the type-aware
// set: it would type-check the tree a second time). Formatting is Prettier's job (`npm run format`),
// so no stylistic rule is enabled.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'coverage/**', '**/*.vsix'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The product reads binary and hostile input and tests ANSI output: control characters in
      // regular expressions are deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    // The end-to-end harness runs callbacks inside the browser page (page.evaluate).
    files: ['test/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Extensions that VS Code / code-server load with require(): CommonJS by necessity.
    files: ['**/*.cjs', 'test/electron/**/*.js', 'test/e2e/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests walk untyped JSON (JSON schemas, CLI output): `any` there is the honest type.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
