import type { Audience } from '../core/audience.ts';
import { addDays, localDay, startOfLocalDay } from '../core/local-day.ts';
import type {
  Component,
  ComponentStatus,
  Group,
  Impact,
  Incident,
  LifecycleStatus,
  StatusModel,
  Update,
} from '../core/model.ts';
import {
  activeIncidents,
  activeMaintenance,
  affectedComponentIds,
  componentStatuses,
  componentStatusesOf,
  endedAt,
  isOpen,
  isPublished,
  lifecycleAt,
  pageStatus,
  publishedUpdates,
  startedAt,
  upcomingMaintenance,
  worseStatus,
  type PageStatus,
} from '../core/status.ts';
import { localeOf } from '../core/page-locale.ts';
import type { Locale } from '../i18n/locale.ts';
import { componentUptime, segmentsByComponent, type ComponentUptime } from '../core/uptime.ts';
import { statusResponse } from '../feeds/statuspage-api.ts';
import type { StatuspageStatusResponse } from '../feeds/statuspage-schema.ts';

/** How many days the uptime bars and percentages cover. */
const UPTIME_DAYS = 90;

/** The periods a component page gives its uptime percentage for. */
const UPTIME_PERIODS = [30, UPTIME_DAYS, 365] as const;

/** Incidents and maintenance that ended this recently are listed on the home page, at most `RECENT_MAX`. */
export const RECENT_DAYS = 7;
const RECENT_MAX = 10;

/** An incident or maintenance with everything a page shows about it, derived once per build. */
export interface IncidentView {
  incident: Incident;
  status: LifecycleStatus;
  started: Date;
  ended: Date | undefined;
  /** Published updates, newest first. */
  updates: Update[];
  /** Affected components, in the order of components.yaml. */
  components: Component[];
  /** What it does to each affected component: now while open, at its worst once ended or before it starts. */
  impacts: Map<string, ComponentStatus>;
}

interface GroupView {
  /** Undefined for components outside any group. */
  group: Group | undefined;
  components: Component[];
  /** The worst current status inside the group. */
  worst: ComponentStatus;
}

interface HistoryMonth {
  /** `YYYY-MM`. */
  key: string;
  label: string;
  /** Newest first. */
  items: IncidentView[];
}

/** One page of the history: a calendar quarter, so its URL and contents never shift as incidents are added. */
export interface HistoryPage {
  /** `2026-q4`: the page lives at `history/2026-q4/`; the newest page is also `history/`. */
  slug: string;
  label: string;
  /** Newest first. */
  months: HistoryMonth[];
  newer: string | undefined;
  older: string | undefined;
}

/** Everything the pages render, computed in one pass over the model so no page scans all incidents. */
export interface SiteIndex {
  model: StatusModel;
  /** The page's words and formats: every label on every page comes from here. */
  locale: Locale;
  now: Date;
  audience: Audience;
  timezone: string;
  statuses: Map<string, ComponentStatus>;
  overall: PageStatus;
  /** What every page's live check compares with: the same two fields api/v2/status.json carries. */
  liveStatus: StatuspageStatusResponse;
  active: IncidentView[];
  inProgress: IncidentView[];
  upcoming: IncidentView[];
  /** Every published incident and maintenance, newest first. */
  all: IncidentView[];
  /** Ended within the last `RECENT_DAYS` days, newest first, at most `RECENT_MAX`: the history has the rest. */
  recent: IncidentView[];
  byId: Map<string, IncidentView>;
  /** Each component's incidents and maintenance, newest first. */
  byComponent: Map<string, IncidentView[]>;
  uptime: Map<string, ComponentUptime>;
  /** Incidents (not maintenance) that have started, by impact, newest first. */
  byImpact: Map<Impact, IncidentView[]>;
  /** Each component's uptime ratio over each of `UPTIME_PERIODS`. */
  periods: Map<string, { days: number; ratio: number | undefined }[]>;
  groups: GroupView[];
  /** Newest first; empty when nothing was ever published. */
  history: HistoryPage[];
}

export function buildSiteIndex(model: StatusModel, now: Date, audience: Audience): SiteIndex {
  const timezone = model.page.timezone;
  const locale = localeOf(model);
  const order = new Map(model.components.map((c, i) => [c.id, i]));
  const all: IncidentView[] = [];
  const byId = new Map<string, IncidentView>();
  const byComponent = new Map<string, IncidentView[]>(model.components.map((c) => [c.id, []]));
  for (const incident of model.incidents) {
    if (!isPublished(incident, now)) continue;
    const updates = publishedUpdates(incident, now);
    const components = [...affectedComponentIds(incident, now)]
      .filter((id) => order.has(id))
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .map((id) => model.components[order.get(id)!]!);
    const view: IncidentView = {
      incident,
      status: lifecycleAt(incident, now),
      started: startedAt(incident, now),
      ended: endedAt(incident, now),
      updates: [...updates].reverse(),
      components,
      impacts: impactsOf(incident, updates, now),
    };
    all.push(view);
    byId.set(incident.id, view);
    for (const c of components) byComponent.get(c.id)!.push(view);
  }

  const statuses = componentStatuses(model, now);
  const windowStart = startOfLocalDay(addDays(localDay(now, timezone), 1 - UPTIME_DAYS), timezone);
  const segments = segmentsByComponent(model.incidents, now, windowStart);
  const uptime = new Map(
    model.components.map((c) => [
      c.id,
      componentUptime(segments.get(c.id) ?? [], {
        now,
        timezone,
        weights: model.uptimeWeights,
        since: c.since,
        days: UPTIME_DAYS,
      }),
    ]),
  );

  const longest = Math.max(...UPTIME_PERIODS);
  const longSegments = segmentsByComponent(
    model.incidents,
    now,
    startOfLocalDay(addDays(localDay(now, timezone), 1 - longest), timezone),
  );
  const periods = new Map(
    model.components.map((c) => [
      c.id,
      UPTIME_PERIODS.map((days) => ({
        days,
        ratio:
          days === UPTIME_DAYS
            ? uptime.get(c.id)!.ratio
            : componentUptime(longSegments.get(c.id) ?? [], {
                now,
                timezone,
                weights: model.uptimeWeights,
                since: c.since,
                days,
              }).ratio,
      })),
    ]),
  );

  const view = (list: Incident[]) => list.map((i) => byId.get(i.id)!);
  return {
    model,
    locale,
    now,
    audience,
    timezone,
    statuses,
    overall: pageStatus(model, now, statuses),
    liveStatus: statusResponse(model, now),
    active: view(activeIncidents(model, now)),
    inProgress: view(activeMaintenance(model, now)),
    upcoming: view(upcomingMaintenance(model, now)),
    all,
    byId,
    byComponent,
    uptime,
    periods,
    byImpact: byImpact(all),
    recent: all
      .filter((v) => v.ended && now.getTime() - v.ended.getTime() <= RECENT_DAYS * 86_400_000)
      .slice(0, RECENT_MAX),
    groups: groupViews(model, statuses),
    history: historyPages(all, timezone, locale),
  };
}

function byImpact(all: IncidentView[]): Map<Impact, IncidentView[]> {
  const map = new Map<Impact, IncidentView[]>(
    (['critical', 'major', 'minor', 'none'] as Impact[]).map((impact) => [impact, []]),
  );
  for (const view of all)
    if (view.incident.kind !== 'maintenance') map.get(view.incident.impact)!.push(view);
  return map;
}

function impactsOf(incident: Incident, updates: Update[], now: Date): Map<string, ComponentStatus> {
  if (isOpen(lifecycleAt(incident, now)))
    return new Map(Object.entries(componentStatusesOf(incident, now)));
  if (incident.kind === 'maintenance') return new Map(Object.entries(incident.components));
  const peak = new Map<string, ComponentStatus>();
  for (const record of [incident.components, ...updates.map((u) => u.components)]) {
    for (const [id, status] of Object.entries(record))
      peak.set(id, worseStatus(peak.get(id) ?? 'operational', status));
  }
  return peak;
}

function groupViews(model: StatusModel, statuses: Map<string, ComponentStatus>): GroupView[] {
  const views: GroupView[] = [];
  const ungrouped = model.components.filter(
    (c) => c.group === undefined || !model.groups.some((g) => g.id === c.group),
  );
  if (ungrouped.length > 0) views.push(groupView(undefined, ungrouped, statuses));
  for (const group of model.groups) {
    const components = model.components.filter((c) => c.group === group.id);
    if (components.length > 0) views.push(groupView(group, components, statuses));
  }
  return views;
}

function groupView(
  group: Group | undefined,
  components: Component[],
  statuses: Map<string, ComponentStatus>,
): GroupView {
  const worst = components.reduce<ComponentStatus>(
    (w, c) => worseStatus(w, statuses.get(c.id) ?? 'operational'),
    'operational',
  );
  return { group, components, worst };
}

/** Maintenance that has not started is not history yet: it is on the home page and its own page. */
function historyPages(all: IncidentView[], timezone: string, locale: Locale): HistoryPage[] {
  const months = new Map<string, HistoryMonth>();
  const past = all.filter((item) => item.status !== 'scheduled');
  for (const item of past.sort((a, b) => b.started.getTime() - a.started.getTime())) {
    const key = localDay(item.started, timezone).slice(0, 7);
    let month = months.get(key);
    if (!month) {
      month = { key, label: locale.month(startOfLocalDay(`${key}-15`, timezone)), items: [] };
      months.set(key, month);
    }
    month.items.push(item);
  }
  const pages = new Map<string, HistoryPage>();
  for (const month of months.values()) {
    const slug = quarterOf(month.key);
    let page = pages.get(slug);
    if (!page) {
      page = {
        slug,
        label: quarterLabel(slug, locale),
        months: [],
        newer: undefined,
        older: undefined,
      };
      pages.set(slug, page);
    }
    page.months.push(month);
  }
  const list = [...pages.values()];
  list.forEach((page, i) => {
    page.newer = list[i - 1]?.slug;
    page.older = list[i + 1]?.slug;
  });
  return list;
}

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** "January – March 2026", "enero – marzo de 2026". */
function quarterLabel(slug: string, locale: Locale): string {
  const first = (Number(slug.slice(-1)) - 1) * 3 + 1;
  return locale.t('history.quarter', {
    from: locale.monthName(first),
    to: locale.monthName(first + 2),
    year: slug.slice(0, 4),
  });
}

/** What each update changed: the components whose status differs from before it, by update id. */
export function componentChanges(
  incident: Incident,
  updates: readonly Update[],
): Map<string, [string, ComponentStatus][]> {
  const changes = new Map<string, [string, ComponentStatus][]>();
  let before = new Map(Object.entries(incident.components));
  for (const update of [...updates].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    changes.set(
      update.id,
      Object.entries(update.components).filter(
        ([id, status]) => (before.get(id) ?? 'operational') !== status,
      ),
    );
    before = new Map(Object.entries(update.components));
  }
  return changes;
}

/** How many incidents one page of a per-component or per-impact list holds. */
const LIST_PAGE_SIZE = 50;

export interface ListPage {
  /** 1 is the oldest: a full page never changes, new incidents only ever go on the last. */
  number: number;
  /** Newest first. */
  items: IncidentView[];
  count: number;
}

/** A newest-first list cut into pages numbered from the oldest, so every page's URL keeps its contents. */
export function listPages(newestFirst: readonly IncidentView[], size = LIST_PAGE_SIZE): ListPage[] {
  const oldestFirst = [...newestFirst].reverse();
  const count = Math.max(1, Math.ceil(oldestFirst.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    items: oldestFirst.slice(i * size, (i + 1) * size).reverse(),
    count,
  }));
}
