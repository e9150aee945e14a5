import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT, rssFeed } from '../../src/feeds/rss.ts';
import { FILES } from './fixture.ts';
import { CONFIG, incidentFile, NOW, publicModel } from './helpers.ts';

const parse = (xml: string) => new Parser().parseString(xml);
const model = publicModel(FILES);
const component = (id: string) => model.components.find((c) => c.id === id)!;

describe('the RSS feed', () => {
  it('has one item per published update, newest first, each with title, link, guid, date and components', async () => {
    const feed = await parse(rssFeed(model, NOW));
    expect(feed.title).toBe('Test Cloud status');
    expect(feed.link).toBe('https://example.github.io/status/');
    // The build clock never reaches the feed: its date is the newest update's.
    expect(feed.lastBuildDate).toBe('Mon, 23 Nov 2026 11:00:00 GMT');
    expect(feed.items.map((i) => [i.title, i.guid, i.isoDate])).toEqual([
      [
        '[Investigating] Slow sign-in',
        '2026-11-23-slow-sign-in@2026-11-23T11:00:00.000Z',
        '2026-11-23T11:00:00.000Z',
      ],
      [
        '[Scheduled] Website hosting move',
        '2026-11-23-web-maintenance@2026-11-22T09:00:00.000Z',
        '2026-11-22T09:00:00.000Z',
      ],
      [
        '[Scheduled] API database upgrade',
        '2026-12-01-api-maintenance@2026-11-21T08:00:00.000Z',
        '2026-11-21T08:00:00.000Z',
      ],
      [
        '[Resolved] API outage',
        '2026-11-20-outage@2026-11-20T11:00:00.000Z',
        '2026-11-20T11:00:00.000Z',
      ],
      [
        '[Monitoring] API outage',
        '2026-11-20-outage@2026-11-20T10:30:00.000Z',
        '2026-11-20T10:30:00.000Z',
      ],
      [
        '[Investigating] API outage',
        '2026-11-20-outage@2026-11-20T10:00:00.000Z',
        '2026-11-20T10:00:00.000Z',
      ],
    ]);
    for (const item of feed.items) {
      // Each item links to its own update on the incident page, the anchor made from the update's time.
      const at = item
        .guid!.split('@')[1]!
        .replace(/[-:]/g, '')
        .replace(/\.000Z$/, 'Z');
      expect(item.link).toMatch(
        /^https:\/\/example\.github\.io\/status\/incidents\/[a-z0-9-]+\/#u-\d{8}T\d{6}Z$/,
      );
      expect(item.link!.endsWith(`#u-${at}`)).toBe(true);
      expect(item.pubDate).toBeTruthy();
    }
    expect(feed.items[3]!.categories).toEqual(['REST API', 'Website']);
    expect(feed.items[3]!.content).toBe('<p>All good.</p>');
    expect(feed.items[2]!.content).toContain(
      '<p>Maintenance window: 1 Dec 2026, 02:00 – 03:00 CET</p>',
    );
  });

  it('per component, holds only the updates of incidents that affect it', async () => {
    const web = await parse(rssFeed(model, NOW, component('web')));
    expect(web.title).toBe('Website · Test Cloud status');
    expect(web.feedUrl).toBe('https://example.github.io/status/components/web/feed.xml');
    expect(new Set(web.items.map((i) => i.link!.replace(/#.*/, '')))).toEqual(
      new Set([
        'https://example.github.io/status/incidents/2026-11-23-web-maintenance/',
        'https://example.github.io/status/incidents/2026-11-20-outage/',
      ]),
    );
    const auth = await parse(rssFeed(model, NOW, component('auth')));
    expect(auth.items.map((i) => i.guid)).toEqual([
      '2026-11-23-slow-sign-in@2026-11-23T11:00:00.000Z',
    ]);
  });

  it("keeps each item's guid when later updates are posted, and is identical when nothing changed", async () => {
    const before = await parse(rssFeed(model, NOW));
    const laterXml = rssFeed(model, new Date('2026-11-23T13:30:00Z'));
    const after = await parse(laterXml);
    expect(after.items.map((i) => i.guid).slice(1)).toEqual(before.items.map((i) => i.guid));
    expect(after.items[0]!.title).toBe('[Identified] Slow sign-in');
    expect(rssFeed(model, new Date('2026-11-23T12:20:00Z'))).toBe(rssFeed(model, NOW));
  });

  it('never shows internal incidents', () => {
    expect(rssFeed(model, NOW)).not.toContain('SECRET-MARKER');
  });

  it('holds the latest 50 updates', async () => {
    const files: Record<string, string> = { 'components.yaml': CONFIG };
    const updates = Array.from(
      { length: 60 },
      (_, i) =>
        `## 2026-11-01 ${String(Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')} UTC · Update\nStill slow (${i}).`,
    );
    files['incidents/2026-11-01-long.md'] = incidentFile(
      'title: Long one\nimpact: minor\ncomponents:\n  web: degraded_performance',
      `Slow.\n\n## 2026-10-31 23:00 UTC · Investigating\nSlow.\n\n${updates.join('\n\n')}`,
    );
    const feed = await parse(rssFeed(publicModel(files), NOW));
    expect(feed.items).toHaveLength(FEED_ITEM_LIMIT);
    expect(feed.items[0]!.content).toContain('Still slow (59).');
    expect(feed.items.at(-1)!.content).toContain('Still slow (10).');
  });

  it('makes a script tag, an event handler and a javascript: link in an update harmless', async () => {
    const files = {
      'components.yaml': CONFIG,
      'incidents/2026-11-22-xss.md': incidentFile(
        'title: Tricky <b>title</b> ]]> here\nimpact: minor\ncomponents:\n  web: degraded_performance',
        `Summary.\n\n## 2026-11-22 10:00 UTC · Investigating\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click me](javascript:alert(3)) and ]]> <![CDATA[ too.`,
      ),
    };
    const xml = rssFeed(publicModel(files), NOW);
    const [item] = (await parse(xml)).items;
    expect(item!.title).toBe('[Investigating] Tricky <b>title</b> ]]> here');
    expect(item!.content).not.toMatch(/<script|onerror|javascript:/i);
    expect(item!.content).toContain('click me');
    expect(item!.content).toContain(']]> &#x3C;![CDATA[ too.');
    expect(xml).not.toMatch(/<script|onerror|javascript:/i);
  });
});
