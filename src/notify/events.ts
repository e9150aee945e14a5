import type { Catalogue } from '../i18n/catalogue.ts';
import type {
  ComponentStatus,
  Incident,
  LifecycleStatus,
  StatusModel,
  Update,
} from '../core/model.ts';
import { lifecycleAt, promisedNextUpdate, publishedUpdates } from '../core/status.ts';
import { incidentLink } from '../core/site-urls.ts';
import type { EventKind } from './config-schema.ts';

interface AffectedComponent {
  id: string;
  name: string;
  /** The status this incident gives the component after the event. */
  status: ComponentStatus;
}

/**
 * One notice the content says should exist. Its `id` is stable across runs, rebuilds, renames (with
 * a frontmatter `id`) and force-pushes, so the ledger can tell whether it was already delivered.
 */
export interface NoticeEvent {
  id: string;
  kind: EventKind;
  /** When it happened according to the content (a postmortem has no time of its own: the last update's). */
  at: Date;
  /** The incident or maintenance as the channel's audience sees it. */
  incident: Incident;
  /** The update this notice announces, when it announces one. */
  update?: Update;
  /** The incident's status after this event. */
  status: LifecycleStatus;
  components: AffectedComponent[];
  /** component.updated only: the one component that changed. */
  change?: { id: string; name: string; from: ComponentStatus; to: ComponentStatus };
  /** Markdown: the update, the postmortem, or the summary for a maintenance that follows the clock. */
  body: string;
  /** When the next update is promised, if this is the latest update and one is promised after it. */
  nextUpdate?: Date;
  /** The incident's page. */
  url: string;
  page: { name: string; url: string; timezone: string; language: string };
  /** The team's words for the page's language (locales/<language>.yaml). */
  words?: Partial<Catalogue>;
}

/**
 * Every notice the content says should exist at `now`, oldest first: each published update of each
 * incident, a maintenance starting and completing by the clock when no update says so, each
 * postmortem, and each change a notice makes to a component's status. Pass an audience view
 * (`forAudience`), never the raw model.
 */
export function noticeEvents(view: StatusModel, now: Date): NoticeEvent[] {
  const names = new Map(view.components.map((c) => [c.id, c.name]));
  const events: NoticeEvent[] = [];
  for (const incident of view.incidents) {
    const updates = publishedUpdates(incident, now);
    if (updates.length === 0) continue;
    const own: NoticeEvent[] = [];
    const make = (
      id: string,
      kind: EventKind,
      at: Date,
      body: string,
      update?: Update,
    ): NoticeEvent => {
      const status = update?.status ?? lifecycleAt(incident, at);
      const latest = update !== undefined && update === updates.at(-1);
      const next = latest ? promisedNextUpdate(incident, status, update) : undefined;
      return {
        id,
        kind,
        at,
        incident,
        status,
        body,
        ...(update ? { update } : {}),
        components: Object.entries(imposed(incident, status, update)).map(([cid, s]) => ({
          id: cid,
          name: names.get(cid) ?? cid,
          status: s,
        })),
        ...(next ? { nextUpdate: next } : {}),
        url: incidentLink(view.page, incident.id),
        page: {
          name: view.page.name,
          url: view.page.url,
          timezone: view.page.timezone,
          language: view.page.language,
        },
        ...(view.words ? { words: view.words } : {}),
      };
    };
    updates.forEach((update, i) => {
      // An "Update" whose every line is internal says nothing new to this audience.
      if (update.written === 'update' && update.body.trim() === '') return;
      own.push(
        make(update.id, updateKind(incident, update, i === 0), update.at, update.body, update),
      );
    });
    if (incident.kind === 'maintenance') {
      const says = (...statuses: LifecycleStatus[]) =>
        updates.some((u) => statuses.includes(u.written as LifecycleStatus));
      if (
        incident.scheduledFor &&
        incident.scheduledFor <= now &&
        !says('in_progress', 'verifying', 'completed')
      ) {
        own.push(
          make(
            `${incident.id}#started`,
            'maintenance.started',
            incident.scheduledFor,
            incident.summary,
          ),
        );
      }
      if (
        incident.scheduledUntil &&
        incident.scheduledUntil <= now &&
        !says('completed') &&
        lifecycleAt(incident, now) === 'completed'
      ) {
        own.push(
          make(
            `${incident.id}#completed`,
            'maintenance.completed',
            incident.scheduledUntil,
            incident.summary,
          ),
        );
      }
    }
    if (incident.postmortem?.body.trim())
      own.push(
        make(
          `${incident.id}#postmortem`,
          'incident.postmortem',
          updates.at(-1)!.at,
          incident.postmortem.body,
        ),
      );
    own.sort(byTime);
    events.push(...own, ...componentChanges(own));
  }
  return events.sort(byTime);
}

/** Oldest first; at the same moment a postmortem comes after the resolution it follows. */
function byTime(a: NoticeEvent, b: NoticeEvent): number {
  const last = (e: NoticeEvent) => (e.kind === 'incident.postmortem' ? 1 : 0);
  return (
    a.at.getTime() - b.at.getTime() || last(a) - last(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function updateKind(incident: Incident, update: Update, first: boolean): EventKind {
  if (incident.kind === 'incident')
    return update.written === 'resolved'
      ? 'incident.resolved'
      : first
        ? 'incident.created'
        : 'incident.updated';
  if (update.written === 'scheduled' && first) return 'maintenance.scheduled';
  if (update.written === 'in_progress') return 'maintenance.started';
  if (update.written === 'completed') return 'maintenance.completed';
  return 'maintenance.updated';
}

/** Each affected component's status once the event has happened; for a scheduled maintenance, the status it will have. */
function imposed(
  incident: Incident,
  status: LifecycleStatus,
  update: Update | undefined,
): Record<string, ComponentStatus> {
  if (incident.kind === 'incident')
    return update?.components ?? incident.updates.at(-1)?.components ?? incident.components;
  return status === 'completed'
    ? Object.fromEntries(Object.keys(incident.components).map((id) => [id, 'operational' as const]))
    : incident.components;
}

/**
 * A component.updated notice for each status an incident's notices change, as Statuspage sends
 * `component_update`. The change is the one this incident makes; the page-wide status of the
 * component is in the page indicator.
 */
function componentChanges(events: NoticeEvent[]): NoticeEvent[] {
  const out: NoticeEvent[] = [];
  const current = new Map<string, ComponentStatus>();
  for (const event of events) {
    // A postmortem changes nothing, and a maintenance that is only announced does not yet either.
    if (event.kind === 'incident.postmortem' || event.status === 'scheduled') continue;
    for (const component of event.components) {
      const from = current.get(component.id) ?? 'operational';
      current.set(component.id, component.status);
      if (from === component.status) continue;
      out.push({
        ...event,
        id: `${event.id}#component:${component.id}`,
        kind: 'component.updated',
        change: { id: component.id, name: component.name, from, to: component.status },
      });
    }
  }
  return out;
}
