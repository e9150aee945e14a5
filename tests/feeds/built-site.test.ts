import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  statuspageComponentsResponseSchema,
  statuspageIncidentsResponseSchema,
  statuspageScheduledMaintenancesResponseSchema,
  statuspageStatusResponseSchema,
  statuspageSummarySchema,
} from '../../src/feeds/statuspage-schema.ts';
import { FILES } from './fixture.ts';
import { buildSite } from '../support/built-sites.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';
import { writeRepository } from '../support/repository.ts';
import { NOW } from './helpers.ts';

/** Every file this part of the build serves, as the pages link to them (relative to the base path). */
const API_FILES: Record<string, z.ZodType> = {
  'api/v2/summary.json': statuspageSummarySchema,
  'api/v2/status.json': statuspageStatusResponseSchema,
  'api/v2/components.json': statuspageComponentsResponseSchema,
  'api/v2/incidents.json': statuspageIncidentsResponseSchema,
  'api/v2/incidents/unresolved.json': statuspageIncidentsResponseSchema,
  'api/v2/scheduled-maintenances.json': statuspageScheduledMaintenancesResponseSchema,
  'api/v2/scheduled-maintenances/upcoming.json': statuspageScheduledMaintenancesResponseSchema,
  'api/v2/scheduled-maintenances/active.json': statuspageScheduledMaintenancesResponseSchema,
};
const COMPONENT_FILES = ['feed.xml', 'badge.svg', 'maintenance.ics'];
const EXAMPLE_COMPONENTS = [
  'api',
  'dashboard',
  'auth',
  'database',
  'storage',
  'webhooks',
  'cdn',
  'email',
];

function ourFiles(components: string[]): string[] {
  return [
    'feed.xml',
    'maintenance.ics',
    'badge.svg',
    ...Object.keys(API_FILES),
    ...components.flatMap((id) => COMPONENT_FILES.map((f) => `components/${id}/${f}`)),
  ];
}

let example: string;
let exampleLater: string;
let fixture: string;

beforeAll(async () => {
  const fixtureRepo = await writeRepository(FILES);
  [example, exampleLater, fixture] = await Promise.all([
    buildSite(EXAMPLE_PAGE, { now: NOW.toISOString() }),
    buildSite(EXAMPLE_PAGE, { now: new Date(NOW.getTime() + 5 * 60_000).toISOString() }),
    buildSite(fixtureRepo, { now: NOW.toISOString() }),
  ]);
});

const read = (dir: string, path: string) => readFile(join(dir, path), 'utf8');
const json = async (dir: string, path: string) => JSON.parse(await read(dir, path));

describe('the built example site', () => {
  it('serves every feed, calendar, badge and API file at the URLs the pages link to', async () => {
    const built = new Set(
      (await readdir(example, { recursive: true })).map((p) => p.split('\\').join('/')),
    );
    for (const path of ourFiles(EXAMPLE_COMPONENTS)) expect(built, path).toContain(path);
  });

  it("serves API files that are exactly Statuspage's shapes: every key, type, enum and null", async () => {
    for (const [path, schema] of Object.entries(API_FILES)) {
      const result = schema.safeParse(await json(example, path));
      expect(result.error?.issues, path).toBeUndefined();
    }
  });

  it('orders and filters the API lists as Statuspage does', async () => {
    const incidents = (await json(example, 'api/v2/incidents.json')).incidents;
    expect(incidents.length).toBeGreaterThan(1);
    expect(incidents.length).toBeLessThanOrEqual(50);
    expect(incidents.map((i: { started_at: string }) => i.started_at)).toEqual(
      incidents
        .map((i: { started_at: string }) => i.started_at)
        .sort()
        .reverse(),
    );
    for (const incident of incidents) {
      const times = incident.incident_updates.map((u: { display_at: string }) => u.display_at);
      expect(times).toEqual([...times].sort().reverse());
    }
    const unresolved = (await json(example, 'api/v2/incidents/unresolved.json')).incidents;
    expect(unresolved.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      ['2026-11-23-api-errors', 'monitoring'],
    ]);
    const upcoming = (await json(example, 'api/v2/scheduled-maintenances/upcoming.json'))
      .scheduled_maintenances;
    expect(upcoming.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      ['2026-12-05-database-maintenance', 'scheduled'],
    ]);
    expect(
      (await json(example, 'api/v2/scheduled-maintenances/active.json')).scheduled_maintenances,
    ).toEqual([]);
    const summary = await json(example, 'api/v2/summary.json');
    expect(summary.incidents).toEqual(unresolved);
    expect(summary.scheduled_maintenances).toEqual(upcoming);
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    const components = (await json(example, 'api/v2/components.json')).components;
    expect(summary.components).toEqual(components);
    for (const group of components.filter((c: { group: boolean }) => c.group)) {
      const children = components.filter(
        (c: { group_id: string | null }) => c.group_id === group.id,
      );
      expect(group.components).toEqual(children.map((c: { id: string }) => c.id));
      expect(children.map((c: { position: number }) => c.position)).toEqual(
        children.map((_: unknown, i: number) => i + 1),
      );
    }
  });

  it("serves feeds every item of which has a title, link, guid and date, per component only that component's", async () => {
    const parser = new Parser();
    const page = await parser.parseString(await read(example, 'feed.xml'));
    expect(page.items.length).toBeGreaterThan(10);
    for (const item of page.items) {
      expect(item.title).toMatch(
        /^\[(Investigating|Identified|Monitoring|Update|Resolved|Scheduled|In progress|Verifying|Completed)\] /,
      );
      expect(item.link).toMatch(
        /^https:\/\/status\.acme\.dev\/incidents\/[a-z0-9-]+\/#u-\d{8}T\d{6}Z$/,
      );
      expect(item.guid).toMatch(/^[a-z0-9-]+@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(new Date(item.pubDate!).toISOString()).toBe(item.guid!.split('@')[1]);
    }
    const names = (await json(example, 'api/v2/components.json')).components;
    for (const id of EXAMPLE_COMPONENTS) {
      const feed = await parser.parseString(await read(example, `components/${id}/feed.xml`));
      const name = names.find((c: { id: string }) => c.id === id).name;
      for (const item of feed.items)
        expect(item.categories, `${id}: ${item.title}`).toContain(name);
      expect(feed.items.length).toBe(page.items.filter((i) => i.categories?.includes(name)).length);
    }
  });

  it('serves a calendar whose times parse back exactly', async () => {
    const calendar = new ICAL.Component(ICAL.parse(await read(example, 'maintenance.ics')));
    const windows = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .map((e) => [
        e.uid,
        e.startDate.toJSDate().toISOString(),
        e.endDate.toJSDate().toISOString(),
      ]);
    expect(windows).toEqual([
      [
        '2026-11-15-network-maintenance@status.acme.dev',
        '2026-11-15T01:00:00.000Z',
        '2026-11-15T02:20:00.000Z',
      ],
      [
        '2026-12-05-database-maintenance@status.acme.dev',
        '2026-12-05T02:00:00.000Z',
        '2026-12-05T04:00:00.000Z',
      ],
    ]);
  });

  it('is byte-identical when rebuilt later without a change in the content', async () => {
    for (const path of ourFiles(EXAMPLE_COMPONENTS))
      expect(await read(exampleLater, path), path).toBe(await read(example, path));
  });
});

describe('a site published under a path', () => {
  it('links feeds and the API to pages under that path, and shows no internal incident anywhere', async () => {
    const feed = await new Parser().parseString(await read(fixture, 'feed.xml'));
    expect(feed.feedUrl).toBe('https://example.github.io/status/feed.xml');
    for (const item of feed.items)
      expect(item.link).toMatch(/^https:\/\/example\.github\.io\/status\/incidents\//);
    expect((await json(fixture, 'api/v2/incidents.json')).incidents[0].shortlink).toMatch(
      /^https:\/\/example\.github\.io\/status\/incidents\//,
    );
    for (const path of ourFiles(['api', 'web', 'auth']))
      expect(await read(fixture, path), path).not.toContain('SECRET-MARKER');
  });
});
