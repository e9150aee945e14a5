import RSS from 'rss';
import type { Component, Incident, StatusModel, Update } from '../core/model.ts';
import { renderMarkdown } from '../core/markdown.ts';
import { localeOf } from '../core/page-locale.ts';
import type { Locale } from '../i18n/locale.ts';
import { affectedComponentIds, publishedUpdates } from '../core/status.ts';

import { escapeHtml } from './escape-html.ts';
import { siteLink, sitePaths, updateLink } from '../core/site-urls.ts';

/** A feed is for what is new: history lives in the pages and the API. */
export const FEED_ITEM_LIMIT = 50;

interface FeedEntry {
  incident: Incident;
  update: Update;
}

/**
 * The RSS 2.0 feed of the page, or of one component: one item per published update (and per
 * maintenance announcement), newest first. Each item's guid is the update id, which never changes
 * once published; every date comes from the content, so a rebuild without a change is identical.
 */
export function rssFeed(model: StatusModel, now: Date, component?: Component): string {
  const entries: FeedEntry[] = model.incidents
    .filter((incident) => !component || affectedComponentIds(incident, now).has(component.id))
    .flatMap((incident) => publishedUpdates(incident, now).map((update) => ({ incident, update })))
    .sort(
      (a, b) =>
        b.update.at.getTime() - a.update.at.getTime() || (a.update.id < b.update.id ? -1 : 1),
    )
    .slice(0, FEED_ITEM_LIMIT);
  const names = new Map(model.components.map((c) => [c.id, c.name]));
  const locale = localeOf(model);
  const { t } = locale;
  const title = component
    ? t('feed.component_title', { component: component.name, name: model.page.name })
    : t('feed.title', { name: model.page.name });
  const newest = entries[0]?.update.at;
  const feed = new RSS({
    title,
    description: component
      ? t('feed.component_description', { component: component.name, name: model.page.name })
      : (model.page.description ?? title),
    site_url: siteLink(
      model.page,
      component ? sitePaths.component(component.id) : sitePaths.home(),
    ),
    feed_url: siteLink(model.page, sitePaths.feed(component?.id)),
    generator: 'Candor',
    language: model.page.language,
    ...(newest ? { pubDate: newest } : {}),
  });
  for (const { incident, update } of entries) {
    feed.item({
      title: t('feed.item_title', { status: t(`status.${update.written}`), title: incident.title }),
      description: itemHtml(incident, update, locale),
      url: updateLink(model.page, incident.id, update.at),
      guid: update.id,
      categories: [...affectedComponentIds(incident, now)].flatMap((id) => names.get(id) ?? []),
      date: update.at,
    });
  }
  return withBuildDate(feed.xml(), newest);
}

function itemHtml(incident: Incident, update: Update, locale: Locale): string {
  const window =
    incident.kind === 'maintenance' && incident.scheduledFor && incident.scheduledUntil
      ? `<p>${escapeHtml(locale.t('feed.window', { window: locale.range(incident.scheduledFor, incident.scheduledUntil) }))}</p>`
      : '';
  return window + renderMarkdown(update.body || incident.summary);
}

/**
 * The `rss` package stamps `<lastBuildDate>` with the clock; the newest update's time takes its
 * place (or it is left out of an empty feed) so identical content gives an identical file.
 */
function withBuildDate(xml: string, newest: Date | undefined): string {
  return xml.replace(
    /<lastBuildDate>[^<]*<\/lastBuildDate>/,
    newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
  );
}
