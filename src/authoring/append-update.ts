import { localeOf } from '../core/page-locale.ts';
import { ContentError, UsageError } from '../core/errors.ts';
import type { ComponentStatus, Incident, StatusModel } from '../core/model.ts';
import {
  incidentStatusSchema,
  maintenanceStatusSchema,
  englishStatusWord,
  type UpdateStatus,
} from '../core/schema/update-status.ts';
import { insertSection, replaceSummary, setFrontmatterKey } from './edit-incident.ts';
import { renderSection, writeTime } from './incident-text.ts';
import { keepTextStyle } from './keep-text-style.ts';
import { fillTemplate, readTemplate, statusTemplateName } from './templates.ts';
import type { FileChange } from './validate-changes.ts';
import { componentWords, shortTime } from './wording.ts';
import { readRepositoryText } from './read-text.ts';
import { isEnded } from '../core/status.ts';

export interface UpdateRequest {
  /** The new update's status; absent when the command only edits the frontmatter or the summary. */
  status?: UpdateStatus;
  /** The update's text; drafted from the status's template when absent. */
  message?: string;
  changes: Record<string, ComponentStatus>;
  at: Date;
  /** When the next update comes; absent keeps a promise that is still ahead. */
  next?: Date;
  /** Frontmatter and summary changes; null removes the key. */
  edits?: IncidentEdits;
}

export interface IncidentEdits {
  eta?: Date | null;
  workaround?: string | null;
  summary?: string;
}

/** The statuses an update of this incident may give, with Update ("no change") last. */
export function allowedStatuses(incident: Incident): UpdateStatus[] {
  return [
    ...(incident.kind === 'maintenance'
      ? maintenanceStatusSchema.options
      : incidentStatusSchema.options),
    'update',
  ];
}

function checkStatusForKind(incident: Incident, status: UpdateStatus): void {
  const allowed = allowedStatuses(incident);
  if (!allowed.includes(status)) {
    throw new UsageError(
      `"${englishStatusWord(status)}" is not a status for ${incident.kind === 'maintenance' ? 'a maintenance' : 'an incident'}; use one of: ${allowed.map((s) => s.replace(/_/g, '-')).join(', ')}.`,
    );
  }
}

/**
 * The incident's file with one more update: after the last one and before any postmortem, with
 * `next_update` set when a next update is promised and removed when it is stale or the incident
 * ends (so is `eta`). Edits of `eta`, `workaround` and the summary change only those characters.
 */
export async function appendUpdate(
  root: string,
  model: StatusModel,
  incident: Incident,
  request: UpdateRequest,
): Promise<FileChange> {
  const original = await readRepositoryText(root, incident.file);
  const edits = request.edits ?? {};
  const workaround =
    edits.workaround === undefined ? incident.workaround : (edits.workaround ?? undefined);
  const section = request.status
    ? await draftSection(root, model, incident, { ...request, status: request.status }, workaround)
    : undefined;
  const ending = request.status !== undefined && isEnded(request.status);
  const stale = incident.nextUpdate !== undefined && incident.nextUpdate <= request.at;
  const text = keepTextStyle(original, (lf) => {
    // In this order the line numbers the loader gave stay true: the section goes in after the
    // first update, the summary is before it, and the frontmatter is edited by key.
    let text = section ? insertSection(lf, section, incident.postmortem?.position.line) : lf;
    if (edits.summary !== undefined) {
      const first = incident.updates[0];
      if (!first)
        throw new ContentError(
          `${incident.file} has no update yet, so there is no summary above one to replace; add the first update.`,
        );
      text = replaceSummary(incident.file, text, edits.summary, first.position.line);
    }
    const set = (key: string, value: string | undefined) => {
      text = setFrontmatterKey(incident.file, text, key, value);
    };
    if (ending || (stale && !request.next)) set('next_update', undefined);
    else if (request.next) set('next_update', writeTime(request.next));
    if (ending) set('eta', undefined);
    else if (edits.eta !== undefined) set('eta', edits.eta ? writeTime(edits.eta) : undefined);
    if (edits.workaround !== undefined) set('workaround', edits.workaround ?? undefined);
    return text;
  });
  return { path: incident.file, text };
}

async function draftSection(
  root: string,
  model: StatusModel,
  incident: Incident,
  request: UpdateRequest & { status: UpdateStatus },
  workaround: string | undefined,
): Promise<string> {
  checkStatusForKind(incident, request.status);
  const ids = [...new Set([...Object.keys(incident.components), ...Object.keys(request.changes)])];
  const contact = incident.contact ?? model.page.contact;
  const locale = localeOf(model);
  const body =
    request.message ??
    fillTemplate(
      await readTemplate(root, statusTemplateName(request.status), model.page.language),
      {
        title: incident.title,
        impact: incident.impact,
        ...componentWords(ids, model.components, locale),
        ...(request.next ? { next_update: shortTime(request.next, request.at) } : {}),
        ...(workaround ? { workaround } : {}),
        ...(contact ? { contact } : {}),
      },
    );
  return renderSection(
    { at: request.at, status: request.status, changes: request.changes, body },
    locale,
  );
}
