import { readSourceFile } from '../core/read-source-file.ts';
import { loadNotifyConfig, NOTIFY_FILE, type LoadedNotifyConfig } from './load-config.ts';

/** Reads notify.yaml from a repository on disk; undefined when there is none (notices are optional). */
export async function readNotifyConfig(
  root: string,
  componentIds: readonly string[],
): Promise<LoadedNotifyConfig | undefined> {
  const result = await readSourceFile(root, NOTIFY_FILE);
  if ('missing' in result) return undefined;
  if ('refused' in result) return { diagnostics: [result.refused] };
  return loadNotifyConfig(result.file, componentIds);
}
