import type { Component } from '../core/model.ts';
import { formatTimestampUtc } from '../core/timestamp.ts';
import type { Locale } from '../i18n/locale.ts';

/** "REST API and Dashboard", "API REST y Panel": how templates name components, in the page's language. */
function componentNames(
  ids: readonly string[],
  components: readonly Component[],
  locale: Locale,
): string {
  return locale.list(ids.map((id) => components.find((c) => c.id === id)?.name ?? id));
}

/**
 * The template words about the affected components: their names and, for English templates, the
 * verbs that agree with them (templates in other languages word their sentences so they need none).
 */
export function componentWords(
  ids: readonly string[],
  components: readonly Component[],
  locale: Locale,
) {
  return {
    components: componentNames(ids, components, locale),
    is_are: ids.length === 1 ? 'is' : 'are',
    was_were: ids.length === 1 ? 'was' : 'were',
  };
}

/** `14:45 UTC` on the same UTC day as `reference`, the full `2026-11-22 14:45 UTC` otherwise. */
export function shortTime(date: Date, reference: Date): string {
  const full = formatTimestampUtc(date);
  return full.slice(0, 10) === formatTimestampUtc(reference).slice(0, 10) ? full.slice(11) : full;
}
