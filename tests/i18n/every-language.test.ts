import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forAudience } from '../../src/core/audience.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import { describeOverall, localeOf } from '../../src/core/page-locale.ts';
import { readRepository } from '../../src/core/read-repository.ts';
import { pageStatus } from '../../src/core/status.ts';
import type { BuiltInLanguage } from '../../src/i18n/catalogue.ts';
import { dateFormats, durationWords } from '../../src/i18n/format.ts';
import { noticeEvents } from '../../src/notify/events.ts';
import { renderNotice } from '../../src/notify/render/render-notice.ts';
import { renderText } from '../../src/notify/render/text.ts';
import { startSession, type Session } from '../browser/session.ts';
import { buildSite, builtPages, EXAMPLE_NOW } from '../support/built-sites.ts';
import { englishFragments, englishIn, neutralExample, readerText } from './languages-fixture.ts';

const LANGUAGES: [BuiltInLanguage, string][] = [
  ['es', 'Europe/Madrid'],
  ['nl', 'Europe/Amsterdam'],
  ['de', 'Europe/Berlin'],
  ['fr', 'Europe/Paris'],
];
const NOW = new Date(EXAMPLE_NOW);

interface Built {
  content: string;
  out: string;
}
const built = new Map<string, Built>();

// Each language's site is built once and shared by every test below: a build takes seconds.
beforeAll(async () => {
  for (const [language, timezone] of LANGUAGES) {
    const content = await neutralExample(language, timezone);
    built.set(language, { content, out: await buildSite(content) });
  }
}, 600_000);

afterAll(async () => {
  for (const { content } of built.values()) await rm(content, { recursive: true });
});

async function modelOf(language: string) {
  const { model, diagnostics } = loadRepository(
    await readRepository(built.get(language)!.content),
    { now: NOW },
  );
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return forAudience(model!, 'public');
}

describe.each(LANGUAGES)('the example in %s', (language, timezone) => {
  const english = englishFragments(language);
  const formats = dateFormats(language, timezone);

  it('builds every page with its lang, its dates in the language, and no English label', async () => {
    const pages = await builtPages(built.get(language)!.out);
    const kinds = [
      'index.html',
      '404.html',
      'history/index.html',
      'components/api/index.html',
      'incidents/2026-11-23-api-errors/index.html',
      'incidents/2026-12-05-database-maintenance/index.html',
      'incidents/2026-11-10-database-failover/index.html',
    ];
    for (const kind of kinds) expect([...pages.keys()], kind).toContain(kind);
    for (const [path, html] of pages) {
      expect(html, path).toContain(`<html lang="${language}"`);
      expect(englishIn(readerText(html), english), path).toEqual([]);
      // The footer's build time, as the language writes it.
      expect(readerText(html), path).toContain(formats.dateTime(NOW));
    }
    expect(readerText(pages.get('incidents/2026-11-23-api-errors/index.html')!)).toContain(
      formats.dateTime(new Date('2026-11-23T09:12:00Z')),
    );
  });

  it('writes the feed and the calendar in the language', async () => {
    const model = await modelOf(language);
    const { t } = localeOf(model);
    const out = built.get(language)!.out;
    const xml = await readFile(join(out, 'feed.xml'), 'utf8');
    const channel = new XMLParser().parse(xml).rss.channel;
    expect(channel.language).toBe(language);
    expect(channel.title).toBe(t('feed.title', { name: model.page.name }));
    const titles: string[] = channel.item.map((i: { title: string }) => i.title);
    expect(titles.every((title) => /^\[[^\]]+\] /.test(title))).toBe(true);
    expect(englishIn(readerText(xml), english)).toEqual([]);

    const ics = await readFile(join(out, 'maintenance.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      t('calendar.name', { name: model.page.name }),
    );
    const descriptions = calendar
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('description')));
    expect(descriptions.length).toBeGreaterThan(0);
    for (const description of descriptions)
      expect(description).toContain(
        t('calendar.status', { status: t('status.scheduled') }).split(' ')[0]!,
      );
    expect(
      englishIn(
        [calendar.getFirstPropertyValue('x-wr-caldesc'), ...descriptions].join('\n'),
        english,
      ),
    ).toEqual([]);

    const badge = await readFile(join(out, 'badge.svg'), 'utf8');
    expect(badge).toContain(describeOverall(localeOf(model), pageStatus(model, NOW)));
    expect(englishIn(readerText(badge), english)).toEqual([]);
  });

  it('writes every notice of every chat, email and webhook channel in the language', async () => {
    const model = await modelOf(language);
    const events = noticeEvents(model, NOW);
    expect(new Set(events.map((e) => e.kind)).size).toBeGreaterThan(4);
    for (const event of events) {
      for (const channel of [
        { type: 'slack' },
        { type: 'discord' },
        { type: 'teams' },
        { type: 'webhook' },
        { type: 'email', id: 'mail', from: 'Acme <status@acme.dev>' },
      ] as const) {
        const rendered = renderNotice(event, channel, model) as {
          data?: { page?: { status?: unknown } };
        };
        // The page status in a webhook is Statuspage's vocabulary ("Minor Service Outage"), English by design.
        delete rendered.data?.page?.status;
        const strings = stringsOf(rendered);
        expect(englishIn(strings.join('\n'), english), `${channel.type} ${event.kind}`).toEqual([]);
        // Discord shows the embed's ISO timestamp in the reader's own language; the others write the time out.
        if (channel.type !== 'discord')
          expect(strings.join('\n'), `${channel.type} ${event.kind}`).toContain(
            formats.dateTime(event.at),
          );
      }
      expect(englishIn(renderText(event), english)).toEqual([]);
    }
  });
});

/** Every string a person reads in a rendered notice; identifiers (`maintenance`, `incident.created`) are machine values. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return /^[a-z][a-z0-9_.-]*$/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('a reader whose browser speaks another language', () => {
  let session: Session | undefined;
  afterAll(async () => session?.close());

  it("sees every date, duration and relative time in the page language, in the reader's own zone", async () => {
    session = await startSession(built.get('de')!.out, {
      locale: 'en-US',
      zone: 'America/New_York',
    });
    for (const path of [
      '/',
      '/incidents/2026-11-23-api-errors/',
      '/incidents/2026-12-05-database-maintenance/',
      '/components/api/',
    ]) {
      const { page, errors, close } = await session.open(path);
      const shown = await page.$$eval('time[data-local]', (els) =>
        els.map((el) => ({ at: (el as HTMLTimeElement).dateTime, text: el.textContent ?? '' })),
      );
      expect(shown.length, path).toBeGreaterThan(0);
      const reader = dateFormats('de', 'America/New_York');
      for (const { at, text } of shown)
        expect(text, `${path} ${at}`).toBe(reader.dateTime(new Date(at)));
      const relative = await page.$$eval('[data-ago]', (els) =>
        els.map((el) => el.textContent ?? ''),
      );
      for (const text of relative)
        expect(text, path).toMatch(/\b(vor|in|heute|gestern|morgen|jetzt)\b/i);
      const since = await page.$$eval('[data-since]', (els) =>
        els.map((el) => ({ at: (el as HTMLElement).dataset.since!, text: el.textContent ?? '' })),
      );
      const duration = durationWords('de');
      for (const { at, text } of since) {
        const ms = Date.now() - Date.parse(at);
        // Computed in the page a moment earlier: the same minute or the one before.
        expect([duration(ms), duration(ms - 60_000)], path).toContain(text);
      }
      expect(errors, path).toEqual([]);
      await close();
    }
  });
});
