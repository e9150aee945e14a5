import { UsageError } from '../core/errors.ts';
import { suggest } from '../core/diagnostics.ts';
import { componentStatusSchema, type ComponentStatus } from '../core/schema/common.ts';

/**
 * `api:partial_outage,dashboard:degraded_performance` (or a list of such words) as a record.
 * `defaultStatus` applies to a bare id, so a maintenance can list `database,storage`.
 */
export function readComponentList(
  text: string,
  known: readonly string[],
  defaultStatus?: ComponentStatus,
): Record<string, ComponentStatus> {
  const result: Record<string, ComponentStatus> = {};
  for (const item of text.split(/[,\s]+/).filter(Boolean)) {
    const [id = '', statusText] = item.split(/[:=]/, 2);
    if (!known.includes(id)) {
      throw new UsageError(
        `there is no component "${id}" in components.yaml. ${suggest(id, known, 'a declared component id')}`,
      );
    }
    if (statusText === undefined) {
      if (!defaultStatus)
        throw new UsageError(
          `give "${id}" a status, e.g. ${id}:partial_outage (one of ${componentStatusSchema.options.join(', ')}).`,
        );
      result[id] = defaultStatus;
      continue;
    }
    const status = componentStatusSchema.safeParse(statusText.toLowerCase()).data;
    if (!status)
      throw new UsageError(
        `"${statusText}" is not a component status. ${suggest(statusText, componentStatusSchema.options)}`,
      );
    result[id] = status;
  }
  return result;
}

/** The `Components: api: degraded_performance, dashboard: operational` first line of an update. */
export function componentsLine(changes: Record<string, ComponentStatus>): string | undefined {
  const pairs = Object.entries(changes).map(([id, status]) => `${id}: ${status}`);
  return pairs.length > 0 ? `Components: ${pairs.join(', ')}` : undefined;
}
