import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { maintenanceCalendar } from '../../src/feeds/ics.ts';
import { rssFeed } from '../../src/feeds/rss.ts';
import { summaryResponse } from '../../src/feeds/statuspage-api.ts';
import { statuspageSummarySchema } from '../../src/feeds/statuspage-schema.ts';
import { CONFIG, NOW, publicModel } from './helpers.ts';

/** A page on its first day: no incident yet. Every output is still valid, and still free of the build clock. */
describe('a page without incidents', () => {
  const model = publicModel({ 'components.yaml': CONFIG });

  it('has an empty, valid feed without a build date', async () => {
    const xml = rssFeed(model, NOW);
    expect((await new Parser().parseString(xml)).items).toEqual([]);
    expect(xml).not.toContain('lastBuildDate');
  });

  it('has an empty, valid calendar', () => {
    expect(
      new ICAL.Component(ICAL.parse(maintenanceCalendar(model, NOW))).getAllSubcomponents('vevent'),
    ).toEqual([]);
  });

  it('has a valid summary, dated by the latest component start', () => {
    const summary = summaryResponse(model, NOW);
    expect(statuspageSummarySchema.safeParse(summary).error?.issues).toBeUndefined();
    expect(summary.page.updated_at).toBe('2025-01-01T00:00:00.000Z');
    expect(summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    // `web` has no `since` and no incident: it is as old as the page's earliest dated content, never 1970.
    expect(summary.components.find((c) => c.id === 'web')).toMatchObject({
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-01T00:00:00.000Z',
    });
    expect(JSON.stringify(summary)).not.toContain('1970');
  });
});
