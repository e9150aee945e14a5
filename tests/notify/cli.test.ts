import { execFile, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANDOR_BIN } from '../candor-bin.ts';
import { runCandor, type CliResult } from '../support/run-candor.ts';
import { Webhook } from 'standardwebhooks';
import { parseLedger } from '../../src/notify/ledger.ts';
import { API_INCIDENT, STANDARD_FILES, tempRepo } from './fixture.ts';
import { Receiver } from './receiver.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SLACK_PATH = '/services/T0/B0/slacksecrettoken';
const HOOK_PATH = '/hooks/hooksecrettoken';

const NOTIFY_YAML = `channels:
  - id: slack
    type: slack
    url_env: SLACK_URL
  - id: hook
    type: webhook
    url_env: HOOK_URL
    secret_env: HOOK_SECRET
delivery:
  attempts: 2
  backoff_seconds: 0.01
  timeout_seconds: 2
`;

let receiver: Receiver;
let repo: Awaited<ReturnType<typeof tempRepo>>;
let env: Record<string, string>;
const outputs: string[] = [];

function notifyEnv(extraEnv: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    CANDOR_NOW: '2026-11-23T12:00:00Z',
    ...env,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(extraEnv)) if (v === undefined) delete childEnv[k];
  return childEnv;
}

/** `candor notify` as a real child process in the temporary repository, with the clock pinned. */
function spawnNotify(
  args: string[] = [],
  extraEnv: Record<string, string | undefined> = {},
): { child: ChildProcess; done: Promise<CliResult> } {
  let child!: ChildProcess;
  const done = new Promise<CliResult>((resolve) => {
    child = execFile(
      process.execPath,
      [CANDOR_BIN, 'notify', ...args],
      { cwd: repo.dir, env: notifyEnv(extraEnv) },
      (error, stdout, stderr) => {
        outputs.push(stdout, stderr);
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
  return { child, done };
}
const notifyProcess = (
  args: string[] = [],
  extraEnv: Record<string, string | undefined> = {},
): Promise<CliResult> => spawnNotify(args, extraEnv).done;

/** `candor notify` in this process, for what the tests ask of its logic. */
async function notify(
  args: string[] = [],
  extraEnv: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const result = await runCandor(repo.dir, ['notify', ...args], notifyEnv(extraEnv));
  outputs.push(result.stdout, result.stderr);
  return result;
}

const ledger = async () =>
  parseLedger(await readFile(join(repo.dir, '.candor/notify-ledger.json'), 'utf8'));
const RESOLVED = `${API_INCIDENT}
## 2026-11-23 11:50 UTC · Resolved
Error rates are back to normal.
`;

beforeEach(async () => {
  receiver = await new Receiver().start();
  repo = await tempRepo({ ...STANDARD_FILES, 'notify.yaml': NOTIFY_YAML });
  env = {
    SLACK_URL: receiver.url(SLACK_PATH),
    HOOK_URL: receiver.url(HOOK_PATH),
    HOOK_SECRET: SECRET,
  };
  outputs.length = 0;
});
afterEach(async () => {
  // Whatever happened, no secret was ever printed.
  for (const text of outputs)
    expect(text).not.toMatch(/slacksecrettoken|hooksecrettoken|MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/);
  for (const text of outputs) expect(text).not.toMatch(/^\s+at .+[(:]/m);
  await receiver.stop();
  await repo.remove();
});

describe('npm run notify', () => {
  it('bootstraps, then sends a new update once to every channel, then sends nothing', async () => {
    const first = await notify();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^slack \(slack → http:\/\/127\.0\.0\.1:\d+\/…\): ok, recorded 6 without sending \(first run\)$/m,
    );
    expect(receiver.received).toHaveLength(0);

    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    const second = await notify();
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toMatch(
      /^slack: sent 2026-11-23-api-errors@2026-11-23T11:50:00\.000Z \(incident\.resolved\) to http:\/\/127\.0\.0\.1:\d+\/…, HTTP 200$/m,
    );
    expect(second.stdout).toMatch(/2 sent; nothing left undelivered\.$/m);
    expect(receiver.on(SLACK_PATH)).toHaveLength(1);
    expect(receiver.on(HOOK_PATH)).toHaveLength(1);
    expect(receiver.on(HOOK_PATH)[0]!.headers['webhook-signature']).toMatch(
      /^v1,[A-Za-z0-9+/]+=*$/,
    );
    expect(
      (await ledger()).channels.hook!['2026-11-23-api-errors@2026-11-23T11:50:00.000Z'],
    ).toEqual({ at: '2026-11-23T12:00:00.000Z', via: 'sent' });

    const third = await notify();
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/0 sent; nothing left undelivered\.$/m);
    expect(receiver.received).toHaveLength(2);
  });

  it("at least once, never lost: a process killed between the receiver's 2xx and the ledger write repeats that one notice per channel, with the same webhook-id, and says so", async () => {
    await notify();
    await repo.write(
      'incidents/2026-11-23-api-errors.md',
      `${RESOLVED}\n## Postmortem\nA bad deploy.\n`,
    );
    const crashed = spawnNotify();
    // The receiver accepts the first notice; the sender is frozen before it can read the answer, then killed.
    receiver.script(HOOK_PATH, [
      () => {
        crashed.child.kill('SIGSTOP');
        setTimeout(() => crashed.child.kill('SIGKILL'), 300);
        return { status: 200, body: 'ok' };
      },
    ]);
    const killed = await crashed.done;
    expect(killed.code).not.toBe(0);
    expect(receiver.on(HOOK_PATH)).toHaveLength(1);
    const lost = receiver.on(HOOK_PATH)[0]!;

    const rerun = await notify();
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(
      "Delivery is at least once: nothing is lost, and a run that stops between a receiver's acceptance and the ledger write sends that one notice again (per channel) with the same webhook-id.",
    );
    const hook = receiver.on(HOOK_PATH);
    // The accepted notice once more, then the postmortem once: one repeat, nothing lost.
    expect(hook.map((r) => (r.json as { type: string }).type)).toEqual([
      'incident.resolved',
      'incident.resolved',
      'incident.postmortem',
    ]);
    expect(hook[1]!.headers['webhook-id']).toBe(lost.headers['webhook-id']);
    expect(hook[1]!.body).toBe(lost.body);
    // What a receiver deduplicates on verifies: the id is signed with the body.
    expect(() =>
      new Webhook(SECRET).verify(hook[1]!.body, hook[1]!.headers as Record<string, string>),
    ).not.toThrow();
    // Slack has no id to deduplicate on: it got each notice once or, if it was in flight at the crash, twice at most.
    const slack = receiver.on(SLACK_PATH).map((r) => (r.json as { text: string }).text);
    expect(new Set(slack).size).toBe(2);
    expect(slack.length).toBeLessThanOrEqual(3);

    const third = await notify();
    expect(third.stdout).toMatch(/0 sent; nothing left undelivered\./);
    expect(receiver.on(HOOK_PATH)).toHaveLength(3);
  });

  it("two runs at once deliver each notice once: the second waits for the first's ledger lock", async () => {
    await notify();
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    receiver.script(HOOK_PATH, [{ status: 200, delayMs: 1500 }]);
    const [a, b] = await Promise.all([notifyProcess(), notifyProcess()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(receiver.on(HOOK_PATH)).toHaveLength(1);
    expect(receiver.on(SLACK_PATH)).toHaveLength(1);
    expect(`${a.stdout}${b.stdout}`).toMatch(
      /Waiting for another notify run \(process \d+\) to finish with the ledger/,
    );
  });

  it('recovers a lock left by a process that died, and refuses clearly while a live one holds it', async () => {
    await notify();
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    const dead = spawnNotify(['--help-nonexistent']);
    await dead.done;
    const lock = (pid: number) =>
      JSON.stringify({ pid, host: hostname(), since: '2026-11-23T11:59:00.000Z' });
    await repo.write('.candor/notify-ledger.json.lock', lock(dead.child.pid!));
    const recovered = await notify();
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toContain(
      `Removed a stale ledger lock left by process ${dead.child.pid}, which is no longer running.`,
    );
    expect(receiver.received).toHaveLength(2);

    await repo.write(
      'incidents/2026-11-23-api-errors.md',
      `${RESOLVED}\n## Postmortem\nA bad deploy.\n`,
    );
    await repo.write('.candor/notify-ledger.json.lock', lock(process.pid));
    const refused = await notify(['--lock-wait', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `candor notify: Another notify run (process ${process.pid} on ${hostname()}, since 2026-11-23T11:59:00.000Z) is using the ledger`,
    );
    expect(refused.stderr).toMatch(/Nothing was sent\./);
    expect(receiver.received).toHaveLength(2);
  });

  it('--dry-run prints every notice as it would be sent, masks secrets, and sends and records nothing', async () => {
    await notify();
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    const before = await readFile(join(repo.dir, '.candor/notify-ledger.json'), 'utf8');
    const dry = await notify(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^── slack \(slack, public\) → http:\/\/127\.0\.0\.1:\d+\/…$/m);
    expect(dry.stdout).toContain(
      '▸ incident.resolved 2026-11-23-api-errors@2026-11-23T11:50:00.000Z (webhook-id msg_',
    );
    expect(dry.stdout).toContain(
      '"text": ":large_green_circle: Resolved · Elevated API error rates"',
    );
    expect(dry.stdout).toMatch(
      /Dry run: 2 notices would be sent\. Nothing was sent or recorded\.$/m,
    );
    expect(receiver.received).toHaveLength(0);
    expect(await readFile(join(repo.dir, '.candor/notify-ledger.json'), 'utf8')).toBe(before);
  });

  it('exits 1 when a channel fails, and a later run delivers only what is left', async () => {
    await notify(['--since-ledger', 'state/ledger.json']);
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    receiver.script(SLACK_PATH, [{ status: 500 }, { status: 502 }]);
    const failed = await notifyProcess(['--since-ledger', 'state/ledger.json']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^slack \(slack → http:\/\/127\.0\.0\.1:\d+\/…\): FAILED, 1 left undelivered\n {4}HTTP 502 after 2 tries$/m,
    );
    expect(failed.stderr).toMatch(/1 sent; 1 left undelivered\. Run `npx candor notify` again/);
    expect(receiver.on(HOOK_PATH)).toHaveLength(1);

    const rerun = await notify(['--since-ledger', 'state/ledger.json']);
    expect(rerun.code).toBe(0);
    expect(receiver.on(SLACK_PATH)).toHaveLength(3);
    expect(receiver.on(HOOK_PATH)).toHaveLength(1);
  });

  it("never prints a receiver's answer that repeats part of the secret URL, in progress lines or the summary", async () => {
    await notify();
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    // Express-style 404s echo the path; another receiver quotes only the token.
    receiver.script(HOOK_PATH, [{ status: 404, body: 'Cannot POST /hooks/hooksecrettoken' }]);
    receiver.script(SLACK_PATH, [
      { status: 400, body: 'unknown token "slacksecrettoken"\u001b[31m' },
    ]);
    const result = await notify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'HTTP 404 (its answer is not shown: it repeats part of the secret URL)',
    );
    // The afterEach checks that no part of either URL was printed anywhere.
  });

  it('reports a malformed signing secret or a URL with credentials as a configuration error on its notify.yaml line, before sending anything', async () => {
    await notify();
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    const badSecret = await notify([], { HOOK_SECRET: 'whsec_not base64!' });
    expect(badSecret.code).toBe(1);
    expect(badSecret.stderr).toMatch(
      /notify\.yaml:8:17 error.*HOOK_SECRET: The signing secret after "whsec_" must be base64/,
    );
    expect(badSecret.stderr).toContain('No notice was sent');
    expect(badSecret.stderr).not.toMatch(/network error|tries/);

    const credentials = await notify([], {
      SLACK_URL: receiver.url(SLACK_PATH).replace('http://', 'http://bot:hunter2hunter2@'),
    });
    expect(credentials.code).toBe(1);
    expect(credentials.stderr).toMatch(
      /notify\.yaml:4:14 error.*The URL in SLACK_URL contains a user name or password/,
    );
    expect(credentials.stderr).not.toMatch(/network error|tries|hunter2/);
    // Neither run sent anything, to any channel: the hook and Slack only ever heard the bootstrap run (nothing).
    expect(receiver.received).toHaveLength(0);
  });

  it('names an unset variable, delivers the other channels, and exits 1', async () => {
    await notify();
    await repo.write('incidents/2026-11-23-api-errors.md', RESOLVED);
    const result = await notify([], { SLACK_URL: undefined });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "slack (slack): SKIPPED, 1 left undelivered\n    SLACK_URL is not set; set it to the channel's webhook URL.",
    );
    expect(receiver.on(HOOK_PATH)).toHaveLength(1);
  });

  it('refuses to send with an invalid notify.yaml, pointing at the line', async () => {
    await repo.write('notify.yaml', NOTIFY_YAML.replace('type: slack', 'type: slak'));
    const result = await notify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('notify.yaml:3:11 error');
    expect(result.stderr).toContain('No notice was sent: fix the errors above and run again.');
  });

  it('stops on a damaged ledger instead of re-sending', async () => {
    await repo.write('.candor/notify-ledger.json', '{"version": 1, "channels": ');
    const result = await notify();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^candor notify: The ledger .*notify-ledger\.json is not valid JSON/,
    );
    expect(receiver.received).toHaveLength(0);
  });

  it('explains misuse with exit code 2', async () => {
    const result = await notifyProcess(['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: candor notify [--dry-run] [--since-ledger FILE]');
  });
});
