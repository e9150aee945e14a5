import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/built-sites.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';
import { COLOUR_RULES, seriousViolations, startSession, type Session } from './session.ts';

const PAGES = {
  home: '/',
  incident: '/incidents/2026-11-23-api-errors/',
  postmortem: '/incidents/2026-11-10-database-failover/',
  maintenance: '/incidents/2026-12-05-database-maintenance/',
  history: '/history/',
  component: '/components/api/',
  notFound: '/no-such-page/',
};

let session: Session;

beforeAll(async () => {
  session = await startSession(await buildSite(EXAMPLE_PAGE), { zone: 'UTC', locale: 'en-GB' });
});

afterAll(async () => {
  await session?.close();
});

const open: Session['open'] = (path, options) => session.open(path, options);

describe('the status site in Chromium', () => {
  /** How far the page scrolls sideways at 320 px: resized under the loaded page (its script never reads its size). */
  const overflowAt320 = async (page: Page) => {
    await page.setViewportSize({ width: 320, height: 900 });
    return page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  };

  it('renders the example content on every page without console errors or horizontal scroll at 320 px', async () => {
    const expectations: [string, string[]][] = [
      [
        PAGES.home,
        [
          'Partial system outage',
          'Elevated API error rates in eu-west',
          'What you can do meanwhile',
          'PostgreSQL minor version upgrade in eu-west',
          'REST API',
          'Subscribe',
        ],
      ],
      [
        PAGES.incident,
        ['Elevated API error rates in eu-west', 'Monitoring', 'Investigating', 'REST API'],
      ],
      [PAGES.postmortem, ['Postmortem', 'Root cause.', 'Duration']],
      [PAGES.maintenance, ['Scheduled', 'Managed PostgreSQL']],
      [
        PAGES.history,
        ['November 2026', 'Delayed webhook deliveries', 'What the impact levels mean'],
      ],
      [PAGES.component, ['REST API', 'Uptime', 'Managed PostgreSQL unavailable in us-east']],
    ];
    for (const [path, texts] of expectations) {
      const { page, errors, status, close } = await open(path);
      expect(status, path).toBe(200);
      const text = await page.locator('main').innerText();
      for (const t of texts) expect(text, path).toContain(t);
      expect(errors, path).toEqual([]);
      expect(await overflowAt320(page), `${path} at 320 px`).toBe(0);
      await close();
    }
  });

  it('answers an unknown address with the 404 page in the same design', async () => {
    const { page, status, close } = await open(PAGES.notFound);
    expect(status).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(await page.locator('header .brand').innerText()).toBe('Acme Cloud');
    expect(await overflowAt320(page), 'at 320 px').toBe(0);
    await close();
  });

  // The example content's own Markdown, groups and history (reader.test.ts checks every page type
  // of a small fixture at two widths, with the popover open). The dark theme changes only colours
  // (reader.test.ts proves it), so in dark mode axe runs the rules that look at colours.
  it('has no serious or critical axe violations, in light and dark mode', async () => {
    for (const path of Object.values(PAGES)) {
      const { page, close } = await open(path, { axe: true });
      expect(await seriousViolations(page), `${path} (light)`).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousViolations(page, COLOUR_RULES), `${path} (dark)`).toEqual([]);
      await close();
    }
  });

  it('follows the system colour scheme: dark screenshots differ from light', async () => {
    // One load: the scheme is a media feature, switched under the open page as the system does.
    const { page, close } = await open(PAGES.home);
    const shots: Buffer[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)',
      );
      shots.push(await page.screenshot({ fullPage: true }));
    }
    expect(shots[0]!.equals(shots[1]!)).toBe(false);
    await close();
  });

  it('is complete without JavaScript: times in the page zone, groups open where something is wrong', async () => {
    const { page, errors, close } = await open(PAGES.home, {
      script: false,
      zone: 'America/New_York',
    });
    expect(await page.locator('h1').innerText()).toBe('Partial system outage');
    expect(
      await page.locator('time[datetime="2026-11-23T16:00:00.000Z"]').first().innerText(),
    ).toBe('23 Nov 2026, 16:00 UTC');
    const groups = await page
      .locator('details.group')
      .evaluateAll((els) =>
        els.map((e) => [
          e.querySelector('summary span')?.textContent?.trim(),
          (e as HTMLDetailsElement).open,
        ]),
      );
    expect(groups).toEqual([
      ['Core platform (3)', true],
      ['Data services (2)', false],
      ['Delivery (3)', false],
    ]);
    expect(errors).toEqual([]);
    await close();
  });

  it("with its optional script, shows the reader's local time and keeps the page zone in the title", async () => {
    const { page, errors, close } = await open(PAGES.incident, {
      zone: 'America/New_York',
      locale: 'en-US',
    });
    const time = page.locator('time[datetime="2026-11-23T09:12:00.000Z"]').first();
    expect(await time.getAttribute('title')).toBe('23 Nov 2026, 09:12 UTC');
    // The page's own format, in the reader's zone: the reader's locale never mixes a second format in.
    expect(await time.innerText()).toBe('23 Nov 2026, 04:12 GMT-5');
    expect(errors).toEqual([]);
    await close();
  });
});
