import type { Io } from '../shared/io.ts';
import { currentTime } from '../shared/clock.ts';
import { ContentError, UsageError } from '../core/errors.ts';
import { suggest } from '../core/diagnostics.ts';
import { ongoingWording } from '../core/draft-text.ts';
import type { Incident } from '../core/model.ts';
import {
  readUpdateStatus,
  englishStatusWord,
  type UpdateStatus,
} from '../core/schema/update-status.ts';
import { endedAt, isEnded, lifecycleAt } from '../core/status.ts';
import { describeTime } from '../core/timestamp.ts';
import {
  allowedStatuses,
  appendUpdate,
  type IncidentEdits,
  type UpdateRequest,
} from './append-update.ts';
import { readComponentList } from './component-changes.ts';
import { findIncident } from './find-incident.ts';
import { loadForAuthoring } from './load-for-authoring.ts';
import { nextSteps } from './next-steps.ts';
import type { Prompter } from './prompt.ts';
import { readTimeOption, updateTime } from './times.ts';
import { validateChanges } from './validate-changes.ts';
import { writeChanges } from './write-changes.ts';

interface PostUpdateArguments {
  id: string;
  /** A status as the user typed it, `end` (Resolved or Completed), or absent to only edit. */
  status?: string;
  message?: string;
  components?: string;
  next?: string;
  at?: string;
  eta?: string;
  workaround?: string;
  summary?: string;
}

/** The status the user typed, read for this incident's kind: the hint lists only the statuses it may take. */
function readStatus(incident: Incident, text: string): UpdateStatus {
  const allowed = allowedStatuses(incident).map((s) => s.replace(/_/g, '-'));
  const status = readUpdateStatus(text);
  if (!status)
    throw new UsageError(`"${text}" is not a status. ${suggest(text.toLowerCase(), allowed)}`);
  return status;
}

/** `--eta`, `--workaround`, `--summary` as edits; `none` removes the first two. */
function readEdits(args: PostUpdateArguments, now: Date): IncidentEdits {
  return {
    ...(args.eta !== undefined
      ? { eta: args.eta === 'none' ? null : readTimeOption('--eta', args.eta, now) }
      : {}),
    ...(args.workaround !== undefined
      ? {
          workaround:
            args.workaround === 'none' || !args.workaround.trim() ? null : args.workaround.trim(),
        }
      : {}),
    ...(args.summary !== undefined ? { summary: args.summary } : {}),
  };
}

/**
 * Appends one update to an incident (and edits its eta, workaround or summary) and writes it once
 * the whole repository still validates. `end` is Resolved for an incident and Completed for a
 * maintenance; when it ends an incident whose summary still reads as ongoing, `ask` (a terminal)
 * offers to rewrite the summary.
 */
export async function postUpdate(
  args: PostUpdateArguments,
  io: Io,
  ask?: Prompter,
): Promise<number> {
  const now = currentTime(io.env);
  const context = await loadForAuthoring(io.cwd, now);
  const { model } = context;
  const incident = findIncident(context, args.id);
  const status =
    args.status === undefined
      ? undefined
      : args.status === 'end'
        ? incident.kind === 'maintenance'
          ? 'completed'
          : 'resolved'
        : readStatus(incident, args.status);
  const ended = endedAt(incident, now);
  if (status && ended) {
    const state = englishStatusWord(lifecycleAt(incident, now));
    throw new ContentError(
      `${incident.id} is already ${state.toLowerCase()} (${describeTime(ended)}), so no update can follow.\n    hint: Put later findings in its postmortem (npx candor postmortem ${incident.id}); if the problem is back, open a new incident with npx candor new.`,
    );
  }
  const at = args.at
    ? readTimeOption('--at', args.at, now, { delay: false })
    : updateTime(now, incident.updates.at(-1)?.at);
  const edits = readEdits(args, at);
  if (status && isEnded(status) && edits.summary === undefined && ask) {
    const ongoing = ongoingWording(incident.summary);
    if (ongoing) {
      ask.say(`The summary still says "${ongoing}":\n  ${incident.summary.replace(/\n/g, '\n  ')}`);
      const summary = await ask.ask(
        'A summary for readers now that it is over (Enter keeps it)',
        (answer) => answer,
        '',
      );
      if (summary.trim()) edits.summary = summary;
    }
  }
  const request: UpdateRequest = {
    ...(status ? { status } : {}),
    at,
    changes: args.components
      ? readComponentList(
          args.components,
          model.components.map((c) => c.id),
        )
      : {},
    ...(args.message ? { message: args.message } : {}),
    ...(args.next && args.next !== 'none' ? { next: readTimeOption('--next', args.next, at) } : {}),
    edits,
  };
  const change = await appendUpdate(io.cwd, model, incident, request);
  const { model: after, warnings } = await validateChanges(io.cwd, [change], now);
  await writeChanges(io.cwd, [change]);
  const updated = after.incidents.find((i) => i.file === incident.file)!;
  const edited = [
    ...(args.next !== undefined ? ['next_update'] : []),
    ...Object.keys(edits).map((k) => (k === 'summary' ? 'the summary' : k)),
  ];
  const done = status
    ? `Added "${englishStatusWord(status)}" at ${describeTime(at)} to ${change.path}${edited.length > 0 ? ` and changed ${edited.join(', ')}` : ''}; it is now ${englishStatusWord(lifecycleAt(updated, at))}.`
    : `Changed ${edited.join(', ')} in ${change.path}.`;
  io.stdout(
    nextSteps({
      done,
      paths: [change.path],
      commitMessage: `${incident.title}: ${status ? englishStatusWord(status) : `edit ${edited.join(', ')}`}`,
      ...(args.message || !status
        ? {}
        : {
            review: `Read the new section in ${change.path}: the drafted text is a start; replace each [[...]] with the facts.`,
          }),
      warnings,
    }),
  );
  return 0;
}
