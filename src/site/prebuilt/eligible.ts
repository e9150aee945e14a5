import { existsSync, readFileSync } from 'node:fs';
import { ContentError } from '../../core/errors.ts';
import { formatPretty } from '../../core/format-diagnostics.ts';
import { readSourceFileSync } from '../../core/read-source-file.ts';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASTRO_CONFIGS = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
];

/** What Astro reads from a project's src/ besides the routes Candor injects. */
const OWN_SOURCES = [
  'src/pages',
  'src/middleware.ts',
  'src/middleware.js',
  'src/middleware.mjs',
  'src/middleware',
];

/** The astro.config.mjs `candor init` writes: the Candor site and nothing else. */
const STARTER_CONFIG = fileURLToPath(new URL('../../../starter/astro.config.mjs', import.meta.url));

/** A config's code without its comments and blanks, so a reworded comment is still the starter's. */
function code(text: string): string {
  // Cut by indexOf, not by a regular expression: the comment patterns backtrack quadratically.
  let uncommented = '';
  for (let at = 0; at < text.length;) {
    const open = text.indexOf('/*', at);
    uncommented += text.slice(at, open === -1 ? text.length : open);
    if (open === -1) break;
    const close = text.indexOf('*/', open + 2);
    at = close === -1 ? text.length : close + 2;
  }
  return uncommented
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('')
    .replace(/\s+/g, '');
}

/**
 * How the repository at `root` uses Astro: false when it builds the Candor site alone (no
 * astro.config, or the starter's unchanged, and no pages or middleware of its own), so a prebuilt
 * page bundle renders it; otherwise true: the team's config, pages or integrations may change
 * anything Astro writes, so Astro builds it, through that config.
 */
export function customisesAstro(root: string): boolean {
  if (OWN_SOURCES.some((path) => existsSync(join(root, path)))) return true;
  const config = astroConfigFile(root);
  if (!config) return false;
  // The repository's file goes through the safe reader: a folder or a link is the user's mistake.
  const read = readSourceFileSync(root, relative(root, config));
  if ('refused' in read)
    throw new ContentError('The site was not built: fix the error above and run the build again.', {
      details: formatPretty([read.refused]),
    });
  if (!('file' in read)) return false;
  const text = new TextDecoder().decode(read.file.bytes);
  return code(text) !== code(readFileSync(STARTER_CONFIG, 'utf8'));
}

/** The repository's astro.config file, if it has one. */
export function astroConfigFile(root: string): string | undefined {
  return ASTRO_CONFIGS.map((name) => join(root, name)).find((path) => existsSync(path));
}
