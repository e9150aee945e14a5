/**
 * Calendar days in the page's time zone. Uptime bars and the history are cut into the days and
 * months a reader of the page lives in, not into UTC days, so a late-evening outage in New York is
 * not drawn on the next day.
 */

/** `YYYY-MM-DD`. */
export type LocalDay = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timezone, formatter);
  }
  return formatter;
}

function wallClock(
  instant: number,
  timezone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timezone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffset(instant: number, timezone: string): number {
  const w = wallClock(instant, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The day this instant falls on in the zone. */
export function localDay(instant: Date, timezone: string): LocalDay {
  const w = wallClock(instant.getTime(), timezone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const dayStarts = new Map<string, number>();

/** The first instant of a day in the zone (the zone's midnight, or the first minute after a DST gap). */
export function startOfLocalDay(day: LocalDay, timezone: string): Date {
  // Each component's uptime (30, 90 and 365 days) asks for the same days: read the zone's clock once per day.
  const key = `${timezone} ${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    start = fromWallClock(Date.UTC(y, m - 1, d), timezone).getTime();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

/**
 * The instant a wall-clock time in the zone stands for; `wall` is that time written as if it were
 * UTC (Date.UTC of its fields). A time inside a DST gap moves forward past it.
 */
export function fromWallClock(wall: number, timezone: string): Date {
  const guess = wall - zoneOffset(wall, timezone);
  return new Date(wall - zoneOffset(guess, timezone));
}

export function addDays(day: LocalDay, days: number): LocalDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
