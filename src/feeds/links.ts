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
