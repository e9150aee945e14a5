import { sitePaths } from '../core/site-urls.ts';

/**
 * Every link in the site goes through here, so the site works under a base path
 * (`https://org.github.io/repo/`) as well as at a domain root.
 */
function href(path = ''): string {
  const base = import.meta.env.BASE_URL;
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\//, '')}`;
}

type SitePaths = typeof sitePaths;

/** The site's URLs (`sitePaths`) as links from its pages, under the base path. */
export const paths = Object.fromEntries(
  Object.entries(sitePaths).map(([name, path]) => [
    name,
    (...args: never[]) => href((path as (...a: never[]) => string)(...args)),
  ]),
) as SitePaths;

/** The same URL as an absolute address under the page's published URL, e.g. for `webcal://` links. */
export function absolute(site: URL | undefined, path: string): string {
  return site ? new URL(path, site).href : path;
}

/** A contact as a link target: a URL as is, an email address as `mailto:`, anything else not linked. */
export function contactHref(contact: string): string | undefined {
  if (/^https?:\/\//i.test(contact)) return contact;
  if (/^[^\s@/]+@[^\s@/.]+(?:\.[^\s@/.]+)+$/.test(contact)) return `mailto:${contact}`;
  return undefined;
}
