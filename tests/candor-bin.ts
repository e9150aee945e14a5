import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The `candor` command as a user runs it: `[CANDOR_BIN, 'build', ...]` after process.execPath. */
export const CANDOR_BIN = join(PROJECT_ROOT, 'bin/candor.js');

/**
 * `candor build` on the content repository at `repo`, as a user would run it. A repository outside
 * this project gets a node_modules that links to this project's, as an installed repository has.
 */
export async function runBuildCommand(repo: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  if (relative(PROJECT_ROOT, repo).startsWith('..') && !existsSync(join(repo, 'node_modules'))) {
    await symlink(join(PROJECT_ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
  }
  // Vitest puts BASE_URL, MODE, ... into process.env; Vite would take BASE_URL over the site's base path.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, [CANDOR_BIN, 'build', ...args], { cwd: repo, env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
}
