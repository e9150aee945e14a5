import { describe, expect, it } from 'vitest';
import type { StatusModel } from '../../src/core/model.ts';
import { maintenanceCalendar } from '../../src/feeds/ics.ts';
import { rssFeed } from '../../src/feeds/rss.ts';
import {
  incidentsResponse,
  scheduledMaintenancesResponse,
} from '../../src/feeds/statuspage-api.ts';
import { notifyConfigSchema } from '../../src/notify/config-schema.ts';
import { emptyLedger, withRecords } from '../../src/notify/ledger.ts';
import { planNotices } from '../../src/notify/plan.ts';
import { buildSiteIndex } from '../../src/site/site-index.ts';
import { slowSignIn } from '../feeds/fixture.ts';
import { CONFIG, incidentFile, NOW, publicModel } from '../feeds/helpers.ts';

/**
 * Which components an incident affects is one rule (`affectedComponentIds` in the core), so the
 * pages, the feeds, the API and the notices agree: the frontmatter's components and those named by
 * the updates published at `now`. An update dated later names nothing yet, as it shows nothing yet.
 */
const FILES = {
  'components.yaml': CONFIG,
  'incidents/sign-in.md': slowSignIn(
    'Components: web: partial_outage\n\nThe website is affected too.',
  ),
  'incidents/web-move.md': incidentFile(
    `title: Website hosting move
kind: maintenance
scheduled_for: 2026-11-24 02:00 UTC
scheduled_until: 2026-11-24 04:00 UTC
components: [web]`,
    `We move the website.

## 2026-11-23 09:00 UTC · Scheduled
Planned for tonight.

## 2026-11-23 18:00 UTC · Scheduled
Components: api: under_maintenance

The API moves too.`,
  ),
};

const LATER = new Date('2026-11-23T19:00:00Z');

/** Which incidents each output lists for a component, as sorted incident ids. */
function namedBy(model: StatusModel, now: Date, id: string): Record<string, string[]> {
  const component = model.components.find((c) => c.id === id)!;
  const linked = (text: string) =>
    [...new Set([...text.matchAll(/incidents\/([a-z-]+)\//g)].map((m) => m[1]!))].sort();
  const api = [
    ...incidentsResponse(model, now).incidents,
    ...scheduledMaintenancesResponse(model, now).scheduled_maintenances,
  ];
  const channel = { id: 'chat', type: 'slack', url_env: 'CHAT_URL', components: [id] };
  const plan = planNotices(
    model,
    notifyConfigSchema.parse({ channels: [channel] }),
    withRecords(emptyLedger(), 'chat', []),
    now,
  ).channels[0]!;
  return {
    site: site(model, now)
      .byComponent.get(id)!
      .map((v) => v.incident.id)
      .sort(),
    rss: linked(rssFeed(model, now, component)),
    calendar: linked(maintenanceCalendar(model, now, component)),
    api: api
      .filter((i) => i.components.some((c) => c.id === id))
      .map((i) => i.id)
      .sort(),
    notices: [...new Set(plan.send.map((n) => n.event.incident.id))].sort(),
  };
}

const site = (model: StatusModel, now: Date) => buildSiteIndex(model, now, 'public');

describe('the components an incident affects', () => {
  it('are the same on the pages, in the feeds, the API and the notices, counting only published updates', () => {
    const model = publicModel(FILES, NOW);
    expect(namedBy(model, NOW, 'web')).toEqual({
      site: ['web-move'],
      rss: ['web-move'],
      calendar: ['web-move'],
      api: ['web-move'],
      notices: ['web-move'],
    });
    expect(namedBy(model, NOW, 'api')).toEqual({
      site: [],
      rss: [],
      calendar: [],
      api: [],
      notices: [],
    });
  });

  it('grow as later updates are published', () => {
    const model = publicModel(FILES, LATER);
    expect(namedBy(model, LATER, 'web')).toEqual({
      site: ['sign-in', 'web-move'],
      rss: ['sign-in', 'web-move'],
      calendar: ['web-move'],
      api: ['sign-in', 'web-move'],
      notices: ['sign-in', 'web-move'],
    });
    expect(namedBy(model, LATER, 'api')).toEqual({
      site: ['web-move'],
      rss: ['web-move'],
      calendar: ['web-move'],
      api: ['web-move'],
      notices: ['web-move'],
    });
  });
});
