import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/shared/io.ts';
import { runGitHubNotify } from '../../src/cli/github-notify.ts';
import { parseLedger, type LedgerSnapshot } from '../../src/notify/ledger.ts';
import { Receiver } from '../notify/receiver.ts';
import {
  actionsEnv,
  API_INCIDENT_FRONTMATTER,
  knowSlackOps,
  useFakeGitHub,
  writeApiRepo,
} from './fake-github.ts';

const hookPath = '/services/T000/B000/secretpart123456';
const incident = `${API_INCIDENT_FRONTMATTER}Some requests fail.

## 2026-11-22 14:03 UTC · Investigating
We are investigating.

## 2026-11-22 14:20 UTC · Identified
A bad deploy; rolling back.
`;
const notifyYaml = `delivery: { attempts: 1, timeout_seconds: 5 }
channels:
  - id: slack-ops
    type: slack
    url_env: SLACK_WEBHOOK_URL
`;

const { github } = useFakeGitHub();
let receiver: Receiver;
let root: string;
let out: { stdout: string[]; stderr: string[] };
beforeEach(async () => {
  receiver = await new Receiver().start();
  root = await writeApiRepo(incident, notifyYaml);
  out = { stdout: [], stderr: [] };
});
afterEach(async () => {
  await receiver.stop();
  await rm(root, { recursive: true, force: true });
});

const io = (env: Record<string, string | undefined> = {}): Io => ({
  cwd: root,
  env: {
    ...actionsEnv(github()),
    CANDOR_NOW: '2026-11-22T14:30:00Z',
    SLACK_WEBHOOK_URL: receiver.url(hookPath),
    ...env,
  },
  stdout: (t) => out.stdout.push(t),
  stderr: (t) => out.stderr.push(t),
});
const ledgerOnBranch = (): LedgerSnapshot | undefined => {
  const text = github().branches.get('candor-ledger')?.get('ledger.json');
  return text === undefined ? undefined : parseLedger(text);
};

describe('npm run github:notify', () => {
  it('on the first run announces nothing and records history on a new candor-ledger branch', async () => {
    expect(await runGitHubNotify([], io())).toBe(0);
    expect(receiver.received).toEqual([]);
    const entries = Object.values(ledgerOnBranch()!.channels['slack-ops']!);
    expect(entries.length).toBe(2);
    expect(entries.every((e) => e.via === 'bootstrap')).toBe(true);
  });

  it('commits each delivered notice to the branch before sending the next', async () => {
    knowSlackOps(github());
    const seenAtArrival: number[] = [];
    receiver.script(hookPath, [], () => {
      seenAtArrival.push(Object.keys(ledgerOnBranch()!.channels['slack-ops']!).length);
      return { status: 200, body: 'ok' };
    });
    expect(await runGitHubNotify([], io())).toBe(0);
    expect(seenAtArrival).toEqual([0, 1]);
    expect(Object.values(ledgerOnBranch()!.channels['slack-ops']!).map((e) => e.via)).toEqual([
      'sent',
      'sent',
    ]);
    expect(out.stdout.join('\n')).not.toContain('secretpart123456');
  });

  it('leaves a failed notice for the next run, which sends only that one', async () => {
    knowSlackOps(github());
    receiver.script(hookPath, [
      { status: 200, body: 'ok' },
      { status: 500, body: 'down' },
    ]);
    expect(await runGitHubNotify([], io())).toBe(1);
    expect(Object.keys(ledgerOnBranch()!.channels['slack-ops']!)).toHaveLength(1);
    expect(out.stderr.join('\n')).not.toContain('secretpart123456');
    expect(await runGitHubNotify([], io())).toBe(0);
    expect(receiver.on(hookPath)).toHaveLength(3);
    expect(Object.keys(ledgerOnBranch()!.channels['slack-ops']!)).toHaveLength(2);
    expect(await runGitHubNotify([], io())).toBe(0);
    expect(receiver.on(hookPath)).toHaveLength(3);
  });

  it('with --dry-run shows what it would send against the branch ledger and writes nothing', async () => {
    knowSlackOps(github());
    expect(await runGitHubNotify(['--dry-run'], io())).toBe(0);
    expect(receiver.received).toEqual([]);
    expect(github().requests.every((r) => r.method === 'GET')).toBe(true);
    expect(out.stdout.join('\n')).toContain('Dry run: 2 notices would be sent.');
  });

  it('stops sending, in one line, when the ledger cannot be written', async () => {
    knowSlackOps(github());
    github().fail('PUT', /\/contents\/ledger\.json$/, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    expect(await runGitHubNotify([], io())).toBe(1);
    expect(receiver.on(hookPath)).toHaveLength(1);
    expect(out.stderr.join('\n')).toContain(
      'The ledger ledger.json on branch candor-ledger could not be written: GitHub answered 403: Resource not accessible by integration',
    );
  });

  it('says what to set without a token, and refuses --since-ledger', async () => {
    expect(await runGitHubNotify([], io({ GITHUB_TOKEN: undefined }))).toBe(2);
    expect(await runGitHubNotify(['--since-ledger', 'x.json'], io())).toBe(2);
    expect(out.stderr).toEqual([
      expect.stringMatching(/^candor github notify: GITHUB_TOKEN is not set/),
      expect.stringMatching(/^candor github notify: --since-ledger does not apply here/),
    ]);
  });
});
