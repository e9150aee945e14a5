import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { terminalPrompter, type Terminal } from '../authoring/prompt.ts';
import { ContentError, UsageError } from '../core/errors.ts';
import type { Io } from '../shared/io.ts';
import { runCommand } from './run-command.ts';

const USAGE =
  'candor init [dir] --name "<page name>" --url <https://status.example.com/> [--templates] [--force]';

/** The package's own folder: the starter files, the templates and the workflows are read from it. */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

/**
 * `candor init [dir]`: writes a new status repository that depends on Candor. The page's name and
 * URL come from the flags or, on a terminal, from questions; without either it says what to pass.
 */
export function runInit(argv: string[], io: Io, terminal?: Terminal): Promise<number> {
  return runCommand('init', io, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        url: { type: 'string' },
        templates: { type: 'boolean' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) throw new UsageError(`give one folder, not ${positionals.length}.`);
    const dir = resolve(io.cwd, positionals[0] ?? '.');
    const page = await pageSettings(values, terminal);
    const files = await starterFiles(page, values.templates ?? false);
    const existing = Object.keys(files).filter((path) => existsSync(join(dir, path)));
    if (existing.length > 0 && !values.force) {
      throw new ContentError(
        `${relative(io.cwd, dir) || '.'} already has ${existing.join(', ')}: nothing was written. Use another folder, or --force to overwrite them.`,
      );
    }
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const where = relative(io.cwd, dir);
    io.stdout(
      [
        `Wrote the status repository of ${page.name} into ${where || 'this folder'}/ (${Object.keys(files).length} files). Next:`,
        ...(where ? [`  cd ${where}`] : []),
        '  npm install',
        '  npx candor build        # the site, into dist/',
        '  git init && git add . && git commit -m "Status page"',
        'Then follow "Set up on GitHub" in Candor\'s docs/github.md (Pages, the notify environment).',
      ].join('\n'),
    );
    return 0;
  });
}

interface PageSettings {
  name: string;
  url: string;
}

async function pageSettings(
  values: { name?: string | undefined; url?: string | undefined },
  terminal: Terminal | undefined,
): Promise<PageSettings> {
  if (values.name !== undefined && values.url !== undefined)
    return { name: readName(values.name), url: readUrl(values.url) };
  if (!terminal)
    throw new UsageError(
      'there is no terminal to ask on: give --name "Acme Cloud" --url https://status.acme.dev/',
    );
  const prompter = terminalPrompter(terminal);
  try {
    const name =
      values.name !== undefined
        ? readName(values.name)
        : await prompter.ask('Name of the status page (e.g. Acme Cloud)', readName);
    const url =
      values.url !== undefined
        ? readUrl(values.url)
        : await prompter.ask(
            'Where it will be published (e.g. https://acme.github.io/status/)',
            readUrl,
          );
    return { name, url };
  } finally {
    prompter.close();
  }
}

function readName(text: string): string {
  if (!text.trim()) throw new UsageError('--name must not be empty: it is the title of the page.');
  return text.trim();
}

function readUrl(text: string): string {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new UsageError(`--url "${text}" is not a web address such as https://status.acme.dev/.`);
  return url.href;
}

/** Every file `init` writes, by its path in the new repository. */
async function starterFiles(
  page: PageSettings,
  withTemplates: boolean,
): Promise<Record<string, string>> {
  const read = (path: string) => readFile(new URL(path, PACKAGE_ROOT), 'utf8');
  // JSON strings are YAML double-quoted scalars: any name or URL stays one value.
  const fill = (text: string, quote: boolean) =>
    text.replace(/\{\{(name|url)\}\}/g, (_, key: keyof PageSettings) =>
      quote ? JSON.stringify(page[key]) : page[key],
    );
  const { version } = JSON.parse(await read('package.json')) as { version: string };
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: slug(page.name), private: true, type: 'module', scripts: { check: 'candor check', build: 'candor build' }, dependencies: { 'candor-status': `^${version}` } }, null, 2)}\n`,
    'components.yaml': fill(await read('starter/components.yaml'), true),
    'notify.yaml': await read('starter/notify.yaml'),
    'astro.config.mjs': await read('starter/astro.config.mjs'),
    'README.md': fill(await read('starter/README.md'), false),
    'incidents/README.md': await read('starter/incidents/README.md'),
    // npm leaves files named .gitignore out of a package, so it travels without its dot.
    '.gitignore': await read('starter/gitignore'),
  };
  for (const name of await readdir(new URL('.github/workflows/', PACKAGE_ROOT))) {
    files[`.github/workflows/${name}`] = workflowForPackage(
      await read(`.github/workflows/${name}`),
    );
  }
  if (withTemplates) {
    for (const name of await readdir(new URL('templates/', PACKAGE_ROOT)))
      files[`templates/${name}`] = await read(`templates/${name}`);
  }
  return files;
}

/**
 * Candor's own workflows call its npm scripts; a team's repository calls the installed package
 * instead, so the logic behind every step upgrades with it.
 */
function workflowForPackage(text: string): string {
  return text
    .replace(/npm run github:([a-z-]+)( --)?/g, 'npx candor github $1')
    .replace(/npm run ([a-z]+)( --)?/g, 'npx candor $1');
}

function slug(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return words ? `${words}-status` : 'status-page';
}
