import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Component, Incident, StatusModel } from '../core/model.ts';
import { localeOf } from '../core/page-locale.ts';
import type { Locale } from '../i18n/locale.ts';
import {
  affectedComponentIds,
  endedAt,
  lifecycleAt,
  publishedUpdates,
  startedAt,
} from '../core/status.ts';
import { changeMoments, latest } from './incident-components.ts';
import { incidentLink, siteLink, sitePaths } from '../core/site-urls.ts';
import { plainText } from '../core/markdown-text.ts';

/** Past windows stay in the calendar this long (the history the page shows), then drop out. */
const CALENDAR_HISTORY_DAYS = 90;
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
  const locale = localeOf(model);
  const { t } = locale;
  const name = component
    ? t('calendar.component_name', { component: component.name, name: model.page.name })
    : t('calendar.name', { name: model.page.name });
  const calendar = ical({
    name,
    description: t('calendar.description', { name: model.page.name }),
    prodId: { company: 'Candor', product: 'Candor', language: model.page.language.toUpperCase() },
    url: siteLink(model.page, sitePaths.calendar(component?.id)),
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  const host = new URL(model.page.url).host;
  const since = now.getTime() - CALENDAR_HISTORY_DAYS * DAY_MS;
  const maintenances = model.incidents
    .filter(
      (i) =>
        i.kind === 'maintenance' && (!component || affectedComponentIds(i, now).has(component.id)),
    )
    .filter((i) => publishedUpdates(i, now).length > 0 && windowEnd(i, now).getTime() >= since)
    .sort(
      (a, b) => startedAt(a, now).getTime() - startedAt(b, now).getTime() || (a.id < b.id ? -1 : 1),
    );
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
      description: { plain: description(maintenance, now, link, locale) },
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

function description(maintenance: Incident, now: Date, link: string, { t }: Locale): string {
  const latestUpdate = publishedUpdates(maintenance, now).at(-1)!;
  return [
    t('calendar.status', { status: t(`status.${lifecycleAt(maintenance, now)}`) }),
    plainText(maintenance.summary),
    t('calendar.update', {
      status: t(`status.${latestUpdate.written}`),
      text: plainText(latestUpdate.body),
    }),
    link,
  ]
    .filter(Boolean)
    .join('\n\n');
}
