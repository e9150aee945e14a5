import { hasErrors, type Diagnostic } from '../core/diagnostics.ts';
import { formatPretty } from '../core/format-diagnostics.ts';
import { loadRepository } from '../core/load-repository.ts';
import type { StatusModel } from '../core/model.ts';
import { CONFIG_FILE, readRepository } from '../core/read-repository.ts';
import { ContentError } from '../core/errors.ts';

/** A file a command means to write: its path relative to the repository root and its new text. */
export interface FileChange {
  path: string;
  text: string;
}

interface ValidatedChanges {
  /** The repository's model as it will be once the changes are written. */
  model: StatusModel;
  /** Warnings about the changed files, to show before the next steps. */
  warnings: Diagnostic[];
}

const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;

/**
 * Loads the whole repository as it would be with `changes` applied, with the same loader as
 * `npx candor check`, and refuses (nothing is written) when the changes leave an error in a changed
 * file or add one anywhere else. Errors the repository already had elsewhere do not block an
 * update in the middle of an outage.
 */
export async function validateChanges(
  root: string,
  changes: readonly FileChange[],
  now: Date,
): Promise<ValidatedChanges> {
  const files = await readRepository(root);
  const before = loadRepository(files, { now });
  const bytes = (text: string) => new TextEncoder().encode(text);
  const incidents = new Map(files.incidents.map((f) => [f.path, f]));
  let config = files.config;
  for (const change of changes) {
    if (change.path === CONFIG_FILE) config = { path: change.path, bytes: bytes(change.text) };
    else incidents.set(change.path, { path: change.path, bytes: bytes(change.text) });
  }
  const after = loadRepository(
    {
      ...(files.refused ? { refused: files.refused } : {}),
      ...(config ? { config } : {}),
      incidents: [...incidents.values()],
    },
    { now },
  );
  const changed = new Set(changes.map((c) => c.path));
  const existing = new Set(before.diagnostics.map(key));
  // A placeholder the command itself drafted is there to be filled in, not a reason to write nothing:
  // it is shown with the warnings, and `npx candor check` keeps it from being published.
  const drafted = (d: Diagnostic) => d.code === 'placeholder-left' && changed.has(d.file);
  const blocking = after.diagnostics.filter(
    (d) => d.severity === 'error' && !drafted(d) && (changed.has(d.file) || !existing.has(key(d))),
  );
  if (hasErrors(blocking) || !after.model) {
    throw new ContentError('nothing was written: the result would not pass `npx candor check`.', {
      details: formatPretty(blocking),
    });
  }
  return {
    model: after.model,
    warnings: after.diagnostics.filter(
      (d) => (d.severity === 'warning' || drafted(d)) && changed.has(d.file),
    ),
  };
}
