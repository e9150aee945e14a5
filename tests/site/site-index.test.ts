import { beforeAll, describe, expect, it } from 'vitest';
import { forAudience } from '../../src/core/audience.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import { readRepository } from '../../src/core/read-repository.ts';
import { buildSiteIndex, type SiteIndex } from '../../src/site/site-index.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';

const now = new Date('2026-11-23T12:00:00Z');

describe('buildSiteIndex on the example repository', () => {
  let site: SiteIndex;
  beforeAll(async () => {
    const { model } = loadRepository(await readRepository(EXAMPLE_PAGE), { now });
    site = buildSiteIndex(forAudience(model!, 'public'), now, 'public');
  });

  it("groups components in the order of components.yaml with each group's worst status", () => {
    expect(site.groups.map((g) => [g.group?.id, g.components.map((c) => c.id), g.worst])).toEqual([
      ['core', ['api', 'dashboard', 'auth'], 'degraded_performance'],
      ['data', ['database', 'storage'], 'operational'],
      ['delivery', ['webhooks', 'cdn', 'email'], 'operational'],
    ]);
  });

  it("gives an open incident's components their status now, an ended one's their worst", () => {
    expect(Object.fromEntries(site.byId.get('2026-11-23-api-errors')!.impacts)).toEqual({
      api: 'degraded_performance',
      dashboard: 'operational',
    });
    expect(Object.fromEntries(site.byId.get('2026-11-10-database-failover')!.impacts)).toEqual({
      database: 'major_outage',
      api: 'partial_outage',
    });
  });

  it("lists each component's incidents newest first and its 90 days of uptime", () => {
    expect(site.byComponent.get('api')!.map((v) => v.incident.id)).toEqual([
      '2026-11-23-api-errors',
      '2026-11-10-database-failover',
    ]);
    expect(site.uptime.get('api')!.days).toHaveLength(90);
    expect(site.uptime.get('email')!.days.filter((d) => d.status !== undefined)).toHaveLength(11);
  });

  it('keeps maintenance that has not started out of the history', () => {
    expect(site.history.map((p) => p.slug)).toEqual(['2026-q4']);
    expect(
      site.history[0]!.months.map((m) => [m.label, m.items.map((v) => v.incident.id)]),
    ).toEqual([
      [
        'November 2026',
        [
          '2026-11-23-api-errors',
          '2026-11-19-webhook-delays',
          '2026-11-15-network-maintenance',
          '2026-11-10-database-failover',
        ],
      ],
      ['October 2026', ['2026-10-28-sign-in-errors']],
    ]);
    expect(site.upcoming.map((v) => v.incident.id)).toEqual(['2026-12-05-database-maintenance']);
  });
});
