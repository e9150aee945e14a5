import { COMPONENT_STATUS_LABELS, IMPACT_PHRASES } from '../../core/schema/common.ts';
import { formatDateTime, formatRange } from '../../core/format-time.ts';
import type { Impact } from '../../core/model.ts';
import { STATUS_LABELS } from '../../core/schema/update-status.ts';
import type { EventKind } from '../config-schema.ts';
import type { NoticeEvent } from '../events.ts';
import { plainDialect, toDialect, type Dialect } from './dialects.ts';

const KIND_LABELS: Record<EventKind, string> = {
  'incident.created': 'New incident',
  'incident.updated': 'Incident update',
  'incident.resolved': 'Resolved',
  'incident.postmortem': 'Postmortem',
  'maintenance.scheduled': 'Maintenance scheduled',
  'maintenance.started': 'Maintenance started',
  'maintenance.updated': 'Maintenance update',
  'maintenance.completed': 'Maintenance completed',
  'component.updated': 'Component status',
};

/** What every channel says, before it is put in that channel's markup. Strings are plain user text, not yet escaped. */
export interface NoticeContent {
  kind: EventKind;
  /** "New incident", "Resolved", "Maintenance scheduled", ... */
  kindLabel: string;
  title: string;
  /** The incident's status after this notice, e.g. "Identified". */
  status: string;
  impact: Impact;
  /** The impact in words, as colour and emoji never carry it alone: "Major impact", or "Planned maintenance". */
  impactLabel: string;
  /** Colour family: by impact while open, green once over, blue for maintenance. */
  tone: 'resolved' | 'maintenance' | Impact;
  /** "REST API: Partial outage". */
  affected: string[];
  /** Maintenance: "5 Dec 2026, 02:00 – 04:00 UTC". */
  window?: string;
  /** Markdown from the author. */
  body: string;
  /** Markdown: what readers can do meanwhile, while the incident is open. */
  workaround?: string;
  /** "23 Nov 2026, 16:00 UTC". */
  nextUpdate?: string;
  /** "23 Nov 2026, 10:25 UTC". */
  at: string;
  url: string;
  pageName: string;
}

export function noticeContent(event: NoticeEvent): NoticeContent {
  const { incident, page } = event;
  const over = event.status === 'resolved' || event.status === 'completed';
  const components = event.change
    ? [{ name: event.change.name, status: event.change.to }]
    : event.components;
  return {
    kind: event.kind,
    kindLabel: KIND_LABELS[event.kind],
    title: event.change ? `${event.change.name}: ${COMPONENT_STATUS_LABELS[event.change.to]}` : incident.title,
    status: STATUS_LABELS[event.status],
    impact: incident.impact,
    impactLabel: incident.kind === 'maintenance' ? 'Planned maintenance' : IMPACT_PHRASES[incident.impact],
    tone: over ? 'resolved' : incident.kind === 'maintenance' ? 'maintenance' : incident.impact,
    affected: components.map((c) => `${c.name}: ${COMPONENT_STATUS_LABELS[c.status]}`),
    ...(incident.scheduledFor && incident.scheduledUntil ? { window: formatRange(incident.scheduledFor, incident.scheduledUntil, page.timezone) } : {}),
    body: event.change ? `${event.change.name} changed from ${COMPONENT_STATUS_LABELS[event.change.from]} to ${COMPONENT_STATUS_LABELS[event.change.to]} (${incident.title}).` : event.body,
    ...(incident.workaround && !over && event.kind !== 'component.updated' ? { workaround: incident.workaround } : {}),
    ...(event.nextUpdate ? { nextUpdate: formatDateTime(event.nextUpdate, page.timezone) } : {}),
    at: formatDateTime(event.at, page.timezone),
    url: event.url,
    pageName: page.name,
  };
}

/** The one-line summary a notification preview shows: "Identified · Elevated API error rates". */
export function headline(content: NoticeContent): string {
  return content.kind === 'incident.postmortem' ? `Postmortem · ${content.title}` : `${content.status} · ${content.title}`;
}

/**
 * Cuts `raw` (plain user text) so that `render(cut) + suffix` fits `limit` (as measured by `size`),
 * never splitting a character or an escape sequence: escaping happens after cutting.
 */
export function fitText(raw: string, limit: number, render: (text: string) => string, suffix: string, size: (text: string) => number = (t) => t.length): string {
  const whole = render(raw);
  if (size(whole) <= limit) return whole;
  let low = 0;
  let high = raw.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (size(render(cut(raw, mid)) + suffix) <= limit) low = mid;
    else high = mid - 1;
  }
  return render(cut(raw, low)) + suffix;
}

function cut(text: string, length: number): string {
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Author Markdown in a dialect within `limit`. When the formatted text is too long, the plain text is
 * cut instead (cutting markup could leave a link or a bold run open) and `suffix`, a link to the
 * full text, is appended.
 */
export function fitMarkdown(markdown: string, dialect: Dialect, limit: number, suffix: string, size?: (text: string) => number): string {
  const formatted = toDialect(markdown, dialect);
  if ((size ?? ((t: string) => t.length))(formatted) <= limit) return formatted;
  return fitText(toDialect(markdown, plainDialect), limit, dialect.text, suffix, size);
}
