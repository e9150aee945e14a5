import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { maintenanceCalendar } from '../../src/feeds/ics.ts';
import { FILES } from './fixture.ts';
import { CONFIG, incidentFile, NOW, publicModel } from './helpers.ts';

const model = publicModel(FILES);

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: event.startDate.zone?.tzid === 'UTC' && event.endDate.zone?.tzid === 'UTC',
      summary: event.summary,
      description: event.description,
      url: vevent.getFirstPropertyValue('url'),
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
    };
  });
}

describe('the maintenance calendar', () => {
  it('lists every maintenance window in UTC with a stable UID and a link back', () => {
    const text = maintenanceCalendar(model, NOW);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Test Cloud maintenance');
    expect(events(text).map(({ description: _, stamp: __, ...e }) => e)).toEqual([
      {
        uid: '2026-11-23-web-maintenance@example.github.io',
        sequence: 0,
        start: '2026-11-23T11:30:00.000Z',
        end: '2026-11-23T12:30:00.000Z',
        utc: true,
        summary: 'Website hosting move',
        url: 'https://example.github.io/status/incidents/2026-11-23-web-maintenance/',
      },
      {
        uid: '2026-12-01-api-maintenance@example.github.io',
        sequence: 0,
        start: '2026-12-01T01:00:00.000Z',
        end: '2026-12-01T02:00:00.000Z',
        utc: true,
        summary: 'API database upgrade',
        url: 'https://example.github.io/status/incidents/2026-12-01-api-maintenance/',
      },
    ]);
    expect(events(text)[1]!.description).toBe(
      'Status: Scheduled\n\nShort API interruptions.\n\nScheduled: The upgrade is planned.\n\nhttps://example.github.io/status/incidents/2026-12-01-api-maintenance/',
    );
  });

  it('per component, lists only the windows that affect it', () => {
    expect(
      events(
        maintenanceCalendar(
          model,
          NOW,
          model.components.find((c) => c.id === 'api'),
        ),
      ).map((e) => e.uid),
    ).toEqual(['2026-12-01-api-maintenance@example.github.io']);
    expect(
      events(
        maintenanceCalendar(
          model,
          NOW,
          model.components.find((c) => c.id === 'auth'),
        ),
      ),
    ).toEqual([]);
  });

  it('reflects updates with a higher SEQUENCE under the same UID, and drops windows older than 90 days', () => {
    const file = (updates: string) => ({
      'components.yaml': CONFIG,
      'incidents/2026-11-25-db.md': incidentFile(
        'title: DB upgrade\nkind: maintenance\nscheduled_for: 2026-11-25 22:00 -05:00\nscheduled_until: 2026-11-26 01:30 -05:00\ncomponents: [api]',
        `Upgrade.\n\n## 2026-11-20 10:00 UTC · Scheduled\nPlanned.${updates}`,
      ),
      'incidents/2026-08-01-old.md': incidentFile(
        'title: Old window\nkind: maintenance\nscheduled_for: 2026-08-01 01:00 UTC\nscheduled_until: 2026-08-01 02:00 UTC\ncomponents: [web]',
        'Old.\n\n## 2026-07-30 10:00 UTC · Scheduled\nPlanned.',
      ),
    });
    const first = events(maintenanceCalendar(publicModel(file('')), NOW));
    const second = events(
      maintenanceCalendar(
        publicModel(file('\n\n## 2026-11-23 08:00 UTC · Update\nNow with a longer window note.')),
        NOW,
      ),
    );
    expect(first.map((e) => [e.uid, e.sequence, e.start, e.end])).toEqual([
      [
        '2026-11-25-db@example.github.io',
        0,
        '2026-11-26T03:00:00.000Z',
        '2026-11-26T06:30:00.000Z',
      ],
    ]);
    expect(second.map((e) => [e.uid, e.sequence])).toEqual([
      ['2026-11-25-db@example.github.io', 1],
    ]);
    expect(second[0]!.stamp).toBe('2026-11-23T08:00:00Z');
    expect(second[0]!.description).toContain('Update: Now with a longer window note.');
  });

  it('shows the actual end of a window completed early, and is identical when nothing changed', () => {
    const files = {
      'components.yaml': CONFIG,
      'incidents/2026-11-23-quick.md': incidentFile(
        'title: Quick fix\nkind: maintenance\nscheduled_for: 2026-11-23 09:00 UTC\nscheduled_until: 2026-11-23 11:00 UTC\ncomponents: [web]',
        'Quick.\n\n## 2026-11-22 09:00 UTC · Scheduled\nPlanned.\n\n## 2026-11-23 09:40 UTC · Completed\nDone early.',
      ),
    };
    const quick = publicModel(files);
    expect(
      events(maintenanceCalendar(quick, NOW)).map((e) => [e.start, e.end, e.sequence]),
    ).toEqual([['2026-11-23T09:00:00.000Z', '2026-11-23T09:40:00.000Z', 1]]);
    expect(maintenanceCalendar(quick, new Date('2026-11-24T00:00:00Z'))).toBe(
      maintenanceCalendar(quick, NOW),
    );
  });

  it('keeps raw HTML out of descriptions and never shows internal incidents', () => {
    const files = {
      'components.yaml': CONFIG,
      'incidents/2026-12-02-x.md': incidentFile(
        'title: Window\nkind: maintenance\nscheduled_for: 2026-12-02 01:00 UTC\nscheduled_until: 2026-12-02 02:00 UTC\ncomponents: [web]',
        'Plain <script>alert(1)</script> words, [a link](https://example.org).\n\n- one <i>item</i>\n- two\n\n## 2026-11-22 09:00 UTC · Scheduled\nPlanned; see <b>this</b>.',
      ),
    };
    const [event] = events(maintenanceCalendar(publicModel(files), NOW));
    // A link keeps its address: a calendar shows text only (the one plain-text rule).
    expect(event!.description).toContain(
      'Plain alert(1) words, a link (https://example.org/).\n\n- one item\n- two',
    );
    expect(event!.description).toContain('Scheduled: Planned; see this.');
    expect(maintenanceCalendar(model, NOW)).not.toContain('SECRET-MARKER');
  });
});
