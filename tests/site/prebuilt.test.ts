import { randomUUID } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  buildableRepoDir,
  CANDOR_BIN,
  EXAMPLE_PAGE,
  PROJECT_ROOT,
  runBuildCommand,
} from '../candor-bin.ts';
import { neutralExample } from '../i18n/languages-fixture.ts';
import { EXAMPLE_NOW, requireSlowTier } from '../support/built-sites.ts';
import { writeFiles, writeRepository } from '../support/repository.ts';

const RENDERED = /^Rendered from the page bundle of an earlier build/m;
const KEPT = /^Built with Astro; the page bundle is kept/m;

/** Every file of a built site, path by path, as bytes. */
async function tree(out: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1))
    .sort();
  return new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(join(out, f))] as const)),
  );
}

async function build(
  repo: string,
  out: string,
  args: string[] = [],
  audience = 'public',
  bin = CANDOR_BIN,
) {
  const { stdout } = await runBuildCommand(
    repo,
    ['--out', out, '--audience', audience, ...args],
    { CANDOR_NOW: EXAMPLE_NOW },
    bin,
  );
  return { stdout, files: await tree(join(repo, out)) };
}

/** The temporary repositories of this file, removed at its end. */
const repos: string[] = [];

/** The repository at `from`, copied to a fresh folder with `change` applied to its components.yaml. */
async function variant(
  from: string,
  change: (config: ReturnType<typeof parseDocument>) => void = () => {},
) {
  const repo = await writeRepository({});
  repos.push(repo);
  await cp(from, repo, { recursive: true });
  const config = parseDocument(await readFile(join(repo, 'components.yaml'), 'utf8'));
  change(config);
  await writeFile(join(repo, 'components.yaml'), config.toString());
  return repo;
}

/** Astro's whole build (`--full`) of a repository, once per repository and audience for this file. */
const fullBuilds = new Map<string, Promise<Map<string, Buffer>>>();
function fullBuild(repo: string, audience = 'public'): Promise<Map<string, Buffer>> {
  const key = `${repo}\0${audience}`;
  if (!fullBuilds.has(key))
    fullBuilds.set(
      key,
      build(repo, `.out-full-${audience}-${process.pid}`, ['--full'], audience).then((built) => {
        expect(built.stdout).not.toMatch(RENDERED);
        return built.files;
      }),
    );
  return fullBuilds.get(key)!;
}

/** The example page, copied once for this file: its Astro build serves two tests. */
let example: Promise<string> | undefined;
const exampleRepo = () => (example ??= variant(EXAMPLE_PAGE));
afterAll(async () => {
  for (const repo of repos) await rm(repo, { recursive: true, force: true });
});

describe('a content-only build rendered from the kept page bundle', () => {
  beforeAll(() => requireSlowTier('builds sites'));

  // Maintenance, a postmortem, internal blocks, another language, a base path and public/ files.
  const audienceRepo = join(PROJECT_ROOT, 'tests/fixtures/audience-repo');
  /** The example in another language, served under a base path. */
  const translated = async (language: string, timezone: string, url: string) => {
    const neutral = await neutralExample(language, timezone);
    repos.push(neutral);
    return variant(neutral, (config) => config.setIn(['page', 'url'], url));
  };
  const cases: [string, () => Promise<string>, string][] = [
    ['the example page', exampleRepo, 'public'],
    ['internal blocks, public site', () => variant(audienceRepo), 'public'],
    ['internal blocks, internal site', () => variant(audienceRepo), 'internal'],
    [
      'Spanish, under a base path of two folders, with public/ files',
      async () => {
        const repo = await translated('es', 'Europe/Madrid', 'https://acme.github.io/status/es/');
        await writeFiles(repo, {
          'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
          'public/robots.txt': 'User-agent: *\n',
        });
        return repo;
      },
      'public',
    ],
  ];

  it.each(cases)(
    'writes the same bytes as Astro: %s',
    async (_, repoOf, audience) => {
      const repo = await repoOf();
      const full = await fullBuild(repo, audience);
      // The first build keeps the bundle (or finds one another test kept); then a build renders from it.
      const built = [await build(repo, `.out-first-${process.pid}`, [], audience)];
      if (!RENDERED.test(built[0]!.stdout)) {
        expect(built[0]!.stdout).toMatch(KEPT);
        built.push(await build(repo, `.out-prebuilt-${process.pid}`, [], audience));
        expect(built[1]!.stdout).toMatch(RENDERED);
      }
      for (const { files } of built) {
        expect([...files.keys()]).toEqual([...full.keys()]);
        for (const [file, bytes] of full) expect(files.get(file)?.equals(bytes), file).toBe(true);
      }
      for (const out of ['.out-first', '.out-prebuilt'])
        await rm(join(repo, `${out}-${process.pid}`), { recursive: true, force: true });
    },
    300_000,
  );
});

describe('the kept page bundle', () => {
  beforeAll(() => requireSlowTier('builds sites'));

  it('is not used by a Candor whose templates differ (an edited copy of Candor)', async () => {
    const candor = await buildableRepoDir('candor-');
    repos.push(candor);
    for (const part of ['src', 'bin', 'starter', 'package.json'])
      await cp(join(PROJECT_ROOT, part), join(candor, part), { recursive: true });
    // A new mark each run, so no bundle kept by an earlier run can match the edited templates.
    const mark = `edited-${randomUUID()}`;
    const layout = join(candor, 'src/site/Layout.astro');
    const original = await readFile(layout, 'utf8');
    expect(original).toContain('<footer class="wrap">');
    await writeFile(
      layout,
      original.replace('<footer class="wrap">', `<footer class="wrap" data-mark="${mark}">`),
    );
    const repo = await exampleRepo();
    const home = async (out: string) => await readFile(join(repo, out, 'index.html'), 'utf8');

    await build(repo, 'out-original');
    const edited = await build(repo, 'out-edited', [], 'public', join(candor, 'bin/candor.js'));
    expect(edited.stdout).toMatch(KEPT);
    expect(await home('out-edited')).toContain(mark);
    const again = await build(repo, 'out-again', [], 'public', join(candor, 'bin/candor.js'));
    expect(again.stdout).toMatch(RENDERED);
    expect(await home('out-again')).toContain(mark);
    const back = await build(repo, 'out-back');
    expect(back.stdout).toMatch(RENDERED);
    expect(await home('out-back')).not.toContain(mark);
    expect(back.files).toEqual(await fullBuild(repo));

    // The edited Candor's bundle serves no one else: remove it.
    const cache = join(PROJECT_ROOT, 'node_modules/.cache/candor-status');
    for (const entry of await readdir(cache)) {
      const chunks = await tree(join(cache, entry)).catch(() => new Map<string, Buffer>());
      if ([...chunks.values()].some((bytes) => bytes.includes(mark)))
        await rm(join(cache, entry), { recursive: true, force: true });
    }
  }, 300_000);
});
