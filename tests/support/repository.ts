import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildableRepoDir } from '../candor-bin.ts';

/** Files of a repository by path relative to its root: `{ 'components.yaml': ..., 'incidents/x.md': ... }`. */
export type Files = Record<string, string | Uint8Array>;

/** Writes `files` under `root`, creating the folders they need. */
export async function writeFiles(root: string, files: Files): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** A real repository holding exactly `files`, in a fresh folder where it can also be built. */
export async function writeRepository(files: Files): Promise<string> {
  const root = await buildableRepoDir('repo-');
  await writeFiles(root, files);
  return root;
}
