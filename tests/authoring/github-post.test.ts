import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPost } from '../../src/cli/github-post.ts';
import { runCandor } from '../support/run-candor.ts';
import { captureIo, makeRepo, NEW_API_INCIDENT, NOW, removeRepo } from './temp-repo.ts';

/** A `candor` command as a team runs it in `cwd` (in this process): arguments for the laptop commands, environment variables for the workflow's. */
function script(
  name: string,
  cwd: string,
  args: string[] = [],
  env: Record<string, string> = {},
  now = NOW,
) {
  const command = name === 'github-post' ? ['github', 'post'] : [name];
  return runCandor(cwd, [...command, ...args], { ...process.env, CANDOR_NOW: now, ...env });
}

/** Every file under incidents/, by path: what a commit would contain. */
async function incidents(root: string): Promise<Record<string, string>> {
  const dir = join(root, 'incidents');
  if (!existsSync(dir)) return {};
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)),
  );
}

/** The form as the GitHub app sends it: every input present, the ones left alone empty or at their default. */
const form = (
  inputs: Partial<
    Record<'incident' | 'title' | 'impact' | 'components' | 'status' | 'message' | 'next', string>
  >,
) => ({
  CANDOR_POST_INCIDENT: inputs.incident ?? 'new',
  CANDOR_POST_TITLE: inputs.title ?? '',
  CANDOR_POST_IMPACT: inputs.impact ?? 'major',
  CANDOR_POST_COMPONENTS: inputs.components ?? '',
  CANDOR_POST_STATUS: inputs.status ?? 'investigating',
  CANDOR_POST_MESSAGE: inputs.message ?? '',
  CANDOR_POST_NEXT_MINUTES: inputs.next ?? '30',
});

let phone: string;
let laptop: string;
beforeEach(async () => {
  [phone, laptop] = await Promise.all([makeRepo(), makeRepo()]);
});
afterEach(() => Promise.all([removeRepo(phone), removeRepo(laptop)]));

describe('posting from the "Post an incident update" form', () => {
  it('opens, updates and resolves an incident with exactly the files npm run new, update and resolve write', async () => {
    const id = '2026-11-23-elevated-api-error-rates';
    const steps: [Record<string, string>, string, string[], string][] = [
      [
        form({
          title: 'Elevated API error rates',
          components: 'api:partial_outage, dashboard:degraded_performance',
          message: 'About one in five requests fail.',
          next: '45',
        }),
        'new',
        [...NEW_API_INCIDENT, '--message', 'About one in five requests fail.', '--next', '+45m'],
        '2026-11-23T12:00:00Z',
      ],
      [
        form({
          incident: id,
          status: 'Identified',
          components: 'dashboard:operational',
          message: 'A bad deploy; rolling back.',
          next: '',
        }),
        'update',
        [id, 'identified', 'A bad deploy; rolling back.', '--components', 'dashboard:operational'],
        '2026-11-23T12:20:00Z',
      ],
      [
        form({
          incident: id,
          status: 'resolved',
          message: 'Error rates are normal again.',
          next: '0',
        }),
        'resolve',
        [id, 'Error rates are normal again.'],
        '2026-11-23T12:45:00Z',
      ],
    ];
    for (const [env, command, args, now] of steps) {
      const [fromPhone, fromLaptop] = await Promise.all([
        script('github-post', phone, [], env, now),
        script(command, laptop, args, {}, now),
      ]);
      expect([fromPhone.code, fromLaptop.code], fromPhone.stderr + fromLaptop.stderr).toEqual([
        0, 0,
      ]);
      expect(fromPhone.stdout).toBe(fromLaptop.stdout);
      expect(await incidents(phone)).toEqual(await incidents(laptop));
    }
    const written = Object.values(await incidents(phone))[0]!;
    expect(written).toContain('## 2026-11-23 12:45 UTC · Resolved');
    // Six real processes: on a busy machine they take longer than one test usually may.
  }, 240_000);

  it('writes the commit message for the workflow to GITHUB_OUTPUT, in a form no value can break out of', async () => {
    const output = join(phone, 'github-output.txt');
    const title = 'Queue backlog\nother-output=1';
    const bad = await script('github-post', phone, [], {
      ...form({ title, components: 'webhooks:degraded_performance' }),
      GITHUB_OUTPUT: output,
    });
    expect(bad.stderr).toBe('candor github post: the title is one line.\n');
    const good = await script('github-post', phone, [], {
      ...form({ title: 'Queue backlog', components: 'webhooks:degraded_performance' }),
      GITHUB_OUTPUT: output,
    });
    expect(good.code).toBe(0);
    expect(await readFile(output, 'utf8')).toMatch(
      /^commit-message<<(CANDOR_[0-9a-f]{24})\nIncident: Queue backlog\n\1\n$/,
    );
  });

  it('writes shell syntax and option-like text literally, and runs none of it', async () => {
    const marker = join(phone, 'pwned');
    const title = `--impact=none $(touch ${marker}) \`touch ${marker}\` and a title longer than an id may be`;
    const message = `-m; touch ${marker} && echo "$HOME" | sh`;
    const io = captureIo(phone);
    Object.assign(
      io.env,
      form({ title, components: 'api:major_outage', message, impact: 'critical' }),
    );
    expect(await runPost(io), io.err.join('\n')).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const [text] = Object.values(await incidents(phone));
    expect(text).toContain(title);
    expect(Object.keys(await incidents(phone))[0]!.length).toBeLessThanOrEqual(
      '2026/'.length + 64 + '.md'.length,
    );
    expect(text).toContain('impact: critical');
    expect(text).toContain(message);
  });

  it.each([
    [
      { incident: '' },
      'say which incident: "new", or the id of an open incident such as 2026-11-23-api-errors.',
    ],
    [{ title: '' }, 'a new incident needs a title, e.g. "Elevated API error rates".'],
    [
      { title: 'Outage', status: 'identified', components: 'api:partial_outage' },
      'a new incident starts as Investigating, not "identified": open it, then post "identified" as an update of it.',
    ],
    [{ title: 'Outage', components: 'apii:partial_outage' }, /^unknown component "apii"|apii/],
    [
      { title: 'Outage', components: 'api:partial_outage', next: 'soon' },
      'the next update is a number of minutes from 1 to 1440 (or 0 for none), not "soon".',
    ],
    [
      { incident: '../../etc/passwd', status: 'identified' },
      '"../../etc/passwd" is not an incident id: write "new", or an id such as 2026-11-23-api-errors (the file name without .md).',
    ],
    [
      { incident: '2026-11-23-nothing', status: 'identified' },
      /^there is no incident "2026-11-23-nothing"/,
    ],
    [{ incident: '2026-11-23-nothing', status: 'fixed' }, /^"fixed" is not a status\./],
    [
      { incident: '2026-11-23-nothing', status: 'monitoring', title: 'New title' },
      'the title is only for a new incident; leave it empty to update 2026-11-23-nothing.',
    ],
  ])(
    'refuses %j with one line saying what to write, and writes nothing',
    async (inputs, expected) => {
      const io = captureIo(phone);
      Object.assign(io.env, form(inputs));
      expect(await runPost(io)).toBe(2);
      expect(io.err).toHaveLength(1);
      const said = io.err[0]!.replace(/^candor (github post|new|update): /, '');
      if (typeof expected === 'string') expect(said).toBe(expected);
      else expect(said).toMatch(expected);
      expect(io.err[0]).not.toMatch(/\n\s+at /);
      expect(await incidents(phone)).toEqual({});
    },
  );
});
