import type { PageSettings } from '../core/model.ts';

/** `page.url` as a base for relative links: `https://org.github.io/repo` and `.../repo/` both mean the folder. */
export function siteBase(page: PageSettings): string {
  return page.url.endsWith('/') ? page.url : `${page.url}/`;
}

/** An absolute link to a path of the built site, e.g. `feed.xml` or `components/api/`. */
export function siteLink(page: PageSettings, path: string): string {
  return new URL(path, siteBase(page)).href;
}

export function incidentLink(page: PageSettings, incidentId: string): string {
  return siteLink(page, `incidents/${encodeURIComponent(incidentId)}/`);
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
