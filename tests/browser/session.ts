import { cp, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** What a browser context is made with: pages that differ only here can share one. */
export interface ContextSettings {
  /** IANA time zone of the reader. */
  zone?: string;
  locale?: string;
  /** Whether JavaScript runs (the site must be complete without it). */
  script?: boolean;
  /** A touch screen: `tap()` works. */
  touch?: boolean;
  /** Installs Playwright's clock at this ISO time, before the first page of the context. */
  clock?: string;
  /**
   * axe-core is in every page before its own scripts run (as an init script, which Chromium
   * compiles once; `addScriptTag` costs 150-300 ms a page). Only for accessibility checks.
   */
  axe?: boolean;
}

export interface OpenOptions extends ContextSettings {
  /** Viewport width in CSS pixels (height 900); 1280 unless given. */
  width?: number;
  scheme?: 'light' | 'dark';
  /**
   * A context of its own, closed by `close()`: for a test that changes the context's state (moves
   * its clock). Otherwise the page is a reused one of a shared context with the same settings.
   */
  own?: boolean;
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** What the console or the page reported as an error, and requests that failed, since `open`. */
  errors: string[];
  /** The HTTP status of the page's response. */
  status: number;
  /** Done with the page: an own context is closed, a shared page is kept for the next `open`. */
  close: () => Promise<void>;
}

export interface Session {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The folder served (a copy of the built site if `writable`). */
  root: string;
  browser: Browser;
  /** Opens `path` of the served site and collects every error the page reports. */
  open: (path: string, options?: OpenOptions) => Promise<Opened>;
  close: () => Promise<void>;
}

/**
 * A built site served as a static host does, and one headless Chromium for a test file. Pages of
 * contexts with the same settings are reused: a new page costs a renderer process and a cold load,
 * a navigation in an open one a tenth of that.
 */
export async function startSession(
  site: string,
  defaults: ContextSettings & { writable?: boolean } = {},
): Promise<Session> {
  const { writable, ...contextDefaults } = defaults;
  let root = site;
  if (writable) {
    // A copy, so a test can change a file under an open page.
    root = await mkdtemp(join(tmpdir(), 'candor-served-'));
    await cp(site, root, { recursive: true });
  }
  const server: StaticServer = await serveStatic(root);
  const browser = await launchChromium();
  const shared = new Map<string, { context: Promise<BrowserContext>; idle: Page[] }>();

  async function newContext(settings: ContextSettings): Promise<BrowserContext> {
    const context = await browser.newContext({
      timezoneId: settings.zone ?? 'UTC',
      locale: settings.locale ?? 'en-US',
      javaScriptEnabled: settings.script ?? true,
      hasTouch: settings.touch ?? false,
      viewport: { width: 1280, height: 900 },
    });
    if (settings.axe) await context.addInitScript({ content: axeSource });
    if (settings.clock) await context.clock.install({ time: new Date(settings.clock) });
    return context;
  }

  async function open(path: string, options: OpenOptions = {}): Promise<Opened> {
    const { width = 1280, scheme = 'light', own = false, ...asked } = options;
    const settings: ContextSettings = { ...contextDefaults, ...asked };
    const key = JSON.stringify([
      settings.zone,
      settings.locale,
      settings.script,
      settings.touch,
      settings.clock,
      settings.axe,
    ]);
    let context: BrowserContext;
    let page: Page;
    let pool: Page[] | undefined;
    if (own) {
      context = await newContext(settings);
      page = await context.newPage();
    } else {
      let entry = shared.get(key);
      if (!entry) shared.set(key, (entry = { context: newContext(settings), idle: [] }));
      context = await entry.context;
      pool = entry.idle;
      page = pool.pop() ?? (await context.newPage());
    }
    const errors: string[] = [];
    const onConsole = (m: { type: () => string; text: () => string }) => {
      if (m.type() === 'error') errors.push(m.text());
    };
    const onPageError = (e: Error) => void errors.push(e.message);
    const onFailed = (r: Request) => void errors.push(`${r.url()}: ${r.failure()?.errorText}`);
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    page.on('requestfailed', onFailed);
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const response = await page.goto(server.origin + path, { waitUntil: 'load' });
    let closed = false;
    return {
      page,
      context,
      errors,
      status: response?.status() ?? 0,
      close: async () => {
        if (closed) return;
        closed = true;
        if (!pool) return context.close();
        if (page.isClosed()) return;
        // Leaving the page ends what it still does (a fetch, a timer), so nothing it reports later
        // is taken for an error of the next page opened in this tab.
        await page.goto('about:blank');
        page.off('console', onConsole);
        page.off('pageerror', onPageError);
        page.off('requestfailed', onFailed);
        pool.push(page);
      },
    };
  }

  return {
    origin: server.origin,
    root,
    browser,
    open,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What axe checks in the dark theme: it only changes colours (reader.test.ts proves it from site.css). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core's serious and critical violations on the page as it is now, one line each with the
 * elements; all rules, or only `rules`. Injects axe-core unless the page has it (`axe: true`).
 */
export async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (rules) =>
      (
        window as unknown as {
          axe: {
            run: (options: object) => Promise<{
              passes: unknown[];
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe.run({
        resultTypes: ['violations'],
        ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
      }),
    rules,
  );
  // axe reports what it checked: an empty list here would mean it never ran.
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
