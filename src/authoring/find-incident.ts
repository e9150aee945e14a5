import { UsageError } from '../cli/clock.ts';
import { suggest } from '../core/diagnostics.ts';
import type { Incident, StatusModel } from '../core/model.ts';

/** The incident named on the command line, by id or by its file's path. */
export function findIncident(model: StatusModel, idOrPath: string): Incident {
  const wanted = idOrPath.replace(/\\/g, '/').replace(/^\.\//, '');
  const found = model.incidents.find((i) => i.id === wanted || i.file === wanted);
  if (found) return found;
  const ids = model.incidents.map((i) => i.id);
  throw new UsageError(`there is no incident "${idOrPath}". ${suggest(wanted, ids, 'an incident id such as') || 'Create one with `npm run new`.'}`);
}
