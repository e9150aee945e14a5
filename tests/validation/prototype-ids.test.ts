import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/core/load-repository.ts';
import { notifyConfigSchema } from '../../src/notify/config-schema.ts';
import { emptyLedger, ledgerHas, withRecords } from '../../src/notify/ledger.ts';
import { planNotices } from '../../src/notify/plan.ts';
import { statuspageIncident, summaryResponse } from '../../src/feeds/statuspage-api.ts';
import { incidentFile, NOW, publicModel, type Files } from '../feeds/helpers.ts';

/**
 * Ids that are also names on Object.prototype. `constructor` is the one a valid id can spell;
 * the others must be refused by the id rule, never looked up on a plain object's prototype.
 */
const CONFIG = `
page: { name: Test Cloud, url: "https://example.github.io/status/", timezone: Europe/Berlin }
components:
  - { id: constructor, name: Constructor service }
  - { id: api, name: REST API }
`;

const GROUP_CONFIG = `
page: { name: Test Cloud, url: "https://example.github.io/status/", timezone: Europe/Berlin }
groups:
  - { id: constructor, name: Builders }
components:
  - { id: builds, name: Builds, group: constructor }
`;

const FILES: Files = {
  'components.yaml': CONFIG,
  'incidents/constructor.md': incidentFile(
    `title: Slow builds
impact: major
components:
  constructor: major_outage`,
    `Builds fail.

## 2026-11-20 10:00 UTC · Investigating
Builds fail.

## 2026-11-20 10:30 UTC · Monitoring
Components: constructor: degraded_performance, api: partial_outage

Better.

## 2026-11-20 11:00 UTC · Resolved
All good.`,
  ),
};

describe('ids that name Object.prototype members', () => {
  const model = publicModel(FILES);

  it('keeps old_status and new_status of a component called constructor in the API', () => {
    const incident = statuspageIncident(model, model.incidents[0]!, NOW);
    const rows = incident.incident_updates.map((u) =>
      u.affected_components?.map((c) => [c.code, c.old_status, c.new_status]),
    );
    expect(rows).toEqual([
      [
        ['constructor', 'degraded_performance', 'operational'],
        ['api', 'partial_outage', 'operational'],
      ],
      [
        ['constructor', 'major_outage', 'degraded_performance'],
        ['api', 'operational', 'partial_outage'],
      ],
      [
        ['constructor', 'operational', 'major_outage'],
        ['api', 'operational', 'operational'],
      ],
    ]);
    expect(JSON.stringify(incident)).not.toContain('function');
  });

  it('finds the group called constructor and its component', () => {
    const grouped = publicModel({
      'components.yaml': GROUP_CONFIG,
      'incidents/x.md': incidentFile(
        'title: x\nimpact: minor\ncomponents:\n  builds: major_outage',
        'Body.\n\n## 2026-11-23 10:00 UTC · Investigating\nx',
      ),
    });
    const summary = summaryResponse(grouped, NOW);
    expect(
      summary.components.map((c) => [
        c.id,
        c.group_id,
        c.status,
        c.group ? c.components : undefined,
      ]),
    ).toEqual([
      ['constructor', null, 'major_outage', ['builds']],
      ['builds', 'constructor', 'major_outage', undefined],
    ]);
  });

  it.each(['__proto__', 'toString', 'hasOwnProperty', '__defineGetter__'])(
    'refuses %s as a component key with a clear error, not a crash',
    (id) => {
      const text = incidentFile(
        `title: x\nimpact: minor\ncomponents:\n  ${id}: major_outage`,
        'Body.\n\n## 2026-11-20 10:00 UTC · Investigating\nx',
      );
      const bytes = (t: string) => new TextEncoder().encode(t);
      const { diagnostics } = loadRepository(
        {
          config: { path: 'components.yaml', bytes: bytes(CONFIG) },
          incidents: [{ path: 'incidents/x.md', bytes: bytes(text) }],
        },
        { now: NOW },
      );
      expect(
        diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message]),
      ).toEqual([[5, expect.stringContaining(id)]]);
    },
  );

  it('bootstraps a notice channel called constructor that the ledger has never seen', () => {
    const config = notifyConfigSchema.parse({
      channels: [
        { id: 'constructor', type: 'slack', url_env: 'SLACK_URL', components: ['constructor'] },
      ],
    });
    const other = withRecords(emptyLedger(), 'slack', []);
    const [plan] = planNotices(model, config, other, NOW).channels;
    expect(plan).toMatchObject({ bootstrap: true, send: [] });
    expect(plan!.record.length).toBeGreaterThan(0);
    expect(ledgerHas(other, 'constructor', 'toString')).toBe(false);
  });
});
