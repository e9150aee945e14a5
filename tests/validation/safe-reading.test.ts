import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTemplate } from '../../src/authoring/templates.ts';
import { CANDOR_BIN } from '../candor-bin.ts';
import { runCheckProcess as runCheck, type CliResult } from '../cli/run-check.ts';
import { tempRepositories, VALID_CONFIG } from './temp-repository.ts';

const repositories = tempRepositories();
afterAll(() => repositories.cleanup());

/** Stands in for an environment variable or a key: it must never be printed. */
const SECRET = 'SECRET_VALUE_4f9a';
const INCIDENT =
  '---\ntitle: Slow\nimpact: minor\ncomponents:\n  api: degraded_performance\n---\nSlow.\n\n## 2026-11-20 10:00 UTC · Investigating\nLooking.\n\n## 2026-11-20 11:00 UTC · Resolved\nFixed.\n';
const NOTIFY = 'channels:\n  - { id: ops, type: slack, url_env: SLACK_URL }\n';

let config: Buffer;
beforeAll(async () => {
  config = await readFile(VALID_CONFIG);
});

/** `candor build`; a refused build stops before Astro starts, so this is quick. */
function runBuild(cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CANDOR_BIN, 'build', '--out', join(cwd, 'dist')],
      { cwd, env: { ...process.env, CANDOR_NOW: '2026-11-23T12:00:00Z' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A repository with a valid page and incident, and a secret file next to it (outside it). */
async function repository(
  files: Record<string, string | Buffer> = {},
): Promise<{ root: string; outside: string }> {
  const outside = await repositories.create({
    'secret.txt': `${SECRET}=1\0OTHER=${SECRET}\0`,
    'stolen/2026-11-20-stolen.md': INCIDENT,
  });
  const root = await repositories.create({
    'components.yaml': config,
    'incidents/2026-11-20-slow.md': INCIDENT,
    ...files,
  });
  return { root, outside };
}

function expectRefused(result: CliResult, path: string, what: RegExp) {
  const output = `${result.stdout}${result.stderr}`;
  expect(output).not.toContain(SECRET);
  expect(output).not.toMatch(/^\s+at .+[(:]/m);
  expect(output).toMatch(
    new RegExp(`^${path.replace(/[.]/g, '\\.')}:1:1 error .*${what.source}`, 'm'),
  );
  expect(result.code).toBe(1);
}

const commands = [
  ['check', (root: string) => runCheck(root)],
  ['check --format github', (root: string) => runCheck(root, ['--format', 'github'])],
  ['build', runBuild],
] as const;

describe.each(commands)('%s reads only regular files inside the repository', (_, run) => {
  it.each(['components.yaml', 'notify.yaml'])(
    'refuses %s as a symbolic link to a file outside, without printing it',
    async (name) => {
      const { root, outside } = await repository();
      execFileSync('rm', ['-f', join(root, name)]);
      await symlink(join(outside, 'secret.txt'), join(root, name));
      const result = await run(root);
      if (run !== commands[1][1]) expectRefused(result, name, /symbolic link/);
      else {
        expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
        expect(result.stdout).toMatch(
          new RegExp(`^::error file=${name.replace('.', '\\.')},line=1,col=1.*symbolic link`, 'm'),
        );
      }
    },
  );

  it.each(['components.yaml', 'notify.yaml'])(
    'refuses %s committed as a folder with one line',
    async (name) => {
      const { root } = await repository();
      execFileSync('rm', ['-f', join(root, name)]);
      await mkdir(join(root, name, 'inner'), { recursive: true });
      const result = await run(root);
      expect(`${result.stdout}${result.stderr}`).toMatch(/is a folder/);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/EISDIR|^\s+at /m);
      expect(result.code).toBe(1);
    },
  );
});

describe('what check refuses to read', () => {
  it('refuses notify.yaml pointing at /dev/zero at once, without reading it', async () => {
    const { root } = await repository();
    await symlink('/dev/zero', join(root, 'notify.yaml'));
    expectRefused(await runCheck(root), 'notify.yaml', /symbolic link/);
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const { root } = await repository({ 'notify.yaml': NOTIFY });
    execFileSync('rm', [join(root, 'notify.yaml')]);
    execFileSync('mkfifo', [join(root, 'notify.yaml')]);
    expectRefused(await runCheck(root), 'notify.yaml', /not a regular file/);
  });

  it('reads no more of a huge file than the size limit needs', async () => {
    const { root } = await repository({ 'incidents/2026-11-21-huge.md': '' });
    // A sparse 6 GiB file: reading it all would take the memory it claims, and fails in Node past 2 GiB.
    await truncate(join(root, 'incidents/2026-11-21-huge.md'), 6 * 2 ** 30);
    const result = await runCheck(root);
    expect(result.stdout).toMatch(
      /^incidents\/2026-11-21-huge\.md:1:1 error .*the limit is 512 KiB.*\[file-too-large\]/m,
    );
    expect(result.code).toBe(1);
  });

  it('refuses incidents/ as a symbolic link, and publishes none of the files it points at', async () => {
    const { root, outside } = await repository();
    execFileSync('rm', ['-r', join(root, 'incidents')]);
    await symlink(join(outside, 'stolen'), join(root, 'incidents'));
    const result = await runCheck(root);
    expectRefused(result, 'incidents', /symbolic link/);
    expect(result.stdout).not.toContain('stolen');
    expectRefused(await runBuild(root), 'incidents', /symbolic link/);
  });

  it('refuses incidents/ pointing at / at once', async () => {
    const { root } = await repository();
    execFileSync('rm', ['-r', join(root, 'incidents')]);
    await symlink('/', join(root, 'incidents'));
    expectRefused(await runCheck(root), 'incidents', /symbolic link/);
  });

  it('reports symbolic links to files and folders inside incidents/, instead of skipping them', async () => {
    const { root, outside } = await repository();
    await symlink(join(outside, 'secret.txt'), join(root, 'incidents/2026-11-22-linked.md'));
    await symlink(join(outside, 'stolen'), join(root, 'incidents/2025'));
    const result = await runCheck(root);
    expectRefused(result, 'incidents/2026-11-22-linked.md', /symbolic link/);
    expectRefused(result, 'incidents/2025', /symbolic link/);
    expect(result.stdout).toMatch(/2 errors/);
  });

  it('refuses a template that is a link, or that sits in a linked templates/ folder', async () => {
    const { root, outside } = await repository({ 'templates/resolved.md': 'Resolved.' });
    await symlink(join(outside, 'secret.txt'), join(root, 'templates/identified.md'));
    await expect(readTemplate(root, 'identified')).rejects.toThrow(
      /^templates\/identified\.md:1:1 error .*symbolic link/,
    );
    await expect(readTemplate(root, 'identified')).rejects.not.toThrow(SECRET);
    expect((await readTemplate(root, 'resolved')).text).toBe('Resolved.');
    execFileSync('rm', ['-r', join(root, 'templates')]);
    await symlink(outside, join(root, 'templates'));
    await expect(readTemplate(root, 'secret')).rejects.toThrow(
      /^templates:1:1 error templates is a symbolic link/,
    );
  });
});
