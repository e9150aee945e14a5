import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a prebuilt bundle holds besides its files: the prerender entry and the client assets Vite wrote. */
export interface PrebuiltMeta {
  /** The prerender entry, relative to `prerender/`. */
  entry: string;
  /** Every file of the client build (the `_astro/` scripts), relative to the output folder. */
  client: string[];
}

export const META_FILE = 'prebuilt.json';

/** Candor's own folder: the templates, routes and every module the page bundle is made of. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The folder of every prebuilt bundle: `node_modules/.cache/candor-status/` beside the Astro the
 * build uses, so the bundle resolves its dependencies (Astro's and Candor's) from the same
 * node_modules as Astro's own prerender chunks do.
 */
export function prebuiltCacheRoot(): string {
  return join(dirname(dirname(ASTRO_PACKAGE)), '.cache', 'candor-status');
}

const ASTRO_PACKAGE = fileURLToPath(import.meta.resolve('astro/package.json'));

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/**
 * The bundle's key: everything that goes into it and can change without the content changing.
 * Candor's sources (templates, routes and the modules they import), its version, the versions
 * of Astro and Vite, and the site's origin and base path (Astro writes both into the bundle).
 */
export function prebuiltKey(site: { site: string; base: string }): string {
  const hash = createHash('sha256');
  // Vite is Astro's dependency: the one Astro loads is the one that made the bundle.
  const vitePackage = createRequire(ASTRO_PACKAGE).resolve('vite/package.json');
  hash.update(JSON.stringify([versionOf(ASTRO_PACKAGE), versionOf(vitePackage)]));
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  const src = join(PACKAGE_ROOT, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash.update(relative(src, file).split(sep).join('/')).update('\0').update(readFileSync(file));
  hash.update(JSON.stringify([site.site, site.base]));
  return hash.digest('hex').slice(0, 24);
}

/** The bundle stored under `dir`, or undefined when there is none (or only part of one). */
export function readPrebuilt(dir: string): PrebuiltMeta | undefined {
  const metaFile = join(dir, META_FILE);
  if (!existsSync(metaFile)) return undefined;
  return JSON.parse(readFileSync(metaFile, 'utf8')) as PrebuiltMeta;
}
