import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { forAudience } from '../core/audience.ts';
import { hasErrors } from '../core/diagnostics.ts';
import { ContentError } from '../core/errors.ts';
import { formatPretty } from '../core/format-diagnostics.ts';
import { loadRepository } from '../core/load-repository.ts';
import { readRepository } from '../core/read-repository.ts';
import { currentTime } from '../shared/clock.ts';
import {
  providedSiteData,
  provideSiteData,
  SITE_DATA_MODULE,
  SITE_DATA_MODULE_CODE,
  type SiteData,
} from './site-data.ts';

const ROUTES_DIR = fileURLToPath(new URL('./routes/', import.meta.url));

/** Every page, feed and API file of the site, relative to routes/: as in src/pages/, a name starting with `_` is no route. */
function routeFiles(): string[] {
  return readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(sep).join('/'))
    .filter(
      (file) => /\.(astro|ts)$/.test(file) && !file.split('/').some((part) => part.startsWith('_')),
    )
    .sort();
}

/** The URL of a route file: its path without the extension, `index` standing for the folder. */
function routePattern(file: string): string {
  return `/${file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '')}`;
}

/** Where the site is served from: `https://org.github.io/repo/` gives site `https://org.github.io`, base `/repo/`. */
export function siteAndBase(url: string): { site: string; base: string } {
  const parsed = new URL(url);
  const base = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { site: parsed.origin, base };
}

/**
 * The Candor site as an Astro integration: `integrations: [candor()]` in astro.config.mjs. It
 * loads the repository once (or takes what `candor build` has already loaded and validated),
 * injects the routes, and hands the model to the pages through `virtual:candor/site-data`. A team
 * may add its own integrations and pages (src/pages/) next to it.
 */
export const PAGE_CONCURRENCY = 4;

export default function candor(): AstroIntegration {
  return {
    name: 'candor-status',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, injectRoute }) => {
        const data = providedSiteData() ?? (await loadSiteData(fileURLToPath(config.root)));
        provideSiteData(data);
        updateConfig({
          ...siteAndBase(data.model.page.url),
          output: 'static',
          trailingSlash: 'always',
          // Pages render and write a few at a time (Astro's default is one): ×0.6-0.9 at 1,000 incidents, see BENCHMARKS.md.
          build: {
            format: 'directory',
            inlineStylesheets: 'always',
            concurrency: PAGE_CONCURRENCY,
          },
          devToolbar: { enabled: false },
          compressHTML: true,
          vite: {
            plugins: [
              {
                name: 'candor-status:site-data',
                resolveId: (id: string) =>
                  id === SITE_DATA_MODULE ? `\0${SITE_DATA_MODULE}` : undefined,
                load: (id: string) =>
                  id === `\0${SITE_DATA_MODULE}` ? SITE_DATA_MODULE_CODE : undefined,
              },
            ],
          },
        });
        for (const file of routeFiles()) {
          injectRoute({
            pattern: routePattern(file),
            entrypoint: new URL(`./routes/${file}`, import.meta.url),
            prerender: true,
          });
        }
      },
    },
  };
}

/** `astro build` or `astro dev` run without `candor build`: the public site of the repository at `root`, as of now. */
async function loadSiteData(root: string): Promise<SiteData> {
  const now = currentTime(process.env);
  const { model, diagnostics } = loadRepository(await readRepository(root), { now });
  if (!model || hasErrors(diagnostics)) {
    throw new ContentError(
      'the repository has errors, so the site was not built: fix them (`npx candor check` lists them) and build again.',
      { details: formatPretty(diagnostics) },
    );
  }
  return { model: forAudience(model, 'public'), now, audience: 'public' };
}
