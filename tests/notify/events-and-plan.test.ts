import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forAudience } from '../../src/core/audience.ts';
import type { StatusModel } from '../../src/core/model.ts';
import { notifyConfigSchema, type NotifyConfig } from '../../src/notify/config-schema.ts';
import { noticeEvents } from '../../src/notify/events.ts';
import { emptyLedger, withRecords, type LedgerSnapshot } from '../../src/notify/ledger.ts';
import { planNotices, webhookId } from '../../src/notify/plan.ts';
import { loadModel, NOW, STANDARD_FILES, tempRepo } from './fixture.ts';

let model: StatusModel;
let remove: () => Promise<void>;
beforeAll(async () => {
  const repo = await tempRepo(STANDARD_FILES);
  remove = repo.remove;
  model = await loadModel(repo.dir);
});
afterAll(() => remove());

const config = (channels: unknown[], extra: object = {}): NotifyConfig =>
  notifyConfigSchema.parse({ channels, ...extra });
const slack = { id: 'slack', type: 'slack', url_env: 'SLACK_URL' };
/** A ledger that knows the channel (past bootstrap) and holds the given notice ids. */
const known = (channelId: string, ids: string[] = []): LedgerSnapshot =>
  withRecords(
    emptyLedger(),
    channelId,
    ids.map((noticeId) => ({ noticeId, entry: { at: NOW.toISOString(), via: 'sent' as const } })),
  );

describe('events from content', () => {
  it('gives each published update a stable id and a kind, oldest first, postmortem after its resolution', () => {
    const events = noticeEvents(forAudience(model, 'public'), NOW).filter(
      (e) => e.kind !== 'component.updated',
    );
    expect(events.map((e) => [e.id, e.kind])).toEqual([
      ['2026-11-20-slow-dashboard@2026-11-20T08:00:00.000Z', 'incident.created'],
      ['2026-11-20-slow-dashboard@2026-11-20T09:00:00.000Z', 'incident.resolved'],
      ['2026-11-20-slow-dashboard#postmortem', 'incident.postmortem'],
      ['2026-12-05-database-upgrade@2026-11-23T08:00:00.000Z', 'maintenance.scheduled'],
      ['2026-11-23-api-errors@2026-11-23T09:12:00.000Z', 'incident.created'],
      ['2026-11-23-api-errors@2026-11-23T10:25:00.000Z', 'incident.updated'],
    ]);
  });

  it('promises the next update only on the latest update', () => {
    const events = noticeEvents(model, NOW).filter(
      (e) => e.incident.id === '2026-11-23-api-errors' && e.kind !== 'component.updated',
    );
    expect(events.map((e) => e.nextUpdate?.toISOString())).toEqual([
      undefined,
      '2026-11-23T16:00:00.000Z',
    ]);
    expect(events[0]!.url).toBe('https://status.acme.test/status/incidents/2026-11-23-api-errors/');
  });

  it('keeps internal incidents out of the public view and in the internal one', () => {
    const ids = (audience: 'public' | 'internal') =>
      noticeEvents(forAudience(model, audience), NOW).map((e) => e.id);
    expect(ids('public').some((id) => id.startsWith('2026-11-23-billing'))).toBe(false);
    expect(ids('internal')).toContain('2026-11-23-billing@2026-11-23T11:00:00.000Z');
  });

  it('starts and completes a maintenance by the clock when no update says so', () => {
    const during = noticeEvents(model, new Date('2026-12-05T03:00:00Z')).filter(
      (e) => e.incident.kind === 'maintenance',
    );
    expect(during.map((e) => [e.id, e.kind, e.status])).toEqual([
      [
        '2026-12-05-database-upgrade@2026-11-23T08:00:00.000Z',
        'maintenance.scheduled',
        'scheduled',
      ],
      ['2026-12-05-database-upgrade#started', 'maintenance.started', 'in_progress'],
      [
        '2026-12-05-database-upgrade#started#component:database',
        'component.updated',
        'in_progress',
      ],
    ]);
    const after = noticeEvents(model, new Date('2026-12-05T05:00:00Z')).filter(
      (e) => e.kind === 'component.updated' && e.incident.kind === 'maintenance',
    );
    expect(after.map((e) => e.change)).toEqual([
      { id: 'database', name: 'Managed PostgreSQL', from: 'operational', to: 'under_maintenance' },
      { id: 'database', name: 'Managed PostgreSQL', from: 'under_maintenance', to: 'operational' },
    ]);
  });

  it('reports each component status change as its own notice', () => {
    const changes = noticeEvents(model, NOW).filter(
      (e) => e.kind === 'component.updated' && e.incident.id === '2026-11-23-api-errors',
    );
    expect(changes.map((e) => [e.id, e.change!.from, e.change!.to])).toEqual([
      [
        '2026-11-23-api-errors@2026-11-23T09:12:00.000Z#component:api',
        'operational',
        'partial_outage',
      ],
      [
        '2026-11-23-api-errors@2026-11-23T09:12:00.000Z#component:dashboard',
        'operational',
        'degraded_performance',
      ],
      [
        '2026-11-23-api-errors@2026-11-23T10:25:00.000Z#component:api',
        'partial_outage',
        'degraded_performance',
      ],
      [
        '2026-11-23-api-errors@2026-11-23T10:25:00.000Z#component:dashboard',
        'degraded_performance',
        'operational',
      ],
    ]);
  });
});

describe('planNotices', () => {
  it('bootstraps a channel the ledger has never seen: records everything, sends nothing', () => {
    for (const ledger of [undefined, known('other')]) {
      const [plan] = planNotices(model, config([slack]), ledger, NOW).channels;
      expect(plan!.bootstrap).toBe(true);
      expect(plan!.send).toEqual([]);
      expect(plan!.record.every((r) => r.via === 'bootstrap')).toBe(true);
      expect(plan!.record).toHaveLength(6);
    }
  });

  it('sends what the ledger lacks, oldest first, and expires what is older than max_age_hours', () => {
    const [plan] = planNotices(
      model,
      config([slack]),
      known('slack', ['2026-11-23-api-errors@2026-11-23T09:12:00.000Z']),
      NOW,
    ).channels;
    expect(plan!.send.map((n) => n.event.id)).toEqual([
      // A postmortem has no time of its own, so age never holds it back.
      '2026-11-20-slow-dashboard#postmortem',
      '2026-12-05-database-upgrade@2026-11-23T08:00:00.000Z',
      '2026-11-23-api-errors@2026-11-23T10:25:00.000Z',
    ]);
    expect(plan!.record).toEqual([
      { noticeId: '2026-11-20-slow-dashboard@2026-11-20T08:00:00.000Z', via: 'expired' },
      { noticeId: '2026-11-20-slow-dashboard@2026-11-20T09:00:00.000Z', via: 'expired' },
    ]);
    expect(plan!.send[1]!.webhookId).toBe(webhookId('slack', plan!.send[1]!.event.id));
    const longer = planNotices(
      model,
      config([slack], { max_age_hours: 24 * 7 }),
      known('slack'),
      NOW,
    ).channels[0]!;
    expect(longer.record).toEqual([]);
    expect(longer.send).toHaveLength(6);
  });

  it("applies each channel's filters and audience", () => {
    const channels = [
      { id: 'major', type: 'discord', url_env: 'A', min_impact: 'major' },
      { id: 'db', type: 'teams', url_env: 'B', components: ['database'] },
      { id: 'resolved', type: 'slack', url_env: 'C', events: ['incident.resolved'] },
      { id: 'ops', type: 'webhook', url_env: 'D', audience: 'internal', components: ['billing'] },
      { id: 'sp', type: 'webhook', url_env: 'E', format: 'statuspage', components: ['api'] },
    ];
    const ledger = channels.reduce<LedgerSnapshot>(
      (l, c) => withRecords(l, c.id, []),
      emptyLedger(),
    );
    const plans = planNotices(
      model,
      config(channels, { max_age_hours: 24 * 7 }),
      ledger,
      NOW,
    ).channels;
    const sent = Object.fromEntries(
      plans.map((p) => [p.channel.id, p.send.map((n) => `${n.event.kind} ${n.event.incident.id}`)]),
    );
    expect(sent.major).toEqual([
      'maintenance.scheduled 2026-12-05-database-upgrade',
      'incident.created 2026-11-23-api-errors',
      'incident.updated 2026-11-23-api-errors',
    ]);
    expect(sent.db).toEqual(['maintenance.scheduled 2026-12-05-database-upgrade']);
    expect(sent.resolved).toEqual(['incident.resolved 2026-11-20-slow-dashboard']);
    expect(sent.ops).toEqual(['incident.created 2026-11-23-billing']);
    expect(sent.sp).toEqual([
      'incident.created 2026-11-23-api-errors',
      'component.updated 2026-11-23-api-errors',
      'incident.updated 2026-11-23-api-errors',
      'component.updated 2026-11-23-api-errors',
    ]);
  });

  it('plans a notice the same way in a later run: same webhook-id, same body, also in the Statuspage envelope', () => {
    const channels = [
      { id: 'sp', type: 'webhook', url_env: 'SP_URL', format: 'statuspage' },
      { id: 'hook', type: 'webhook', url_env: 'HOOK_URL' },
    ];
    const ledger = withRecords(known('sp'), 'hook', []);
    const at = (now: Date) =>
      planNotices(model, config(channels), ledger, now).channels.map((c) =>
        c.send.map((n) => ({
          id: n.event.id,
          webhookId: n.webhookId,
          body: JSON.stringify(n.body),
        })),
      );
    const first = at(NOW);
    expect(first.flat().length).toBeGreaterThan(0);
    // An hour later, a repeat after a crash is byte for byte what the receiver already has.
    expect(at(new Date(NOW.getTime() + 3_600_000))).toEqual(first);
  });

  it('counts what a run would send against max_per_run', () => {
    const plan = planNotices(
      model,
      config([slack, { ...slack, id: 'slack2' }], { max_per_run: 3 }),
      withRecords(known('slack'), 'slack2', []),
      NOW,
    );
    expect(plan.total).toBe(8);
    expect(plan.maxPerRun).toBe(3);
  });
});
