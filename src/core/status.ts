import type {
  ComponentStatus,
  Impact,
  Incident,
  LifecycleStatus,
  StatusModel,
  Update,
} from './model.ts';
import type { UpdateStatus } from './schema/update-status.ts';

/** Worse statuses rank higher; the page shows the worst status any open incident gives a component. */
export const COMPONENT_STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function worseStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return COMPONENT_STATUS_RANK[b] > COMPONENT_STATUS_RANK[a] ? b : a;
}

/** Updates already published at `now` (an update dated later is not shown until its time comes). */
export function publishedUpdates(incident: Incident, now: Date): Update[] {
  const t = now.getTime();
  const updates = incident.updates;
  let end = updates.length;
  while (end > 0 && updates[end - 1]!.at.getTime() > t) end--;
  return end === updates.length ? updates : updates.slice(0, end);
}

/**
 * Every component the incident affects at `now`: those of its frontmatter and those named on the
 * `Components:` line of an update published by then. Pages, feeds, the API and notice filters all
 * ask this, so a component's page, feed and channel list the same incidents.
 */
export function affectedComponentIds(incident: Incident, now: Date): Set<string> {
  const ids = new Set(Object.keys(incident.components));
  for (const update of publishedUpdates(incident, now))
    for (const id of Object.keys(update.components)) ids.add(id);
  return ids;
}

/** Whether the incident or maintenance is visible at all at `now` (its first update is published). */
export function isPublished(incident: Incident, now: Date): boolean {
  return publishedUpdates(incident, now).length > 0;
}

/**
 * The status of an incident or a maintenance at `now`. A maintenance follows its window
 * (scheduled, in progress, completed) unless an update has moved it on.
 */
export function lifecycleAt(incident: Incident, now: Date): LifecycleStatus {
  const latest = publishedUpdates(incident, now).at(-1);
  if (incident.kind === 'incident') return latest?.status ?? 'investigating';
  if (latest && latest.status !== 'scheduled') return latest.status;
  const t = now.getTime();
  if (incident.scheduledFor && t < incident.scheduledFor.getTime()) return 'scheduled';
  if (incident.scheduledUntil && t < incident.scheduledUntil.getTime()) return 'in_progress';
  return 'completed';
}

/** Resolved and Completed end an incident or a maintenance: every affected component is operational again. */
export function isEnded(
  status: LifecycleStatus | UpdateStatus,
): status is 'resolved' | 'completed' {
  return status === 'resolved' || status === 'completed';
}

export function isOpen(status: LifecycleStatus): boolean {
  return !isEnded(status) && status !== 'scheduled';
}

/**
 * The next update an incident promises (`next_update`), while the promise stands: the incident is
 * open and the time is later than its latest published update. The page and the notices both show it.
 */
export function promisedNextUpdate(
  incident: Incident,
  status: LifecycleStatus,
  latest: Update | undefined,
): Date | undefined {
  return isOpen(status) && incident.nextUpdate && latest && incident.nextUpdate > latest.at
    ? incident.nextUpdate
    : undefined;
}

/** When it ended: the Resolved/Completed update, or for a maintenance that followed the clock, its window end. */
export function endedAt(incident: Incident, now: Date): Date | undefined {
  const status = lifecycleAt(incident, now);
  if (!isEnded(status)) return undefined;
  const closing = publishedUpdates(incident, now).findLast((u) => u.status === status);
  return closing?.at ?? incident.scheduledUntil;
}

/** When users were first affected: for maintenance, when the work actually started. */
export function startedAt(incident: Incident, now: Date): Date {
  if (incident.kind === 'incident') return incident.started;
  const early = publishedUpdates(incident, now).find(
    (u) => u.status === 'in_progress' || u.status === 'verifying',
  );
  const scheduled = incident.scheduledFor ?? incident.started;
  return early && early.at < scheduled ? early.at : scheduled;
}

/** Component statuses this incident imposes at `now`; empty when it imposes none. */
export function componentStatusesOf(
  incident: Incident,
  now: Date,
): Record<string, ComponentStatus> {
  const status = lifecycleAt(incident, now);
  if (!isOpen(status)) return {};
  if (incident.kind === 'maintenance') return incident.components;
  return publishedUpdates(incident, now).at(-1)?.components ?? {};
}

/** Each component's current status: the worst any open incident or in-progress maintenance gives it. */
export function componentStatuses(model: StatusModel, now: Date): Map<string, ComponentStatus> {
  const statuses = new Map<string, ComponentStatus>(
    model.components.map((c) => [c.id, 'operational']),
  );
  for (const incident of model.incidents) {
    if (!isPublished(incident, now)) continue;
    for (const [id, status] of Object.entries(componentStatusesOf(incident, now))) {
      const current = statuses.get(id);
      if (current !== undefined) statuses.set(id, worseStatus(current, status));
    }
  }
  return statuses;
}

export type Indicator = 'none' | 'maintenance' | 'minor' | 'major' | 'critical';
const INDICATOR_RANK: Record<Indicator, number> = {
  none: 0,
  maintenance: 1,
  minor: 2,
  major: 3,
  critical: 4,
};

export interface PageStatus {
  indicator: Indicator;
  description: string;
}

/**
 * The page's overall status, following Atlassian Statuspage: the blended component statuses,
 * raised by the impact of any open incident.
 */
export function pageStatus(
  model: StatusModel,
  now: Date,
  statuses = componentStatuses(model, now),
): PageStatus {
  const values = [...statuses.values()];
  const count = (s: ComponentStatus) => values.filter((v) => v === s).length;
  let fromComponents: PageStatus = { indicator: 'none', description: 'All Systems Operational' };
  if (count('major_outage') > 0) {
    fromComponents =
      count('major_outage') === values.length
        ? { indicator: 'critical', description: 'Major System Outage' }
        : { indicator: 'major', description: 'Partial System Outage' };
  } else if (count('partial_outage') > 0) {
    fromComponents = { indicator: 'minor', description: 'Minor Service Outage' };
  } else if (count('degraded_performance') > 0) {
    fromComponents =
      count('degraded_performance') === values.length
        ? { indicator: 'minor', description: 'Degraded System Service' }
        : { indicator: 'minor', description: 'Partially Degraded Service' };
  } else if (count('under_maintenance') > 0) {
    fromComponents = { indicator: 'maintenance', description: 'Service Under Maintenance' };
  }
  const worstImpact = activeIncidents(model, now).reduce<Impact>(
    (worst, i) => (IMPACT_RANK[i.impact] > IMPACT_RANK[worst] ? i.impact : worst),
    'none',
  );
  const fromIncidents: PageStatus | undefined =
    worstImpact === 'critical'
      ? { indicator: 'critical', description: 'Major Service Outage' }
      : worstImpact === 'major'
        ? { indicator: 'major', description: 'Partial System Outage' }
        : worstImpact === 'minor'
          ? { indicator: 'minor', description: 'Minor Service Outage' }
          : undefined;
  return fromIncidents &&
    INDICATOR_RANK[fromIncidents.indicator] > INDICATOR_RANK[fromComponents.indicator]
    ? fromIncidents
    : fromComponents;
}

export const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

/** Open incidents (not maintenance), worst impact first, then newest. */
export function activeIncidents(model: StatusModel, now: Date): Incident[] {
  return model.incidents
    .filter((i) => i.kind === 'incident' && isPublished(i, now) && isOpen(lifecycleAt(i, now)))
    .sort(
      (a, b) =>
        IMPACT_RANK[b.impact] - IMPACT_RANK[a.impact] || b.started.getTime() - a.started.getTime(),
    );
}

/** Maintenance under way now (in progress or verifying), soonest to end first. */
export function activeMaintenance(model: StatusModel, now: Date): Incident[] {
  return model.incidents
    .filter((i) => i.kind === 'maintenance' && isPublished(i, now) && isOpen(lifecycleAt(i, now)))
    .sort((a, b) => (a.scheduledUntil?.getTime() ?? 0) - (b.scheduledUntil?.getTime() ?? 0));
}

/** Announced maintenance that has not started, soonest first. */
export function upcomingMaintenance(model: StatusModel, now: Date): Incident[] {
  return model.incidents
    .filter(
      (i) => i.kind === 'maintenance' && isPublished(i, now) && lifecycleAt(i, now) === 'scheduled',
    )
    .sort((a, b) => (a.scheduledFor?.getTime() ?? 0) - (b.scheduledFor?.getTime() ?? 0));
}

export interface StatusSegment {
  component: string;
  status: ComponentStatus;
  from: Date;
  to: Date;
}

/**
 * The periods in which this incident gave each component a non-operational status, up to `now`:
 * the basis for uptime bars and percentages.
 */
export function statusSegments(incident: Incident, now: Date): StatusSegment[] {
  const segments: StatusSegment[] = [];
  const end = endedAt(incident, now) ?? now;
  if (incident.kind === 'maintenance') {
    const start = startedAt(incident, now);
    if (start >= now || end <= start) return segments;
    for (const [component, status] of Object.entries(incident.components)) {
      if (status !== 'operational') segments.push({ component, status, from: start, to: end });
    }
    return segments;
  }
  const updates = publishedUpdates(incident, now);
  updates.forEach((update, i) => {
    const from = i === 0 && incident.started < update.at ? incident.started : update.at;
    const to = updates[i + 1]?.at ?? end;
    if (to <= from) return;
    for (const [component, status] of Object.entries(update.components)) {
      if (status !== 'operational') segments.push({ component, status, from, to });
    }
  });
  return segments;
}
