import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'bench/**/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine and the rules are pure: no clock, no randomness, no I/O.
    files: ['src/matching/**/*.ts', 'src/**/*.rules.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Pass `now` in.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'No randomness here.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'kysely', 'fastify', '../db/*', '**/*.store', '**/*.store.ts'] },
      ],
    },
  },
  {
    // The layout's boundaries, enforced (ARCHITECTURE.md): web features do not import each other;
    // routes call services, never stores; a server feature reaches another only through its
    // service (never its store); the generic job queue knows none of its clients.
    files: ['src/**/*.ts', 'web/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*', 'web/**/*'],
      'boundaries/elements': [
        { type: 'web-feature', pattern: 'web/features/*', capture: ['feature'] },
        { type: 'server-feature', pattern: 'src/features/*', capture: ['feature'] },
      ],
      'boundaries/files': [
        { category: 'route', pattern: '**/*.routes.ts' },
        { category: 'store', pattern: '**/*.store.ts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          // Routes and stores of one feature are in the same element: look inside elements too.
          checkInternals: true,
          policies: [
            {
              from: { element: { type: 'web-feature' } },
              disallow: { to: { element: { type: 'web-feature', captured: { feature: '!{{ from.captured.feature }}' } } } },
              message: 'Web features do not import each other: share it through web/lib or web/components.',
            },
            {
              from: { file: { categories: 'route' } },
              disallow: { to: { file: { categories: 'store' } } },
              message: 'Routes call services; only stores know SQL.',
            },
            {
              from: { element: { type: 'server-feature' } },
              disallow: {
                to: {
                  element: { type: 'server-feature', captured: { feature: '!{{ from.captured.feature }}' } },
                  file: { categories: 'store' },
                },
              },
              message: "Another feature's store: call a public function of its service instead.",
            },
            {
              from: { element: { type: 'server-feature', captured: { feature: 'jobs' } } },
              disallow: { to: { element: { type: 'server-feature', captured: { feature: '!(jobs|notifications)' } } } },
              message: 'The job queue knows none of its clients: they register their handlers in src/background-jobs.ts.',
            },
          ],
        },
      ],
    },
  },
);
