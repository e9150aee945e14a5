// Optional: shows times in the reader's own zone with how long ago they were, and keeps "ongoing
// for" current on a page that was built a while ago. Without it the page is complete: every time is
// already written in the page's zone.
// Words and numbers stay in the page's language (its <html lang>), never the browser's: only the
// zone becomes the reader's.
import { durationParts, formattingLocale } from '../i18n/format.ts';

const now = Date.now();
const language = formattingLocale(document.documentElement.lang || 'en');
const local = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
const duration = new Intl.DurationFormat(language, { style: 'short' });
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
  if (!Number.isNaN(t)) el.textContent = duration.format(durationParts(now - t));
}
