import { existsSync } from 'node:fs';
import { logText } from '../core/log-text.ts';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { forAudience } from '../core/audience.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { ContentError, UsageError } from '../core/errors.ts';
import { formatPretty, formatSummary, plural } from '../core/format-diagnostics.ts';
import candor, { PAGE_CONCURRENCY, siteAndBase } from '../site/integration.ts';
import { prebuiltCacheRoot, prebuiltKey, readPrebuilt } from '../site/prebuilt/cache.ts';
import { capturePrebuilt } from '../site/prebuilt/capture.ts';
import { astroConfigFile, customisesAstro } from '../site/prebuilt/eligible.ts';
import { PrebuiltUnusable, renderPrebuilt } from '../site/prebuilt/render.ts';
import { provideSiteData } from '../site/site-data.ts';
import { currentTime } from '../shared/clock.ts';
import type { Io } from '../shared/io.ts';
import type { AstroIntegration } from 'astro';
import { runCommand } from './run-command.ts';
import { validateRepository } from './validate.ts';

const USAGE = 'candor build [--out DIR] [--audience public|internal] [--full]';

/** How the pages were made: rendered from a kept page bundle, or by Astro (keeping its bundle, or not). */
type How = 'prebuilt' | 'kept' | 'astro';

const HOW: Record<Exclude<How, 'astro'>, string> = {
  prebuilt:
    'Rendered from the page bundle of an earlier build (`candor build --full` rebuilds it with Astro).',
  kept: 'Built with Astro; the page bundle is kept, so the next builds render from it.',
};

/** `candor build`: validate exactly as `candor check` does, refuse on errors, then build the site through the Astro integration. */
export function runBuild(argv: string[], io: Io): Promise<number> {
  return runCommand('build', io, USAGE, async () => {
    const { values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        audience: { type: 'string' },
        full: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const audience = values.audience ?? io.env.CANDOR_AUDIENCE ?? 'public';
    if (audience !== 'public' && audience !== 'internal')
      throw new UsageError(`--audience must be public or internal, not "${audience}".`);
    // The internal site goes to its own folder by default, so it is never deployed by mistake.
    const outName = values.out ?? (audience === 'internal' ? 'dist-internal' : 'dist');
    const now = currentTime(io.env);
    const result = await validateRepository(io.cwd, now);
    if (hasErrors(result.diagnostics) || !result.model) {
      throw new ContentError(
        `${formatSummary(result.diagnostics, result.fileCount)}\nThe site was not built: fix the errors above and run the build again.`,
        { details: formatPretty(result.diagnostics) },
      );
    }
    if (result.diagnostics.length > 0) io.stderr(formatPretty(result.diagnostics));
    provideSiteData({ model: forAudience(result.model, audience), now, audience });
    const full = values.full || io.env.CANDOR_FULL_BUILD === '1';
    const how = await buildInto(io.cwd, resolve(io.cwd, outName), {
      full,
      url: result.model.page.url,
    });
    io.stdout(
      `Built the ${audience} site of ${logText(result.model.page.name)} into ${outName}/ (${plural(result.model.incidents.length, 'incident')}, ${formatSummary(result.diagnostics, result.fileCount)})`,
    );
    if (how !== 'astro') io.stdout(HOW[how]);
    return 0;
  });
}

/**
 * Builds into a fresh folder inside the repository (Astro imports its prerender chunks from the
 * output folder, so they must find the repository's node_modules), then swaps it in: a failed
 * build leaves the previous site untouched, never a partial one.
 */
async function buildInto(
  root: string,
  outDir: string,
  options: { full: boolean; url: string },
): Promise<How> {
  const building = await mkdtemp(join(root, '.candor-build-'));
  try {
    let how: How = 'astro';
    if (options.full || customisesAstro(root)) {
      // A repository without an astro.config.mjs gets the Candor site alone.
      await astroBuild(
        root,
        building,
        astroConfigFile(root) ? {} : { configFile: false, integrations: [candor()] },
      );
    } else {
      how = await prebuiltBuild(root, building, options.url);
    }
    await swapIn(building, outDir);
    return how;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/**
 * The Candor site alone (no page or integration of the team's own): rendered from the page bundle
 * kept by an earlier build with the same templates, or built by Astro, keeping its bundle for the
 * next build. See docs/site.md, "How a build is made".
 */
async function prebuiltBuild(root: string, building: string, url: string): Promise<How> {
  const bundle = join(prebuiltCacheRoot(), prebuiltKey(siteAndBase(url)));
  const meta = readPrebuilt(bundle);
  if (meta) {
    try {
      await renderPrebuilt(bundle, meta, building, join(root, 'public'), PAGE_CONCURRENCY);
      return 'prebuilt';
    } catch (cause) {
      if (!(cause instanceof PrebuiltUnusable)) throw cause;
      // A bundle this Astro cannot use: build it again.
      await rm(bundle, { recursive: true, force: true });
      await rm(building, { recursive: true, force: true });
    }
  }
  await astroBuild(root, building, {
    configFile: false,
    integrations: [candor(), capturePrebuilt(bundle)],
  });
  return 'kept';
}

/** Astro's own build (Astro and Vite are loaded only here: a prebuilt build never needs them). */
async function astroBuild(
  root: string,
  outDir: string,
  config: { configFile?: false; integrations?: AstroIntegration[] },
): Promise<void> {
  // Vite would take an inherited BASE_URL (test runners and some CI systems set one) over `base`.
  delete process.env.BASE_URL;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: 'warn', ...config });
}

async function swapIn(built: string, outDir: string): Promise<void> {
  const previous = `${outDir}.previous-${process.pid}`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, previous);
  try {
    await rename(built, outDir);
  } catch (cause) {
    // Another file system (an --out on another disk): copy instead of moving.
    if ((cause as NodeJS.ErrnoException).code !== 'EXDEV') throw cause;
    await cp(built, outDir, { recursive: true });
  }
  await rm(previous, { recursive: true, force: true });
}
