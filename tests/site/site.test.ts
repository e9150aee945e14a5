import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, builtPages } from '../support/built-sites.ts';
import { EXAMPLE_PAGE, PROJECT_ROOT } from '../candor-bin.ts';
import { writeRepository } from '../support/repository.ts';

/** Internal links of a page (href and src attributes that are paths, not other sites). */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((u) => u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/#'));
}

describe('the example site', () => {
  let out: string;
  let pages: Map<string, string>;
  beforeAll(async () => {
    out = await buildSite(EXAMPLE_PAGE);
    pages = await builtPages(out);
  });

  it('has a page for home, history, every incident and component, and a 404', () => {
    expect([...pages.keys()]).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'history/index.html',
        'history/2026-q4/index.html',
        'incidents/2026-11-23-api-errors/index.html',
        'incidents/2026-12-05-database-maintenance/index.html',
        'components/api/index.html',
        'components/email/index.html',
      ]),
    );
  });

  it('keeps the home page with its CSS under 14 KB gzip', () => {
    const html = pages.get('index.html')!;
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(gzipSync(html, { level: 9 }).byteLength).toBeLessThan(14 * 1024);
  });

  it('answers the reader on the home page: status, incident, since when, workaround, next update, maintenance', () => {
    const home = pages.get('index.html')!;
    expect(home).toContain('<h1 id="overall">Partial system outage</h1>');
    expect(home).toContain('Elevated API error rates in eu-west');
    expect(home).toMatch(
      /Ongoing for <span data-since="2026-11-23T09:12:00.000Z">2 hrs, 48 mins<\/span>/,
    );
    expect(home).toContain('What you can do meanwhile');
    expect(home).toMatch(
      /Next update by <strong><time datetime="2026-11-23T16:00:00.000Z"[^>]*>23 Nov 2026, 16:00 UTC<\/time>/,
    );
    expect(home).toContain('PostgreSQL minor version upgrade in eu-west');
    expect(home).toContain('99.97% uptime');
    // Resolved 4 days before: listed; the maintenance completed 8 days before: only in the history.
    expect(home).toContain('>Delayed webhook deliveries</a>');
    expect(home).not.toContain('>Network upgrade in us-east</a>');
  });

  it('writes every time as <time datetime> in the page zone with the zone shown', () => {
    const incident = pages.get('incidents/2026-11-10-database-failover/index.html')!;
    expect(incident).toMatch(
      /<time datetime="2026-11-10T13:55:00.000Z"[^>]*>10 Nov 2026, 13:55 UTC<\/time>/,
    );
    expect(incident).toContain('1 hr, 42 mins');
    expect(incident).toContain('<h2 id="postmortem">Postmortem</h2>');
  });

  it('links every page to the RSS feed, component pages to their own feed too', () => {
    for (const [path, html] of pages)
      expect(html, path).toMatch(
        /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/feed\.xml"/,
      );
    expect(pages.get('components/api/index.html')).toMatch(
      /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/components\/api\/feed\.xml"/,
    );
  });

  it('lists what happened on the history page, not what is still to come, and explains the impact levels', () => {
    const history = pages.get('history/index.html')!;
    expect(history).toContain('Network upgrade in us-east');
    expect(history).not.toContain('PostgreSQL minor version upgrade in eu-west');
    expect(history).toContain('A feature is unavailable or failing for many users.');
  });

  it('unfurls in chat tools: Open Graph and Twitter card tags on every page', () => {
    for (const [path, html] of pages) {
      const meta = (key: string) =>
        html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
      expect(meta('og:title'), path).toBe(html.match(/<title>([^<]*)<\/title>/)?.[1]);
      expect(meta('og:description'), path).toBeTruthy();
      expect(meta('og:site_name'), path).toBe('Acme Cloud');
      expect(meta('twitter:card'), path).toBe('summary');
      const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
      if (path !== '404.html')
        expect(meta('og:url'), path).toBe(
          canonical ?? `https://status.acme.dev/${path.replace(/index\.html$/, '')}`,
        );
    }
    // An incident is described by its summary, and the state leads every title while something is wrong.
    const incident = pages.get('incidents/2026-11-23-api-errors/index.html')!;
    expect(incident).toMatch(
      /<meta property="og:description" content="Monitoring: About one in five requests/,
    );
    expect(incident).toContain('<meta property="og:type" content="article">');
    expect(pages.get('index.html')).toContain(
      '<title>Partial system outage · Acme Cloud status</title>',
    );
  });

  it('maps every public page in sitemap.xml and points robots.txt to it', async () => {
    const sitemap = await readFile(join(out, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    const built = [...pages.keys()]
      .filter((p) => p !== '404.html')
      .map((p) => `https://status.acme.dev/${p.replace(/index\.html$/, '')}`)
      .sort();
    expect(listed).toEqual(built);
    expect(await readFile(join(out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://status.acme.dev/sitemap.xml',
    );
    expect(await readFile(join(out, '_headers'), 'utf8')).toBe(
      '/*\n  Cache-Control: public, max-age=60, must-revalidate\n/api/*\n  Access-Control-Allow-Origin: *\n',
    );
  });

  it('lists every incident of one impact level, linked from the history, without maintenance', () => {
    const history = pages.get('history/index.html')!;
    for (const level of ['critical', 'major', 'minor'])
      expect(history).toContain(`href="/history/impact/${level}/1/"`);
    const titles = (path: string) =>
      [...pages.get(path)!.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
    expect(titles('history/impact/critical/1/index.html')).toEqual([
      'Managed PostgreSQL unavailable in us-east',
    ]);
    expect(titles('history/impact/minor/1/index.html')).toEqual([
      'Delayed webhook deliveries',
      'Some sign-ins with Google fail',
    ]);
    expect(titles('history/impact/none/1/index.html')).toEqual([]);
  });

  it('has no link to a page that does not exist', async () => {
    for (const [path, html] of pages) {
      for (const link of internalLinks(html)) {
        const target = join(out, decodeURIComponent(link.split('#')[0]!));
        expect(
          existsSync(target.endsWith('/') ? join(target, 'index.html') : target),
          `${path} links to ${link}`,
        ).toBe(true);
      }
    }
  });
});

const HOSTILE =
  '<script>alert("x")</script> <img src=x onerror="alert(1)"> [click](javascript:alert(2)) <a href="javascript:alert(3)">a</a>';

describe('a site under a base path, with hostile Markdown and a long history', () => {
  let out: string;
  let pages: Map<string, string>;
  beforeAll(async () => {
    const incident = (date: string, title: string, extra = '', body = 'Text.') =>
      `---\ntitle: ${title}\nimpact: minor\ncomponents: { api: partial_outage }\n${extra}---\n${body}\n\n## ${date} 10:00 UTC · Investigating\n${body}\n\n## ${date} 11:00 UTC · Resolved\nFixed.\n`;
    const dir = await writeRepository({
      'components.yaml':
        'page: { name: Org, url: "https://org.github.io/repo/", timezone: Europe/Berlin }\ncomponents:\n  - { id: api, name: API }\n  - { id: web, name: Web, since: 2026-11-13 }\n',
      'incidents/hostile.md': `${incident('2026-11-20', 'Hostile <b>title</b>', `workaround: '${HOSTILE.replace(/'/g, "''")}'\n`, HOSTILE)}\n## Postmortem\n${HOSTILE}\n`,
      'incidents/summer.md': incident('2026-07-14', 'Summer incident'),
      'incidents/spring.md': incident('2026-04-02', 'Spring incident'),
    });
    out = await buildSite(dir);
    pages = await builtPages(out);
  });

  it('renders raw HTML and javascript: links harmless in every page', () => {
    const hostile = pages.get('incidents/hostile/index.html')!;
    expect(hostile).toContain('Hostile &lt;b&gt;title&lt;/b&gt;');
    for (const [path, html] of pages) {
      expect(html, path).not.toMatch(/<script>alert|onerror=|javascript:|<img/i);
    }
  });

  it('starts every internal link with the base path', () => {
    for (const [path, html] of pages) {
      for (const link of internalLinks(html)) expect(link, `${path}: ${link}`).toMatch(/^\/repo\//);
    }
    expect(pages.get('history/index.html')).toContain('href="/repo/incidents/hostile/"');
    expect(pages.get('index.html')).toContain('href="/repo/components/web/"');
    expect(pages.get('index.html')).toContain('href="webcal://org.github.io/repo/maintenance.ics"');
  });

  it('shows times in the page zone with the zone written out', () => {
    expect(pages.get('incidents/hostile/index.html')).toMatch(
      /<time datetime="2026-11-20T10:00:00.000Z"[^>]*>20 Nov 2026, 11:00 CET<\/time>/,
    );
  });

  it('pages the history by quarter, newest first, with stable URLs and links between them', () => {
    expect(
      [...pages.keys()]
        .filter((p) => p.startsWith('history/') && !p.startsWith('history/impact/'))
        .sort(),
    ).toEqual([
      'history/2026-q2/index.html',
      'history/2026-q3/index.html',
      'history/2026-q4/index.html',
      'history/index.html',
    ]);
    const latest = pages.get('history/index.html')!;
    expect(latest).toContain('Hostile');
    expect(latest).not.toContain('Summer incident');
    expect(latest).toContain('href="/repo/history/2026-q3/" rel="next"');
    const summer = pages.get('history/2026-q3/index.html')!;
    expect(summer).toContain('Summer incident');
    expect(summer).toContain('href="/repo/history/2026-q4/" rel="prev"');
    expect(summer).toContain('href="/repo/history/2026-q2/" rel="next"');
  });

  it("starts a new component's uptime on its since day", async () => {
    const web = await readFile(join(out, 'components/web/index.html'), 'utf8');
    expect(web.match(/aria-label="[^"]*: no data"/g)).toHaveLength(79);
    expect(web).toContain('<dt>Last 90 days</dt><dd>100.00%</dd>');
  });
});

describe('the public site of a repository with internal content', () => {
  it('shows none of it on any page', async () => {
    const pages = await builtPages(
      await buildSite(join(PROJECT_ROOT, 'tests/fixtures/audience-repo')),
    );
    expect(pages.has('incidents/2026-11-23-public-outage/index.html')).toBe(true);
    expect(pages.has('incidents/2026-11-22-internal-incident/index.html')).toBe(false);
    for (const [path, html] of pages) expect(html, path).not.toContain('CANARY');
  });
});

describe('the internal site', () => {
  it('shows internal incidents, says it is internal and asks search engines to stay away', async () => {
    const out = await buildSite(join(PROJECT_ROOT, 'tests/fixtures/audience-repo'), {
      audience: 'internal',
    });
    const pages = await builtPages(out);
    expect(pages.get('incidents/2026-11-22-internal-incident/index.html')).toContain(
      'CANARY-internal-incident-title',
    );
    for (const [path, html] of pages)
      expect(html, path).toContain('<meta name="robots" content="noindex, nofollow">');
    // Crawlers that read robots.txt, and hosts that read _headers (for feeds and the API too), keep out.
    expect(await readFile(join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(await readFile(join(out, 'sitemap.xml'), 'utf8')).not.toContain('<loc>');
    expect(await readFile(join(out, '_headers'), 'utf8')).toMatch(
      /^\/\*\n( {2}.+\n)* {2}X-Robots-Tag: noindex, nofollow\n/,
    );
    expect(pages.get('index.html')).toContain('Internal view');
  });
});
