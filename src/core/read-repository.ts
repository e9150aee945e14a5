import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { RepositoryFiles } from './load-repository.ts';
import type { SourceFile } from './source-text.ts';

export const CONFIG_FILE = 'components.yaml';
export const INCIDENTS_DIR = 'incidents';

/** Reads components.yaml and every Markdown file under incidents/ (any depth) from a repository on disk. */
export async function readRepository(root: string): Promise<RepositoryFiles> {
  const config = await readSource(root, CONFIG_FILE);
  const incidentPaths = await listMarkdown(root, join(root, INCIDENTS_DIR));
  const incidents = await Promise.all(incidentPaths.map((path) => readSource(root, path)));
  return { ...(config ? { config } : {}), incidents: incidents.filter((f): f is SourceFile => f !== undefined) };
}

async function readSource(root: string, path: string): Promise<SourceFile | undefined> {
  try {
    return { path, bytes: await readFile(join(root, path)) };
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Some errors (EISDIR) do not say which file: the command's message needs it.
    throw Object.assign(cause as NodeJS.ErrnoException, { path: join(root, path) });
  }
}

async function listMarkdown(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw cause;
  }
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md') && e.name.toLowerCase() !== 'readme.md' && !e.name.startsWith('_'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
