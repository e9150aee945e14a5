/**
 * Every link in the site goes through here, so the site works under a base path
 * (`https://org.github.io/repo/`) as well as at a domain root.
 */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL;
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\//, '')}`;
}

export const paths = {
  home: () => href(),
  history: (slug?: string) => href(slug ? `history/${slug}/` : 'history/'),
  incident: (id: string) => href(`incidents/${id}/`),
  component: (id: string) => href(`components/${id}/`),
  componentHistory: (id: string, page: number) => href(`components/${id}/history/${page}/`),
  impactHistory: (impact: string, page: number) => href(`history/impact/${impact}/${page}/`),
  feed: (component?: string) => href(component ? `components/${component}/feed.xml` : 'feed.xml'),
  calendar: (component?: string) =>
    href(component ? `components/${component}/maintenance.ics` : 'maintenance.ics'),
  badge: (component?: string) =>
    href(component ? `components/${component}/badge.svg` : 'badge.svg'),
  summaryApi: () => href('api/v2/summary.json'),
  statusApi: () => href('api/v2/status.json'),
};

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

/** The id of one day's section on a component page, e.g. `d-2026-11-20`: what each uptime cell links to. */
export function dayAnchor(day: string): string {
  return `d-${day}`;
}
