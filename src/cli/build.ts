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
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } }, strict: true });
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
  await build({ root: io.cwd, site, base, outDir: values.out ?? 'dist', logLevel: 'warn' });
  io.stdout(`Built ${result.model.page.name} into ${values.out ?? 'dist'}/ (${result.model.incidents.length} incidents, ${formatSummary(result.diagnostics, result.fileCount)})`);
  return 0;
}

