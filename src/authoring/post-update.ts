import type { Io } from '../shared/io.ts';
import { currentTime } from '../shared/clock.ts';
import { STATUS_LABELS, type UpdateStatus } from '../core/schema/update-status.ts';
import { lifecycleAt } from '../core/status.ts';
import { formatTimestampUtc } from '../core/timestamp.ts';
import { appendUpdate, type UpdateRequest } from './append-update.ts';
import { readComponentList } from './component-changes.ts';
import { findIncident } from './find-incident.ts';
import { loadForAuthoring } from './load-for-authoring.ts';
import { nextSteps } from './next-steps.ts';
import { readTimeOption, toMinute } from './times.ts';
import { validateChanges } from './validate-changes.ts';
import { writeChanges } from './write-changes.ts';

export interface PostUpdateArguments {
  id: string;
  status: UpdateStatus | 'end';
  message?: string;
  components?: string;
  next?: string;
  at?: string;
}

/**
 * Appends one update to an incident and writes it once the whole repository still validates.
 * `end` is Resolved for an incident and Completed for a maintenance.
 */
export async function postUpdate(args: PostUpdateArguments, io: Io): Promise<number> {
  const now = currentTime(io.env);
  const context = await loadForAuthoring(io.cwd, now);
  const { model } = context;
  const incident = findIncident(context, args.id);
  const status = args.status === 'end' ? (incident.kind === 'maintenance' ? 'completed' : 'resolved') : args.status;
  const at = args.at ? readTimeOption('--at', args.at, now) : toMinute(now);
  const request: UpdateRequest = {
    status,
    at,
    changes: args.components ? readComponentList(args.components, model.components.map((c) => c.id)) : {},
    ...(args.message ? { message: args.message } : {}),
    ...(args.next && args.next !== 'none' ? { next: readTimeOption('--next', args.next, at) } : {}),
  };
  const change = await appendUpdate(io.cwd, model, incident, request);
  const { model: after, warnings } = await validateChanges(io.cwd, [change], now);
  await writeChanges(io.cwd, [change]);
  const updated = after.incidents.find((i) => i.file === incident.file)!;
  io.stdout(nextSteps({
    done: `Added "${STATUS_LABELS[status]}" at ${formatTimestampUtc(at)} to ${change.path}; it is now ${STATUS_LABELS[lifecycleAt(updated, at)]}.`,
    paths: [change.path],
    commitMessage: `${incident.title}: ${STATUS_LABELS[status]}`,
    ...(args.message ? {} : { review: `Read the new section in ${change.path}: the drafted text is a start; put in the facts.` }),
    warnings,
  }));
  return 0;
}
