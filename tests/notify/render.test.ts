import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forAudience } from '../../src/core/audience.ts';
import type { StatusModel } from '../../src/core/model.ts';
import { noticeEvents, type NoticeEvent } from '../../src/notify/events.ts';
import { DISCORD_LIMITS, renderDiscord } from '../../src/notify/render/discord.ts';
import { toDialect } from '../../src/core/markdown-text.ts';
import { discordDialect, slackDialect, teamsDialect } from '../../src/notify/render/dialects.ts';
import { renderNotice } from '../../src/notify/render/render-notice.ts';
import { renderSlack, SLACK_LIMITS } from '../../src/notify/render/slack.ts';
import { renderStatuspage } from '../../src/notify/render/statuspage.ts';
import { renderTeams, TEAMS_MAX_BYTES } from '../../src/notify/render/teams.ts';
import { renderText } from '../../src/notify/render/text.ts';
import { renderWebhook } from '../../src/notify/render/webhook.ts';
import { wireJson } from '../../src/notify/wire.ts';
import { loadModel, NOW, STANDARD_FILES, tempRepo } from './fixture.ts';

const HOSTILE_TITLE = '<!channel> @everyone </script> *pwned* [x](javascript:alert(1))';
const HOSTILE_BODY = `<!channel> <!here|here> @everyone @here <@123456> <#987> </script><script>alert(1)</script>

Click [here](javascript:alert(1)) or ![img](data:text/html,<b>x</b>) or [the docs](https://docs.acme.test/a_(b)|c>d).

${Array.from({ length: 3 }, () => 'Everything is fine & dandy <really>. '.repeat(100)).join('\n')}`; // long, in lines under the 10,000-character limit

let model: StatusModel;
let events: NoticeEvent[];
let hostile: NoticeEvent;
let remove: () => Promise<void>;
beforeAll(async () => {
  const repo = await tempRepo({
    ...STANDARD_FILES,
    'incidents/2026-11-23-hostile.md': `---
title: ${JSON.stringify(HOSTILE_TITLE)}
impact: critical
components:
  api: major_outage
workaround: ${JSON.stringify(`@everyone <!channel> ${'retry '.repeat(400)}`)}
---
Summary.

## 2026-11-23 11:30 UTC · Investigating
${HOSTILE_BODY}
`,
  });
  remove = repo.remove;
  model = forAudience(await loadModel(repo.dir), 'public');
  events = noticeEvents(model, NOW);
  hostile = events.find(
    (e) => e.incident.id === '2026-11-23-hostile' && e.kind === 'incident.created',
  )!;
  expect(HOSTILE_BODY.length).toBeGreaterThan(10_000);
});
afterAll(() => remove());

const byId = (id: string) => events.find((e) => e.id === id)!;
const UPDATE = '2026-11-23-api-errors@2026-11-23T10:25:00.000Z';
const MAINTENANCE = '2026-12-05-database-upgrade@2026-11-23T08:00:00.000Z';

describe('Slack (Block Kit)', () => {
  it('matches the snapshot for an update and a maintenance', () => {
    expect(renderSlack(byId(UPDATE))).toMatchSnapshot();
    expect(renderSlack(byId(MAINTENANCE))).toMatchSnapshot();
  });

  it("has a header, sections in mrkdwn and a context line with the link, within Slack's limits", () => {
    const message = renderSlack(hostile);
    const blocks = message.blocks as {
      type: string;
      text?: { type: string; text: string };
      fields?: { text: string }[];
      elements?: { text: string }[];
    }[];
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
    ]);
    expect(blocks[0]!.text!.type).toBe('plain_text');
    expect(blocks[0]!.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    for (const block of blocks.slice(1, 4)) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.section);
      for (const field of block.fields ?? [])
        expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.field);
    }
    expect(blocks[2]!.text!.text).toMatch(
      /…\n<https:\/\/status\.acme\.test\/status\/incidents\/2026-11-23-hostile\/\|Read the full update>$/,
    );
    expect(blocks[4]!.elements![0]!.text).toContain(
      '<https://status.acme.test/status/incidents/2026-11-23-hostile/|View on Acme Cloud>',
    );
  });

  it('escapes user text: no mention, no broken markup, no script link', () => {
    const json = JSON.stringify(renderSlack(hostile));
    expect(json).not.toMatch(/<!channel|<!here|<!everyone|<@123456>|<#987>|<javascript:|<data:/);
    expect(json).not.toMatch(/@(everyone|here)\b/);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&lt;/script&gt;');
  });
});

describe('Discord (embed)', () => {
  it('matches the snapshot', () => {
    expect(renderDiscord(byId(UPDATE))).toMatchSnapshot();
  });

  it("has one embed with colour by impact, fields and a timestamp, within Discord's limits, and mentions nobody", () => {
    const message = renderDiscord(hostile);
    const [embed] = message.embeds;
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(embed.color).toBe(0xe74c3c);
    expect(renderDiscord(byId(UPDATE)).embeds[0].color).toBe(0xe67e22);
    expect(embed.timestamp).toBe('2026-11-23T11:30:00.000Z');
    expect(embed.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    for (const field of embed.fields)
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    const total =
      embed.title.length +
      embed.description.length +
      embed.footer.text.length +
      embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    expect(embed.description).toMatch(
      /…\n\[Read the full update\]\(<https:\/\/status\.acme\.test\/status\/incidents\/2026-11-23-hostile\/>\)$/,
    );
    expect(embed.fields.map((f) => f.name)).toEqual(['Status', 'Impact', 'Affected', 'Workaround']);
  });

  it('escapes user text', () => {
    const {
      embeds: [embed],
    } = renderDiscord(hostile);
    const text = `${embed.title}\n${embed.description}`;
    expect(text).not.toMatch(/(^|[^\\])<[@#!/]/);
    expect(text).not.toMatch(/@(everyone|here)\b|\]\(<?javascript:/);
    expect(embed.title).toContain('\\*pwned\\*');
  });
});

describe('Microsoft Teams (Workflows, Adaptive Card 1.4)', () => {
  it('matches the snapshot', () => {
    expect(renderTeams(byId(UPDATE))).toMatchSnapshot();
  });

  it('carries an Adaptive Card 1.4 under 28 KB with a link to the incident', () => {
    const message = renderTeams(hostile);
    expect(message.type).toBe('message');
    const [attachment] = message.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.4',
      actions: [
        {
          type: 'Action.OpenUrl',
          url: 'https://status.acme.test/status/incidents/2026-11-23-hostile/',
        },
      ],
    });
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/@(everyone|here)\b/);
    // The title's "[x](javascript:...)" is plain text: its brackets are escaped, so Teams makes no link of it.
    expect(text).toContain('\\\\[x\\\\](javascript:alert(1))');
    // Adaptive Cards render no HTML, and on the wire no "<" is left to close a script or open a tag.
    expect(wireJson(message)).not.toMatch(/[<>]/);
    expect(JSON.parse(wireJson(message))).toEqual(message);
  });

  it('cuts a body too long for 28 KB, also of multi-byte text, and links to the full text', () => {
    for (const body of ['Long. '.repeat(8_000), '事件'.repeat(20_000)]) {
      const message = renderTeams({ ...hostile, body });
      expect(Buffer.byteLength(wireJson(message))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
      expect(JSON.stringify(message)).toContain(
        '…\\n\\n[Read the full update](https://status.acme.test/status/incidents/2026-11-23-hostile/)',
      );
    }
  });
});

describe('impact in words, in every chat channel', () => {
  const withImpact = (impact: 'none' | 'minor' | 'major' | 'critical') => ({
    ...byId(UPDATE),
    incident: { ...byId(UPDATE).incident, impact },
  });
  const chats = { slack: renderSlack, discord: renderDiscord, teams: renderTeams };

  it('says the impact in words, not only as a colour or an emoji, and a maintenance says it is planned', () => {
    const words = {
      none: 'No impact',
      minor: 'Minor impact',
      major: 'Major impact',
      critical: 'Critical impact',
    } as const;
    for (const [name, render] of Object.entries(chats)) {
      for (const impact of ['none', 'minor', 'major', 'critical'] as const) {
        const text = JSON.stringify(render(withImpact(impact)));
        expect(text, `${name} ${impact}`).toContain(words[impact]);
        for (const other of Object.values(words).filter((w) => w !== words[impact]))
          expect(text, `${name} ${impact}`).not.toContain(other);
      }
      expect(JSON.stringify(render(byId(MAINTENANCE))), name).toContain('Planned maintenance');
    }
  });

  it('Teams gives minor and major different colours', () => {
    const colour = (impact: 'minor' | 'major') =>
      (renderTeams(withImpact(impact)).attachments[0].content.body as { color?: string }[])[1]!
        .color;
    expect(colour('minor')).not.toBe(colour('major'));
  });
});

describe('JSON webhook', () => {
  it('sends {type, timestamp, data} with Markdown and sanitised HTML', () => {
    expect(renderWebhook(byId(UPDATE), model)).toMatchSnapshot();
    const payload = renderWebhook(hostile, model);
    expect(payload.type).toBe('incident.created');
    expect(payload.data.update!.body).toBe(HOSTILE_BODY.trim());
    expect(payload.data.update!.body_html).not.toMatch(/<script|javascript:/);
  });

  it("can send Atlassian Statuspage's envelope instead", () => {
    const incident = renderNotice(
      byId(UPDATE),
      { type: 'webhook', format: 'statuspage' },
      model,
    ) as ReturnType<typeof renderStatuspage>;
    expect(Object.keys(incident)).toEqual(['meta', 'page', 'incident']);
    expect(incident).toMatchObject({
      meta: { documentation: 'https://doers.statuspage.io/customer-notifications/webhooks/' },
      page: { status_indicator: 'major', status_description: 'Partial System Outage' },
      incident: {
        id: '2026-11-23-api-errors',
        name: 'Elevated API error rates',
        status: 'monitoring',
        impact: 'major',
        backfilled: false,
        postmortem_body: null,
      },
    });
    const updates = (
      incident as { incident: { incident_updates: { id: string; status: string }[] } }
    ).incident.incident_updates;
    expect(updates.map((u) => [u.id, u.status])).toEqual([
      [UPDATE, 'monitoring'],
      ['2026-11-23-api-errors@2026-11-23T09:12:00.000Z', 'investigating'],
    ]);

    const change = renderStatuspage(byId(`${UPDATE}#component:api`), model);
    expect(change).toMatchObject({
      component_update: {
        old_status: 'partial_outage',
        new_status: 'degraded_performance',
        component_id: 'api',
        created_at: '2026-11-23T10:25:00.000Z',
      },
      component: { id: 'api', name: 'REST API', status: 'degraded_performance' },
    });
    expect(Object.keys(change)).toEqual(['meta', 'page', 'component_update', 'component']);

    const maintenance = renderStatuspage(byId(MAINTENANCE), model) as {
      incident: Record<string, unknown>;
    };
    expect(maintenance.incident).toMatchObject({
      status: 'scheduled',
      scheduled_for: '2026-12-05T02:00:00.000Z',
      scheduled_until: '2026-12-05T04:00:00.000Z',
      scheduled_auto_transition: true,
    });
    const postmortem = renderStatuspage(byId('2026-11-20-slow-dashboard#postmortem'), model) as {
      incident: Record<string, unknown>;
    };
    expect(postmortem.incident).toMatchObject({
      status: 'postmortem',
      postmortem_body: 'A cache node failed.',
      postmortem_notified_subscribers: true,
    });
    const resolved = renderStatuspage(
      byId('2026-11-20-slow-dashboard@2026-11-20T09:00:00.000Z'),
      model,
    ) as { incident: Record<string, unknown> };
    expect(resolved.incident).toMatchObject({
      status: 'resolved',
      resolved_at: '2026-11-20T09:00:00.000Z',
      postmortem_body: null,
    });
  });

  it("has every key of Statuspage's documented incident webhook (Twitter fields aside)", async () => {
    const keys = (o: object) => Object.keys(o).sort();
    const reference = JSON.parse(
      await readFile(new URL('./statuspage-webhook.incident.json', import.meta.url), 'utf8'),
    );
    const ours = renderStatuspage(byId(UPDATE), model) as { incident: Record<string, unknown> };
    for (const key of keys(reference.incident)) expect(ours.incident).toHaveProperty(key);
    const update = (ours.incident.incident_updates as object[])[0]!;
    for (const key of keys(reference.incident.incident_updates[0]))
      if (!key.startsWith('twitter') && key !== 'wants_twitter_update')
        expect(update).toHaveProperty(key);
  });
});

describe('wireJson', () => {
  it('escapes what could close a script or open a tag, and parses back to the same value', () => {
    const value = { text: '</script><b>&amp;\u2028\u2029', n: 1 };
    const wire = wireJson(value);
    expect(wire).toBe(
      '{"text":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026amp;\\u2028\\u2029","n":1}',
    );
    expect(JSON.parse(wire)).toEqual(value);
  });
});

describe('dialects', () => {
  it("turn the one Markdown tree into each service's markup", () => {
    const markdown = '**Bold** _it_ ~~gone~~ `code` [link](https://a.test/x) \n\n- one\n- two';
    expect(toDialect(markdown, slackDialect)).toBe(
      '*Bold* _it_ ~gone~ `code` <https://a.test/x|link>\n\n• one\n• two',
    );
    expect(toDialect(markdown, discordDialect)).toBe(
      '**Bold** *it* ~~gone~~ `code` [link](<https://a.test/x>)\n\n• one\n• two',
    );
    expect(toDialect(markdown, teamsDialect)).toBe(
      '**Bold** _it_ gone code [link](https://a.test/x)\n\n- one\n- two',
    );
  });
});

describe('plain text preview', () => {
  it('says what is affected, the status, the text, the next update and the link', () => {
    expect(renderText(byId(UPDATE))).toBe(
      [
        'Acme Cloud · Incident update · 23 Nov 2026, 10:25 UTC',
        'Monitoring · Elevated API error rates',
        'Affected: REST API: Degraded performance, Dashboard: Operational',
        '',
        'A fix is out; we are watching error rates.',
        '',
        'Workaround: Retry with backoff.',
        '',
        'Next update by 23 Nov 2026, 16:00 UTC',
        '',
        'https://status.acme.test/status/incidents/2026-11-23-api-errors/',
      ].join('\n'),
    );
    expect(renderText(hostile)).not.toMatch(/@(everyone|here)\b/);
  });
});
