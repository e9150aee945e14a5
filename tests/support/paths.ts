import { fileURLToPath } from 'node:url';

/** This checkout: the engine, and at its root the example status repository. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
