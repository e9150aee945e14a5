import type { Diagnostic } from '../core/diagnostics.ts';
import { ContentError } from '../core/errors.ts';
import { formatPretty } from '../core/format-diagnostics.ts';
import { loadRepository } from '../core/load-repository.ts';
import type { StatusModel } from '../core/model.ts';
import { CONFIG_FILE, readRepository } from '../core/read-repository.ts';

export interface AuthoringContext {
  model: StatusModel;
  /** What the loader says about the content now, to explain why an incident cannot be found. */
  diagnostics: Diagnostic[];
}

/** The repository's current model; without a usable components.yaml no command can go on. */
export async function loadForAuthoring(root: string, now: Date): Promise<AuthoringContext> {
  const result = loadRepository(await readRepository(root), { now });
  if (!result.model) {
    const problems = result.diagnostics.filter((d) => d.file === CONFIG_FILE);
    throw new ContentError(
      'components.yaml must be valid before incidents can be written: fix it, then run the command again.',
      { details: formatPretty(problems) },
    );
  }
  return { model: result.model, diagnostics: result.diagnostics };
}
