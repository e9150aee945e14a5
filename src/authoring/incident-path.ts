import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { INCIDENTS_DIR } from '../core/read-repository.ts';
import { ID_MAX_LENGTH } from '../core/schema/common.ts';
import { slugify } from '../core/slug.ts';

/**
 * Where an incident's file goes: `incidents/2026/2026-11-22-elevated-api-error-rates.md`, with
 * `-2`, `-3` ... from the second incident of that title on that day.
 */
export function incidentPath(day: Date, title: string, n = 1): { id: string; path: string } {
  const date = day.toISOString().slice(0, 10);
  const suffix = n === 1 ? '' : `-${n}`;
  // The whole id, date and suffix included, must stay a valid id however long the title.
  const id = `${date}-${slugify(title, 'incident', ID_MAX_LENGTH - date.length - 1 - suffix.length)}${suffix}`;
  return { id, path: `${INCIDENTS_DIR}/${date.slice(0, 4)}/${id}.md` };
}

export function fileExists(root: string, path: string): Promise<boolean> {
  return access(join(root, path)).then(
    () => true,
    () => false,
  );
}
