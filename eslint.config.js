// @ts-check
import {
  astro,
  defineConfig,
  globalIgnores,
  globals,
  js,
  tseslint,
} from './tools/checks/eslint-plugins.js';

export default defineConfig(
  // At any depth: tests and benchmarks build repositories under tests/ and .candor/.
  globalIgnores([
    '**/dist/',
    '**/dist-*/',
    '**/.astro/',
    '**/.candor/',
    '**/.candor-build-*/',
    'bench/results/',
    'coverage/',
  ]),
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The exemptions tsc's noUnusedLocals and noUnusedParameters make, so the two agree: a name
      // starting with `_`, and the keys destructured beside a rest element to leave them out of it.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'all',
          argsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Languages write durations and numbers with no-break spaces ("1\u00a0min", "99,95\u00a0%"):
      // the tests' expected strings and snapshots hold them as they are written.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['**/*.astro'],
    extends: [tseslint.configs.recommended, astro.configs.recommended],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
);
