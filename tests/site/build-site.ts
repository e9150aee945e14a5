import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLE_NOW = '2026-11-23T12:00:00Z';

/** Builds the content repository at `contentDir` into a fresh temp folder with `npm run build`'s own script. */
export async function buildSite(contentDir: string, options: { now?: string; audience?: 'public' | 'internal' } = {}): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'candor-site-'));
  // Vitest puts BASE_URL, MODE, ... into process.env; Vite would take BASE_URL over the site's base path.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...env } = process.env;
  await run(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out, '--audience', options.audience ?? 'public'], {
    cwd: contentDir,
    env: { ...env, CANDOR_NOW: options.now ?? EXAMPLE_NOW, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return out;
}

/** A content repository on disk: `{ 'components.yaml': ..., 'incidents/x.md': ... }`. */
export async function writeRepository(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'candor-content-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Every HTML page of a built site, by its path relative to the output folder. */
export async function builtPages(out: string): Promise<Map<string, string>> {
  const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(out, f), 'utf8')] as const)));
}
