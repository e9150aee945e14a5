import * as z from 'zod';
import { ownValue } from '../../core/own.ts';
import type { ComponentStatus, Impact } from '../../core/model.ts';
import { componentStatusSchema, impactSchema } from '../../core/schema/common.ts';
import {
  incidentStatusSchema,
  maintenanceStatusSchema,
  englishStatusWord,
  type UpdateStatus,
} from '../../core/schema/update-status.ts';
import type { Section } from '../incident-text.ts';
import type { ComponentRegistry } from './component-registry.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { ImportedIncident, ImportResult } from './imported.ts';
import { isEnded } from '../../core/status.ts';

/**
 * What the importer needs from a Statuspage export, and no more: exports differ between pages and
 * years (summary.json leaves fields out, older pages add some), so unknown fields are ignored and
 * statuses are read as text, to report the ones that have no Candor equivalent.
 */
const time = z.iso.datetime({ offset: true });
const affectedSchema = z.looseObject({
  name: z.string(),
  old_status: z.string().optional(),
  new_status: z.string(),
});
const updateSchema = z.looseObject({
  status: z.string(),
  body: z.string().nullable().default(''),
  created_at: time,
  display_at: time.nullable().optional(),
  affected_components: z.array(affectedSchema).nullable().optional(),
});
/** A row of components.json or summary.json, or of an incident's `components`: a component, or a group of them. */
const componentRowSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  status: z.string().optional(),
  description: z.string().nullable().optional(),
  group: z.boolean().optional(),
  group_id: z.string().nullable().optional(),
  created_at: time.nullable().optional(),
});
const incidentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  impact: z.string().nullable().optional(),
  started_at: time.nullable().optional(),
  scheduled_for: time.nullable().optional(),
  scheduled_until: time.nullable().optional(),
  incident_updates: z.array(updateSchema),
  components: z.array(componentRowSchema).nullable().optional(),
  status: z.string().optional(),
  postmortem_body: z.string().nullable().optional(),
});
export const statuspageExportSchema = z.looseObject({
  incidents: z.array(incidentSchema).optional(),
  scheduled_maintenances: z.array(incidentSchema).optional(),
  components: z.array(componentRowSchema).optional(),
  /** An incident webhook's payload (`{ meta, page, incident }`): one incident or maintenance. */
  incident: incidentSchema.optional(),
});
type StatuspageExport = z.infer<typeof statuspageExportSchema>;
type SourceIncident = z.infer<typeof incidentSchema>;

/**
 * Statuspage incidents and maintenances (from incidents.json, scheduled-maintenances.json or
 * summary.json) as Candor incidents. Update times are the times readers saw (`display_at`).
 */
export function importStatuspage(
  data: StatuspageExport,
  registry: ComponentRegistry,
): ImportResult {
  const notes: string[] = [];
  declareComponents(data, registry);
  const webhook = data.incident ? [data.incident] : [];
  const incidents = [
    ...[...(data.incidents ?? []), ...webhook.filter((i) => !isMaintenance(i))].map((i) =>
      convert(i, 'incident', registry, notes),
    ),
    ...[...(data.scheduled_maintenances ?? []), ...webhook.filter(isMaintenance)].map((i) =>
      convert(i, 'maintenance', registry, notes),
    ),
  ].filter((i): i is ImportedIncident => i !== undefined);
  return { incidents, notes };
}

/** A webhook says maintenance by its impact or its window, not by the list it is in. */
const isMaintenance = (incident: SourceIncident) =>
  incident.impact === 'maintenance' || Boolean(incident.scheduled_for);

/**
 * The page's components with their groups, descriptions and creation days, from the component
 * rows of the export (summary.json, components.json) and of each incident, in page order.
 */
function declareComponents(data: StatuspageExport, registry: ComponentRegistry): void {
  const rows = [
    ...(data.components ?? []),
    ...[
      ...(data.incidents ?? []),
      ...(data.scheduled_maintenances ?? []),
      ...(data.incident ? [data.incident] : []),
    ].flatMap((i) => i.components ?? []),
  ];
  const groupNames = new Map(
    rows.filter((r) => r.group === true && r.id).map((r) => [r.id!, r.name]),
  );
  for (const row of rows)
    if (row.group === true) registry.groupFor(row.name, row.description ?? undefined);
  for (const row of rows) {
    if (row.group === true) continue;
    const group = row.group_id ? groupNames.get(row.group_id) : undefined;
    registry.idFor(row.name, {
      ...(group ? { group } : {}),
      ...(row.description ? { description: row.description } : {}),
      ...(row.created_at ? { since: row.created_at.slice(0, 10) } : {}),
    });
  }
}

function convert(
  source: SourceIncident,
  kind: 'incident' | 'maintenance',
  registry: ComponentRegistry,
  notes: string[],
): ImportedIncident | undefined {
  const where = `Statuspage ${kind} ${source.id} ("${source.name}")`;
  const note = (text: string) => notes.push(`${where}: ${text}`);
  const allowed: readonly UpdateStatus[] =
    kind === 'maintenance' ? maintenanceStatusSchema.options : incidentStatusSchema.options;
  const updates = [...source.incident_updates].sort(
    (a, b) => shown(a).getTime() - shown(b).getTime(),
  );
  if (updates.length === 0) {
    note('has no updates, so there is nothing to show; it was not imported.');
    return undefined;
  }
  const readStatus = (text: string): ComponentStatus | undefined =>
    componentStatusSchema.safeParse(text).data;

  // Each component starts at the status the first update gave it; one first named later starts at
  // the status it had before, and changes on that update's Components line. A maintenance has one
  // status per component for its whole window: the first one other than operational.
  const declared: Record<string, ComponentStatus> = {};
  const current: Record<string, ComponentStatus> = {};
  const duringWindow: Record<string, ComponentStatus> = {};
  const sections: Section[] = [];
  const postmortems: string[] = [];
  updates.forEach((update, index) => {
    const at = shown(update);
    const changes: Record<string, ComponentStatus> = {};
    for (const affected of update.affected_components ?? []) {
      const id = registry.idFor(affected.name);
      const next = readStatus(affected.new_status);
      if (!next) {
        note(
          `the status "${affected.new_status}" of ${affected.name} at ${at.toISOString()} is not a component status; it was left out.`,
        );
        continue;
      }
      if (!Object.hasOwn(declared, id)) {
        const before =
          index === 0 ? next : (readStatus(affected.old_status ?? '') ?? 'operational');
        declared[id] = before;
        current[id] = before;
      }
      if (next !== 'operational' && !Object.hasOwn(duringWindow, id)) duringWindow[id] = next;
      if (current[id] !== next) {
        changes[id] = next;
        current[id] = next;
      }
    }
    const { markdown, droppedTags } = htmlToMarkdown(update.body ?? '');
    if (droppedTags.length > 0)
      note(
        `the update of ${at.toISOString()} used HTML without a Markdown form (<${droppedTags.join('>, <')}>); its text is kept, the tags are not.`,
      );
    if (update.status === 'postmortem') {
      postmortems.push(markdown);
      return;
    }
    let status = allowed.find((s) => s === update.status);
    if (!status) {
      status = sections.length === 0 ? allowed[0]! : 'update';
      note(
        `the status "${update.status}" of the update of ${at.toISOString()} has no ${kind} equivalent; it is written as ${englishStatusWord(status)}.`,
      );
    }
    if (sections.some((s) => isEnded(s.status))) {
      note(
        `the update of ${at.toISOString()} comes after the ${kind} ended; it was moved into the postmortem.`,
      );
      postmortems.push(`${at.toISOString()}: ${markdown}`);
      return;
    }
    const previous = sections.at(-1);
    if (previous && previous.at.getTime() === at.getTime()) {
      note(`two updates share the time ${at.toISOString()}; the second was appended to the first.`);
      previous.body = `${previous.body}\n\n${markdown}`.trim();
      return;
    }
    sections.push({
      at,
      status,
      body: markdown,
      ...(isEnded(status) || kind === 'maintenance' ? {} : { changes }),
    });
  });
  if (source.postmortem_body) postmortems.unshift(htmlToMarkdown(source.postmortem_body).markdown);
  else if (source.status === 'postmortem')
    note(
      'Statuspage published a postmortem for it, but the export does not contain its text; add it under `## Postmortem`.',
    );

  if (sections.length === 0) {
    note('has only postmortem updates, so there is no update to show; it was not imported.');
    return undefined;
  }
  if (kind === 'maintenance')
    for (const id of Object.keys(declared))
      declared[id] = ownValue(duringWindow, id) ?? 'under_maintenance';
  for (const component of source.components ?? []) {
    const id = registry.idFor(component.name);
    if (!Object.hasOwn(declared, id)) {
      const status = readStatus(component.status ?? '') ?? 'operational';
      declared[id] = status;
      note(
        `${component.name} is listed on the ${kind} but no update gives its status; it is declared with its status at export time (${status}).`,
      );
    }
  }
  const first = sections[0]!.at;
  const started = source.started_at ? toSecond(new Date(source.started_at)) : undefined;
  return {
    source: where,
    title: source.name,
    kind,
    ...readImpact(source.impact, kind, note),
    ...(started && started < first ? { started } : {}),
    ...(source.scheduled_for ? { scheduledFor: toSecond(new Date(source.scheduled_for)) } : {}),
    ...(source.scheduled_until
      ? { scheduledUntil: toSecond(new Date(source.scheduled_until)) }
      : {}),
    components: declared,
    summary: '',
    sections,
    ...(postmortems.length > 0 ? { postmortem: postmortems.join('\n\n') } : {}),
  };
}

/** The time readers saw, to the second: Candor's files are written by people, who do not write milliseconds. */
function shown(update: { display_at?: string | null; created_at: string }): Date {
  return toSecond(new Date(update.display_at ?? update.created_at));
}

const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

function readImpact(
  impact: string | null | undefined,
  kind: 'incident' | 'maintenance',
  note: (text: string) => void,
): { impact?: Impact } {
  if (impact === 'maintenance' || impact === null || impact === undefined)
    return kind === 'incident' ? { impact: 'none' } : {};
  const known = impactSchema.safeParse(impact).data;
  if (!known)
    note(
      `the impact "${impact}" is not one of none, minor, major, critical; it is written as none.`,
    );
  return { impact: known ?? 'none' };
}
