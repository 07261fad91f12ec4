import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Seams between the rooms, enforced rather than described. */
const nodeOnly = ['node:*', 'better-sqlite3', 'express', 'ws', 'electron', 'fs', 'path', 'os', 'child_process'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.oracle/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Anki's text rules are about control characters; matching them is the point.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'The renderer sees only the bridge contract in shared/.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer cannot use Node built-ins.' },
            { group: ['**/main/**', '../../main/*', '../main/*'], message: 'The renderer sees only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'shared/ is environment-neutral.' })),
          patterns: [
            { group: ['node:*'], message: 'shared/ is environment-neutral.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/engine/**/*.ts'],
    ignores: ['main/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'express', 'ws', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'The engine is a plain Node library: no electron, express, ws or react.',
          })),
          patterns: [{ group: ['**/api/**', '**/gui/**', '**/entry/**', '**/renderer/**'], message: 'The engine depends on nothing above it.' }],
        },
      ],
    },
  },
  {
    files: ['main/api/**/*.ts'],
    ignores: ['main/api/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'The API server runs under plain Node.' })),
          patterns: [{ group: ['**/entry/**', '**/renderer/**'], message: 'The API does not know its entry points.' }],
        },
      ],
    },
  },
);
