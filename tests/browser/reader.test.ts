import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFormats } from '../../src/i18n/format.ts';
import { PROJECT_ROOT } from '../candor-bin.ts';
import { buildSite } from '../support/built-sites.ts';
import { writeRepository } from '../support/repository.ts';
import { COLOUR_RULES, seriousViolations, startSession, type Session } from './session.ts';
import { serveStatic } from './static-server.ts';

// A page in Amsterdam, read from New York: an open incident whose promised update is overdue, a
// maintenance window, a resolved incident with a postmortem, and a quiet component.
const BUILT = '2026-11-23T12:00:00Z';
const REPOSITORY = {
  'components.yaml': [
    'page: { name: Acme, url: "https://status.acme.dev", timezone: Europe/Amsterdam, rebuild_minutes: 15 }',
    'severity: { major: A feature is unavailable for many users. }',
    'groups:\n  - { id: core, name: Core }',
    'components:\n  - { id: api, name: API, group: core }\n  - { id: web, name: Website, group: core }\n  - { id: db, name: Database }',
  ].join('\n'),
  'incidents/2026-11-23-api.md': [
    '---\ntitle: API errors\nimpact: major\ncomponents: { api: partial_outage }\nnext_update: 2026-11-23 11:30 UTC\n---',
    'Some requests fail.\n\n## 2026-11-23 09:12 UTC · Investigating\nLooking into it.\n',
    '## 2026-11-23 10:40 UTC · Identified\nComponents: api: degraded_performance\n\nA bad deploy.\n',
  ].join('\n'),
  'incidents/2026-11-20-web.md': [
    '---\ntitle: Website down\nimpact: major\ncomponents: { web: major_outage }\n---',
    '## 2026-11-20 14:00 UTC · Investigating\nDown.\n\n## 2026-11-20 15:42 UTC · Resolved\nBack.\n\n## Postmortem\nWhat happened.\n',
  ].join('\n'),
  'incidents/2026-11-25-db.md': [
    '---\ntitle: Database upgrade\nkind: maintenance\nimpact: minor\nscheduled_for: 2026-11-25 02:00 UTC',
    'scheduled_until: 2026-11-25 04:00 UTC\ncomponents: { db: under_maintenance }\n---',
    'A short failover.\n\n## 2026-11-21 10:00 UTC · Scheduled\nPlanned.\n',
  ].join('\n'),
};
const PAGES = {
  home: '/',
  incident: '/incidents/2026-11-23-api/',
  resolved: '/incidents/2026-11-20-web/',
  maintenance: '/incidents/2026-11-25-db/',
  component: '/components/web/',
  history: '/history/',
  notFound: '/nowhere/',
};

/** Waits for what a page shows after its script or a click: a loaded machine can take seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

let session: Session;

beforeAll(async () => {
  const built = await buildSite(await writeRepository(REPOSITORY), { now: BUILT });
  // Served from a copy, so a test can change a file under an open page.
  session = await startSession(built, {
    writable: true,
    zone: 'America/New_York',
    locale: 'en-US',
    clock: '2026-11-23T12:01:00Z',
  });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const open: Session['open'] = (path, options) => session.open(path, options);

/** Every time on the page as shown, with what it would read in `zone`. */
async function timesOf(page: Page): Promise<{
  single: [string, string][];
  ranges: [string, string, string, string][];
  zone: string;
}> {
  return page.evaluate(() => ({
    single: [
      ...document.querySelectorAll<HTMLTimeElement>('time[datetime*="T"]:not([data-range] time)'),
    ].map((t) => [t.dateTime, t.textContent!] as [string, string]),
    ranges: [...document.querySelectorAll('[data-range]')].map((r) => {
      const [a, b] = r.querySelectorAll('time');
      return [a!.dateTime, b!.dateTime, a!.textContent!, b!.textContent!] as [
        string,
        string,
        string,
        string,
      ];
    }),
    zone: document.querySelector('[data-zone]')!.textContent!,
  }));
}

function expectAllIn(
  times: Awaited<ReturnType<typeof timesOf>>,
  zone: string,
  where: string,
): void {
  expect(times.zone, where).toBe(zone);
  expect(times.single.length, where).toBeGreaterThan(0);
  const format = dateFormats('en', zone);
  for (const [iso, text] of times.single)
    expect(text, `${where}: ${iso}`).toBe(format.dateTime(new Date(iso)));
  for (const [from, to, a, b] of times.ranges) {
    expect([a, b], `${where}: ${from}`).toEqual(
      Object.values(format.rangeParts(new Date(from), new Date(to))),
    );
  }
}

describe('one time zone on every page', () => {
  it("with JavaScript shows every time, range and the footer in the reader's zone", async () => {
    for (const path of [PAGES.home, PAGES.incident, PAGES.maintenance, PAGES.component]) {
      const { page, close, errors } = await open(path);
      const times = await timesOf(page);
      expectAllIn(times, 'America/New_York', path);
      if (path === PAGES.home || path === PAGES.maintenance)
        expect(times.ranges.length, path).toBeGreaterThan(0);
      expect(await page.locator('body').innerText(), path).not.toMatch(/\bCET\b|Europe\/Amsterdam/);
      expect(errors, path).toEqual([]);
      await close();
    }
  });

  it("without JavaScript shows every time in the page's zone and says so", async () => {
    for (const path of [PAGES.home, PAGES.incident, PAGES.maintenance, PAGES.component]) {
      const { page, close } = await open(path, { script: false });
      expectAllIn(await timesOf(page), 'Europe/Amsterdam', path);
      expect(await page.locator('footer').innerText(), path).toContain(
        'All times are shown in Europe/Amsterdam.',
      );
      await close();
    }
  });

  it('shows a promised update that has passed as overdue, with or without JavaScript', async () => {
    for (const script of [false, true]) {
      const { page, close } = await open(PAGES.incident, { script });
      await poll(() => page.locator('[data-due] [data-when="overdue"]').isVisible()).toBe(true);
      expect(await page.locator('[data-due] [data-when="overdue"]').innerText()).toMatch(
        /^Update overdue since /,
      );
      expect(await page.locator('[data-due] [data-when="due"]').isVisible()).toBe(false);
      await close();
    }
  });
});

describe('freshness and live status', () => {
  it('says nothing on a fresh page and shows the stale banner two hours after the build', async () => {
    // Its own context: the test moves the clock.
    const { page, close } = await open(PAGES.home, { own: true });
    expect(await page.locator('.notice').count()).toBe(0);
    await page.clock.fastForward('02:00:00');
    const notice = page.locator('.notice');
    await poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toMatch(
      /^This page was last updated 2 hours ago; it may be out of date\. Reload$/,
    );
    await close();
  });

  it('tells the reader, within 70 s, that api/v2/status.json changed under the open page, and never reloads', async () => {
    const file = join(session.root, 'api/v2/status.json');
    const original = await readFile(file, 'utf8');
    try {
      const { page, close } = await open(PAGES.incident, { own: true });
      let loads = 0;
      page.on('load', () => loads++);
      await page.clock.fastForward(70_000);
      expect(await page.locator('.notice').count()).toBe(0);
      const changed = JSON.parse(original) as { status: { indicator: string } };
      changed.status.indicator = 'critical';
      await writeFile(file, JSON.stringify(changed));
      await page.clock.fastForward(70_000);
      await poll(() =>
        page
          .locator('.notice')
          .innerText()
          .catch(() => ''),
      ).toBe('This page has been updated. Reload');
      expect(loads).toBe(0);
      await close();
    } finally {
      await writeFile(file, original);
    }
  });

  it('does not move the home page while its script runs at 375 px (CLS 0)', async () => {
    const { page, close } = await open(PAGES.home, { width: 375 });
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources: { node?: Node }[];
            })[]) {
              if (!entry.hadRecentInput) total += entry.value;
              console.log(
                entry.value,
                entry.sources.map(
                  (s) => (s.node as Element)?.outerHTML?.slice(0, 200) ?? s.node?.textContent,
                ),
              );
            }
          }).observe({ type: 'layout-shift', buffered: true });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
        }),
    );
    expect(shift).toBe(0);
    await close();
  });
});

describe('the state in the tab', () => {
  it('starts the title with the state and shows its favicon, and both calm down when it is over', async () => {
    const { page, close } = await open(PAGES.home);
    expect(await page.title()).toBe('Partial system outage · Acme status');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/favicons/par.svg');
    const response = await page.request.get(session.origin + icon);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg [^>]*fill="#bc4c00"><path d="M8 .2L15.8 8/);
    await close();
    // The same repository once everything is over.
    const later = await buildSite(
      await writeRepository({
        ...REPOSITORY,
        'incidents/2026-11-23-api.md': `${REPOSITORY['incidents/2026-11-23-api.md']}\n## 2026-11-23 11:00 UTC · Resolved\nFixed.\n`,
      }),
      { now: '2026-11-26T12:00:00Z' },
    );
    const home = await readFile(join(later, 'index.html'), 'utf8');
    expect(home).toContain('<title>Acme status</title>');
    expect(home).toContain('<link rel="icon" type="image/svg+xml" href="/favicons/ok.svg">');
  }, 120_000);
});

describe('uptime days', () => {
  const DAY = '#d-2026-11-20';

  it("Tab reaches every day cell of a bar, and Enter shows that day's incidents", async () => {
    const { page, close, errors } = await open(PAGES.home);
    const cells = page.locator('.comp').filter({ hasText: 'Website' }).locator('.bar > a');
    expect(await cells.count()).toBe(90);
    // Which cell each Tab lands on, recorded by the page as focus moves.
    await cells.evaluateAll((all) => {
      const landed: number[] = [];
      (window as unknown as { landed: number[] }).landed = landed;
      document.addEventListener('focusin', (e) =>
        landed.push(all.indexOf(e.target as HTMLElement)),
      );
    });
    await cells.first().focus();
    for (let i = 1; i < 90; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (window as unknown as { landed: number[] }).landed)).toEqual(
      Array.from({ length: 90 }, (_, i) => i),
    );
    await page.locator(`.comp:has-text("Website") .bar > a[href$="${DAY}"]`).focus();
    await page.keyboard.press('Enter');
    const popover = page.locator('.day-pop');
    await poll(() => popover.isVisible()).toBe(true);
    expect(await popover.innerText()).toMatch(
      /20 Nov 2026[\s\S]*Website down[\s\S]*Major impact[\s\S]*lasted 1 hr, 42 mins/i,
    );
    expect(new URL(page.url()).hash).toBe('');
    await page.keyboard.press('Escape');
    await poll(() => popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      `/components/web/${DAY}`,
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('a tap at 375 px shows the same', async () => {
    const { page, close } = await open(PAGES.home, { width: 375, touch: true });
    await page.locator(`.comp:has-text("Website") .bar > a[href$="${DAY}"]`).tap();
    await poll(() => page.locator('.day-pop').isVisible()).toBe(true);
    expect(await page.locator('.day-pop').innerText()).toContain('Website down');
    await close();
  });

  it('without JavaScript the day link lands on that day of the component page', async () => {
    const { page, close } = await open(PAGES.home, { script: false });
    await page.locator(`.comp:has-text("Website") .bar > a[href$="${DAY}"]`).click();
    await page.waitForURL(`**/components/web/${DAY}`);
    expect(await page.locator(DAY).innerText()).toMatch(/^20 Nov 2026\s+Website down/);
    expect(await page.locator('#d-2026-11-21').innerText()).toContain('No incidents reported');
    await close();
  });
});

describe('accessibility', () => {
  it('has a dark theme that changes nothing but the colours', async () => {
    const css = await readFile(join(PROJECT_ROOT, 'src/site/site.css'), 'utf8');
    const dark = [...css.matchAll(/@media \(prefers-color-scheme: dark\) \{([^@]*?)\n\}/g)];
    expect(dark.length).toBe(1);
    const declarations = dark[0]![1]!.replace(/:root\s*\{|\}/g, '').split(';');
    expect(
      declarations.filter((d) => d.trim() && !/^\s*--[\w-]+:\s*#[0-9a-f]{6}$/.test(d)),
    ).toEqual([]);
  });

  // Each page is loaded once and checked at both widths (a resize re-lays it out as a load at that
  // width would: the page's script never reads its size); the dark theme is the same page with the
  // other colours, so there axe runs the rules that look at colours.
  it('axe finds nothing serious on any page type at 375 and 1280 px, light and dark, popover open', async () => {
    const widths = [375, 1280];
    const { page, close } = await open(PAGES.home, { axe: true });
    const check = async (where: string, width: number) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await seriousViolations(page), `${where} ${width} light`).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousViolations(page, COLOUR_RULES), `${where} ${width} dark`).toEqual([]);
    };
    for (const path of Object.values(PAGES)) {
      if (path !== PAGES.home) await page.goto(session.origin + path, { waitUntil: 'load' });
      for (const width of widths) await check(path, width);
      if (path === PAGES.home) {
        // The day popover, opened at the wide width and checked at both.
        await page.emulateMedia({ colorScheme: 'light' });
        await page.locator('.bar > a[href$="#d-2026-11-20"]:visible').first().click();
        await poll(() => page.locator('.day-pop').isVisible()).toBe(true);
        for (const width of [...widths].reverse()) await check('popover', width);
      }
    }
    await close();
  });
});

describe('the embeddable status', () => {
  it('shows the state and the active incident on another site, from a script under 3 KB gzip', async () => {
    const script = await readFile(join(session.root, 'embed.js'));
    expect(gzipSync(script).length).toBeLessThan(3 * 1024);
    // Another origin (another port) with the documented snippet.
    const other = await mkdtemp(join(tmpdir(), 'candor-host-'));
    await writeFile(
      join(other, 'index.html'),
      `<!doctype html><html lang="en"><title>Host</title><main><p>Our product</p><script src="${session.origin}/embed.js" async></script></main>`,
    );
    const host = await serveStatic(other);
    try {
      const context = await session.browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${host.origin}/`);
      // Playwright's locators see into the widget's open shadow root.
      const links = page.locator('main > div a');
      await poll(() => links.allInnerTexts()).toEqual([
        'Acme: Partial System Outage',
        'API errors',
      ]);
      expect(await links.nth(1).getAttribute('href')).toBe(
        'https://status.acme.dev/incidents/2026-11-23-api/',
      );
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await host.close();
    }
  });
});
