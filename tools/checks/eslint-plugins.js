// What eslint.config.js uses, imported here so that it resolves from this workspace: typescript-eslint
// needs TypeScript's JavaScript API, which the TypeScript 7 the project compiles with does not have,
// so it is installed here with TypeScript 6 (see package.json).
export { defineConfig, globalIgnores } from 'eslint/config';
export { default as js } from '@eslint/js';
export { default as globals } from 'globals';
export { default as tseslint } from 'typescript-eslint';
export { default as astro } from 'eslint-plugin-astro';
