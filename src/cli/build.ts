import { cp, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { hasErrors } from '../core/diagnostics.ts';
import { formatPretty, formatSummary, plural } from '../core/format-diagnostics.ts';
import { currentTime } from './clock.ts';
import { validateRepository, type Io } from './check.ts';

/** Where the site is served from: `https://org.github.io/repo/` gives site `https://org.github.io`, base `/repo/`. */
export function siteAndBase(url: string): { site: string; base: string } {
  const parsed = new URL(url);
  const base = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { site: parsed.origin, base };
}

/** The Astro project (pages, layouts) is this package; the content is the repository the command runs in. */
const SITE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run build`: validate exactly as `npm run check` does, refuse on errors, then build the site. */
export async function runBuild(argv: string[], io: Io): Promise<number> {
  let values: { out?: string; audience?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, audience: { type: 'string' } }, strict: true }));
  } catch (cause) {
    io.stderr(`candor build: ${(cause as Error).message} Use --out DIR and --audience public|internal.`);
    return 2;
  }
  const audience = values.audience ?? io.env.CANDOR_AUDIENCE ?? 'public';
  if (audience !== 'public' && audience !== 'internal') {
    io.stderr(`candor build: --audience must be public or internal, not "${audience}".`);
    return 2;
  }
  // The internal site goes to its own folder by default, so it is never deployed by mistake.
  const outName = values.out ?? (audience === 'internal' ? 'dist-internal' : 'dist');
  const outDir = resolve(io.cwd, outName);
  const now = currentTime(io.env);
  const result = await validateRepository(io.cwd, now);
  if (result.diagnostics.length > 0) io.stderr(formatPretty(result.diagnostics));
  if (hasErrors(result.diagnostics) || !result.model) {
    io.stderr(`${formatSummary(result.diagnostics, result.fileCount)}\nThe site was not built: fix the errors above and run the build again.`);
    return 1;
  }
  const { site, base } = siteAndBase(result.model.page.url);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite would take an inherited BASE_URL (test runners and some CI systems set one) over `base`.
  delete process.env.BASE_URL;
  process.env.CANDOR_ROOT = io.cwd;
  process.env.CANDOR_NOW = now.toISOString();
  process.env.CANDOR_AUDIENCE = audience;
  await buildSite({ site, base, outDir });
  io.stdout(`Built the ${audience} site of ${result.model.page.name} into ${outName}/ (${plural(result.model.incidents.length, 'incident')}, ${formatSummary(result.diagnostics, result.fileCount)})`);
  return 0;
}

/**
 * Astro imports its prerender chunks from the output folder, so they must resolve this package's
 * node_modules: an output folder elsewhere is built in a staging folder inside the package, then copied.
 */
async function buildSite(options: { site: string; base: string; outDir: string }): Promise<void> {
  const inside = !relative(SITE_ROOT, options.outDir).startsWith('..');
  const staging = inside ? undefined : await mkdtemp(join(await ensureDir(join(SITE_ROOT, '.candor')), 'build-'));
  // Astro resolves some of its working folders against the process's directory.
  const previous = process.cwd();
  process.chdir(SITE_ROOT);
  try {
    await build({ root: SITE_ROOT, site: options.site, base: options.base, outDir: staging ?? options.outDir, logLevel: 'warn' });
    if (staging) {
      await rm(options.outDir, { recursive: true, force: true });
      await cp(staging, options.outDir, { recursive: true });
    }
  } finally {
    process.chdir(previous);
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

async function ensureDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
