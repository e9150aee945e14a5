import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/core/errors.ts';
import { customisesAstro } from '../../src/site/prebuilt/eligible.ts';
import { PROJECT_ROOT } from '../candor-bin.ts';
import { writeRepository, type Files } from '../support/repository.ts';

const STARTER = await readFile(join(PROJECT_ROOT, 'starter/astro.config.mjs'), 'utf8');
const CONTENT: Files = { 'components.yaml': 'page: {}\n' };

const repos: string[] = [];
async function repo(files: Files): Promise<string> {
  const root = await writeRepository({ ...CONTENT, ...files });
  repos.push(root);
  return root;
}
afterEach(async () => {
  for (const root of repos.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('which repositories a prebuilt page bundle can build', () => {
  it.each<[string, Files]>([
    ['no astro.config', {}],
    ['the starter astro.config.mjs', { 'astro.config.mjs': STARTER }],
    [
      'the starter config with its comments reworded',
      { 'astro.config.mjs': STARTER.replace(/^\/\/ .*$/gm, '// Our status page.') },
    ],
    ['the starter config as astro.config.ts', { 'astro.config.ts': STARTER }],
    ['files in public/', { 'public/logo.svg': '<svg/>' }],
  ])('the Candor site alone: %s', async (_, files) => {
    expect(customisesAstro(await repo(files))).toBe(false);
  });

  it.each<[string, Files]>([
    [
      'another integration',
      {
        'astro.config.mjs': STARTER.replace(
          'integrations: [candor()]',
          'integrations: [candor(), sitemap()]',
        ),
      },
    ],
    [
      'an option of its own',
      {
        'astro.config.mjs': STARTER.replace(
          'integrations:',
          "trailingSlash: 'never', integrations:",
        ),
      },
    ],
    ['pages of its own', { 'src/pages/about.astro': '<h1>About</h1>\n' }],
    ['a middleware', { 'src/middleware.ts': 'export const onRequest = () => {};\n' }],
  ])('Astro builds it: %s', async (_, files) => {
    expect(customisesAstro(await repo(files))).toBe(true);
  });
});

describe('an astro.config that cannot be read as a file', () => {
  it.each<[string, (root: string) => Promise<void>]>([
    ['a folder', (root) => mkdir(join(root, 'astro.config.mjs'))],
    [
      'a link to a file outside the repository',
      async (root) => {
        await writeFile(join(root, '..', `outside-${process.pid}.mjs`), STARTER);
        await symlink(
          join(root, '..', `outside-${process.pid}.mjs`),
          join(root, 'astro.config.mjs'),
        );
      },
    ],
  ])('is a content error naming the file, not a crash: %s', async (_, make) => {
    const root = await repo({});
    await make(root);
    let thrown: unknown;
    try {
      customisesAstro(root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).details).toMatch(/^astro\.config\.mjs:1:1/m);
    await rm(join(root, '..', `outside-${process.pid}.mjs`), { force: true });
  });
});
