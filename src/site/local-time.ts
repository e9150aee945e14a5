// Optional: shows times in the reader's own zone with how long ago they were, and keeps "ongoing
// for" current on a page that was built a while ago. Without it the page is complete: every time is
// already written in the page's zone.
import { formatDuration } from '../core/format-time.ts';

const now = Date.now();
const local = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['day', 864e5], ['hour', 36e5], ['minute', 6e4]];

function fromNow(ms: number): string {
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size) ?? UNITS[2]!;
  return relative.format(Math.round(ms / size), unit);
}

for (const el of document.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
  const t = Date.parse(el.dateTime);
  if (Number.isNaN(t)) continue;
  el.title = el.textContent ?? '';
  el.textContent = el.dataset.local === 'plain' ? local.format(t) : `${local.format(t)} (${fromNow(t - now)})`;
}
for (const el of document.querySelectorAll<HTMLElement>('[data-since]')) {
  const t = Date.parse(el.dataset.since ?? '');
  if (!Number.isNaN(t)) el.textContent = formatDuration(now - t);
}
