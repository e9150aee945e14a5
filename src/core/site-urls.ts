import type { PageSettings } from './model.ts';

/**
 * Every public URL of the site, relative to where it is published: the pages link with these
 * (under the build's base path), the feeds, the API, notices and mails with their absolute form
 * (`siteLink`). The routes in src/site/routes/ serve exactly these paths.
 */
export const sitePaths = {
  home: () => '',
  history: (slug?: string) => (slug ? `history/${slug}/` : 'history/'),
  incident: (id: string) => `incidents/${encodeURIComponent(id)}/`,
  component: (id: string) => `components/${encodeURIComponent(id)}/`,
  componentHistory: (id: string, page: number) =>
    `components/${encodeURIComponent(id)}/history/${page}/`,
  impactHistory: (impact: string, page: number) => `history/impact/${impact}/${page}/`,
  feed: (component?: string) =>
    component ? `components/${encodeURIComponent(component)}/feed.xml` : 'feed.xml',
  calendar: (component?: string) =>
    component ? `components/${encodeURIComponent(component)}/maintenance.ics` : 'maintenance.ics',
  badge: (component?: string) =>
    component ? `components/${encodeURIComponent(component)}/badge.svg` : 'badge.svg',
  favicon: (tone: string) => `favicons/${tone}.svg`,
  summaryApi: () => 'api/v2/summary.json',
  statusApi: () => 'api/v2/status.json',
  sitemap: () => 'sitemap.xml',
};

/** `page.url` as a base for relative links: `https://org.github.io/repo` and `.../repo/` both mean the folder. */
function siteBase(page: PageSettings): string {
  return page.url.endsWith('/') ? page.url : `${page.url}/`;
}

/** An absolute link to a path of the built site (one of `sitePaths`). */
export function siteLink(page: PageSettings, path: string): string {
  return new URL(path, siteBase(page)).href;
}

export function incidentLink(page: PageSettings, incidentId: string): string {
  return siteLink(page, sitePaths.incident(incidentId));
}

/** The id of one day's section on a component page, e.g. `d-2026-11-20`: what each uptime cell links to. */
export function dayAnchor(day: string): string {
  return `d-${day}`;
}

/** An update's anchor on its incident page, from its time, so a link to "the 14:40 update" never changes: `u-20261122T144000Z`. */
export function updateAnchor(at: Date): string {
  return `u-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/** An absolute link to one update on its incident's page. */
export function updateLink(page: PageSettings, incidentId: string, at: Date): string {
  return `${incidentLink(page, incidentId)}#${updateAnchor(at)}`;
}
