import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/shared/io.ts';
import { runPrComment } from '../../src/cli/github-pr-comment.ts';
import { runPrReport } from '../../src/cli/github-pr-report.ts';
import { parsePrReport } from '../../src/github/pr-report.ts';
import { serialiseLedger } from '../../src/notify/ledger.ts';
import {
  actionsEnv,
  API_INCIDENT_FRONTMATTER,
  API_INCIDENT_PATH,
  knowSlackOps,
  useFakeGitHub,
  writeApiRepo,
} from './fake-github.ts';

const head = 'ab'.repeat(20);
const slackUrl = 'https://hooks.slack.com/services/T000/B000/secretpart123456';
const incident = `${API_INCIDENT_FRONTMATTER}Some requests fail with <b>500</b> and \`retry\` helps.

## 2026-11-22 14:03 UTC · Investigating
We are investigating. Ask @oncall.
`;
const notifyYaml = `channels:
  - id: slack-ops
    type: slack
    url_env: SLACK_WEBHOOK_URL
`;

const { github } = useFakeGitHub();
let root: string;
let out: { stdout: string[]; stderr: string[] };
beforeEach(async () => {
  root = await writeApiRepo(incident, notifyYaml);
  out = { stdout: [], stderr: [] };
});
afterEach(() => rm(root, { recursive: true, force: true }));

const io = (env: Record<string, string | undefined> = {}): Io => ({
  cwd: root,
  env: {
    ...actionsEnv(github()),
    PR_NUMBER: '7',
    HEAD_SHA: head,
    CANDOR_NOW: '2026-11-22T14:10:00Z',
    GITHUB_STEP_SUMMARY: join(root, 'summary.md'),
    SLACK_WEBHOOK_URL: slackUrl,
    ...env,
  },
  stdout: (t) => out.stdout.push(t),
  stderr: (t) => out.stderr.push(t),
});
const readReport = async () =>
  parsePrReport(await readFile(join(root, 'out', 'candor-pr-report.json'), 'utf8'));

describe('npm run github:pr-report', () => {
  it('previews, against the ledger branch, each notice the merge would send, and writes the summary', async () => {
    knowSlackOps(github());
    expect(await runPrReport(['--out', 'out'], io())).toBe(0);
    const report = await readReport();
    expect(report).toMatchObject({
      version: 1,
      pullRequest: 7,
      headSha: head,
      filesChecked: 3,
      diagnostics: [],
    });
    expect(report.notices.kind).toBe('planned');
    const previews = report.notices.kind === 'planned' ? report.notices.previews : [];
    expect(previews.map((p) => [p.channel, p.type, p.event, p.title])).toEqual([
      ['slack-ops', 'slack', 'incident.created', 'Investigating · Elevated API error rates'],
    ]);
    expect(JSON.parse(previews[0]!.payload)).toBeTypeOf('object');
    expect(previews[0]!.payload).toContain('We are investigating');
    expect(JSON.stringify(report)).not.toContain('secretpart123456');
    const summary = await readFile(join(root, 'summary.md'), 'utf8');
    expect(summary).toContain('✅ Candor: ready to merge');
    expect(summary).toContain('Notices this merge will send (1)');
    expect(summary).not.toContain('secretpart123456');
    expect(github().requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('writes a report the comment workflow accepts and posts', async () => {
    knowSlackOps(github());
    await writeFile(
      join(root, API_INCIDENT_PATH),
      incident.replace('impact: major', 'impact: major\nnext_update: 2026-11-22 14:05 UTC'),
    );
    expect(await runPrReport(['--out', 'out'], io())).toBe(0);
    expect((await readReport()).diagnostics.length).toBeGreaterThan(0);
    github().pulls.set(7, { number: 7, head: { sha: head } });
    expect(await runPrComment(['--report', join(root, 'out', 'candor-pr-report.json')], io())).toBe(
      0,
    );
    const [comment] = github().comments.get(7)!;
    expect(comment!.body).toContain('Notices this merge will send (1)');
    expect(comment!.body).toContain('| Where | Problem |');
    expect(out.stderr).toEqual([]);
  });

  it('masks a channel secret that found its way into a notice', async () => {
    knowSlackOps(github());
    await writeFile(
      join(root, API_INCIDENT_PATH),
      incident.replace('Ask @oncall.', `Posted by ${slackUrl}`),
    );
    await runPrReport(['--out', 'out'], io());
    const report = await readReport();
    const payload = report.notices.kind === 'planned' ? report.notices.previews[0]!.payload : '';
    expect(payload).toContain('Posted by');
    expect(payload).toContain('https://hooks.slack.com/…');
    expect(payload).not.toContain('secretpart123456');
  });

  it('says a channel new to the ledger will announce nothing on its first run', async () => {
    github().writeFile(
      'candor-ledger',
      'ledger.json',
      serialiseLedger({ version: 1, channels: { 'older-channel': {} } }),
    );
    expect(await runPrReport(['--out', 'out'], io())).toBe(0);
    const { notices } = await readReport();
    expect(notices).toMatchObject({ kind: 'planned', previews: [] });
    expect(notices.kind === 'planned' && notices.warning).toContain(
      'New channel "slack-ops": the first run after the merge records every existing notice as sent',
    );
    expect(await readFile(join(root, 'summary.md'), 'utf8')).toContain('New channel');
  });

  it('previews nothing already on the ledger', async () => {
    knowSlackOps(github());
    await runPrReport(['--out', 'out'], io());
    const first = await readReport();
    const ids = first.notices.kind === 'planned' ? first.notices.previews.map((p) => p.id) : [];
    expect(ids).toHaveLength(1);
    const entry = { at: '2026-11-22T14:05:00.000Z', via: 'sent' as const };
    github().writeFile(
      'candor-ledger',
      'ledger.json',
      serialiseLedger({ version: 1, channels: { 'slack-ops': { [ids[0]!]: entry } } }),
    );
    await runPrReport(['--out', 'out'], io());
    expect((await readReport()).notices).toEqual({ kind: 'planned', previews: [] });
  });

  it('says the first run bootstraps when there is no ledger yet', async () => {
    await runPrReport(['--out', 'out'], io());
    expect((await readReport()).notices).toEqual({ kind: 'bootstrap' });
    expect(github().branches.size).toBe(0);
  });

  it('reports diagnostics and skips the preview when the content has errors', async () => {
    await writeFile(join(root, API_INCIDENT_PATH), incident.replace('14:03 UTC', '14:03'));
    expect(await runPrReport(['--out', 'out'], io())).toBe(0);
    const report = await readReport();
    expect(
      report.diagnostics.some(
        (d) => d.severity === 'error' && d.file === 'incidents/2026-11-22-api-errors.md',
      ),
    ).toBe(true);
    expect(report.notices.kind).toBe('unavailable');
    expect(await readFile(join(root, 'summary.md'), 'utf8')).toContain('❌ Candor found problems');
  });

  it('explains a ledger GitHub will not serve instead of failing', async () => {
    github().fail('GET', /\/contents\/ledger\.json$/, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    expect(await runPrReport(['--out', 'out'], io())).toBe(0);
    expect((await readReport()).notices).toEqual({
      kind: 'unavailable',
      reason:
        'The ledger ledger.json on branch candor-ledger could not be read: GitHub answered 403: Resource not accessible by integration',
    });
  });

  it('says what to set when run outside the workflow', async () => {
    expect(await runPrReport(['--out', 'out'], io({ PR_NUMBER: undefined }))).toBe(2);
    expect(await runPrReport(['--out', 'out'], io({ GITHUB_REPOSITORY: undefined }))).toBe(2);
    expect(await runPrReport(['--out', 'out'], io({ GITHUB_SERVER_URL: 'github.com' }))).toBe(2);
    expect(out.stderr).toEqual([
      expect.stringMatching(/^candor github pr-report: PR_NUMBER must be the pull request number/),
      'candor github pr-report: GITHUB_REPOSITORY is not set: set it to owner/name (GitHub Actions sets it for you).',
      'candor github pr-report: GITHUB_SERVER_URL="github.com" is not a URL such as https://github.com.',
    ]);
  });
});
