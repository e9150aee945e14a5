/**
 * Times as the page shows them: in the page's time zone with the zone written out ("09:12 UTC"),
 * so a reader never has to guess. Formatters are cached: a build formats thousands of times.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string, style: 'date' | 'time' | 'month'): Intl.DateTimeFormat {
  const key = `${timezone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { day: 'numeric', month: 'short', year: 'numeric' }
      : style === 'month' ? { month: 'long', year: 'numeric' }
      : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: timezone });
    formatters.set(key, f);
  }
  return f;
}

/** "23 Nov 2026". */
export function formatDate(date: Date, timezone: string): string {
  return formatter(timezone, 'date').format(date);
}

/** A calendar day written `YYYY-MM-DD` as "23 Nov 2026", whatever the zone. */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`), 'UTC');
}

/** "09:12 UTC". */
export function formatTime(date: Date, timezone: string): string {
  return formatter(timezone, 'time').format(date);
}

/** "23 Nov 2026, 09:12 UTC". */
export function formatDateTime(date: Date, timezone: string): string {
  return `${formatDate(date, timezone)}, ${formatTime(date, timezone)}`;
}

/** "November 2026". */
export function formatMonth(date: Date, timezone: string): string {
  return formatter(timezone, 'month').format(date);
}

/** A time range on one line: "5 Dec 2026, 02:00 – 04:00 UTC", or both dates when it spans days. */
export function formatRange(from: Date, to: Date, timezone: string): string {
  const parts = formatRangeParts(from, to, timezone);
  return `${parts.from} – ${parts.to}`;
}

/** The two ends of `formatRange`, for pages that put each in its own `<time>`. */
export function formatRangeParts(from: Date, to: Date, timezone: string): { from: string; to: string } {
  if (formatDate(from, timezone) === formatDate(to, timezone)) {
    return { from: `${formatDate(from, timezone)}, ${formatTime(from, timezone).replace(/ \S+$/, '')}`, to: formatTime(to, timezone) };
  }
  return { from: formatDateTime(from, timezone), to: formatDateTime(to, timezone) };
}

/** "41 min", "3 h 5 min", "2 d 4 h": precise enough for a reader, never "0 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
