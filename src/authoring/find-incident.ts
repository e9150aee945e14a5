import { UsageError } from '../core/errors.ts';
import { suggest } from '../core/diagnostics.ts';
import { formatPretty } from '../core/format-diagnostics.ts';
import type { Incident } from '../core/model.ts';
import { ContentError } from '../core/errors.ts';
import type { AuthoringContext } from './load-for-authoring.ts';

/**
 * The incident named on the command line, by id or by its file's path. A file that exists but
 * cannot be read as an incident is named with its errors, not reported as missing.
 */
export function findIncident({ model, diagnostics }: AuthoringContext, idOrPath: string): Incident {
  const wanted = idOrPath.replace(/\\/g, '/').replace(/^\.\//, '');
  const found = model.incidents.find((i) => i.id === wanted || i.file === wanted);
  if (found) return found;
  const broken = diagnostics.filter(
    (d) =>
      d.severity === 'error' && (d.file === wanted || d.file.split('/').pop() === `${wanted}.md`),
  );
  if (broken.length > 0) {
    throw new ContentError(
      `${broken[0]!.file} has errors, so Candor cannot add to it: fix them first (\`npx candor check\` shows them all).`,
      { details: formatPretty(broken) },
    );
  }
  const ids = model.incidents.map((i) => i.id);
  throw new UsageError(
    `there is no incident "${idOrPath}". ${suggest(wanted, ids, 'an incident id such as') || 'Create one with `npx candor new`.'}`,
  );
}
