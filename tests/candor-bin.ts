import { execFile } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The example status page as a fixture the tests own: the root's example content is a team's to edit or delete. */
export const EXAMPLE_PAGE = join(PROJECT_ROOT, 'tests', 'fixtures', 'example-page');

/** The `candor` command as a user runs it: `[CANDOR_BIN, 'build', ...]` after process.execPath. */
export const CANDOR_BIN = join(PROJECT_ROOT, 'bin/candor.js');

/**
 * A fresh folder for a content repository that will be built. It lies inside this project, as an
 * installed Candor lies inside a team's repository: Astro compiles only components under a common
 * root, and the built pages find their dependencies in the node_modules above them.
 */
export async function buildableRepoDir(prefix: string): Promise<string> {
  const parent = join(PROJECT_ROOT, '.candor', 'test-repos');
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, prefix));
}

/** `candor build` on the content repository at `repo`, as a user would run it (`bin`: another copy of Candor's). */
export function runBuildCommand(
  repo: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  bin = CANDOR_BIN,
): Promise<{ stdout: string; stderr: string }> {
  // Vitest puts BASE_URL, MODE, ... into process.env; Vite would take BASE_URL over the site's base path.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, [bin, 'build', ...args], {
    cwd: repo,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
}
