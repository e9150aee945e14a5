import { describe, expect, it } from 'vitest';
import {
  activeMaintenancesResponse,
  componentsResponse,
  incidentsResponse,
  scheduledMaintenancesResponse,
  statuspageIncident,
  summaryResponse,
  unresolvedIncidentsResponse,
  upcomingMaintenancesResponse,
} from '../../src/feeds/statuspage-api.ts';
import { statuspageSummarySchema } from '../../src/feeds/statuspage-schema.ts';
import { FILES } from './fixture.ts';
import { CONFIG, incidentFile, NOW, publicModel } from './helpers.ts';

const model = publicModel(FILES);
const summary = summaryResponse(model, NOW);

describe('the Statuspage v2 API of a small page', () => {
  it("is exactly Statuspage's summary shape", () => {
    expect(statuspageSummarySchema.safeParse(summary).error?.issues).toBeUndefined();
  });

  it('identifies everything by our readable ids', () => {
    expect(summary.page).toEqual({
      id: 'example-github-io-status',
      name: 'Test Cloud',
      url: 'https://example.github.io/status/',
      time_zone: 'Europe/Berlin',
      updated_at: '2026-11-23T11:30:00.000Z',
    });
    expect(summary.components.map((c) => c.id)).toEqual(['core', 'api', 'auth', 'web']);
    const incident = summary.incidents[0]!;
    expect(incident.id).toBe('2026-11-23-slow-sign-in');
    expect(incident.shortlink).toBe(
      'https://example.github.io/status/incidents/2026-11-23-slow-sign-in/',
    );
    expect(incident.incident_updates.map((u) => u.id)).toEqual([
      '2026-11-23-slow-sign-in@2026-11-23T11:00:00.000Z',
    ]);
  });

  it('lists groups as group rows with their children, positions counted within each level', () => {
    const rows = componentsResponse(model, NOW).components;
    expect(
      rows.map((r) => [r.id, r.group, r.group_id, r.position, r.group ? r.components : undefined]),
    ).toEqual([
      ['core', true, null, 1, ['api', 'auth']],
      ['api', false, 'core', 1, undefined],
      ['auth', false, 'core', 2, undefined],
      ['web', false, null, 2, undefined],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      core: 'degraded_performance',
      api: 'operational',
      auth: 'degraded_performance',
      web: 'under_maintenance',
    });
    expect(rows[1]).toMatchObject({
      description: 'api.example.dev',
      start_date: '2025-01-01',
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2026-11-21T08:00:00.000Z',
    });
  });

  it('gives the page status Statuspage would', () => {
    expect(summary.status).toEqual({
      indicator: 'minor',
      description: 'Partially Degraded Service',
    });
  });

  it("gives each update its components' old and new statuses, newest update first", () => {
    const outage = incidentsResponse(model, NOW).incidents.find(
      (i) => i.id === '2026-11-20-outage',
    )!;
    const changes = outage.incident_updates.map((u) => [
      u.status,
      u.display_at,
      u.affected_components?.map((c) => `${c.code}:${c.old_status}>${c.new_status}`),
    ]);
    expect(changes).toEqual([
      [
        'resolved',
        '2026-11-20T11:00:00.000Z',
        ['api:degraded_performance>operational', 'web:operational>operational'],
      ],
      [
        'monitoring',
        '2026-11-20T10:30:00.000Z',
        ['api:major_outage>degraded_performance', 'web:partial_outage>operational'],
      ],
      [
        'investigating',
        '2026-11-20T10:00:00.000Z',
        ['api:operational>major_outage', 'web:operational>partial_outage'],
      ],
    ]);
    expect(outage).toMatchObject({
      status: 'postmortem',
      impact: 'critical',
      created_at: '2026-11-20T10:00:00.000Z',
      started_at: '2026-11-20T10:00:00.000Z',
      monitoring_at: '2026-11-20T10:30:00.000Z',
      resolved_at: '2026-11-20T11:00:00.000Z',
      updated_at: '2026-11-20T11:00:00.000Z',
      reminder_intervals: null,
    });
    expect(outage.components.map((c) => c.id)).toEqual(['api', 'web']);
  });

  it('keeps updates dated in the future out', () => {
    const slow = unresolvedIncidentsResponse(model, NOW).incidents;
    expect(slow.map((i) => [i.id, i.status, i.incident_updates.length, i.updated_at])).toEqual([
      ['2026-11-23-slow-sign-in', 'investigating', 1, '2026-11-23T11:00:00.000Z'],
    ]);
    const later = new Date('2026-11-23T13:30:00Z');
    expect(
      statuspageIncident(
        model,
        model.incidents.find((i) => i.id === '2026-11-23-slow-sign-in')!,
        later,
      ).status,
    ).toBe('identified');
  });

  it('follows the clock for maintenance and sorts windows newest first', () => {
    expect(
      upcomingMaintenancesResponse(model, NOW).scheduled_maintenances.map((m) => [
        m.id,
        m.status,
        m.scheduled_for,
        m.scheduled_until,
        m.impact,
      ]),
    ).toEqual([
      [
        '2026-12-01-api-maintenance',
        'scheduled',
        '2026-12-01T01:00:00.000Z',
        '2026-12-01T02:00:00.000Z',
        'minor',
      ],
    ]);
    expect(
      activeMaintenancesResponse(model, NOW).scheduled_maintenances.map((m) => [
        m.id,
        m.status,
        m.started_at,
        m.updated_at,
      ]),
    ).toEqual([
      [
        '2026-11-23-web-maintenance',
        'in_progress',
        '2026-11-23T11:30:00.000Z',
        '2026-11-23T11:30:00.000Z',
      ],
    ]);
    expect(
      scheduledMaintenancesResponse(model, NOW).scheduled_maintenances.map((m) => m.id),
    ).toEqual(['2026-12-01-api-maintenance', '2026-11-23-web-maintenance']);
    expect(summary.scheduled_maintenances.map((m) => m.id)).toEqual([
      '2026-12-01-api-maintenance',
      '2026-11-23-web-maintenance',
    ]);
    const after = new Date('2026-11-23T13:00:00Z');
    expect(scheduledMaintenancesResponse(model, after).scheduled_maintenances[1]).toMatchObject({
      status: 'completed',
      resolved_at: '2026-11-23T12:30:00.000Z',
    });
    expect(activeMaintenancesResponse(model, after).scheduled_maintenances).toEqual([]);
  });

  it('never shows an internal incident', () => {
    const everything = JSON.stringify([
      summary,
      incidentsResponse(model, NOW),
      scheduledMaintenancesResponse(model, NOW),
    ]);
    expect(everything).not.toContain('SECRET-MARKER');
    expect(everything).not.toContain('2026-11-22-internal');
  });

  it('depends on the content, not on the build clock', () => {
    const later = new Date('2026-11-23T12:10:00Z');
    expect(JSON.stringify(summaryResponse(model, later))).toBe(JSON.stringify(summary));
    expect(summaryResponse(model, new Date('2026-11-23T13:00:00Z')).page.updated_at).toBe(
      '2026-11-23T13:00:00.000Z',
    );
  });

  it('lists the latest 50 incidents, newest first', () => {
    const files: Record<string, string> = { 'components.yaml': CONFIG };
    for (let day = 1; day <= 55; day++) {
      const date = new Date(Date.UTC(2026, 6, day, 9)).toISOString().slice(0, 10);
      files[`incidents/${date}-blip.md`] = incidentFile(
        'title: Blip\nimpact: minor\ncomponents:\n  web: degraded_performance',
        `Blip.\n\n## ${date} 09:00 UTC · Investigating\nSlow.\n\n## ${date} 09:30 UTC · Resolved\nFine.`,
      );
    }
    const incidents = incidentsResponse(publicModel(files), NOW).incidents;
    expect(incidents).toHaveLength(50);
    expect(incidents[0]!.id).toBe('2026-08-24-blip');
    expect(incidents.at(-1)!.id).toBe('2026-07-06-blip');
  });
});
