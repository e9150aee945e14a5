import type { ComponentStatus, Impact } from '../../core/model.ts';
import { localeOf } from '../../core/page-locale.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { EventKind } from '../config-schema.ts';
import type { NoticeEvent } from '../events.ts';
import { plainText, toDialect, type Dialect } from '../../core/markdown-text.ts';
import { isEnded } from '../../core/status.ts';

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
  /** The page's words, for the labels each channel adds ("Status", "Next update"). */
  locale: Locale;
}

export function noticeContent(event: NoticeEvent): NoticeContent {
  const { incident } = event;
  const locale = localeOf(event);
  const { t } = locale;
  const label = (status: ComponentStatus) => t(`component_status.${status}`);
  const over = isEnded(event.status);
  const components = event.change
    ? [{ name: event.change.name, status: event.change.to }]
    : event.components;
  return {
    kind: event.kind,
    kindLabel: t(`notice.${event.kind}`),
    title: event.change ? `${event.change.name}: ${label(event.change.to)}` : incident.title,
    status: t(`status.${event.status}`),
    impact: incident.impact,
    impactLabel:
      incident.kind === 'maintenance'
        ? t('notice.planned_maintenance')
        : t(`impact_badge.${incident.impact}`),
    tone: over ? 'resolved' : incident.kind === 'maintenance' ? 'maintenance' : incident.impact,
    affected: components.map((c) => `${c.name}: ${label(c.status)}`),
    ...(incident.scheduledFor && incident.scheduledUntil
      ? { window: locale.range(incident.scheduledFor, incident.scheduledUntil) }
      : {}),
    body: event.change
      ? t('notice.component_change', {
          component: event.change.name,
          from: label(event.change.from),
          to: label(event.change.to),
          title: incident.title,
        })
      : event.body,
    ...(incident.workaround && !over && event.kind !== 'component.updated'
      ? { workaround: incident.workaround }
      : {}),
    ...(event.nextUpdate ? { nextUpdate: locale.dateTime(event.nextUpdate) } : {}),
    at: locale.dateTime(event.at),
    url: event.url,
    pageName: event.page.name,
    locale,
  };
}

/** The one-line summary a notification preview shows: "Identified · Elevated API error rates". */
export function headline(content: NoticeContent): string {
  return `${content.kind === 'incident.postmortem' ? content.locale.t('notice.incident.postmortem') : content.status} · ${content.title}`;
}

/**
 * Cuts `raw` (plain user text) so that `render(cut) + suffix` fits `limit` (as measured by `size`),
 * never splitting a character or an escape sequence: escaping happens after cutting.
 */
export function fitText(
  raw: string,
  limit: number,
  render: (text: string) => string,
  suffix: string,
  size: (text: string) => number = (t) => t.length,
): string {
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
export function fitMarkdown(
  markdown: string,
  dialect: Dialect,
  limit: number,
  suffix: string,
  size?: (text: string) => number,
): string {
  const formatted = toDialect(markdown, dialect);
  if ((size ?? ((t: string) => t.length))(formatted) <= limit) return formatted;
  return fitText(plainText(markdown), limit, dialect.text, suffix, size);
}
