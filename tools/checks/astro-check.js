// Type-checks every `.astro` template (the files tsconfig.astro.json includes) with @astrojs/check,
// on the TypeScript 6 installed beside it: TypeScript 7, which `tsc` runs for the `.ts` files, has
// no JavaScript API for it to use. Run from the repository's root: `npm run typecheck:astro`.
import { check } from '@astrojs/check';

const failed = await check({
  root: process.cwd(),
  tsconfig: 'tools/checks/tsconfig.astro.json',
  // A warning or a hint (an unused name, a deprecated API) fails the check too, as in `tsc`.
  minimumSeverity: 'hint',
  minimumFailingSeverity: 'hint',
});
process.exitCode = failed ? 1 : 0;
