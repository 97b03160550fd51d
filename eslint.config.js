// Lint: TypeScript recommended everywhere, plus the rule that keeps solver/ pure —
// no I/O imports, no wall clock, no unseeded randomness (STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureModules = ['express', 'knex', 'pg', '@electric-sql/pglite', 'knex-pglite', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'worker_threads', 'os'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The service sees the solver through its public surface only, so solver/ can reorganise freely.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/solver/**', '!**/solver/index.ts'], message: 'src/ imports the solver through solver/index.ts only.' }],
      }],
    },
  },
  {
    files: ['solver/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: impureModules.map((name) => ({ name, message: 'solver/ is pure: no I/O imports (STYLE.md).' })),
        patterns: [{ group: ['node:*'], message: 'solver/ is pure: no node: imports (STYLE.md).' }],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'solver/ is deterministic: no Date.now(); pass times in.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'solver/ is deterministic: no Math.random(); use the seeded generator.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'solver/ is deterministic: no new Date() (wall clock).' },
      ],
    },
  },
);
