import type { Audience } from '../core/audience.ts';
import { escapeHtml } from '../feeds/escape-html.ts';

/**
 * What search engines and hosts are told. The public build is mapped for them; the internal build
 * shuts them out everywhere a host or crawler can take the signal (robots.txt, `_headers`, meta tags).
 */
export function robotsTxt(audience: Audience, sitemapUrl: string): string {
  return audience === 'internal'
    ? 'User-agent: *\nDisallow: /\n'
    : `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

/** The sitemap protocol's XML: every public page's absolute URL (none in the internal build). */
export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `<url><loc>${escapeHtml(url)}</loc></url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>\n`;
}

/** Short enough that a reader sees a new incident within a minute of its deploy; long enough to absorb a rush of readers. */
const CACHE_SECONDS = 60;

/**
 * A `_headers` file for hosts that read one (Netlify, Cloudflare Pages): every file short-lived,
 * the API readable from other sites (the embed reads it), and the internal build never indexed.
 */
export function hostingHeaders(audience: Audience, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const all = [`${root}*`, `  Cache-Control: public, max-age=${CACHE_SECONDS}, must-revalidate`];
  if (audience === 'internal') all.push('  X-Robots-Tag: noindex, nofollow');
  return [...all, `${root}api/*`, '  Access-Control-Allow-Origin: *', ''].join('\n');
}
