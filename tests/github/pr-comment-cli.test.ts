import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/shared/io.ts';
import { runPrComment } from '../../src/cli/github-pr-comment.ts';
import type { PrReport } from '../../src/github/pr-report.ts';
import { PR_COMMENT_MARKER } from '../../src/github/report-markdown.ts';
import { FakeGitHub } from './fake-github.ts';

const head = 'c0ffee'.padEnd(40, '0');
const token = 'ghs_secretTokenValue123';
const report: PrReport = {
  version: 1,
  pullRequest: 7,
  headSha: head,
  filesChecked: 2,
  diagnostics: [
    {
      file: 'incidents/x.md',
      line: 3,
      column: 1,
      severity: 'error',
      code: 'naive-time',
      message: 'A time needs a zone <b>now</b>',
      hint: 'Write `2026-11-22 14:03 UTC`.',
    },
  ],
  notices: {
    kind: 'planned',
    previews: [
      {
        channel: 'ops',
        type: 'slack',
        event: 'incident.created',
        id: 'inc@2026-11-22T14:03:00Z',
        title: 'API errors',
        payload: '{"text":"API errors"}',
        language: 'json',
      },
    ],
  },
};

let github: FakeGitHub;
let dir: string;
let out: { stdout: string[]; stderr: string[] };
beforeEach(async () => {
  github = await new FakeGitHub().start();
  github.pulls.set(7, { number: 7, head: { sha: head } });
  dir = await mkdtemp(join(tmpdir(), 'candor-pr-comment-'));
  out = { stdout: [], stderr: [] };
});
afterEach(async () => {
  expect(github.unhandled).toEqual([]);
  await github.stop();
  await rm(dir, { recursive: true, force: true });
});

function io(env: Record<string, string | undefined> = {}): Io {
  return {
    cwd: dir,
    env: {
      GITHUB_TOKEN: token,
      GITHUB_REPOSITORY: 'acme/status',
      GITHUB_API_URL: github.url,
      HEAD_SHA: head,
      RUN_URL: 'https://github.com/acme/status/actions/runs/9',
      ...env,
    },
    stdout: (t) => out.stdout.push(t),
    stderr: (t) => out.stderr.push(t),
  };
}
async function reportFile(content: unknown): Promise<string> {
  const path = join(dir, 'candor-pr-report.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('npm run github:pr-comment', () => {
  it('posts the report as the sticky comment, then updates it', async () => {
    const path = await reportFile(report);
    expect(await runPrComment(['--report', path], io())).toBe(0);
    expect(await runPrComment(['--report', path], io())).toBe(0);
    const comments = github.comments.get(7)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(PR_COMMENT_MARKER)).toBe(true);
    expect(comments[0]!.body).toContain('A time needs a zone &lt;b&gt;now&lt;/b&gt;');
    expect(comments[0]!.body).toContain('https://github.com/acme/status/actions/runs/9');
    expect(comments[0]!.body).toContain(
      `(<https://github.com/acme/status/blob/${head}/incidents/x.md#L3>)`,
    );
    expect(out.stdout).toEqual([
      expect.stringMatching(/^Posted the Candor comment on #7: /),
      expect.stringMatching(/^Updated the Candor comment on #7: /),
    ]);
  });

  it('does not comment when the PR has moved past the checked commit', async () => {
    github.pulls.set(7, { number: 7, head: { sha: 'f'.repeat(40) } });
    expect(await runPrComment(['--report', await reportFile(report)], io())).toBe(0);
    expect(github.comments.get(7)).toBeUndefined();
    expect(out.stdout.join('')).toContain(
      'Not commenting: pull request #7 is not at the checked commit c0ffee0',
    );
  });

  it('does not comment on another PR named by a forged report', async () => {
    github.pulls.set(8, { number: 8, head: { sha: 'e'.repeat(40) } });
    expect(
      await runPrComment(['--report', await reportFile({ ...report, pullRequest: 8 })], io()),
    ).toBe(0);
    expect(github.comments.size).toBe(0);
  });

  it('refuses a report that is not what the check job writes, in one line, before calling GitHub', async () => {
    for (const bad of [
      'not json',
      { ...report, extra: 1 },
      { ...report, headSha: 'HEAD' },
      { ...report, diagnostics: [{ ...report.diagnostics[0], line: 0 }] },
    ]) {
      out.stderr = [];
      expect(await runPrComment(['--report', await reportFile(bad)], io())).toBe(1);
      expect(out.stderr).toHaveLength(1);
      expect(out.stderr[0]).toMatch(
        /^candor github pr-comment: The PR report is not (JSON|valid: )/,
      );
    }
    expect(github.requests).toEqual([]);
  });

  it('refuses an oversized report without parsing it', async () => {
    expect(await runPrComment(['--report', await reportFile(' '.repeat(5_000_001))], io())).toBe(1);
    expect(out.stderr[0]).toContain('is larger than 5000000 bytes');
  });

  it('refuses a symbolic link or a directory in place of the report', async () => {
    await writeFile(join(dir, 'elsewhere.json'), JSON.stringify(report));
    await symlink(join(dir, 'elsewhere.json'), join(dir, 'link.json'));
    await mkdir(join(dir, 'folder.json'));
    expect(await runPrComment(['--report', join(dir, 'link.json')], io())).toBe(1);
    expect(await runPrComment(['--report', join(dir, 'folder.json')], io())).toBe(1);
    expect(out.stderr).toEqual([
      expect.stringMatching(/link\.json is a symbolic link: refused\.$/),
      expect.stringMatching(/folder\.json is not a regular file: refused\.$/),
    ]);
    expect(github.requests).toEqual([]);
  });

  it('says what to set when the token or the head is missing', async () => {
    const path = await reportFile(report);
    expect(await runPrComment(['--report', path], io({ GITHUB_TOKEN: undefined }))).toBe(2);
    expect(await runPrComment(['--report', path], io({ HEAD_SHA: undefined }))).toBe(2);
    expect(await runPrComment([], io())).toBe(2);
    expect(out.stderr).toEqual([
      expect.stringMatching(
        /^candor github pr-comment: GITHUB_TOKEN is not set: pass `env: GITHUB_TOKEN/,
      ),
      expect.stringMatching(/^candor github pr-comment: HEAD_SHA must be the checked commit/),
      expect.stringMatching(/^candor github pr-comment: --report FILE is required/),
    ]);
  });

  it('reports a GitHub refusal in one line without the token', async () => {
    github.fail('POST', /\/issues\/7\/comments$/, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    expect(await runPrComment(['--report', await reportFile(report)], io())).toBe(1);
    expect(out.stderr).toEqual([
      "candor github pr-comment: GitHub answered 403: Resource not accessible by integration (does the job's `permissions:` grant what this step needs?)",
    ]);
    expect(JSON.stringify(out)).not.toContain(token);
  });
});
