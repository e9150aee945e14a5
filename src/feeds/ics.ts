import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Component, Incident, StatusModel } from '../core/model.ts';
import { STATUS_LABELS } from '../core/schema/update-status.ts';
import { endedAt, lifecycleAt, publishedUpdates, startedAt } from '../core/status.ts';
import { affectedComponentIds, changeMoments, latest } from './incident-components.ts';
import { incidentLink, siteLink } from './links.ts';
import { plainText } from './plain-text.ts';

/** Past windows stay in the calendar this long (the history the page shows), then drop out. */
export const CALENDAR_HISTORY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** How often a subscribed calendar should fetch the file again. */
const REFRESH_SECONDS = 60 * 60;

/**
 * The maintenance calendar of the page, or of one component: every announced window that is
 * upcoming, under way or ended within the last 90 days. Each event's UID is the maintenance id, so
 * a subscribed calendar updates the event in place; SEQUENCE counts the published updates.
 * Every time is UTC and comes from the content, so a rebuild without a change is identical.
 */
export function maintenanceCalendar(model: StatusModel, now: Date, component?: Component): string {
  const name = component ? `${component.name} · ${model.page.name} maintenance` : `${model.page.name} maintenance`;
  const calendar = ical({
    name,
    description: `Maintenance windows announced on ${model.page.name}'s status page.`,
    prodId: { company: 'Candor', product: 'Candor', language: 'EN' },
    url: siteLink(model.page, component ? `components/${encodeURIComponent(component.id)}/maintenance.ics` : 'maintenance.ics'),
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  const host = new URL(model.page.url).host;
  const since = now.getTime() - CALENDAR_HISTORY_DAYS * DAY_MS;
  const maintenances = model.incidents
    .filter((i) => i.kind === 'maintenance' && (!component || affectedComponentIds(i).has(component.id)))
    .filter((i) => publishedUpdates(i, now).length > 0 && windowEnd(i, now).getTime() >= since)
    .sort((a, b) => startedAt(a, now).getTime() - startedAt(b, now).getTime() || (a.id < b.id ? -1 : 1));
  for (const maintenance of maintenances) {
    const updates = publishedUpdates(maintenance, now);
    const link = incidentLink(model.page, maintenance.id);
    const changed = latest(changeMoments(maintenance, now)) ?? updates[0]!.at;
    calendar.createEvent({
      id: `${maintenance.id}@${host}`,
      sequence: updates.length - 1,
      start: startedAt(maintenance, now),
      end: windowEnd(maintenance, now),
      stamp: changed,
      created: updates[0]!.at,
      lastModified: changed,
      summary: maintenance.title,
      description: { plain: description(maintenance, now, link) },
      url: link,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** When the window ends: when it was completed, or when it is scheduled to. */
function windowEnd(maintenance: Incident, now: Date): Date {
  return endedAt(maintenance, now) ?? maintenance.scheduledUntil ?? startedAt(maintenance, now);
}

function description(maintenance: Incident, now: Date, link: string): string {
  const latestUpdate = publishedUpdates(maintenance, now).at(-1)!;
  return [
    `Status: ${STATUS_LABELS[lifecycleAt(maintenance, now)]}`,
    plainText(maintenance.summary),
    `${STATUS_LABELS[latestUpdate.written]}: ${plainText(latestUpdate.body)}`,
    link,
  ].filter(Boolean).join('\n\n');
}
