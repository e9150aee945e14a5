import { execFile } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildableRepoDir, PROJECT_ROOT } from '../candor-bin.ts';

/**
 * `npm run typecheck:astro`. `npm test` runs it only here, on a copy of the templates with broken
 * copies beside them: one run shows both that the templates pass and that a slip fails.
 */
const ASTRO_CHECK = join(PROJECT_ROOT, 'tools/checks/astro-check.js');

/** One error, on a line of its own, added at the top of any template's frontmatter. */
const INJECTED = "const injected: number = 'text'; void injected;";

/** Mistakes made in real templates: [template, what is there, what a slip makes of it, TypeScript's code]. */
const SLIPS: [string, string, string, number][] = [
  // A misspelt property of the model.
  ['src/site/IncidentItem.astro', '{incident.title}</a>', '{incident.titel}</a>', 2551],
  // A catalogue key that does not exist, as a function argument and as a component's prop (the
  // key's type decides which parameters `t` takes, so TypeScript says an argument is missing).
  ['src/site/Layout.astro', "t('layout.skip')", "t('layout.skipp')", 2554],
  ['src/site/IncidentItem.astro', 'k="incident.lasted"', 'k="incident.last"', 2820],
  // A prop of the wrong type.
  [
    'src/site/routes/incidents/[id].astro',
    '<Time date={view.started} />',
    '<Time date={view.started.toISOString()} />',
    2322,
  ],
];

let mirror: string;
let templates: string[];
/** Each broken copy: path, the 1-based line of the mistake, the TypeScript error code expected there. */
const broken: { path: string; line: number; code: number }[] = [];
let run: {
  code: number;
  diagnostics: { path: string; line: number; code: number; text: string }[];
};

/** `src/x/Name.astro` -> `src/x/Name.<tag>.astro`: a copy beside the original, checked with it. */
const copyPath = (path: string, tag: string) => path.replace(/\.astro$/, `.${tag}.astro`);

beforeAll(async () => {
  // The repository's own sources and TypeScript settings, in a folder of their own inside the
  // project (so its node_modules resolve as they do for the real files).
  mirror = await buildableRepoDir('astro-check-');
  await cp(join(PROJECT_ROOT, 'src'), join(mirror, 'src'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'tsconfig.json'), join(mirror, 'tsconfig.json'));
  await cp(
    join(PROJECT_ROOT, 'tools/checks/tsconfig.astro.json'),
    join(mirror, 'tools/checks/tsconfig.astro.json'),
  );
  templates = (await readdir(join(mirror, 'src'), { recursive: true }))
    .filter((path) => path.endsWith('.astro'))
    .map((path) => join('src', path))
    .sort();

  // Every template gets a broken copy beside it; the originals stay as they are.
  for (const path of templates) {
    const text = await readFile(join(mirror, path), 'utf8');
    expect(text.startsWith('---\n'), path).toBe(true);
    await writeFile(join(mirror, copyPath(path, 'injected')), `---\n${INJECTED}\n${text.slice(4)}`);
    broken.push({ path: copyPath(path, 'injected'), line: 2, code: 2322 });
  }
  for (const [index, [path, was, slip, code]] of SLIPS.entries()) {
    const text = await readFile(join(mirror, path), 'utf8');
    expect(text.split(was).length, `${path} holds ${was} once`).toBe(2);
    const line = text.slice(0, text.indexOf(was)).split('\n').length;
    await writeFile(join(mirror, copyPath(path, `slip${index}`)), text.replace(was, slip));
    broken.push({ path: copyPath(path, `slip${index}`), line, code });
  }

  const result = await promisify(execFile)(process.execPath, [ASTRO_CHECK], { cwd: mirror }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
  );
  // `src/site/X.astro:14:32 - error ts(2551): Property 'titel' does not exist ...`
  const diagnostics = [
    ...stripVTControlCharacters(result.stdout).matchAll(
      /^(\S+\.astro):(\d+):\d+ - (?:error|warning|hint) ts\((\d+)\).*$/gm,
    ),
  ].map(([text, path, line, code]) => ({
    path: path!,
    line: Number(line),
    code: Number(code),
    text,
  }));
  run = { code: result.code, diagnostics };
}, 180_000);

afterAll(async () => {
  if (mirror) await rm(mirror, { recursive: true, force: true });
});

describe('astro check over the templates', () => {
  it('fails on an error put in any template, at its line', () => {
    expect(templates.length).toBeGreaterThan(20);
    expect(run.code).toBe(1);
    for (const { path, line, code } of broken)
      expect(
        run.diagnostics.filter((d) => d.path === path).map((d) => [d.line, d.code]),
      ).toContainEqual([line, code]);
  });

  it('passes the templates as they are: nothing is reported outside the broken copies', () => {
    const brokenPaths = new Set(broken.map((b) => b.path));
    // What `npm run typecheck:astro` would report on the templates as they are, word for word.
    expect(run.diagnostics.filter((d) => !brokenPaths.has(d.path)).map((d) => d.text)).toEqual([]);
    // Each mistake is one error where it was made, not a cascade elsewhere in the file.
    for (const { path, line } of broken)
      expect(run.diagnostics.filter((d) => d.path === path && d.line !== line)).toEqual([]);
  });
});
