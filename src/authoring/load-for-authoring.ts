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
  /** Where the editor schemas are, relative to the repository's root (see `schemaFolder`). */
  schemas: string;
}

/**
 * Where a repository keeps the editor schemas: the folder its components.yaml's own `$schema`
 * line points into (`schemas/` here; the installed package's in a repository `candor init`
 * wrote), else the installed package's. New incident files point there too.
 */
function schemaFolder(componentsYaml: string): string {
  const line = /^#\s*yaml-language-server:\s*\$schema=(\S*?)components\.schema\.json\s*$/m.exec(
    componentsYaml,
  );
  return line ? line[1]!.replace(/^\.\//, '') : 'node_modules/candor-status/schemas/';
}

/** The repository's current model; without a usable components.yaml no command can go on. */
export async function loadForAuthoring(root: string, now: Date): Promise<AuthoringContext> {
  const files = await readRepository(root);
  const result = loadRepository(files, { now });
  if (!result.model) {
    const problems = result.diagnostics.filter((d) => d.file === CONFIG_FILE);
    throw new ContentError(
      'components.yaml must be valid before incidents can be written: fix it, then run the command again.',
      { details: formatPretty(problems) },
    );
  }
  return {
    model: result.model,
    diagnostics: result.diagnostics,
    schemas: schemaFolder(new TextDecoder().decode(files.config?.bytes)),
  };
}
