import { describe, expect, it } from 'vitest';
import { loadRepository } from './load-repository.ts';
import type { Incident, StatusModel } from './model.ts';
import {
  activeIncidents,
  activeMaintenance,
  componentStatuses,
  endedAt,
  lifecycleAt,
  pageStatus,
  promisedNextUpdate,
  publishedUpdates,
  startedAt,
  statusSegments,
  upcomingMaintenance,
} from './status.ts';

const encoder = new TextEncoder();
const CONFIG = `page: { name: Acme, url: https://status.acme.dev }
components:
  - { id: api, name: API }
  - { id: dashboard, name: Dashboard }
  - { id: database, name: Database }
`;

/** A model built by the real loader from incident files, which must be free of errors. */
function model(
  incidents: Record<string, string>,
  now = new Date('2026-11-23T12:00:00Z'),
): StatusModel {
  const result = loadRepository(
    {
      config: { path: 'components.yaml', bytes: encoder.encode(CONFIG) },
      incidents: Object.entries(incidents).map(([id, text]) => ({
        path: `incidents/${id}.md`,
        bytes: encoder.encode(text),
      })),
    },
    { now },
  );
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model!;
}

function incident(impact: string, components: Record<string, string>, updates: string): string {
  const lines = Object.entries(components).map(([id, status]) => `  ${id}: ${status}`);
  return `---\ntitle: Something\nimpact: ${impact}\ncomponents:\n${lines.join('\n')}\n---\nSummary.\n\n${updates}`;
}

const OPEN = '## 2026-11-23 10:00 UTC · Investigating\nLooking.\n';
const RESOLVED = `${OPEN}\n## 2026-11-23 11:00 UTC · Resolved\nFixed.\n`;
const at = (time: string) => new Date(`2026-11-23T${time}:00Z`);
const byId = (m: StatusModel, id: string): Incident => m.incidents.find((i) => i.id === id)!;

describe('page indicator and description, following Statuspage', () => {
  const now = at('12:00');
  it.each([
    ['nothing open', {}, 'none', 'All Systems Operational'],
    [
      'one component degraded',
      { api: 'degraded_performance' },
      'minor',
      'Partially Degraded Service',
    ],
    [
      'every component degraded',
      {
        api: 'degraded_performance',
        dashboard: 'degraded_performance',
        database: 'degraded_performance',
      },
      'minor',
      'Degraded System Service',
    ],
    [
      'a partial outage',
      { api: 'partial_outage', dashboard: 'degraded_performance' },
      'minor',
      'Minor Service Outage',
    ],
    [
      'one major outage',
      { api: 'major_outage', dashboard: 'partial_outage' },
      'major',
      'Partial System Outage',
    ],
    [
      'every component in a major outage',
      { api: 'major_outage', dashboard: 'major_outage', database: 'major_outage' },
      'critical',
      'Major System Outage',
    ],
  ])('%s', (_, components, indicator, description) => {
    const m = model(
      Object.keys(components).length ? { open: incident('none', components, OPEN) } : {},
    );
    expect(pageStatus(m, now)).toEqual({ indicator, description });
  });

  it.each([
    ['minor', 'minor', 'Minor Service Outage'],
    ['major', 'major', 'Partial System Outage'],
    ['critical', 'critical', 'Major Service Outage'],
  ])(
    'an open incident of impact %s raises the page to %s, even with its components operational',
    (impact, indicator, description) => {
      expect(
        pageStatus(model({ open: incident(impact, { api: 'operational' }, OPEN) }), now),
      ).toEqual({ indicator, description });
    },
  );

  it("keeps the components' description when an impact gives the same indicator", () => {
    expect(
      pageStatus(model({ open: incident('minor', { api: 'degraded_performance' }, OPEN) }), now),
    ).toEqual({ indicator: 'minor', description: 'Partially Degraded Service' });
  });

  it('is not lowered by a smaller impact than the components show', () => {
    const m = model({ open: incident('minor', { api: 'major_outage' }, OPEN) });
    expect(pageStatus(m, now)).toEqual({
      indicator: 'major',
      description: 'Partial System Outage',
    });
  });

  it('ignores resolved incidents', () => {
    const m = model({ done: incident('critical', { api: 'major_outage' }, RESOLVED) });
    expect(pageStatus(m, now)).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    });
    expect(activeIncidents(m, now)).toEqual([]);
  });
});

describe('component status', () => {
  const now = at('12:00');
  it('is the worst any open incident gives it', () => {
    const m = model({
      a: incident('minor', { api: 'degraded_performance' }, OPEN),
      b: incident('major', { api: 'partial_outage', dashboard: 'degraded_performance' }, OPEN),
      c: incident('critical', { api: 'major_outage', database: 'major_outage' }, RESOLVED),
    });
    expect(Object.fromEntries(componentStatuses(m, now))).toEqual({
      api: 'partial_outage',
      dashboard: 'degraded_performance',
      database: 'operational',
    });
    // Worst impact first.
    expect(activeIncidents(m, now).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('follows the latest published update, including a `Components:` line', () => {
    const updates = `${OPEN}\n## 2026-11-23 11:00 UTC · Monitoring\nComponents: api: degraded_performance\n\nWatching.\n`;
    const m = model({
      open: incident('major', { api: 'major_outage', dashboard: 'partial_outage' }, updates),
    });
    expect(Object.fromEntries(componentStatuses(m, at('10:30')))).toMatchObject({
      api: 'major_outage',
      dashboard: 'partial_outage',
    });
    expect(Object.fromEntries(componentStatuses(m, at('11:30')))).toMatchObject({
      api: 'degraded_performance',
      dashboard: 'partial_outage',
    });
  });
});

describe('maintenance follows the clock unless an update says otherwise', () => {
  const window = (updates: string) =>
    `---\ntitle: Upgrade\nkind: maintenance\nscheduled_for: 2026-11-23 14:00 UTC\nscheduled_until: 2026-11-23 16:00 UTC\ncomponents: [database]\n---\nPlanned.\n\n` +
    `## 2026-11-22 09:00 UTC · Scheduled\nAnnounced.\n${updates}`;

  it('is scheduled, then in progress, then completed', () => {
    const m = model({ upgrade: window('') });
    const upgrade = byId(m, 'upgrade');
    expect(lifecycleAt(upgrade, at('13:59'))).toBe('scheduled');
    expect(upcomingMaintenance(m, at('13:59')).map((i) => i.id)).toEqual(['upgrade']);
    expect(componentStatuses(m, at('13:59')).get('database')).toBe('operational');
    expect(pageStatus(m, at('13:59')).indicator).toBe('none');

    expect(lifecycleAt(upgrade, at('14:00'))).toBe('in_progress');
    expect(activeMaintenance(m, at('15:00')).map((i) => i.id)).toEqual(['upgrade']);
    expect(componentStatuses(m, at('15:00')).get('database')).toBe('under_maintenance');
    expect(pageStatus(m, at('15:00'))).toEqual({
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    });

    expect(lifecycleAt(upgrade, at('16:00'))).toBe('completed');
    expect(endedAt(upgrade, at('17:00'))).toEqual(at('16:00'));
    expect(componentStatuses(m, at('17:00')).get('database')).toBe('operational');
    expect(activeMaintenance(m, at('17:00'))).toEqual([]);
  });

  it('starts early, and ends early, when updates say so', () => {
    const m = model({
      upgrade: window(
        '\n## 2026-11-23 13:30 UTC · In progress\nStarted early.\n\n## 2026-11-23 14:30 UTC · Completed\nDone early.\n',
      ),
    });
    const upgrade = byId(m, 'upgrade');
    expect(lifecycleAt(upgrade, at('13:45'))).toBe('in_progress');
    expect(startedAt(upgrade, at('13:45'))).toEqual(at('13:30'));
    expect(componentStatuses(m, at('13:45')).get('database')).toBe('under_maintenance');
    expect(lifecycleAt(upgrade, at('14:45'))).toBe('completed');
    expect(endedAt(upgrade, at('14:45'))).toEqual(at('14:30'));
    expect(componentStatuses(m, at('14:45')).get('database')).toBe('operational');
  });

  it('stays in progress past its window while an update says it is verifying', () => {
    const m = model({ upgrade: window('\n## 2026-11-23 15:50 UTC · Verifying\nChecking.\n') });
    expect(lifecycleAt(byId(m, 'upgrade'), at('17:00'))).toBe('verifying');
    expect(activeMaintenance(m, at('17:00')).map((i) => i.id)).toEqual(['upgrade']);
  });
});

describe('future-dated updates', () => {
  it('stay hidden until their time', () => {
    const updates = `${OPEN}\n## 2026-11-23 14:00 UTC · Resolved\nWritten ahead.\n`;
    const m = model({ open: incident('major', { api: 'major_outage' }, updates) }, at('12:00'));
    const open = byId(m, 'open');
    expect(publishedUpdates(open, at('12:00')).map((u) => u.status)).toEqual(['investigating']);
    expect(lifecycleAt(open, at('12:00'))).toBe('investigating');
    expect(componentStatuses(m, at('12:00')).get('api')).toBe('major_outage');
    expect(lifecycleAt(open, at('14:00'))).toBe('resolved');
    expect(componentStatuses(m, at('14:00')).get('api')).toBe('operational');
  });

  it('hide a whole incident whose first update is in the future', () => {
    const m = model(
      {
        later: incident(
          'critical',
          { api: 'major_outage' },
          '## 2026-11-23 14:00 UTC · Investigating\nNot yet.\n',
        ),
      },
      at('12:00'),
    );
    expect(activeIncidents(m, at('12:00'))).toEqual([]);
    expect(pageStatus(m, at('12:00')).indicator).toBe('none');
    expect(activeIncidents(m, at('14:00')).map((i) => i.id)).toEqual(['later']);
  });
});

describe('status segments', () => {
  it('cover each non-operational period of an incident, from `started`, up to its resolution', () => {
    const updates = `${OPEN}\n## 2026-11-23 10:30 UTC · Monitoring\nComponents: api: degraded_performance\n\nBetter.\n\n## 2026-11-23 11:00 UTC · Resolved\nFixed.\n`;
    const text = incident('major', { api: 'major_outage' }, updates).replace(
      'impact: major',
      'impact: major\nstarted: 2026-11-23 09:45 UTC',
    );
    const m = model({ seg: text });
    expect(statusSegments(byId(m, 'seg'), at('12:00'))).toEqual([
      { component: 'api', status: 'major_outage', from: at('09:45'), to: at('10:30') },
      { component: 'api', status: 'degraded_performance', from: at('10:30'), to: at('11:00') },
    ]);
  });
});

describe('the promised next update, shown on the page and in the notices alike', () => {
  const withNext = (next: string, updates: string) =>
    incident('minor', { api: 'degraded_performance' }, updates).replace(
      'title: Something',
      `title: Something\nnext_update: 2026-11-23 ${next} UTC`,
    );
  const promise = (next: string, updates: string, now = at('12:00')) => {
    const i = byId(model({ x: withNext(next, updates) }, now), 'x');
    return promisedNextUpdate(i, lifecycleAt(i, now), publishedUpdates(i, now).at(-1));
  };

  it('stands while the incident is open and the time is after its latest update', () => {
    expect(promise('12:30', OPEN)).toEqual(at('12:30'));
  });

  it('is stale once an update is published at or after it', () => {
    expect(promise('09:30', OPEN)).toBeUndefined();
    expect(promise('10:00', OPEN)).toBeUndefined();
  });

  it('is gone once the incident is resolved, even if its time is still ahead', () => {
    expect(promise('12:30', RESOLVED)).toBeUndefined();
  });
});
