import { describe, expect, it } from 'vitest';
import { readBranchFile, updateBranchFile, WriteConflict } from '../../src/github/branch-file.ts';
import { jsonBranchStore } from '../../src/github/json-branch-store.ts';
import { blobSha, useFakeGitHub } from './fake-github.ts';

const file = { owner: 'acme', repo: 'status', branch: 'candor-ledger', path: 'ledger.json' };
const append = (item: string) => (text: string | undefined) =>
  JSON.stringify([...(text ? (JSON.parse(text) as string[]) : []), item]);

const { github, octokit } = useFakeGitHub();

describe('a file on a data branch', () => {
  it('reads as undefined when neither the branch nor the file exists', async () => {
    expect(await readBranchFile(octokit(), file)).toBeUndefined();
  });

  it('reads its text and blob SHA', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '{"sent":["a"]}\n');
    expect(await readBranchFile(octokit(), file)).toEqual({
      text: '{"sent":["a"]}\n',
      sha: blobSha('{"sent":["a"]}\n'),
    });
  });

  it('reads a file above 1 MB through the blob API', async () => {
    const big = JSON.stringify({
      sent: Array.from({ length: 60_000 }, (_, i) => `incident-${i}@2026-11-22T14:03:00Z`),
    });
    github().writeFile('candor-ledger', 'ledger.json', big);
    expect((await readBranchFile(octokit(), file))?.text).toBe(big);
    expect(github().requests.some((r) => r.path.includes('/git/blobs/'))).toBe(true);
  });

  it('creates the branch, with only this file, on the first write', async () => {
    const written = await updateBranchFile(octokit(), file, append('first'), {
      message: 'Record notices',
    });
    expect(written?.text).toBe('["first"]');
    expect([...github().branches.get('candor-ledger')!.entries()]).toEqual([
      ['ledger.json', '["first"]'],
    ]);
    const commit = github().requests.find((r) => r.path.endsWith('/git/commits'));
    expect(commit?.body).toMatchObject({ parents: [], message: 'Record notices' });
  });

  it('updates an existing file naming the SHA it read', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '["a"]');
    await updateBranchFile(octokit(), file, append('b'), { message: 'm' });
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe('["a","b"]');
    const put = github().requests.find((r) => r.method === 'PUT');
    expect(put?.body).toMatchObject({
      sha: blobSha('["a"]'),
      branch: 'candor-ledger',
      message: 'm',
    });
  });

  /** Plays another run that writes `text` just before our first request matching method and path. */
  const raceOnce = (method: string, path: RegExp, write: () => void) => {
    let raced = false;
    github().beforeRequest = (request) => {
      if (raced || request.method !== method || !path.test(request.path)) return;
      raced = true;
      write();
    };
  };

  it('on a 409 (someone wrote first) reads again and applies the change to the fresh SHA and text', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '["a"]');
    raceOnce('PUT', /ledger\.json$/, () =>
      github().writeFile('candor-ledger', 'ledger.json', '["a","other-run"]'),
    );
    await updateBranchFile(octokit(), file, append('ours'), { message: 'm' });
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe(
      '["a","other-run","ours"]',
    );
    const puts = github()
      .requests.filter((r) => r.method === 'PUT')
      .map((r) => (r.body as { sha: string }).sha);
    expect(puts).toEqual([blobSha('["a"]'), blobSha('["a","other-run"]')]);
  });

  it('on a 422 (the file appeared although we named no SHA) reads again and merges', async () => {
    github().writeFile('candor-ledger', 'other.json', '{}');
    raceOnce('PUT', /ledger\.json$/, () =>
      github().writeFile('candor-ledger', 'ledger.json', '["other-run"]'),
    );
    await updateBranchFile(octokit(), file, append('ours'), { message: 'm' });
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe('["other-run","ours"]');
    expect(
      github()
        .requests.filter((r) => r.method === 'PUT')
        .map((r) => (r.body as { sha?: string }).sha),
    ).toEqual([undefined, blobSha('["other-run"]')]);
  });

  it('when another run creates the branch first, writes into it instead', async () => {
    raceOnce('POST', /\/git\/refs$/, () =>
      github().writeFile('candor-ledger', 'ledger.json', '["other-run"]'),
    );
    await updateBranchFile(octokit(), file, append('ours'), { message: 'm' });
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe('["other-run","ours"]');
  });

  it('gives up with a WriteConflict when the file keeps changing', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '[]');
    let n = 0;
    github().beforeRequest = (request) => {
      if (request.method === 'PUT')
        github().writeFile('candor-ledger', 'ledger.json', JSON.stringify([`other-${n++}`]));
    };
    await expect(
      updateBranchFile(octokit(), file, append('ours'), { message: 'm', attempts: 3 }),
    ).rejects.toBeInstanceOf(WriteConflict);
    expect(github().requests.filter((r) => r.method === 'PUT')).toHaveLength(3);
  });

  it('retries a 5xx on the write', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '[]');
    github().fail('PUT', /\/contents\/ledger\.json$/, 500, 1);
    await updateBranchFile(octokit(), file, append('x'), { message: 'm' });
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe('["x"]');
  });

  it('writes nothing when the change leaves the text as it is', async () => {
    github().writeFile('candor-ledger', 'ledger.json', '["a"]');
    await updateBranchFile(octokit(), file, (text) => text, { message: 'm' });
    expect(github().requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});

describe('a JSON store on a data branch', () => {
  const codec = {
    parse: (text: string) => {
      const value = JSON.parse(text) as unknown;
      if (!Array.isArray(value)) throw new Error('expected a list');
      return value as string[];
    },
    serialise: (value: string[]) => `${JSON.stringify(value)}\n`,
  };

  it('writes from what it last read or wrote, without reading again before each write', async () => {
    const store = jsonBranchStore(octokit(), file, codec);
    await store.read();
    await store.update((current) => [...(current ?? []), 'a'], 'm');
    await store.update((current) => [...(current ?? []), 'b'], 'm');
    await store.update((current) => [...(current ?? []), 'c'], 'm');
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe('["a","b","c"]\n');
    expect(
      github().requests.filter((r) => r.method === 'GET' && r.path.includes('/contents/')),
    ).toHaveLength(1);
  });

  it('reads afresh when what it last wrote is no longer current', async () => {
    const store = jsonBranchStore(octokit(), file, codec);
    await store.update(() => ['ours-1'], 'm');
    github().writeFile('candor-ledger', 'ledger.json', '["ours-1","theirs"]\n');
    await store.update((current) => [...(current ?? []), 'ours-2'], 'm');
    expect(github().branches.get('candor-ledger')!.get('ledger.json')).toBe(
      '["ours-1","theirs","ours-2"]\n',
    );
  });

  it('round-trips a value and refuses text its codec refuses', async () => {
    const store = jsonBranchStore(octokit(), file, codec);
    expect(await store.read()).toBeUndefined();
    await store.update((current) => [...(current ?? []), 'a'], 'm');
    expect(await store.read()).toEqual(['a']);
    github().writeFile('candor-ledger', 'ledger.json', '{"not":"a list"}');
    await expect(store.read()).rejects.toThrow('expected a list');
  });
});
