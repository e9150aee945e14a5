import { renderMarkdown } from '../../core/markdown.ts';
import type { StatusModel } from '../../core/model.ts';
import { pageStatus } from '../../core/status.ts';
import type { NoticeEvent } from '../events.ts';
import { noticeContent } from './notice-content.ts';
import { renderText } from './text.ts';

/**
 * Candor's own JSON payload, in the `{type, timestamp, data}` form the Standard Webhooks
 * specification recommends. `data.update.body` is the author's Markdown; `body_html` is the same,
 * sanitised, as the page shows it. `data.page.status` is the page's status when the event happened,
 * from `view`, the audience view the event came from. Field values are machine vocabulary; the
 * human fields (`language`, `text`, `incident.status_label`) are in the page's language.
 */
export function renderWebhook(event: NoticeEvent, view: StatusModel) {
  const { incident } = event;
  const iso = (date: Date | undefined) => date?.toISOString() ?? null;
  return {
    type: event.kind,
    timestamp: event.at.toISOString(),
    data: {
      id: event.id,
      language: event.page.language,
      text: renderText(event),
      page: { name: event.page.name, url: event.page.url, status: pageStatus(view, event.at) },
      incident: {
        id: incident.id,
        kind: incident.kind,
        title: incident.title,
        impact: incident.impact,
        status: event.status,
        status_label: noticeContent(event).status,
        url: event.url,
        started_at: incident.started.toISOString(),
        scheduled_for: iso(incident.scheduledFor),
        scheduled_until: iso(incident.scheduledUntil),
        next_update: iso(event.nextUpdate),
        components: event.components,
      },
      update: event.update
        ? {
            id: event.update.id,
            at: event.update.at.toISOString(),
            status: event.update.written,
            body: event.body,
            body_html: renderMarkdown(event.body),
          }
        : null,
      postmortem:
        event.kind === 'incident.postmortem'
          ? { body: event.body, body_html: renderMarkdown(event.body) }
          : null,
      component_change: event.change ?? null,
    },
  };
}
