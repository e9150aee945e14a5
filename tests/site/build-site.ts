import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildableRepoDir, PROJECT_ROOT, runBuildCommand } from '../candor-bin.ts';

export { PROJECT_ROOT };
export const EXAMPLE_NOW = '2026-11-23T12:00:00Z';

/** Builds the content repository at `contentDir` into a fresh temp folder with `candor build`. */
export async function buildSite(contentDir: string, options: { now?: string; audience?: 'public' | 'internal' } = {}): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'candor-site-'));
  await runBuildCommand(contentDir, ['--out', out, '--audience', options.audience ?? 'public'], { CANDOR_NOW: options.now ?? EXAMPLE_NOW });
  return out;
}

/** A content repository on disk: `{ 'components.yaml': ..., 'incidents/x.md': ... }`. */
export async function writeRepository(files: Record<string, string>): Promise<string> {
  const dir = await buildableRepoDir('content-');
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
