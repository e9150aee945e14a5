import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrebuiltMeta } from './cache.ts';

/** What a route is to Astro's runtime: only the fields the writing below reads are typed. */
interface RouteData {
  route: string;
  component: string;
  type: 'page' | 'endpoint' | 'redirect' | 'fallback';
}

interface BuildApp {
  manifest: {
    site?: string;
    base: string;
    routes: { routeData: RouteData; styles: unknown[] }[];
  };
  logger: { options: { destination: unknown }; warn(label: string | null, message: string): void };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

/** The prerender entry of a bundle kept by capture.ts. */
interface PrerenderEntry {
  app?: BuildApp;
  StaticPaths?: new (app: BuildApp) => {
    getAll(): Promise<{ pathname: string; route: RouteData }[]>;
  };
  createRequest?: (options: {
    url: URL;
    headers: Headers;
    logger: BuildApp['logger'];
    isPrerendered: boolean;
    routePattern: string;
  }) => Request;
}

/** Astro's key for a page's build data (`makePageDataKey` in Astro's build plugins). */
const pageDataKey = (route: RouteData) => `${route.route}&${route.component}`;

/** Astro writes these status pages as `404.html` beside index.html, not as a folder. */
const STATUS_PAGES = new Set(['/404', '/500']);

export class PrebuiltUnusable extends Error {}

/**
 * A content-only build: renders every page of the site from the bundle in `bundleDir` with Astro's
 * own runtime (the copy inside the bundle), as Astro's static generation does after bundling
 * (`generatePages` in astro/dist/core/build/generate.js), without loading Astro's build pipeline,
 * Vite or rolldown. The site data must already be provided (`provideSiteData`): the bundle's
 * `virtual:candor/site-data` reads it when the bundle is imported. Pages are written `concurrency`
 * at a time into `outDir`, after the repository's public/ folder and the client assets, and a page
 * that a public/ file already stands for is skipped with a warning, as Astro does.
 */
export async function renderPrebuilt(
  bundleDir: string,
  meta: PrebuiltMeta,
  outDir: string,
  publicDir: string,
  concurrency: number,
): Promise<void> {
  let entry: PrerenderEntry;
  try {
    entry = (await import(
      pathToFileURL(join(bundleDir, 'prerender', meta.entry)).href
    )) as PrerenderEntry;
  } catch (cause) {
    // Its files were removed, or a module it imports is no longer installed.
    throw new PrebuiltUnusable('the prebuilt bundle cannot be imported', { cause });
  }
  const { app, StaticPaths, createRequest } = entry;
  if (!app || !StaticPaths || !createRequest)
    throw new PrebuiltUnusable('the prebuilt bundle lacks its render entry');
  // What Astro's build hands its app: each page's stylesheets (kept in the manifest, already in order) and no page scripts.
  app.setInternals({
    pagesByKeys: new Map(
      app.manifest.routes.map(({ routeData, styles }) => [
        pageDataKey(routeData),
        { styles: styles.map((sheet, order) => ({ depth: 0, order, sheet })) },
      ]),
    ),
  });
  app.setOptions({
    logger: { options: { destination: app.logger.options.destination } },
    settings: { scripts: [] },
  });
  const site = app.manifest.site;
  if (!site) throw new PrebuiltUnusable('the prebuilt bundle has no site');
  const origin = new URL(site).origin;
  const base = app.manifest.base;

  if (existsSync(publicDir)) await cp(publicDir, outDir, { recursive: true });
  for (const file of meta.client) {
    await mkdir(dirname(join(outDir, file)), { recursive: true });
    await cp(join(bundleDir, 'client', file), join(outDir, file));
  }

  const seen = new Set<string>();
  const paths = (await new StaticPaths(app).getAll()).filter(({ pathname }) => {
    const normalized = pathname.replace(/\/$/, '');
    if (seen.has(normalized)) return false;
    seen.add(normalized);
    return true;
  });
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const { pathname, route } = paths[next++]!;
      const file = outFile(pathname, route);
      if (existsSync(join(publicDir, file))) {
        app.logger.warn(
          'build',
          `Skipping ${route.component} because a file with the same name exists in the public folder: ${file}`,
        );
        continue;
      }
      const request = createRequest({
        url: new URL(requestPath(base, pathname, route), origin),
        headers: new Headers(),
        logger: app.logger,
        isPrerendered: true,
        routePattern: route.component,
      });
      const response = await app.render(request, { routeData: route });
      if (response.status >= 300 && response.status < 400)
        throw new PrebuiltUnusable(`${pathname} answered with a redirect`);
      if (!response.body) continue;
      const body = Buffer.from(await response.arrayBuffer());
      await mkdir(dirname(join(outDir, file)), { recursive: true });
      await writeFile(join(outDir, file), body);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

/** The URL Astro renders a path at, for Candor's `build.format: 'directory'` and `trailingSlash: 'always'`. */
function requestPath(base: string, pathname: string, route: RouteData): string {
  if (pathname === '/' || pathname === '') return base.endsWith('/') ? base : `${base}/`;
  const path = posix.join(base, pathname.replace(/^\//, ''));
  if (route.type === 'endpoint')
    return posix.extname(pathname) ? path : `${path.replace(/\/$/, '')}/`;
  return `${path.replace(/\/$/, '')}/`;
}

/** The file Astro writes a path to, relative to the output folder (`getOutFolder`/`getOutFile` in Astro's build). */
function outFile(pathname: string, route: RouteData): string {
  const encoded = encodeURI(pathname);
  if (route.type === 'endpoint')
    return posix.join(posix.dirname(encoded), posix.basename(encoded)).replace(/^\//, '');
  if (STATUS_PAGES.has(encoded)) return `${encoded.slice(1)}.html`;
  return posix.join(encoded.replace(/^\//, ''), 'index.html');
}
