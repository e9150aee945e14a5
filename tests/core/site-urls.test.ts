import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentLink, siteLink, sitePaths, updateLink } from '../../src/core/site-urls.ts';

const page = { url: 'https://acme.github.io/status' } as Parameters<typeof siteLink>[0];

/**
 * The route files of the site as the paths they serve: `*` for a parameter, `**` for a rest
 * parameter (which may be empty). `[hosting].ts` writes `_headers`, no page of the site.
 */
function routePaths(dir = 'src/site/routes', prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('_') || entry.name === '[hosting].ts') return [];
    const name = entry.name.replace(/\[\.\.\.[^\]]+\]/g, '**').replace(/\[[^\]]+\]/g, '*');
    if (entry.isDirectory()) return routePaths(`${dir}/${entry.name}`, `${prefix}${name}/`);
    const path = `${prefix}${name.replace(/\.(astro|ts)$/, '')}`;
    return [
      path.endsWith('index')
        ? path.slice(0, -'index'.length)
        : `${path}${/\.\w+$/.test(path) ? '' : '/'}`,
    ];
  });
}

describe('the public URLs of the site', () => {
  it('are decided in one place, and each is served by a route', () => {
    const served = routePaths().map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.]/g, '\\.')
            .replace(/\*\*\//g, '(?:[^/]+/)?')
            .replace(/\*/g, '[^/]+')}$`,
        ),
    );
    const all = [
      sitePaths.home(),
      sitePaths.history(),
      sitePaths.history('2026-q4'),
      sitePaths.incident('2026-11-23-api-errors'),
      sitePaths.component('api'),
      sitePaths.componentHistory('api', 2),
      sitePaths.impactHistory('major', 1),
      sitePaths.feed(),
      sitePaths.feed('api'),
      sitePaths.calendar(),
      sitePaths.calendar('api'),
      sitePaths.badge(),
      sitePaths.badge('api'),
      sitePaths.favicon('ok'),
      sitePaths.summaryApi(),
      sitePaths.statusApi(),
      sitePaths.sitemap(),
    ];
    for (const path of all)
      expect(
        served.some((route) => route.test(path)),
        path,
      ).toBe(true);
  });

  it('are absolute under the page URL for feeds, the API and notices, a path or not', () => {
    expect(siteLink(page, sitePaths.feed('api'))).toBe(
      'https://acme.github.io/status/components/api/feed.xml',
    );
    expect(incidentLink(page, 'x')).toBe('https://acme.github.io/status/incidents/x/');
    expect(updateLink(page, 'x', new Date('2026-11-22T14:40:00Z'))).toBe(
      'https://acme.github.io/status/incidents/x/#u-20261122T144000Z',
    );
    expect(siteLink({ ...page, url: 'https://status.acme.dev/' }, sitePaths.home())).toBe(
      'https://status.acme.dev/',
    );
  });
});
