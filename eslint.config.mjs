// Flat ESLint config. The important rules: no floating or misused promises anywhere,
// and the pure core (src/core) may never import `vscode` (nor node:fs: storage goes through injected file operations).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.cache/**', '.scratch*/**', '.prof/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is the pure core: it must never import vscode. Put editor code in src/extension.' },
          { name: 'fs', message: 'src/core reads and writes through injected file operations (see src/core/io).' },
          { name: 'node:fs', message: 'src/core reads and writes through injected file operations (see src/core/io).' },
          { name: 'fs/promises', message: 'src/core reads and writes through injected file operations (see src/core/io).' },
          { name: 'node:fs/promises', message: 'src/core reads and writes through injected file operations (see src/core/io).' },
        ],
      }],
    },
  },
  {
    // One feature never imports another: shared editor helpers live in src/extension/editor, tree nodes in
    // src/extension/trees, services in src/extension/model (see docs/architecture.md).
    files: ['src/extension/features/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^\\.\\./(?!\\.\\./)', message: 'A feature may not import another feature. Move what both need to src/extension/editor, trees or model.' }],
      }],
    },
  },
  {
    files: ['src/extension/editor/**/*.ts', 'src/extension/model/**/*.ts', 'src/extension/trees/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)features(/|$)', message: 'Shared code may not depend on a feature; the feature depends on it.' }],
      }],
    },
  },
);
