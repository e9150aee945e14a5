import type { RepositoryFiles } from './load-repository.ts';
import { LOCALES_DIR } from './load-locale.ts';
import { listFolder, readSourceFileSync } from './read-source-file.ts';
import type { SourceFile } from './source-text.ts';
import type { Diagnostic } from './diagnostics.ts';

export const CONFIG_FILE = 'components.yaml';
export const INCIDENTS_DIR = 'incidents';

const isIncidentFile = (name: string) =>
  name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('_');

/** Reads components.yaml, every Markdown file under incidents/ (any depth) and locales/*.yaml from a repository on disk. */
export async function readRepository(root: string): Promise<RepositoryFiles> {
  const refused: Diagnostic[] = [];
  const read = (path: string): SourceFile | undefined => {
    const result = readSourceFileSync(root, path);
    if ('refused' in result) refused.push(result.refused);
    return 'file' in result ? result.file : undefined;
  };
  const config = read(CONFIG_FILE);
  const listing = await listFolder(root, INCIDENTS_DIR, isIncidentFile);
  refused.push(...listing.refused);
  // One file open at a time, read synchronously: the fastest safe reader measured (BENCHMARKS.md).
  const incidents = listing.paths.map(read).filter((f): f is SourceFile => f !== undefined);
  const localeListing = await listFolder(root, LOCALES_DIR, (name) => /\.ya?ml$/i.test(name));
  refused.push(...localeListing.refused);
  const locales = localeListing.paths.map(read).filter((f): f is SourceFile => f !== undefined);
  return {
    ...(config ? { config } : {}),
    incidents,
    ...(locales.length > 0 ? { locales } : {}),
    ...(refused.length > 0 ? { refused } : {}),
  };
}
