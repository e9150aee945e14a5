import { describe, expect, it } from 'vitest';
import { loadRepository } from './load-repository.ts';
import type { StatusModel } from './model.ts';
import { createLocale } from '../i18n/locale.ts';
import { componentUptime, formatUptime, segmentsByComponent } from './uptime.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function repository(
  incidents: Record<string, string>,
  components = '  - { id: api, name: API }\n',
  extra = '',
): StatusModel {
  const { model, diagnostics } = loadRepository(
    {
      config: {
        path: 'components.yaml',
        bytes: encode(
          `page: { name: Test, url: https://status.test }\ncomponents:\n${components}${extra}`,
        ),
      },
      incidents: Object.entries(incidents).map(([name, text]) => ({
        path: `incidents/${name}.md`,
        bytes: encode(text),
      })),
    },
    { now: new Date('2026-11-23T12:00:00Z') },
  );
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

function uptimeOf(model: StatusModel, now: Date, component = 'api', timezone = 'UTC') {
  const segments =
    segmentsByComponent(model.incidents, now, new Date(now.getTime() - 91 * DAY)).get(component) ??
    [];
  const since = model.components.find((c) => c.id === component)?.since;
  return componentUptime(segments, { now, timezone, weights: model.uptimeWeights, since });
}

const now = new Date('2026-11-23T12:00:00Z');
/** Observed time over 90 days ending at `now`: 89 whole days and today until noon. */
const OBSERVED = 89 * DAY + 12 * HOUR;

const en = createLocale({ language: 'en', timezone: 'UTC' });

describe('componentUptime', () => {
  it('counts 90 days, today last, all up when nothing happened', () => {
    const uptime = uptimeOf(repository({}), now);
    expect(uptime.days).toHaveLength(90);
    expect(uptime.days[0]!.day).toBe('2026-08-26');
    expect(uptime.days.at(-1)!.day).toBe('2026-11-23');
    expect(uptime.days.every((d) => d.status === 'operational' && d.incidents.length === 0)).toBe(
      true,
    );
    expect(uptime.ratio).toBe(1);
    expect(formatUptime(uptime.ratio, en)).toBe('100.00%');
  });

  it('puts an incident that crosses midnight on both days, and counts a major outage fully', () => {
    const model = repository({
      night: `---\ntitle: Night outage\nimpact: critical\ncomponents: { api: major_outage }\n---\nDown.\n\n## 2026-11-20 23:00 UTC · Investigating\nDown.\n\n## 2026-11-21 01:00 UTC · Resolved\nBack.\n`,
    });
    const uptime = uptimeOf(model, now);
    const byDay = new Map(uptime.days.map((d) => [d.day, d]));
    expect(byDay.get('2026-11-20')).toEqual({
      day: '2026-11-20',
      status: 'major_outage',
      incidents: ['night'],
    });
    expect(byDay.get('2026-11-21')).toEqual({
      day: '2026-11-21',
      status: 'major_outage',
      incidents: ['night'],
    });
    expect(byDay.get('2026-11-22')!.status).toBe('operational');
    expect(uptime.ratio).toBeCloseTo(1 - (2 * HOUR) / OBSERVED, 12);
  });

  it('cuts days at midnight in the page time zone', () => {
    const model = repository({
      night: `---\ntitle: Night outage\nimpact: critical\ncomponents: { api: major_outage }\n---\nDown.\n\n## 2026-11-20 23:00 UTC · Investigating\nDown.\n\n## 2026-11-21 01:00 UTC · Resolved\nBack.\n`,
    });
    // 23:00-01:00 UTC is 18:00-20:00 in New York: one day only.
    const days = uptimeOf(model, now, 'api', 'America/New_York').days.filter(
      (d) => d.incidents.length > 0,
    );
    expect(days.map((d) => d.day)).toEqual(['2026-11-20']);
  });

  it('counts an incident still open at now until now only, with partial outage weighted 0.3', () => {
    const model = repository({
      open: `---\ntitle: Errors\nimpact: major\ncomponents: { api: partial_outage }\n---\nErrors.\n\n## 2026-11-23 08:00 UTC · Investigating\nErrors.\n`,
    });
    const uptime = uptimeOf(model, now);
    expect(uptime.days.at(-1)).toEqual({
      day: '2026-11-23',
      status: 'partial_outage',
      incidents: ['open'],
    });
    expect(uptime.ratio).toBeCloseTo(1 - (0.3 * 4 * HOUR) / OBSERVED, 12);
  });

  it('follows status changes within an incident and counts overlapping incidents once, by the worst weight', () => {
    const model = repository({
      a: `---\ntitle: A\nimpact: major\ncomponents: { api: major_outage }\n---\nA.\n\n## 2026-11-22 10:00 UTC · Investigating\nA.\n\n## 2026-11-22 11:00 UTC · Monitoring\nComponents: api: degraded_performance\n\nBetter.\n\n## 2026-11-22 12:00 UTC · Resolved\nDone.\n`,
      b: `---\ntitle: B\nimpact: major\ncomponents: { api: partial_outage }\n---\nB.\n\n## 2026-11-22 10:30 UTC · Investigating\nB.\n\n## 2026-11-22 11:30 UTC · Resolved\nDone.\n`,
    });
    const uptime = uptimeOf(model, now);
    expect(uptime.days.find((d) => d.day === '2026-11-22')).toEqual({
      day: '2026-11-22',
      status: 'major_outage',
      incidents: ['a', 'b'],
    });
    // 10:00-11:00 major (1), 11:00-11:30 partial (0.3) over degraded (0), 11:30-12:00 degraded (0).
    expect(uptime.ratio).toBeCloseTo(1 - (1 * HOUR + 0.3 * 0.5 * HOUR) / OBSERVED, 12);
  });

  it('shows maintenance on its days and counts it as up by default, as down when the weights say so', () => {
    const maintenance = `---\ntitle: Upgrade\nkind: maintenance\nscheduled_for: 2026-11-15 01:00 UTC\nscheduled_until: 2026-11-15 03:00 UTC\ncomponents: [api]\n---\nUpgrade.\n\n## 2026-11-10 09:00 UTC · Scheduled\nPlanned.\n`;
    const up = uptimeOf(repository({ upgrade: maintenance }), now);
    expect(up.days.find((d) => d.day === '2026-11-15')).toEqual({
      day: '2026-11-15',
      status: 'under_maintenance',
      incidents: ['upgrade'],
    });
    expect(up.ratio).toBe(1);
    const strict = uptimeOf(
      repository(
        { upgrade: maintenance },
        undefined,
        'uptime: { weights: { under_maintenance: 1 } }\n',
      ),
      now,
    );
    expect(strict.ratio).toBeCloseTo(1 - (2 * HOUR) / OBSERVED, 12);
  });

  it('starts a component added 10 days ago on its since day: no data before, uptime over its own days', () => {
    const model = repository(
      {
        open: `---\ntitle: Errors\nimpact: critical\ncomponents: { api: major_outage }\n---\nDown.\n\n## 2026-11-23 09:00 UTC · Investigating\nDown.\n`,
      },
      '  - { id: api, name: API, since: 2026-11-13 }\n',
    );
    const uptime = uptimeOf(model, now);
    const withData = uptime.days.filter((d) => d.status !== undefined);
    expect(withData[0]!.day).toBe('2026-11-13');
    expect(withData).toHaveLength(11);
    expect(
      uptime.days.slice(0, 79).every((d) => d.status === undefined && d.incidents.length === 0),
    ).toBe(true);
    expect(uptime.ratio).toBeCloseTo(1 - (3 * HOUR) / (10 * DAY + 12 * HOUR), 12);
  });

  it('has no ratio for a component that starts in the future', () => {
    const model = repository({}, '  - { id: api, name: API, since: 2026-12-01 }\n');
    const uptime = uptimeOf(model, now);
    expect(uptime.ratio).toBeUndefined();
    expect(formatUptime(uptime.ratio, en)).toBe('No data');
  });

  it('never rounds downtime up to 100 %', () => {
    expect(formatUptime(0.99999, en)).toBe('99.99%');
    expect(formatUptime(0.99999, createLocale({ language: 'de', timezone: 'UTC' }))).toBe(
      '99,99\u00a0%',
    );
    expect(formatUptime(0.9987, en)).toBe('99.87%');
  });
});
