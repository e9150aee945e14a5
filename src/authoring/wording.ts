import type { Component } from '../core/model.ts';
import { formatTimestampUtc } from '../core/timestamp.ts';

/** "REST API", "REST API and Dashboard", "REST API, Dashboard and CDN": how templates name components. */
function componentNames(ids: readonly string[], components: readonly Component[]): string {
  const names = ids.map((id) => components.find((c) => c.id === id)?.name ?? id);
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names);
}

/** The template words about the affected components: their names and the verbs that agree with them. */
export function componentWords(ids: readonly string[], components: readonly Component[]) {
  return { components: componentNames(ids, components), is_are: ids.length === 1 ? 'is' : 'are', was_were: ids.length === 1 ? 'was' : 'were' };
}

/** `14:45 UTC` on the same UTC day as `reference`, the full `2026-11-22 14:45 UTC` otherwise. */
export function shortTime(date: Date, reference: Date): string {
  const full = formatTimestampUtc(date);
  return full.slice(0, 10) === formatTimestampUtc(reference).slice(0, 10) ? full.slice(11) : full;
}

/** "1 h 12 min", "40 min", "3 d 2 h". */
export function duration(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest || minutes === 0 ? `${rest} min` : ''];
  return parts.filter(Boolean).slice(0, 2).join(' ');
}
