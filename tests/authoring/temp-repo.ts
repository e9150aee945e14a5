import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Io } from '../../src/shared/io.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import { readRepository } from '../../src/core/read-repository.ts';
import { EXAMPLE_PAGE } from '../candor-bin.ts';
import { writeFiles } from '../support/repository.ts';

/** The checkout the tests run from: its scripts are the real ones. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const NOW = '2026-11-23T12:00:00Z';

/** The arguments of `npm run new` for the incident these tests open: a major one on the API and the dashboard. */
export const NEW_API_INCIDENT = [
  'incident',
  'Elevated API error rates',
  '--impact',
  'major',
  '--components',
  'api:partial_outage,dashboard:degraded_performance',
];

/** A real repository in a temporary folder: components.yaml and templates/ copied from the example page fixture. */
export async function makeRepo(options: { examples?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'candor-authoring-'));
  await cp(join(EXAMPLE_PAGE, 'components.yaml'), join(root, 'components.yaml'));
  await cp(join(EXAMPLE_PAGE, 'templates'), join(root, 'templates'), { recursive: true });
  if (options.examples)
    await cp(join(EXAMPLE_PAGE, 'incidents'), join(root, 'incidents'), { recursive: true });
  return root;
}

export const removeRepo = (root: string) => rm(root, { recursive: true, force: true });

/** A fresh `makeRepo()` for every test of the calling file, removed after it: call the result for its root. */
export function useTempRepo(): () => string {
  let root: string | undefined;
  beforeEach(async () => {
    root = await makeRepo();
  });
  afterEach(() => removeRepo(root!));
  return () => root!;
}

export const writeRepoFile = (root: string, path: string, text: string) =>
  writeFiles(root, { [path]: text });

export const readRepoFile = (root: string, path: string) => readFile(join(root, path), 'utf8');

/** An Io for calling a command in `root` at a pinned time, keeping what it prints. */
export function captureIo(root: string, now = NOW): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: root,
    env: { CANDOR_NOW: now },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    out,
    err,
  };
}

/** The repository as `npm run check` sees it. */
export async function loadRepo(root: string, now = NOW) {
  return loadRepository(await readRepository(root), { now: new Date(now) });
}
