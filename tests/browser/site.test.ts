import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/built-sites.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

const PAGES = {
  home: '/',
  incident: '/incidents/2026-11-23-api-errors/',
  postmortem: '/incidents/2026-11-10-database-failover/',
  maintenance: '/incidents/2026-12-05-database-maintenance/',
  history: '/history/',
  component: '/components/api/',
  notFound: '/no-such-page/',
};

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const out = await buildSite(EXAMPLE_PAGE);
  server = await serveStatic(out);
  browser = await launchChromium();
  context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects everything the console or the page reports as an error. */
async function open(
  path: string,
  options: { width?: number; scheme?: 'light' | 'dark'; in?: BrowserContext } = {},
): Promise<{ page: Page; errors: string[]; status: number }> {
  const page = await (options.in ?? context).newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  const response = await page.goto(server.origin + path, { waitUntil: 'load' });
  return { page, errors, status: response?.status() ?? 0 };
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run: (options: object) => Promise<{
            passes: unknown[];
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run({ resultTypes: ['violations'] }),
  );
  // axe reports what it checked: an empty list here would mean it never ran.
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the status site in Chromium', () => {
  it('renders the example content on every page without console errors', async () => {
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
      const { page, errors, status } = await open(path);
      expect(status, path).toBe(200);
      const text = await page.locator('main').innerText();
      for (const t of texts) expect(text, path).toContain(t);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('answers an unknown address with the 404 page in the same design', async () => {
    const { page, status } = await open(PAGES.notFound);
    expect(status).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(await page.locator('header .brand').innerText()).toBe('Acme Cloud');
    await page.close();
  });

  it(
    'has no serious or critical axe violations, in light and dark mode',
    { timeout: 240_000 },
    async () => {
      for (const path of Object.values(PAGES)) {
        const { page } = await open(path);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await seriousViolations(page), `${path} (${scheme})`).toEqual([]);
        }
        await page.close();
      }
    },
  );

  it('follows the system colour scheme: dark screenshots differ from light', async () => {
    const shots: Buffer[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(PAGES.home, { scheme });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)',
      );
      shots.push(await page.screenshot({ fullPage: true }));
      await page.close();
    }
    expect(shots[0]!.equals(shots[1]!)).toBe(false);
  });

  it('has no horizontal scroll at 320 px wide', async () => {
    for (const path of Object.values(PAGES)) {
      const { page } = await open(path, { width: 320 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBe(0);
      await page.close();
    }
  });

  it('is complete without JavaScript: times in the page zone, groups open where something is wrong', async () => {
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      timezoneId: 'America/New_York',
    });
    const { page, errors } = await open(PAGES.home, { in: noScript });
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
    await noScript.close();
  });

  it("with its optional script, shows the reader's local time and keeps the page zone in the title", async () => {
    const local = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    const { page, errors } = await open(PAGES.incident, { in: local });
    const time = page.locator('time[datetime="2026-11-23T09:12:00.000Z"]').first();
    expect(await time.getAttribute('title')).toBe('23 Nov 2026, 09:12 UTC');
    // The page's own format, in the reader's zone: the reader's locale never mixes a second format in.
    expect(await time.innerText()).toBe('23 Nov 2026, 04:12 GMT-5');
    expect(errors).toEqual([]);
    await local.close();
  });
});
