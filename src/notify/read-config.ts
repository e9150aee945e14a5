import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadNotifyConfig, NOTIFY_FILE, type LoadedNotifyConfig } from './load-config.ts';

/** Reads notify.yaml from a repository on disk; undefined when there is none (notices are optional). */
export async function readNotifyConfig(root: string, componentIds: readonly string[]): Promise<LoadedNotifyConfig | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(root, NOTIFY_FILE));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
  return loadNotifyConfig({ path: NOTIFY_FILE, bytes }, componentIds);
}
