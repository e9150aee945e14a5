import { describe, expect, it } from 'vitest';
import { GitHubLedger, ledgerFile } from '../../src/github/github-ledger.ts';
import { LedgerError, parseLedger, serialiseLedger } from '../../src/notify/ledger.ts';
import { useFakeGitHub } from './fake-github.ts';

const sent = (noticeId: string) => ({
  noticeId,
  entry: { at: '2026-11-22T14:05:00.000Z', via: 'sent' as const },
});

const { github, octokit } = useFakeGitHub();

const ledger = () => new GitHubLedger(octokit(), ledgerFile('acme', 'status'));
const onBranch = () => parseLedger(github().branches.get('candor-ledger')!.get('ledger.json')!);

describe('the notice ledger on the candor-ledger branch', () => {
  it('is absent before the first run, so the first run bootstraps', async () => {
    expect(await ledger().list()).toBeUndefined();
  });

  it('commits each record before it resolves, creating the branch on the first one', async () => {
    const l = ledger();
    await l.record('slack', []);
    expect(onBranch()).toEqual({ version: 1, channels: { slack: {} } });
    await l.record('slack', [sent('inc@2026-11-22T14:03:00Z')]);
    expect(onBranch().channels.slack).toEqual({ 'inc@2026-11-22T14:03:00Z': sent('x').entry });
    expect(await l.has('slack', 'inc@2026-11-22T14:03:00Z')).toBe(true);
    expect(await ledger().has('slack', 'inc@2026-11-22T14:03:00Z')).toBe(true);
    const messages = github()
      .requests.filter((r) => r.method === 'PUT' || r.path.endsWith('/git/commits'))
      .map((r) => (r.body as { message: string }).message);
    expect(messages).toEqual([
      'Candor: record slack as known',
      'Candor: record sent inc@2026-11-22T14:03:00Z on slack',
    ]);
  });

  it('keeps every record when channels record at the same time', async () => {
    github().writeFile(
      'candor-ledger',
      'ledger.json',
      serialiseLedger({ version: 1, channels: { a: {}, b: {} } }),
    );
    const l = ledger();
    await Promise.all([
      l.record('a', [sent('1')]),
      l.record('b', [sent('2')]),
      l.record('a', [sent('3')]),
    ]);
    expect(Object.keys(onBranch().channels.a!)).toEqual(['1', '3']);
    expect(Object.keys(onBranch().channels.b!)).toEqual(['2']);
  });

  it("merges with another run's record written in between", async () => {
    github().writeFile(
      'candor-ledger',
      'ledger.json',
      serialiseLedger({ version: 1, channels: { a: {} } }),
    );
    let raced = false;
    github().beforeRequest = (request) => {
      if (raced || request.method !== 'PUT') return;
      raced = true;
      github().writeFile(
        'candor-ledger',
        'ledger.json',
        serialiseLedger({ version: 1, channels: { a: { other: sent('other').entry } } }),
      );
    };
    await ledger().record('a', [sent('ours')]);
    expect(Object.keys(onBranch().channels.a!)).toEqual(['other', 'ours']);
  });

  it('refuses a damaged ledger rather than treating it as empty (which would re-send)', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '{"version":1,"channels":[]}');
    await expect(ledger().list()).rejects.toThrow(LedgerError);
    await expect(ledger().list()).rejects.toThrow(
      /^The ledger ledger\.json on branch candor-ledger is not a Candor ledger/,
    );
  });

  it('fails a record with a LedgerError saying what GitHub answered, so the run stops sending', async () => {
    github().fail('GET', /\/contents\/ledger\.json$/, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    const error = await ledger()
      .record('a', [sent('1')])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as Error).message).toBe(
      'The ledger ledger.json on branch candor-ledger could not be written: GitHub answered 403: Resource not accessible by integration',
    );
  });
});
