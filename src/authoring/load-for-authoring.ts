import { validateRepository } from '../cli/check.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { formatPretty } from '../core/format-diagnostics.ts';
import type { StatusModel } from '../core/model.ts';
import { CommandFailure } from './command.ts';

export interface AuthoringContext {
  model: StatusModel;
  /** What `npm run check` would say now, to explain why an incident cannot be found. */
  diagnostics: Diagnostic[];
}

/** The repository's current model; without a usable components.yaml no command can go on. */
export async function loadForAuthoring(root: string, now: Date): Promise<AuthoringContext> {
  const result = await validateRepository(root, now);
  if (!result.model) {
    const problems = result.diagnostics.filter((d) => d.file === 'components.yaml');
    throw new CommandFailure(`${formatPretty(problems)}\ncomponents.yaml must be valid before incidents can be written: fix it, then run the command again.`);
  }
  return { model: result.model, diagnostics: result.diagnostics };
}
