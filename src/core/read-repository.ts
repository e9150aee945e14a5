import type { RepositoryFiles } from './load-repository.ts';
import { listFolder, readSourceFile } from './read-source-file.ts';
import type { SourceFile } from './source-text.ts';
import type { Diagnostic } from './diagnostics.ts';

export const CONFIG_FILE = 'components.yaml';
export const INCIDENTS_DIR = 'incidents';

const isIncidentFile = (name: string) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('_');

/** Reads components.yaml and every Markdown file under incidents/ (any depth) from a repository on disk. */
export async function readRepository(root: string): Promise<RepositoryFiles> {
  const refused: Diagnostic[] = [];
  const read = async (path: string): Promise<SourceFile | undefined> => {
    const result = await readSourceFile(root, path);
    if ('refused' in result) refused.push(result.refused);
    return 'file' in result ? result.file : undefined;
  };
  const config = await read(CONFIG_FILE);
  const listing = await listFolder(root, INCIDENTS_DIR, isIncidentFile);
  refused.push(...listing.refused);
  const incidents: SourceFile[] = [];
  // A few files at a time: ten thousand incidents must not mean ten thousand open files at once.
  for (let i = 0; i < listing.paths.length; i += 64) {
    const batch = await Promise.all(listing.paths.slice(i, i + 64).map(read));
    incidents.push(...batch.filter((f): f is SourceFile => f !== undefined));
  }
  return { ...(config ? { config } : {}), incidents, ...(refused.length > 0 ? { refused } : {}) };
}
