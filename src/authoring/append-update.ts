import { UsageError } from '../core/errors.ts';
import type { ComponentStatus, Incident, StatusModel } from '../core/model.ts';
import { incidentStatusSchema, maintenanceStatusSchema, STATUS_LABELS, type UpdateStatus } from '../core/schema/update-status.ts';
import { insertSection, setFrontmatterKey } from './edit-incident.ts';
import { renderSection, writeTime } from './incident-text.ts';
import { keepTextStyle } from './keep-text-style.ts';
import { fillTemplate, readTemplate, statusTemplateName } from './templates.ts';
import type { FileChange } from './validate-changes.ts';
import { componentWords, shortTime } from './wording.ts';
import { readRepositoryText } from './read-text.ts';

export interface UpdateRequest {
  status: UpdateStatus;
  /** The update's text; drafted from the status's template when absent. */
  message?: string;
  changes: Record<string, ComponentStatus>;
  at: Date;
  /** When the next update comes; absent keeps a promise that is still ahead. */
  next?: Date;
}

/** The statuses an update of this incident may give, with Update ("no change") last. */
export function allowedStatuses(incident: Incident): UpdateStatus[] {
  return [...(incident.kind === 'maintenance' ? maintenanceStatusSchema.options : incidentStatusSchema.options), 'update'];
}

export function checkStatusForKind(incident: Incident, status: UpdateStatus): void {
  const allowed = allowedStatuses(incident);
  if (!allowed.includes(status)) {
    throw new UsageError(`"${STATUS_LABELS[status]}" is not a status for ${incident.kind === 'maintenance' ? 'a maintenance' : 'an incident'}; use one of: ${allowed.map((s) => s.replace(/_/g, '-')).join(', ')}.`);
  }
}

const ENDING: ReadonlySet<UpdateStatus> = new Set(['resolved', 'completed']);

/**
 * The incident's file with one more update: after the last one and before any postmortem, with
 * `next_update` set when a next update is promised and removed when it is stale or the incident ends.
 */
export async function appendUpdate(root: string, model: StatusModel, incident: Incident, request: UpdateRequest): Promise<FileChange> {
  checkStatusForKind(incident, request.status);
  const original = await readRepositoryText(root, incident.file);
  const ids = [...new Set([...Object.keys(incident.components), ...Object.keys(request.changes)])];
  const contact = incident.contact ?? model.page.contact;
  const body = request.message ?? fillTemplate(await readTemplate(root, statusTemplateName(request.status)), {
    title: incident.title,
    impact: incident.impact,
    ...componentWords(ids, model.components),
    ...(request.next ? { next_update: shortTime(request.next, request.at) } : {}),
    ...(incident.workaround ? { workaround: incident.workaround } : {}),
    ...(contact ? { contact } : {}),
  });
  const section = renderSection({ at: request.at, status: request.status, changes: request.changes, body });
  const stale = incident.nextUpdate !== undefined && incident.nextUpdate <= request.at;
  const text = keepTextStyle(original, (lf) => {
    const added = insertSection(lf, section, incident.postmortem?.position.line);
    if (ENDING.has(request.status) || (stale && !request.next)) return setFrontmatterKey(incident.file, added, 'next_update', undefined);
    return request.next ? setFrontmatterKey(incident.file, added, 'next_update', writeTime(request.next)) : added;
  });
  return { path: incident.file, text };
}
