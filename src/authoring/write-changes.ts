import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileChange } from './validate-changes.ts';

/**
 * Writes validated changes. Each file goes to a temporary name first and is renamed into place,
 * so an interrupted command never leaves a half-written incident.
 */
export async function writeChanges(root: string, changes: readonly FileChange[]): Promise<void> {
  for (const change of changes) {
    const target = join(root, change.path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.candor-${process.pid}.tmp`;
    await writeFile(temporary, change.text);
    await rename(temporary, target);
  }
}
