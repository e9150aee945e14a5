import type {
  Component,
  ComponentStatus,
  Incident,
  LifecycleStatus,
  PageSettings,
  StatusModel,
  Update,
} from '../core/model.ts';
import { slugify } from '../core/slug.ts';
import {
  affectedComponentIds,
  componentStatuses,
  endedAt,
  isOpen,
  isPublished,
  lifecycleAt,
  pageStatus,
  publishedUpdates,
  startedAt,
  worseStatus,
} from '../core/status.ts';
import { changeMoments, latest } from './incident-components.ts';
import { incidentLink } from '../core/site-urls.ts';
import type {
  StatuspageAffectedComponent,
  StatuspageComponent,
  StatuspageComponentsResponse,
  StatuspageIncident,
  StatuspageIncidentUpdate,
  StatuspageIncidentsResponse,
  StatuspagePage,
  StatuspageScheduledMaintenance,
  StatuspageScheduledMaintenancesResponse,
  StatuspageStatus,
  StatuspageStatusResponse,
  StatuspageSummary,
} from './statuspage-schema.ts';

/**
 * Candor's model in Atlassian Statuspage's public v2 shapes. Ids are our readable ids as they are
 * (component, group and incident ids; `<incident>@<time>` for updates), so they are as stable as
 * the files, match the page URLs, and survive an import from Statuspage unchanged. Every time is
 * derived from the content, never from the build clock. docs/feeds-and-api.md has the mapping.
 */

/** Statuspage returns at most this many incidents or maintenances from its history lists. */
const STATUSPAGE_LIST_LIMIT = 50;

/** When a page has no dated content at all: "never", rather than the build time, so rebuilds stay identical. */
const NEVER = new Date(0);

const iso = (date: Date) => date.toISOString();

/** The page has no id of its own: its address (host and path) is what identifies it. */
export function statuspagePageId(page: PageSettings): string {
  const url = new URL(page.url);
  return slugify(`${url.host}${url.pathname}`, 'page');
}

function publishedIncidents(model: StatusModel, now: Date): Incident[] {
  return model.incidents.filter((incident) => isPublished(incident, now));
}

/** The latest moment anything on the page changed: its `updated_at`. */
function statuspagePageUpdatedAt(model: StatusModel, now: Date): Date {
  return (
    latest(publishedIncidents(model, now).flatMap((i) => changeMoments(i, now))) ??
    latest(model.components.map(componentCreatedAt)) ??
    NEVER
  );
}

function statuspagePage(model: StatusModel, now: Date): StatuspagePage {
  return {
    id: statuspagePageId(model.page),
    name: model.page.name,
    url: model.page.url,
    time_zone: model.page.timezone,
    updated_at: iso(statuspagePageUpdatedAt(model, now)),
  };
}

/** The page indicator and its description, also what a webhook's `page.status_indicator` carries. */
function statuspageStatus(model: StatusModel, now: Date): StatuspageStatus {
  const { indicator, description } = pageStatus(model, now);
  return { indicator, description };
}

function sinceDate(component: Component): Date | undefined {
  return component.since ? new Date(`${component.since}T00:00:00.000Z`) : undefined;
}

function componentCreatedAt(component: Component): Date {
  return sinceDate(component) ?? NEVER;
}

/**
 * When each component came to be, for `created_at`: its `since`, else the start of the first
 * incident that names it, else the page's earliest dated content; the build time only for a page
 * with none at all. Never 1970, which clients would show as a real date.
 */
function componentsCreatedAt(
  model: StatusModel,
  incidents: readonly Incident[],
  now: Date,
): Map<string, Date> {
  const firstNamed = new Map<string, Date>();
  for (const incident of incidents) {
    const start = startedAt(incident, now);
    for (const id of affectedComponentIds(incident, now)) {
      const known = firstNamed.get(id);
      if (!known || start < known) firstNamed.set(id, start);
    }
  }
  const dated = [...model.components.flatMap((c) => sinceDate(c) ?? []), ...firstNamed.values()];
  const earliest = dated.length > 0 ? new Date(Math.min(...dated.map((d) => d.getTime()))) : now;
  return new Map(
    model.components.map((c) => [c.id, sinceDate(c) ?? firstNamed.get(c.id) ?? earliest]),
  );
}

/**
 * Every component and group row in page order: a component without a group where it is declared,
 * a group where its first component is declared, followed by its components. Positions count
 * from 1 within each level, as Statuspage's do.
 */
export function statuspageComponents(model: StatusModel, now: Date): StatuspageComponent[] {
  const pageId = statuspagePageId(model.page);
  const statuses = componentStatuses(model, now);
  const incidents = publishedIncidents(model, now);
  const changedAt = new Map<string, Date>();
  for (const incident of incidents) {
    const moment = latest(changeMoments(incident, now));
    if (!moment) continue;
    for (const id of affectedComponentIds(incident, now)) {
      const known = changedAt.get(id);
      if (!known || moment > known) changedAt.set(id, moment);
    }
  }
  const createdAt = componentsCreatedAt(model, incidents, now);
  const row = (component: Component, position: number): StatuspageComponent => {
    const created = createdAt.get(component.id)!;
    const changed = changedAt.get(component.id);
    return {
      id: component.id,
      name: component.name,
      status: statuses.get(component.id) ?? 'operational',
      created_at: iso(created),
      updated_at: iso(changed && changed > created ? changed : created),
      position,
      description: component.description ?? null,
      showcase: true,
      start_date: component.since ?? null,
      group_id: component.group ?? null,
      page_id: pageId,
      group: false,
      only_show_if_degraded: false,
    };
  };

  const rows: StatuspageComponent[] = [];
  const groups = new Map(model.groups.map((g) => [g.id, g]));
  const placed = new Set<string>();
  let topPosition = 0;
  for (const component of model.components) {
    if (component.group === undefined) {
      rows.push(row(component, ++topPosition));
      continue;
    }
    const group = groups.get(component.group);
    if (!group || placed.has(group.id)) continue;
    placed.add(group.id);
    const children = model.components
      .filter((c) => c.group === group.id)
      .map((c, i) => row(c, i + 1));
    rows.push(
      {
        id: group.id,
        name: group.name,
        status: children.reduce<ComponentStatus>(
          (worst, c) => worseStatus(worst, c.status),
          'operational',
        ),
        created_at: children.map((c) => c.created_at).sort()[0]!,
        updated_at: children
          .map((c) => c.updated_at)
          .sort()
          .at(-1)!,
        position: ++topPosition,
        description: group.description ?? null,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: pageId,
        group: true,
        only_show_if_degraded: false,
        components: children.map((c) => c.id),
      },
      ...children,
    );
  }
  return rows;
}

/** Our lifecycle statuses in Statuspage's incident and maintenance vocabularies (validation keeps each kind to its own). */
const INCIDENT_STATUS = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  scheduled: 'investigating',
  in_progress: 'identified',
  verifying: 'monitoring',
  completed: 'resolved',
} as const satisfies Record<LifecycleStatus, StatuspageIncident['status']>;
const MAINTENANCE_STATUS = {
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
  investigating: 'in_progress',
  identified: 'in_progress',
  monitoring: 'verifying',
  resolved: 'completed',
} as const satisfies Record<LifecycleStatus, StatuspageScheduledMaintenance['status']>;

function updateStatus(
  incident: Incident,
  status: LifecycleStatus,
): StatuspageIncidentUpdate['status'] {
  return incident.kind === 'maintenance' ? MAINTENANCE_STATUS[status] : INCIDENT_STATUS[status];
}

/** What an update leaves each component at: a maintenance only takes components down while the work is under way. */
function statusesAfter(incident: Incident, update: Update): Map<string, ComponentStatus> {
  if (
    incident.kind === 'maintenance' &&
    update.status !== 'in_progress' &&
    update.status !== 'verifying'
  ) {
    return new Map(Object.keys(update.components).map((id) => [id, 'operational' as const]));
  }
  return new Map(Object.entries(update.components));
}

/** The incident's published updates, newest first, each with its components' old and new statuses. */
function statuspageIncidentUpdates(
  model: StatusModel,
  incident: Incident,
  now: Date,
): StatuspageIncidentUpdate[] {
  const affected = model.components.filter((c) => affectedComponentIds(incident, now).has(c.id));
  let before = new Map<string, ComponentStatus>();
  const updates = publishedUpdates(incident, now).map((update): StatuspageIncidentUpdate => {
    const after = statusesAfter(incident, update);
    const changes = affected.map((c): StatuspageAffectedComponent => ({
      code: c.id,
      name: c.name,
      old_status: before.get(c.id) ?? 'operational',
      new_status: after.get(c.id) ?? 'operational',
    }));
    before = after;
    return {
      id: update.id,
      status: updateStatus(incident, update.status),
      body: update.body,
      incident_id: incident.id,
      created_at: iso(update.at),
      updated_at: iso(update.at),
      display_at: iso(update.at),
      affected_components: changes.length > 0 ? changes : null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    };
  });
  return updates.reverse();
}

/** The fields incidents and scheduled maintenances share. */
function incidentFields(
  model: StatusModel,
  incident: Incident,
  now: Date,
  rows: StatuspageComponent[],
) {
  const updates = publishedUpdates(incident, now);
  const created = updates[0]?.at ?? incident.started;
  const monitoring =
    incident.kind === 'incident' ? updates.find((u) => u.status === 'monitoring') : undefined;
  const resolved = endedAt(incident, now);
  const affected = affectedComponentIds(incident, now);
  return {
    id: incident.id,
    name: incident.title,
    created_at: iso(created),
    updated_at: iso(latest(changeMoments(incident, now)) ?? created),
    monitoring_at: monitoring ? iso(monitoring.at) : null,
    resolved_at: resolved ? iso(resolved) : null,
    impact: incident.impact,
    shortlink: incidentLink(model.page, incident.id),
    started_at: iso(startedAt(incident, now)),
    page_id: statuspagePageId(model.page),
    incident_updates: statuspageIncidentUpdates(model, incident, now),
    components: rows.filter((r) => !r.group && affected.has(r.id)),
    reminder_intervals: null,
  };
}

/**
 * One incident as Statuspage shows it. A resolved incident with a postmortem is `postmortem`, as
 * on Statuspage. `rows` lets a caller building many reuse one `statuspageComponents`.
 */
export function statuspageIncident(
  model: StatusModel,
  incident: Incident,
  now: Date,
  rows = statuspageComponents(model, now),
): StatuspageIncident {
  const status = INCIDENT_STATUS[lifecycleAt(incident, now)];
  const { id, name, ...rest } = incidentFields(model, incident, now, rows);
  return {
    id,
    name,
    status: status === 'resolved' && incident.postmortem ? 'postmortem' : status,
    ...rest,
  };
}

export function statuspageScheduledMaintenance(
  model: StatusModel,
  incident: Incident,
  now: Date,
  rows = statuspageComponents(model, now),
): StatuspageScheduledMaintenance {
  const { id, name, reminder_intervals, ...rest } = incidentFields(model, incident, now, rows);
  const scheduledFor = incident.scheduledFor ?? incident.started;
  return {
    id,
    name,
    status: MAINTENANCE_STATUS[lifecycleAt(incident, now)],
    ...rest,
    scheduled_for: iso(scheduledFor),
    scheduled_until: iso(incident.scheduledUntil ?? endedAt(incident, now) ?? scheduledFor),
    reminder_intervals,
  };
}

function incidentsOfKind(model: StatusModel, now: Date, kind: Incident['kind']): Incident[] {
  return publishedIncidents(model, now).filter((i) => i.kind === kind);
}

/** Newest window first, as Statuspage lists them. */
function byWindowNewestFirst(a: Incident, b: Incident): number {
  return (
    (b.scheduledFor ?? b.started).getTime() - (a.scheduledFor ?? a.started).getTime() ||
    (a.id < b.id ? -1 : 1)
  );
}

function maintenancesWhere(
  model: StatusModel,
  now: Date,
  keep: (status: LifecycleStatus) => boolean,
): Incident[] {
  return incidentsOfKind(model, now, 'maintenance')
    .filter((i) => keep(lifecycleAt(i, now)))
    .sort(byWindowNewestFirst);
}

const isUpcoming = (status: LifecycleStatus) => status === 'scheduled';

/** `/api/v2/summary.json`: everything, with unresolved incidents and upcoming or active maintenance. */
export function summaryResponse(model: StatusModel, now: Date): StatuspageSummary {
  const components = statuspageComponents(model, now);
  return {
    page: statuspagePage(model, now),
    status: statuspageStatus(model, now),
    components,
    incidents: unresolved(model, now).map((i) => statuspageIncident(model, i, now, components)),
    scheduled_maintenances: maintenancesWhere(model, now, (s) => isUpcoming(s) || isOpen(s)).map(
      (i) => statuspageScheduledMaintenance(model, i, now, components),
    ),
  };
}

/** `/api/v2/status.json` */
export function statusResponse(model: StatusModel, now: Date): StatuspageStatusResponse {
  return { page: statuspagePage(model, now), status: statuspageStatus(model, now) };
}

/** `/api/v2/components.json` */
export function componentsResponse(model: StatusModel, now: Date): StatuspageComponentsResponse {
  return { page: statuspagePage(model, now), components: statuspageComponents(model, now) };
}

function unresolved(model: StatusModel, now: Date): Incident[] {
  return incidentsOfKind(model, now, 'incident').filter((i) => isOpen(lifecycleAt(i, now)));
}

function incidentsList(
  model: StatusModel,
  now: Date,
  incidents: Incident[],
): StatuspageIncidentsResponse {
  const rows = statuspageComponents(model, now);
  return {
    page: statuspagePage(model, now),
    incidents: incidents.map((i) => statuspageIncident(model, i, now, rows)),
  };
}

/** `/api/v2/incidents.json`: the latest 50 incidents, newest first. */
export function incidentsResponse(model: StatusModel, now: Date): StatuspageIncidentsResponse {
  return incidentsList(
    model,
    now,
    incidentsOfKind(model, now, 'incident').slice(0, STATUSPAGE_LIST_LIMIT),
  );
}

/** `/api/v2/incidents/unresolved.json`: investigating, identified or monitoring. */
export function unresolvedIncidentsResponse(
  model: StatusModel,
  now: Date,
): StatuspageIncidentsResponse {
  return incidentsList(model, now, unresolved(model, now));
}

function maintenancesList(
  model: StatusModel,
  now: Date,
  maintenances: Incident[],
): StatuspageScheduledMaintenancesResponse {
  const rows = statuspageComponents(model, now);
  return {
    page: statuspagePage(model, now),
    scheduled_maintenances: maintenances.map((i) =>
      statuspageScheduledMaintenance(model, i, now, rows),
    ),
  };
}

/** `/api/v2/scheduled-maintenances.json`: the latest 50, newest window first. */
export function scheduledMaintenancesResponse(
  model: StatusModel,
  now: Date,
): StatuspageScheduledMaintenancesResponse {
  return maintenancesList(
    model,
    now,
    maintenancesWhere(model, now, () => true).slice(0, STATUSPAGE_LIST_LIMIT),
  );
}

/** `/api/v2/scheduled-maintenances/upcoming.json`: announced, not started. */
export function upcomingMaintenancesResponse(
  model: StatusModel,
  now: Date,
): StatuspageScheduledMaintenancesResponse {
  return maintenancesList(model, now, maintenancesWhere(model, now, isUpcoming));
}

/** `/api/v2/scheduled-maintenances/active.json`: in progress or verifying. */
export function activeMaintenancesResponse(
  model: StatusModel,
  now: Date,
): StatuspageScheduledMaintenancesResponse {
  return maintenancesList(model, now, maintenancesWhere(model, now, isOpen));
}
