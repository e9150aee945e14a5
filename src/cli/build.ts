import { existsSync } from 'node:fs';
import { logText } from '../core/log-text.ts';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { forAudience } from '../core/audience.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { ContentError, UsageError } from '../core/errors.ts';
import { formatPretty, formatSummary, plural } from '../core/format-diagnostics.ts';
import candor from '../site/integration.ts';
import { provideSiteData } from '../site/site-data.ts';
import { currentTime } from '../shared/clock.ts';
import type { Io } from '../shared/io.ts';
import { runCommand } from './run-command.ts';
import { validateRepository } from './validate.ts';

const USAGE = 'candor build [--out DIR] [--audience public|internal]';
const ASTRO_CONFIGS = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
];

/** `candor build`: validate exactly as `candor check` does, refuse on errors, then build the site through the Astro integration. */
export function runBuild(argv: string[], io: Io): Promise<number> {
  return runCommand('build', io, USAGE, async () => {
    const { values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, audience: { type: 'string' } },
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
    await buildInto(io.cwd, resolve(io.cwd, outName));
    io.stdout(
      `Built the ${audience} site of ${logText(result.model.page.name)} into ${outName}/ (${plural(result.model.incidents.length, 'incident')}, ${formatSummary(result.diagnostics, result.fileCount)})`,
    );
    return 0;
  });
}

/**
 * Builds into a fresh folder inside the repository (Astro imports its prerender chunks from the
 * output folder, so they must find the repository's node_modules), then swaps it in: a failed
 * build leaves the previous site untouched, never a partial one.
 */
async function buildInto(root: string, outDir: string): Promise<void> {
  const building = await mkdtemp(join(root, '.candor-build-'));
  // Vite would take an inherited BASE_URL (test runners and some CI systems set one) over `base`.
  delete process.env.BASE_URL;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const hasConfig = ASTRO_CONFIGS.some((name) => existsSync(join(root, name)));
  try {
    await build({
      root,
      outDir: building,
      logLevel: 'warn',
      // A repository without an astro.config.mjs gets the Candor site alone.
      ...(hasConfig ? {} : { configFile: false, integrations: [candor()] }),
    });
    await swapIn(building, outDir);
  } finally {
    await rm(building, { recursive: true, force: true });
  }
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
