import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifyConfigSchema, type NotifyConfig } from '../../src/notify/config-schema.ts';
import { FileLedger } from '../../src/notify/file-ledger.ts';
import {
  emptyLedger,
  LedgerError,
  parseLedger,
  serialiseLedger,
  withRecords,
} from '../../src/notify/ledger.ts';
import { runNotices, type RunReport } from '../../src/notify/run.ts';
import { loadModel, NOW, STANDARD_FILES, tempRepo } from './fixture.ts';
import { Receiver } from './receiver.ts';

const PATHS = {
  slack: '/services/T0/B0/slacksecret123',
  discord: '/api/webhooks/1/discordsecret456',
  teams: '/workflows/teamssecret789',
  webhook: '/hooks/candor',
};
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

let receiver: Receiver;
let repo: Awaited<ReturnType<typeof tempRepo>>;
let env: Record<string, string>;
beforeEach(async () => {
  receiver = await new Receiver().start();
  repo = await tempRepo(STANDARD_FILES);
  env = {
    SLACK_URL: receiver.url(PATHS.slack),
    DISCORD_URL: receiver.url(PATHS.discord),
    TEAMS_URL: receiver.url(PATHS.teams),
    HOOK_URL: receiver.url(PATHS.webhook),
    HOOK_SECRET: SECRET,
  };
});
afterEach(async () => {
  await receiver.stop();
  await repo.remove();
});

const CHANNELS = [
  { id: 'slack', type: 'slack', url_env: 'SLACK_URL' },
  { id: 'discord', type: 'discord', url_env: 'DISCORD_URL' },
  { id: 'teams', type: 'teams', url_env: 'TEAMS_URL' },
  { id: 'hook', type: 'webhook', url_env: 'HOOK_URL', secret_env: 'HOOK_SECRET' },
];
const config = (extra: object = {}): NotifyConfig =>
  notifyConfigSchema.parse({
    channels: CHANNELS,
    delivery: { attempts: 2, backoff_seconds: 0.01, timeout_seconds: 1 },
    ...extra,
  });
const ledgerPath = () => join(repo.dir, '.candor', 'ledger.json');
/** A ledger on disk that knows every channel (past bootstrap) and nothing sent yet. */
async function knownChannels(): Promise<FileLedger> {
  const ledger = new FileLedger(ledgerPath());
  for (const c of CHANNELS) await ledger.record(c.id, []);
  return new FileLedger(ledgerPath());
}
async function run(
  ledger: FileLedger,
  cfg = config(),
  now = NOW,
  log?: (line: string) => void,
): Promise<RunReport> {
  return runNotices({
    model: await loadModel(repo.dir, now),
    config: cfg,
    ledger,
    now,
    env,
    ...(log ? { log } : {}),
  });
}
const onDisk = async () => parseLedger(await readFile(ledgerPath(), 'utf8'));

const TODAY = [
  '2026-12-05-database-upgrade@2026-11-23T08:00:00.000Z',
  '2026-11-23-api-errors@2026-11-23T09:12:00.000Z',
  '2026-11-23-api-errors@2026-11-23T10:25:00.000Z',
];
const EXPIRED = [
  '2026-11-20-slow-dashboard@2026-11-20T08:00:00.000Z',
  '2026-11-20-slow-dashboard@2026-11-20T09:00:00.000Z',
];
const SENDABLE = ['2026-11-20-slow-dashboard#postmortem', ...TODAY];

describe('runNotices', () => {
  it('on a first run records history without sending, then sends only what is new, then nothing', async () => {
    const first = await run(new FileLedger(ledgerPath()));
    expect(first.ok).toBe(true);
    expect(first.channels.map((c) => c.outcome)).toEqual([
      'bootstrapped',
      'bootstrapped',
      'bootstrapped',
      'bootstrapped',
    ]);
    expect(receiver.received).toHaveLength(0);
    expect(
      Object.values((await onDisk()).channels.slack!).every((e) => e.via === 'bootstrap'),
    ).toBe(true);

    await repo.write(
      'incidents/2026-11-23-api-errors.md',
      `${await readFile(join(repo.dir, 'incidents/2026-11-23-api-errors.md'), 'utf8')}
## 2026-11-23 11:50 UTC · Resolved
Error rates are back to normal.
`,
    );
    const second = await run(new FileLedger(ledgerPath()));
    expect(second.ok).toBe(true);
    for (const path of Object.values(PATHS)) expect(receiver.on(path)).toHaveLength(1);
    expect(receiver.on(PATHS.webhook)[0]!.json).toMatchObject({
      type: 'incident.resolved',
      data: { id: '2026-11-23-api-errors@2026-11-23T11:50:00.000Z' },
    });
    expect(
      (await onDisk()).channels.slack!['2026-11-23-api-errors@2026-11-23T11:50:00.000Z'],
    ).toEqual({ at: NOW.toISOString(), via: 'sent' });

    const third = await run(new FileLedger(ledgerPath()));
    expect(third.channels.every((c) => c.sent.length === 0 && c.pending.length === 0)).toBe(true);
    expect(receiver.received).toHaveLength(4);
  });

  it('sends every pending notice in order, expires old ones, and a re-run after success sends nothing', async () => {
    // Each service answers success its own way: Slack 200 "ok", Discord 204, Teams Workflows 202.
    receiver.script(PATHS.discord, [], { status: 204 }).script(PATHS.teams, [], { status: 202 });
    const report = await run(await knownChannels());
    expect(report.ok).toBe(true);
    for (const c of report.channels)
      expect(c).toMatchObject({ outcome: 'delivered', sent: SENDABLE, pending: [], recorded: 2 });
    expect(
      receiver.on(PATHS.webhook).map((r) => (r.json as { data: { id: string } }).data.id),
    ).toEqual(SENDABLE);
    // What arrived verifies with the reference Standard Webhooks library, one distinct webhook-id per notice.
    const verifier = new Webhook(SECRET);
    for (const r of receiver.on(PATHS.webhook))
      expect(verifier.verify(r.body, r.headers as Record<string, string>)).toEqual(r.json);
    expect(new Set(receiver.on(PATHS.webhook).map((r) => r.headers['webhook-id'])).size).toBe(
      SENDABLE.length,
    );
    const ledger = await onDisk();
    for (const id of EXPIRED) expect(ledger.channels.teams![id]!.via).toBe('expired');
    expect(Object.keys(ledger.channels.teams!)).toHaveLength(6);

    const again = await run(new FileLedger(ledgerPath()));
    expect(again.channels.every((c) => c.sent.length === 0)).toBe(true);
    expect(receiver.received).toHaveLength(16);
    expect(serialiseLedger(await onDisk())).toBe(serialiseLedger(ledger));
  });

  it('after a partial failure, a re-run sends only the rest', async () => {
    // Discord fails the second notice twice (both attempts), then recovers.
    let discordCalls = 0;
    receiver.script(PATHS.discord, [], () =>
      ++discordCalls === 2 || discordCalls === 3 ? { status: 500 } : { status: 204 },
    );
    const report = await run(await knownChannels());
    expect(report.ok).toBe(false);
    const discord = report.channels.find((c) => c.channelId === 'discord')!;
    expect(discord).toMatchObject({
      outcome: 'failed',
      sent: SENDABLE.slice(0, 1),
      pending: SENDABLE.slice(1),
      message: 'HTTP 500 after 2 tries',
    });
    for (const id of ['slack', 'teams', 'hook'])
      expect(report.channels.find((c) => c.channelId === id)!.sent).toEqual(SENDABLE);
    expect(
      Object.keys((await onDisk()).channels.discord!).filter((id) => !EXPIRED.includes(id)),
    ).toEqual(SENDABLE.slice(0, 1));

    const before = receiver.received.length;
    const rerun = await run(new FileLedger(ledgerPath()));
    expect(rerun.ok).toBe(true);
    expect(rerun.channels.find((c) => c.channelId === 'discord')!.sent).toEqual(SENDABLE.slice(1));
    const later = receiver.received.slice(before);
    expect(later.map((r) => r.path)).toEqual([PATHS.discord, PATHS.discord, PATHS.discord]);
    expect(later.map((r) => (r.json as { embeds: { title: string }[] }).embeds[0]!.title)).toEqual([
      'Scheduled · Database upgrade',
      'Investigating · Elevated API error rates',
      'Monitoring · Elevated API error rates',
    ]);
  });

  it('sets aside a notice the receiver refuses for good (4xx), records it as rejected, and goes on with the next', async () => {
    receiver.script(PATHS.slack, [{ status: 200 }, { status: 400, body: 'invalid_blocks' }], {
      status: 200,
    });
    const lines: string[] = [];
    const report = await run(
      await knownChannels(),
      config({ channels: [CHANNELS[0]] }),
      NOW,
      (line) => lines.push(line),
    );
    const slack = report.channels[0]!;
    expect(slack).toMatchObject({
      outcome: 'delivered',
      sent: [SENDABLE[0], ...SENDABLE.slice(2)],
      rejected: [SENDABLE[1]],
      pending: [],
    });
    expect(report.ok).toBe(false);
    expect(lines).toContain(
      `slack: the receiver refused ${SENDABLE[1]} for good (HTTP 400: invalid_blocks); it is set aside (recorded as rejected, never retried) and the channel goes on with the next notice.`,
    );
    expect((await onDisk()).channels.slack![SENDABLE[1]!]).toEqual({
      at: NOW.toISOString(),
      via: 'rejected',
      status: 400,
    });

    const again = await run(new FileLedger(ledgerPath()), config({ channels: [CHANNELS[0]] }));
    expect(again).toMatchObject({ ok: true, channels: [{ sent: [], rejected: [] }] });
    expect(receiver.on(PATHS.slack)).toHaveLength(SENDABLE.length);
  });

  it('stops a channel, without setting anything aside, when the receiver refuses the endpoint itself (401, 403, 404)', async () => {
    receiver.script(PATHS.slack, [{ status: 404, body: 'no_service' }], { status: 200 });
    const report = await run(await knownChannels(), config({ channels: [CHANNELS[0]] }));
    expect(report.channels[0]).toMatchObject({
      outcome: 'failed',
      sent: [],
      rejected: [],
      pending: SENDABLE,
      message: 'HTTP 404: no_service',
    });
  });

  it('writes each success to the ledger before the next request, so a crash repeats at most the notice in flight', async () => {
    const seenOnDisk: number[] = [];
    receiver.script(PATHS.slack, [], async () => {
      const text = await readFile(ledgerPath(), 'utf8');
      seenOnDisk.push(
        Object.values(parseLedger(text).channels.slack!).filter((e) => e.via === 'sent').length,
      );
      return { status: 200 };
    });
    await run(await knownChannels(), config({ channels: [CHANNELS[0]] }));
    expect(seenOnDisk).toEqual([0, 1, 2, 3]);
  });

  it('stops every channel when the ledger cannot be written, and says which notice may repeat', async () => {
    const ledger = await knownChannels();
    // The first delivery makes the ledger's temporary file impossible to write (a directory in its way), even for root.
    receiver.script(PATHS.slack, [
      async () => {
        await mkdir(`${ledgerPath()}.${process.pid}.tmp`);
        return { status: 200 };
      },
    ]);
    const lines: string[] = [];
    await expect(
      run(ledger, config({ channels: [CHANNELS[0]] }), NOW, (line) => lines.push(line)),
    ).rejects.toThrow(LedgerError);
    expect(receiver.received).toHaveLength(1);
    expect(lines.at(-1)).toBe(
      `slack: ${SENDABLE[0]} was delivered but could not be recorded; a later run may send it again.`,
    );
  });

  it('disables a channel answering 410 for the run and reports it, while the others deliver', async () => {
    receiver.script(PATHS.teams, [{ status: 410 }]);
    const report = await run(await knownChannels());
    const teams = report.channels.find((c) => c.channelId === 'teams')!;
    expect(teams).toMatchObject({ outcome: 'gone', sent: [], pending: SENDABLE });
    expect(teams.message).toMatch(
      /^HTTP 410 Gone.*replace the URL in TEAMS_URL or remove the channel\.$/,
    );
    expect(receiver.on(PATHS.teams)).toHaveLength(1);
    expect(receiver.on(PATHS.slack)).toHaveLength(4);
    expect(report.ok).toBe(false);
  });

  it('skips a channel whose variable is unset, naming it, and delivers the others', async () => {
    delete env.DISCORD_URL;
    delete env.HOOK_SECRET;
    const report = await run(await knownChannels());
    expect(report.channels.find((c) => c.channelId === 'discord')).toMatchObject({
      outcome: 'unset',
      pending: SENDABLE,
      message: "DISCORD_URL is not set; set it to the channel's webhook URL.",
    });
    // A webhook that should be signed is never sent unsigned.
    expect(report.channels.find((c) => c.channelId === 'hook')).toMatchObject({
      outcome: 'unset',
      message: 'HOOK_SECRET is not set; set it to the signing secret (whsec_...).',
    });
    expect(receiver.on(PATHS.webhook)).toHaveLength(0);
    expect(receiver.on(PATHS.slack)).toHaveLength(4);
    expect(report.ok).toBe(false);
  });

  it('refuses to send anything past max_per_run', async () => {
    const ledger = await knownChannels();
    const before = await readFile(ledgerPath(), 'utf8');
    const report = await run(ledger, config({ max_per_run: 10 }));
    expect(report.ok).toBe(false);
    expect(report.refused).toMatch(
      /^This run would send 16 notices, more than max_per_run \(10\); it sent none\./,
    );
    expect(receiver.received).toHaveLength(0);
    expect(await readFile(ledgerPath(), 'utf8')).toBe(before);
  });

  it('serves channels concurrently but each channel one request at a time, and logs no secret', async () => {
    for (const path of Object.values(PATHS))
      receiver.script(path, [], { status: 200, delayMs: 30 });
    const lines: string[] = [];
    await run(await knownChannels(), config({ delivery: { concurrency: 3 } }), NOW, (line) =>
      lines.push(line),
    );
    for (const path of Object.values(PATHS)) expect(receiver.maxInFlight.get(path)).toBe(1);
    expect(receiver.maxInFlight.get('*')).toBe(3);
    expect(lines).toHaveLength(16);
    expect(lines.join('\n')).not.toMatch(/secret|\/services\/|\/workflows\//);
    expect(lines[0]).toMatch(
      /^\w+: sent \S+ \([a-z.]+\) to http:\/\/127\.0\.0\.1:\d+\/…, HTTP 200$/,
    );
  });
});

describe('ledger serialisation', () => {
  it('round-trips and refuses damaged input', () => {
    const snapshot = withRecords(
      withRecords(emptyLedger(), 'b', [
        { noticeId: 'x@1', entry: { at: NOW.toISOString(), via: 'sent' } },
      ]),
      'a',
      [],
    );
    const text = serialiseLedger(snapshot);
    expect(parseLedger(text)).toEqual(snapshot);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(() => parseLedger('{')).toThrow(/not valid JSON/);
    expect(() => parseLedger('{"version":2,"channels":{}}')).toThrow(
      /not a Candor ledger: version/,
    );
  });

  it('a file ledger answers has() from what it recorded, also in a new process reading the file', async () => {
    const ledger = new FileLedger(ledgerPath());
    expect(await ledger.list()).toBeUndefined();
    expect(await ledger.has('slack', 'x@1')).toBe(false);
    await Promise.all([
      ledger.record('slack', [{ noticeId: 'x@1', entry: { at: NOW.toISOString(), via: 'sent' } }]),
      ledger.record('teams', [{ noticeId: 'y@1', entry: { at: NOW.toISOString(), via: 'sent' } }]),
    ]);
    const reread = new FileLedger(ledgerPath());
    expect(await reread.has('slack', 'x@1')).toBe(true);
    expect(await reread.has('teams', 'y@1')).toBe(true);
    expect(await reread.has('teams', 'x@1')).toBe(false);
  });
});
