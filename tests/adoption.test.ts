import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../src/cli/main.ts';
import { PROJECT_ROOT } from './candor-bin.ts';

const run = promisify(execFile);
const NOW = '2026-11-23T12:00:00Z';

/**
 * A team adopting Candor, as the README tells it: pack this repository, `init` a status repository
 * with the packed package's own `candor` command, install the package (the tarball, and its
 * dependencies from the npm cache this project was installed from; npm asks the registry only for
 * what the cache lacks), then check, draft an incident and build. The shell finds the Node this
 * project runs on first, as a team's runner finds its own.
 *
 * `npx candor init` would install the whole dependency tree a second time into npx's cache, the
 * slowest step of this test; `init` is run instead from the tarball unpacked where npx puts a
 * package, under a `node_modules` folder (so the bin strips Candor's types itself, as installed),
 * with this project's dependencies found above it. `npm install` in the new repository is real.
 */
let work: string;
/** Where the packed package is unpacked, as npx would install it. */
let unpacked: string;
let site: string;
let env: NodeJS.ProcessEnv;

const sh = (command: string, args: string[], cwd: string) =>
  run(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'candor-adoption-'));
  site = join(work, 'site');
  const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;
  env = {
    ...inherited,
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
    CANDOR_NOW: NOW,
    ASTRO_TELEMETRY_DISABLED: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const { stdout } = await sh(
    'npm',
    ['pack', '--silent', '--pack-destination', work],
    PROJECT_ROOT,
  );
  const tarball = join(work, stdout.trim().split('\n').pop()!);
  unpacked = await mkdtemp(join(PROJECT_ROOT, 'node_modules/.cache/candor-adoption-'));
  const installed = join(unpacked, 'node_modules/candor-status');
  await mkdir(installed, { recursive: true });
  await sh('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], work);
  await sh(
    process.execPath,
    [
      join(installed, 'bin/candor.js'),
      'init',
      'site',
      '--name',
      'Acme',
      '--url',
      'https://status.acme.dev/',
    ],
    work,
  );
  await sh('npm', ['install', '--prefer-offline', tarball], site);
}, 600_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  if (unpacked) await rm(unpacked, { recursive: true, force: true });
});

describe('a status repository made by `candor init` from the packed package', () => {
  it('holds the files a team needs, and none of the example content', async () => {
    const files = (await readdir(site, { recursive: true }))
      .filter((f) => !f.startsWith('node_modules'))
      .sort();
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/check.yml',
        '.github/workflows/comment.yml',
        '.github/workflows/publish.yml',
        '.gitignore',
        'README.md',
        'astro.config.mjs',
        'components.yaml',
        'incidents/README.md',
        'notify.yaml',
        'package.json',
      ]),
    );
    expect(
      files.filter(
        (f) => f.startsWith('incidents/') && f.endsWith('.md') && f !== 'incidents/README.md',
      ),
    ).toEqual([]);
    expect(files.some((f) => f.startsWith('templates'))).toBe(false);
  });

  it('checks clean and builds a page with no incidents and no warnings', async () => {
    const check = await sh('npx', ['candor', 'check'], site);
    expect(check.stdout).toMatch(/0 errors, 0 warnings/);
    const build = await sh('npx', ['candor', 'build'], site);
    expect(build.stderr).toBe('');
    expect(build.stdout).toMatch(
      /^Built the public site of Acme into dist\/ \(0 incidents, 0 errors, 0 warnings/,
    );
    expect(await readFile(join(site, 'dist/index.html'), 'utf8')).toContain('Acme');
    // The repository `init` wrote builds the Candor site alone: Astro runs once and keeps the bundle.
    expect(build.stdout).toContain('the page bundle is kept');
  });

  it('shows an incident drafted with `candor new` after the next build', async () => {
    await sh(
      'npx',
      [
        'candor',
        'new',
        'incident',
        'Slow API',
        '--impact',
        'minor',
        '--components',
        'api:degraded_performance',
      ],
      site,
    );
    const build = await sh('npx', ['candor', 'build'], site);
    expect(build.stdout).toMatch(/\(1 incidents?, 0 errors/);
    // A content change renders from the kept bundle, without Astro's build pipeline or Vite.
    expect(build.stdout).toContain('Rendered from the page bundle of an earlier build');
    const home = await readFile(join(site, 'dist/index.html'), 'utf8');
    expect(home).toContain('Slow API');
    const ids = (await readdir(join(site, 'dist/incidents'))).filter((f) => f !== 'index.html');
    expect(ids).toHaveLength(1);
  });

  it('has workflows that parse and call only commands the package has', async () => {
    for (const name of await readdir(join(site, '.github/workflows'))) {
      const workflow = parse(await readFile(join(site, '.github/workflows', name), 'utf8')) as {
        jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
      };
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      for (const step of steps) {
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
        if (!step.run) continue;
        expect(step.run).not.toMatch(/npm run/);
        for (const [, words] of step.run.matchAll(/npx candor ((?:github )?[a-z-]+)/g))
          expect(Object.keys(COMMANDS)).toContain(words);
      }
      expect(steps.some((step) => step.run?.includes('npx candor'))).toBe(true);
    }
  });
});
