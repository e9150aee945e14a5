import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  statuspageComponentSchema,
  statuspageIncidentsResponseSchema,
  statuspageSummarySchema,
} from '../../src/feeds/statuspage-schema.ts';

const reference = async (name: string) =>
  JSON.parse(await readFile(new URL(`reference/${name}`, import.meta.url), 'utf8'));

/**
 * The schemas our API output is checked against must be Statuspage's own shapes: the real
 * responses must pass them strictly (no field missing, none unknown), so a field we invented or
 * forgot, a wrong type or an unknown enum value would show here.
 */
describe('the Statuspage v2 schemas against real Statuspage responses', () => {
  it('accept githubstatus.com incidents.json exactly', async () => {
    const result = statuspageIncidentsResponseSchema.safeParse(
      await reference('incidents.real-githubstatus-2024.json'),
    );
    expect(result.error?.issues).toBeUndefined();
  });

  it('accept a status.hashicorp.com group row exactly', async () => {
    const result = statuspageComponentSchema.safeParse(
      await reference('components.group-row.real-hashicorp.json'),
    );
    expect(result.error?.issues).toBeUndefined();
  });

  it('accept the documented summary example once given exactly the fields added since it was written', async () => {
    const summary = await reference('summary.example.json');
    const result = statuspageSummarySchema.safeParse(summary);
    // The 2014 example predates these fields; everything else in it must match.
    const missing = new Set(
      result.error?.issues.map(
        (i) => `${i.path.filter((p) => typeof p === 'string').join('.')}: ${i.code}`,
      ),
    );
    expect([...missing].sort()).toEqual([
      'incidents.components: invalid_type',
      'incidents.incident_updates.affected_components: invalid_type',
      'incidents.incident_updates.custom_tweet: invalid_type',
      'incidents.incident_updates.deliver_notifications: invalid_type',
      'incidents.incident_updates.tweet_id: invalid_type',
      'incidents.reminder_intervals: invalid_type',
      'incidents.started_at: invalid_type',
      'scheduled_maintenances.components: invalid_type',
      'scheduled_maintenances.incident_updates.affected_components: invalid_type',
      'scheduled_maintenances.incident_updates.custom_tweet: invalid_type',
      'scheduled_maintenances.incident_updates.deliver_notifications: invalid_type',
      'scheduled_maintenances.incident_updates.tweet_id: invalid_type',
      'scheduled_maintenances.reminder_intervals: invalid_type',
      'scheduled_maintenances.started_at: invalid_type',
    ]);
    for (const entry of [...summary.incidents, ...summary.scheduled_maintenances]) {
      Object.assign(entry, {
        started_at: entry.created_at,
        components: [],
        reminder_intervals: null,
      });
      for (const update of entry.incident_updates)
        Object.assign(update, {
          affected_components: null,
          deliver_notifications: true,
          custom_tweet: null,
          tweet_id: null,
        });
    }
    expect(statuspageSummarySchema.safeParse(summary).error?.issues).toBeUndefined();
  });

  it('refuse an extra field, a missing field, a wrong type and an unknown enum value', async () => {
    const row = await reference('components.group-row.real-hashicorp.json');
    expect(statuspageComponentSchema.safeParse({ ...row, extra: 1 }).success).toBe(false);
    const { showcase: _, ...withoutShowcase } = row;
    expect(statuspageComponentSchema.safeParse(withoutShowcase).success).toBe(false);
    expect(statuspageComponentSchema.safeParse({ ...row, position: '1' }).success).toBe(false);
    expect(statuspageComponentSchema.safeParse({ ...row, status: 'down' }).success).toBe(false);
    expect(statuspageComponentSchema.safeParse({ ...row, group: false }).success).toBe(false);
  });
});
