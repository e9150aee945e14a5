import { fileURLToPath } from 'node:url';
import { forAudience } from '../../src/core/audience.ts';
import { noticeEvents } from '../../src/notify/events.ts';
import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/cli/validate.ts';
import { notifyConfigSchema } from '../../src/notify/config-schema.ts';
import { emptyLedger, withRecords } from '../../src/notify/ledger.ts';
import { planNotices } from '../../src/notify/plan.ts';
import { renderText } from '../../src/notify/render/text.ts';
import { API_INCIDENT, COMPONENTS, loadModel, NOW, tempRepo } from './fixture.ts';

/** The shared audience fixture: every internal place holds a "CANARY" marker. */
const AUDIENCE_REPO = fileURLToPath(new URL('../fixtures/audience-repo/', import.meta.url));
const TYPES = [
  { type: 'slack' },
  { type: 'discord' },
  { type: 'teams' },
  { type: 'webhook' },
  { type: 'webhook', format: 'statuspage' },
];

describe('notices by audience', () => {
  it('public channels never carry internal incidents, components or blocks; internal channels do', async () => {
    const { model } = await validateRepository(AUDIENCE_REPO, NOW);
    const channels = ['public', 'internal'].flatMap((audience) =>
      TYPES.map((t, i) => ({ ...t, id: `${audience}-${i}`, url_env: 'URL', audience })),
    );
    const config = notifyConfigSchema.parse({ channels, max_age_hours: 24 * 30 });
    const ledger = channels.reduce((l, c) => withRecords(l, c.id, []), emptyLedger());
    const plan = planNotices(model!, config, ledger, NOW);
    for (const channelPlan of plan.channels) {
      const sent = JSON.stringify(channelPlan.send.map((n) => [n.body, renderText(n.event)]));
      expect(channelPlan.send.length, channelPlan.channel.id).toBeGreaterThan(0);
      if (channelPlan.channel.audience === 'public')
        expect(sent, channelPlan.channel.id).not.toContain('CANARY');
      else expect(sent, channelPlan.channel.id).toContain('CANARY-internal-incident-title');
    }
  });

  it('sends the public an "Update" only when it says something public', async () => {
    const repo = await tempRepo({
      'components.yaml': COMPONENTS,
      'incidents/2026-11-23-api-errors.md': `${API_INCIDENT}
## 2026-11-23 11:00 UTC · Update
<!-- internal -->
The on-call engineer is paging the database team.
<!-- /internal -->
`,
    });
    try {
      const model = await loadModel(repo.dir);
      const ids = (audience: 'public' | 'internal') =>
        noticeEvents(forAudience(model, audience), NOW).map((e) => e.id);
      expect(ids('internal')).toContain('2026-11-23-api-errors@2026-11-23T11:00:00.000Z');
      expect(ids('public')).not.toContain('2026-11-23-api-errors@2026-11-23T11:00:00.000Z');
      expect(ids('public')).toContain('2026-11-23-api-errors@2026-11-23T10:25:00.000Z');
    } finally {
      await repo.remove();
    }
  });
});
