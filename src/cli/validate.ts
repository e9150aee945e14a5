import { sortDiagnostics } from '../core/diagnostics.ts';
import { loadRepository, type LoadResult } from '../core/load-repository.ts';
import { readRepository } from '../core/read-repository.ts';
import type { NotifyConfig } from '../notify/config-schema.ts';
import type { LoadedNotifyConfig } from '../notify/load-config.ts';
import { readNotifyConfig } from '../notify/read-config.ts';

type ValidatedRepository = LoadResult & {
  fileCount: number;
  notifyConfig?: NotifyConfig;
  notifyLocate?: LoadedNotifyConfig['locate'];
};

/** Loads and validates the repository at `root` (content and notify.yaml), the first step of check, build and notify. */
export async function validateRepository(root: string, now: Date): Promise<ValidatedRepository> {
  const files = await readRepository(root);
  const result = loadRepository(files, { now });
  // notify.yaml is optional; when present it is checked like the other files (its component ids against components.yaml).
  const notify = await readNotifyConfig(root, result.model?.components.map((c) => c.id) ?? []);
  const diagnostics = notify
    ? sortDiagnostics([...result.diagnostics, ...notify.diagnostics])
    : result.diagnostics;
  return {
    ...result,
    diagnostics,
    fileCount: files.incidents.length + (files.config ? 1 : 0) + (notify ? 1 : 0),
    ...(notify?.config ? { notifyConfig: notify.config, notifyLocate: notify.locate } : {}),
  };
}
