import { parseArgs } from 'node:util';
import { build } from 'astro';
import { hasErrors } from '../core/diagnostics.ts';
import { formatPretty, formatSummary } from '../core/format-diagnostics.ts';
import { currentTime } from './clock.ts';
import { validateRepository, type Io } from './check.ts';

/** Where the site is served from: `https://org.github.io/repo/` gives site `https://org.github.io`, base `/repo/`. */
export function siteAndBase(url: string): { site: string; base: string } {
  const parsed = new URL(url);
  const base = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { site: parsed.origin, base };
}

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
  const outDir = values.out ?? (audience === 'internal' ? 'dist-internal' : 'dist');
  const now = currentTime(io.env);
  const result = await validateRepository(io.cwd, now);
  if (result.diagnostics.length > 0) io.stderr(formatPretty(result.diagnostics));
  if (hasErrors(result.diagnostics) || !result.model) {
    io.stderr(`${formatSummary(result.diagnostics, result.fileCount)}\nThe site was not built: fix the errors above and run the build again.`);
    return 1;
  }
  const { site, base } = siteAndBase(result.model.page.url);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.CANDOR_ROOT = io.cwd;
  process.env.CANDOR_NOW = now.toISOString();
  process.env.CANDOR_AUDIENCE = audience;
  await build({ root: io.cwd, site, base, outDir, logLevel: 'warn' });
  io.stdout(`Built the ${audience} site of ${result.model.page.name} into ${outDir}/ (${result.model.incidents.length} incidents, ${formatSummary(result.diagnostics, result.fileCount)})`);
  return 0;
}

