// @ts-check
import { createRequire } from 'node:module';

// typescript-eslint needs TypeScript's JavaScript API, which the TypeScript 7 the project compiles
// with does not have: the linter is installed with TypeScript 6 in tools/checks, and loaded from there.
const fromChecks = createRequire(new URL('./tools/checks/package.json', import.meta.url));
const { defineConfig, globalIgnores } = fromChecks('eslint/config');
const js = fromChecks('@eslint/js');
const globals = fromChecks('globals');
const tseslint = fromChecks('typescript-eslint');

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    '.astro/',
    '.candor/',
    '.candor-build-*/',
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
    },
  },
);
