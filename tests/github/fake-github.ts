import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect } from 'vitest';
import { createOctokit } from '../../src/github/octokit.ts';
import { serialiseLedger } from '../../src/notify/ledger.ts';
import { writeRepository } from '../support/repository.ts';

/**
 * A GitHub REST API on 127.0.0.1 with the documented shapes of the endpoints Candor uses: issue
 * comments (paginated with Link headers), pulls, repository contents, git refs, trees, commits and
 * blobs. Unknown routes answer 400 and are recorded, so a test can assert none was hit.
 */
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  remaining: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export class FakeGitHub {
  /** The login of whoever holds the token: comments we create are attributed to it. */
  login = 'github-actions[bot]';
  comments = new Map<number, FakeComment[]>();
  pulls = new Map<number, { number: number; head: { sha: string } }>();
  /** branch -> path -> text */
  branches = new Map<string, Map<string, string>>();
  requests: RecordedRequest[] = [];
  unhandled: string[] = [];
  /** Runs before each request is answered: lets a test play a concurrent writer at an exact step. */
  beforeRequest: ((request: RecordedRequest) => void) | undefined;
  private faults: Fault[] = [];
  private nextId = 1000;
  private server = createServer((req, res) => void this.handle(req, res));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests matching method and path answer `status` with `body`. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    times = 1,
    body: unknown = { message: `fault ${status}` },
    headers: Record<string, string> = {},
  ): void {
    this.faults.push({ method, path, status, body, headers, remaining: times });
  }

  addComments(issue: number, comments: Array<Omit<FakeComment, 'id'>>): FakeComment[] {
    const list = this.comments.get(issue) ?? [];
    const added = comments.map((c) => ({ ...c, id: this.nextId++ }));
    list.push(...added);
    this.comments.set(issue, list);
    return added;
  }

  writeFile(branch: string, path: string, text: string): void {
    const files = this.branches.get(branch) ?? new Map<string, string>();
    files.set(path, text);
    this.branches.set(branch, files);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Octokit percent-encodes slashes inside parameters such as `heads/main`; GitHub decodes them.
    const pathname = decodeURIComponent(url.pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? JSON.parse(raw) : undefined;
    const method = req.method ?? 'GET';
    const request = {
      method,
      path: pathname,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    this.beforeRequest?.(request);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(data));
    };
    const fault = this.faults.find(
      (f) => f.remaining > 0 && f.method === method && f.path.test(pathname),
    );
    if (fault) {
      fault.remaining--;
      return send(fault.status, fault.body, fault.headers);
    }
    const route = (pattern: RegExp) =>
      (pathname.match(pattern) ?? undefined) as RegExpMatchArray | undefined;
    let m: RegExpMatchArray | undefined;

    if (method === 'GET' && (m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const all = this.comments.get(Number(m[1])) ?? [];
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const links: string[] = [];
      const link = (p: number, rel: string) => {
        const next = new URL(url.pathname, this.url);
        next.searchParams.set('per_page', String(perPage));
        next.searchParams.set('page', String(p));
        links.push(`<${next.href}>; rel="${rel}"`);
      };
      if (page < last) {
        link(page + 1, 'next');
        link(last, 'last');
      }
      if (page > 1) {
        link(1, 'first');
        link(page - 1, 'prev');
      }
      const items = all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c));
      return send(200, items, links.length ? { link: links.join(', ') } : {});
    }
    if (method === 'POST' && (m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const [created] = this.addComments(Number(m[1]), [
        { body: body.body, user: { login: this.login, type: 'Bot' } },
      ]);
      return send(201, this.commentJson(created!));
    }
    if (method === 'PATCH' && (m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(m![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      if (comment.user.login !== this.login)
        return send(403, { message: 'Must have admin rights to Repository.' });
      comment.body = body.body;
      return send(200, this.commentJson(comment));
    }
    if (method === 'GET' && (m = route(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/))) {
      const pull = this.pulls.get(Number(m[1]));
      return pull ? send(200, pull) : send(404, { message: 'Not Found' });
    }
    if ((m = route(/^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/))) {
      const path = m[1]!;
      if (method === 'GET') {
        const text = this.branches.get(url.searchParams.get('ref') ?? 'main')?.get(path);
        if (text === undefined) return send(404, { message: 'Not Found' });
        const size = Buffer.byteLength(text);
        // Like GitHub: above 1 MB the contents API sends no content, only the blob SHA.
        const content =
          size > 1_000_000
            ? ''
            : Buffer.from(text)
                .toString('base64')
                .replace(/(.{60})/g, '$1\n');
        return send(200, {
          type: 'file',
          encoding: size > 1_000_000 ? 'none' : 'base64',
          size,
          name: path,
          path,
          content,
          sha: blobSha(text),
        });
      }
      if (method === 'PUT') {
        const files = this.branches.get(body.branch);
        if (!files) return send(404, { message: `Branch ${body.branch} not found` });
        const current = files.get(path);
        if (current !== undefined && body.sha === undefined)
          return send(422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
        if (current !== undefined && body.sha !== blobSha(current))
          return send(409, { message: `${path} does not match ${body.sha}` });
        if (current === undefined && body.sha !== undefined)
          return send(409, { message: `${path} does not match ${body.sha}` });
        const text = Buffer.from(body.content, 'base64').toString('utf8');
        files.set(path, text);
        return send(current === undefined ? 201 : 200, {
          content: { name: path, path, sha: blobSha(text) },
          commit: { sha: commitSha(text) },
        });
      }
    }
    if (method === 'GET' && (m = route(/^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]{40})$/))) {
      for (const files of this.branches.values()) {
        for (const text of files.values()) {
          if (blobSha(text) === m[1])
            return send(200, {
              sha: m[1],
              size: Buffer.byteLength(text),
              encoding: 'base64',
              content: Buffer.from(text).toString('base64'),
            });
        }
      }
      return send(404, { message: 'Not Found' });
    }
    if (method === 'GET' && (m = route(/^\/repos\/[^/]+\/[^/]+\/git\/ref\/heads\/(.+)$/))) {
      return this.branches.has(m[1]!)
        ? send(200, {
            ref: `refs/heads/${m[1]}`,
            object: { type: 'commit', sha: commitSha(m[1]!) },
          })
        : send(404, { message: 'Not Found' });
    }
    if (method === 'POST' && route(/^\/repos\/[^/]+\/[^/]+\/git\/trees$/)) {
      const tree = (body.tree as Array<{ path: string; content: string }>).map((e) => ({
        path: e.path,
        mode: '100644',
        type: 'blob',
        sha: blobSha(e.content),
      }));
      const sha = commitSha(JSON.stringify(body.tree));
      this.pendingTrees.set(sha, body.tree);
      return send(201, { sha, tree });
    }
    if (method === 'POST' && route(/^\/repos\/[^/]+\/[^/]+\/git\/commits$/)) {
      const sha = commitSha(`commit ${body.tree}`);
      this.pendingCommits.set(sha, body.tree);
      return send(201, {
        sha,
        tree: { sha: body.tree },
        parents: body.parents,
        message: body.message,
      });
    }
    if (method === 'POST' && route(/^\/repos\/[^/]+\/[^/]+\/git\/refs$/)) {
      const branch = String(body.ref).replace(/^refs\/heads\//, '');
      if (this.branches.has(branch)) return send(422, { message: 'Reference already exists' });
      const tree = this.pendingTrees.get(this.pendingCommits.get(body.sha) ?? '');
      if (!tree) return send(422, { message: 'Object does not exist' });
      this.branches.set(branch, new Map(tree.map((e) => [e.path, e.content])));
      return send(201, { ref: body.ref, object: { type: 'commit', sha: body.sha } });
    }
    this.unhandled.push(`${method} ${pathname}`);
    return send(400, { message: `fake GitHub has no route for ${method} ${pathname}` });
  }

  private pendingTrees = new Map<string, Array<{ path: string; content: string }>>();
  private pendingCommits = new Map<string, string>();

  private commentJson(c: FakeComment) {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: `https://github.com/o/r/issues/1#issuecomment-${c.id}`,
    };
  }
}

/** Git's blob id, as GitHub reports it for a file. */
export const blobSha = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
const commitSha = (seed: string) => createHash('sha1').update(`commit ${seed}`).digest('hex');

/**
 * A fresh fake GitHub for every test of the calling file; a test fails if it asked for a route the
 * fake does not know. `octokit()` talks to it and retries without waiting.
 */
export function useFakeGitHub() {
  let current: FakeGitHub | undefined;
  beforeEach(async () => {
    current = await new FakeGitHub().start();
  });
  afterEach(async () => {
    expect(current!.unhandled).toEqual([]);
    await current!.stop();
  });
  const github = () => current!;
  const octokit = (token = 't') =>
    createOctokit({ token, baseUrl: github().url }, { attempts: 3, wait: async () => {} });
  return { github, octokit };
}

/** What a command run in GitHub Actions reads to reach `github`: a token, the repository and the API's address. */
export const actionsEnv = (github: FakeGitHub) => ({
  GITHUB_TOKEN: 't',
  GITHUB_REPOSITORY: 'acme/status',
  GITHUB_API_URL: github.url,
});

/** The ledger branch once it knows the channel `slack-ops`, which has sent nothing yet. */
export const knowSlackOps = (github: FakeGitHub) =>
  github.writeFile(
    'candor-ledger',
    'ledger.json',
    serialiseLedger({ version: 1, channels: { 'slack-ops': {} } }),
  );

/** The frontmatter of the incident the command tests write: a major partial outage of `api`. */
export const API_INCIDENT_FRONTMATTER = `---
title: Elevated API error rates
impact: major
components:
  api: partial_outage
---
`;

/** The incident file of `writeApiRepo`'s repository, relative to its root. */
export const API_INCIDENT_PATH = 'incidents/2026-11-22-api-errors.md';

/**
 * A repository in a fresh folder: one component, `api` (REST API), the incident
 * `API_INCIDENT_PATH` and the channels of `notifyYaml`.
 */
export const writeApiRepo = (incident: string, notifyYaml: string): Promise<string> =>
  writeRepository({
    'components.yaml': `page: { name: Acme Cloud, url: https://status.acme.dev, timezone: UTC }
components:
  - { id: api, name: REST API }
`,
    [API_INCIDENT_PATH]: incident,
    'notify.yaml': notifyYaml,
  });
