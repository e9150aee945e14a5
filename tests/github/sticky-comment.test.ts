import { describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/octokit.ts';
import { ACTIONS_BOT_LOGIN, upsertStickyComment } from '../../src/github/sticky-comment.ts';
import { useFakeGitHub } from './fake-github.ts';

const marker = '<!-- candor:pr-report -->';
const target = { owner: 'acme', repo: 'status', issueNumber: 7, marker, author: ACTIONS_BOT_LOGIN };

const { github, octokit: fakeOctokit } = useFakeGitHub();

const octokit = () => fakeOctokit('test-token');

describe('the sticky PR comment', () => {
  it('is created when the PR has none, with the marker, authenticated with the token', async () => {
    const result = await upsertStickyComment(octokit(), target, 'All good.');
    expect(result.action).toBe('created');
    expect(github().comments.get(7)).toEqual([
      {
        id: result.id,
        body: `${marker}\nAll good.`,
        user: { login: ACTIONS_BOT_LOGIN, type: 'Bot' },
      },
    ]);
    expect(github().requests.every((r) => r.authorization === 'token test-token')).toBe(true);
  });

  it('is updated in place on the next run', async () => {
    const first = await upsertStickyComment(octokit(), target, 'Two errors.');
    const second = await upsertStickyComment(octokit(), target, 'Fixed.');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(
      github()
        .comments.get(7)!
        .map((c) => c.body),
    ).toEqual([`${marker}\nFixed.`]);
  });

  it('finds its comment past the first 100, reading every page', async () => {
    github().addComments(
      7,
      Array.from({ length: 230 }, (_, i) => ({
        body: `comment ${i}`,
        user: { login: 'octocat', type: 'User' },
      })),
    );
    const [ours] = github().addComments(7, [
      { body: `${marker}\nold report`, user: { login: ACTIONS_BOT_LOGIN, type: 'Bot' } },
    ]);
    const result = await upsertStickyComment(octokit(), target, 'new report');
    expect(result).toMatchObject({ action: 'updated', id: ours!.id });
    expect(github().comments.get(7)).toHaveLength(231);
    const pages = github()
      .requests.filter((r) => r.method === 'GET')
      .map((r) => r.query.get('page') ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
  });

  it("leaves someone else's comment carrying the same marker alone", async () => {
    const [theirs] = github().addComments(7, [
      { body: `${marker}\nI copied your marker`, user: { login: 'mallory', type: 'User' } },
    ]);
    const result = await upsertStickyComment(octokit(), target, 'the real report');
    expect(result.action).toBe('created');
    expect(
      github()
        .comments.get(7)!
        .find((c) => c.id === theirs!.id)!.body,
    ).toBe(`${marker}\nI copied your marker`);
    expect(github().requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('retries a 5xx answer and then succeeds', async () => {
    github().fail('GET', /\/issues\/7\/comments$/, 502, 2);
    const result = await upsertStickyComment(octokit(), target, 'after an outage');
    expect(result.action).toBe('created');
    expect(github().requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('gives up after the last try, with the status, and writes nothing', async () => {
    github().fail('GET', /\/issues\/7\/comments$/, 503, 3);
    await expect(upsertStickyComment(octokit(), target, 'x')).rejects.toMatchObject({
      status: 503,
    });
    expect(github().comments.get(7)).toBeUndefined();
  });

  it('waits as long as a rate limit asks, when that is short, then tries again', async () => {
    const waits: number[] = [];
    const recording = createOctokit(
      { token: 't', baseUrl: github().url },
      { attempts: 3, wait: async (_, atLeastMs) => void waits.push(atLeastMs) },
    );
    github().fail(
      'GET',
      /\/issues\/7\/comments$/,
      429,
      1,
      { message: 'slow down' },
      { 'retry-after': '2' },
    );
    github().fail(
      'POST',
      /\/issues\/7\/comments$/,
      403,
      1,
      { message: 'You have exceeded a secondary rate limit' },
      { 'retry-after': '1' },
    );
    expect((await upsertStickyComment(recording, target, 'x')).action).toBe('created');
    expect(waits).toEqual([2000, 1000]);
  });

  it('does not wait for a rate limit an hour away', async () => {
    github().fail(
      'GET',
      /\/issues\/7\/comments$/,
      403,
      1,
      { message: 'API rate limit exceeded' },
      { 'retry-after': '3600' },
    );
    await expect(upsertStickyComment(octokit(), target, 'x')).rejects.toMatchObject({
      status: 403,
    });
    expect(github().requests).toHaveLength(1);
  });

  it('does not retry a 4xx answer', async () => {
    github().fail('POST', /\/issues\/7\/comments$/, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    await expect(upsertStickyComment(octokit(), target, 'x')).rejects.toMatchObject({
      status: 403,
    });
    expect(github().requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
