import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runBuildCommand } from '../candor-bin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which tier of vitest.config.ts the test file runs in. */
    tier: 'unit' | 'slow';
    /** The folder where this run keeps its built sites, one per repository content and options. */
    builtSites: string;
  }
}

/** Refuses slow work in the unit tier, so `npm run test:unit` stays fast as tests are added. */
export function requireSlowTier(what: string): void {
  if (inject('tier') !== 'slow')
    throw new Error(`This test ${what}: list its file in SLOW_TIER in vitest.config.ts.`);
}

export interface BuildOptions {
  /** The build's clock, an ISO timestamp. */
  now?: string;
  audience?: 'public' | 'internal';
}

export const EXAMPLE_NOW = '2026-11-23T12:00:00Z';

/** What a build reads from a content repository; the engine (src/, scripts/) is the same for the whole run. */
const CONTENT = ['components.yaml', 'notify.yaml', 'incidents', 'locales', 'templates', 'public'];

/**
 * The content repository at `contentDir` built with `candor build`, as a user would.
 * Built once per run for each content and options: a second test asking for the same site (from
 * any test file, in any worker) gets the same folder, so it must only read it.
 */
export async function buildSite(contentDir: string, options: BuildOptions = {}): Promise<string> {
  const now = options.now ?? EXAMPLE_NOW;
  const audience = options.audience ?? 'public';
  const key = createHash('sha256')
    .update(JSON.stringify({ now, audience, content: await contentDigest(contentDir) }))
    .digest('hex')
    .slice(0, 16);
  requireSlowTier('builds a site');
  const cache = inject('builtSites');
  const out = join(cache, key);
  if (await exists(out)) return out;
  const lock = `${out}.lock`;
  try {
    await mkdir(lock);
  } catch {
    // Another worker builds the same site: wait for it (or for its failure, then build it here).
    while (await exists(lock)) await new Promise((resolve) => setTimeout(resolve, 100));
    return (await exists(out)) ? out : buildSite(contentDir, options);
  }
  try {
    const staging = `${out}.building`;
    await runBuildCommand(contentDir, ['--out', staging, '--audience', audience], {
      CANDOR_NOW: now,
    });
    await rename(staging, out);
    return out;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function contentDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of CONTENT) {
    const path = join(root, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const files = info.isDirectory()
      ? (await readdir(path, { recursive: true, withFileTypes: true }))
          .filter((f) => f.isFile())
          .map((f) => join(f.parentPath, f.name))
      : [path];
    for (const file of files.sort())
      hash
        .update(file.slice(root.length))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex');
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Every HTML page of a built site, by its path relative to the output folder. */
export async function builtPages(out: string): Promise<Map<string, string>> {
  const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(join(out, f), 'utf8')] as const)),
  );
}
