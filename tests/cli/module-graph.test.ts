import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDOR_BIN, EXAMPLE_PAGE } from '../candor-bin.ts';

/**
 * `check` and the authoring commands start in a fraction of a second because they load only what
 * validation needs. An import that brings back the Markdown-to-HTML pipeline, remark, Astro or a
 * notice channel would slow every run without failing any other test: this one lists the modules a
 * real run loads (a module hook given to Node with `--import`) and names the ones it must not.
 */
const NOT_FOR_VALIDATION = [
  /\/node_modules\/(?:remark-[^/]+|unified|mdast-[^/]+|micromark|micromark-core-commonmark|micromark-extension-[^/]+|hast-[^/]+|rehype-[^/]+)\//,
  /\/node_modules\/(?:astro|vite|rolldown|@octokit\/[^/]+|nodemailer|rss|ical-generator|badge-maker)\//,
  /\/src\/(?:site|feeds|github)\/(?!http-status\.ts)/,
  // notify.yaml is validated by its schema; nothing that sends or renders a notice is needed.
  /\/src\/notify\/(?!(?:read-config|load-config|config-schema)\.ts|channels\/[^/]+\/schema\.ts)/,
  /\/src\/core\/markdown\.ts$/,
];

let dir: string;
let hook: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-module-graph-'));
  hook = join(dir, 'record-loads.mjs');
  await writeFile(
    hook,
    [
      "import { registerHooks } from 'node:module';",
      "import { appendFileSync } from 'node:fs';",
      'registerHooks({',
      '  load(url, context, nextLoad) {',
      "    appendFileSync(process.env.CANDOR_LOADED_URLS, url + '\\n');",
      '    return nextLoad(url, context);',
      '  },',
      '});',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function loadedBy(args: string[], cwd: string): Promise<{ loaded: string[]; code: number }> {
  const record = join(dir, `loaded-${args[0]}.txt`);
  await writeFile(record, '');
  let code = 0;
  await promisify(execFile)(
    process.execPath,
    ['--import', pathToFileURL(hook).href, CANDOR_BIN, ...args],
    {
      cwd,
      env: { ...process.env, CANDOR_LOADED_URLS: record, CANDOR_NOW: '2026-11-23T12:00:00Z' },
    },
  ).catch((error: { code?: number }) => {
    // `check` exits 1 when the repository has errors; the modules it loaded are what counts here.
    if (typeof error.code !== 'number') throw error;
    code = error.code;
  });
  return { loaded: (await readFile(record, 'utf8')).split('\n').filter(Boolean), code };
}

function expectOnlyValidationModules(loaded: string[]): void {
  // The hook saw the run: validation's own modules are there.
  expect(loaded.some((url) => url.endsWith('/src/core/load-repository.ts'))).toBe(true);
  expect(loaded.some((url) => url.includes('/node_modules/zod/'))).toBe(true);
  expect(loaded.filter((url) => NOT_FOR_VALIDATION.some((pattern) => pattern.test(url)))).toEqual(
    [],
  );
}

describe('the modules a command loads', () => {
  it('check: validation only, without remark, the HTML renderer, the site, feeds or notices', async () => {
    const { loaded, code } = await loadedBy(['check'], EXAMPLE_PAGE);
    expect(code).toBe(0);
    expectOnlyValidationModules(loaded);
  });

  it('new: the same, writing an incident into a copy of the example', async () => {
    const repo = join(dir, 'repo');
    await cp(EXAMPLE_PAGE, repo, { recursive: true });
    const { loaded, code } = await loadedBy(
      [
        'new',
        'incident',
        'Slow dashboards',
        '--impact',
        'minor',
        '--components',
        'api:degraded_performance',
      ],
      repo,
    );
    expect(code).toBe(0);
    expect(await readdir(join(repo, 'incidents', '2026'))).toContain(
      '2026-11-23-slow-dashboards.md',
    );
    expectOnlyValidationModules(loaded);
  });
});
