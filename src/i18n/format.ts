/**
 * Dates, times, durations and lists as a language writes them, in the page's time zone with the
 * zone written out ("09:12 UTC", "09:12 MEZ"), so a reader never has to guess. Formatters are cached:
 * a build formats thousands of times.
 */

/** `en` alone formats the international way (23 Nov 2026, 14:00); `en-US` and others as Intl defines them. */
export function formattingLocale(language: string): string {
  return language.toLowerCase() === 'en' ? 'en-GB' : language;
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const STYLES = {
  date: DATE,
  month: { month: 'long', year: 'numeric' },
  time: { ...CLOCK, timeZoneName: 'short' },
  dateTime: { ...DATE, ...CLOCK, timeZoneName: 'short' },
  dateClock: { ...DATE, ...CLOCK },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof STYLES;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timezone: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${timezone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: timezone });
    cache.set(key, f);
  }
  return f;
}

export interface DateFormats {
  /** "23 Nov 2026", "23 nov 2026", "23. Nov. 2026". */
  date(date: Date): string;
  /** A calendar day written `YYYY-MM-DD`, whatever the zone. */
  day(day: string): string;
  /** "09:12 UTC". */
  time(date: Date): string;
  /** "23 Nov 2026, 09:12 UTC". */
  dateTime(date: Date): string;
  /** "November 2026", "noviembre de 2026". */
  month(date: Date): string;
  /** The name of a month alone, 1 to 12: "January", "enero". */
  monthName(month: number): string;
  /** The two ends of a range, each for its own `<time>`: the date once when both are on the same day. */
  rangeParts(from: Date, to: Date): { from: string; to: string };
  /** A time range on one line: "5 Dec 2026, 02:00 – 04:00 UTC". */
  range(from: Date, to: Date): string;
  /** "41 min", "3 h y 5 min", "2 Tg., 4 Std.": precise enough for a reader, never "0 min". */
  duration(ms: number): string;
  /** "api, cdn and auth", "api, cdn y auth". */
  list(items: readonly string[]): string;
  /** "99.95%", "99,95 %". */
  percent(fraction: number, digits?: number): string;
  /** A count as the language writes numbers: "10,000", "10.000". */
  number(value: number): string;
}

/** Every way the page writes a date or a number, in one language and one time zone. */
export function dateFormats(language: string, timezone: string): DateFormats {
  const locale = formattingLocale(language);
  const f = (style: Style) => formatter(locale, timezone, style);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const number = new Intl.NumberFormat(locale);
  const sameDay = (a: Date, b: Date) =>
    formatter(locale, timezone, 'date').format(a) === formatter(locale, timezone, 'date').format(b);
  const rangeParts = (from: Date, to: Date) =>
    sameDay(from, to)
      ? { from: f('dateClock').format(from), to: f('time').format(to) }
      : { from: f('dateTime').format(from), to: f('dateTime').format(to) };
  return {
    date: (date) => f('date').format(date),
    day: (day) => formatter(locale, 'UTC', 'date').format(new Date(`${day}T12:00:00Z`)),
    time: (date) => f('time').format(date),
    dateTime: (date) => f('dateTime').format(date),
    month: (date) => f('month').format(date),
    monthName: (month) =>
      new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2000, month - 1, 15),
      ),
    rangeParts,
    range: (from, to) => {
      const parts = rangeParts(from, to);
      return `${parts.from} – ${parts.to}`;
    },
    duration: durationWords(language),
    list: (items) => list.format(items),
    percent: (fraction, digits = 2) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(fraction),
    number: (value) => number.format(value),
  };
}

/**
 * How long something lasted, in a language: the one duration rule of the pages, the optional
 * script that keeps "ongoing for" current, and the postmortem template.
 */
export function durationWords(language: string): (ms: number) => string {
  const format = new Intl.DurationFormat(formattingLocale(language), { style: 'short' });
  // Intl.DurationFormat is slow and a build words the same few thousand durations again and again.
  const words = new Map<number, string>();
  return (ms) => {
    const minutes = wholeMinutes(ms);
    let text = words.get(minutes);
    if (text === undefined) {
      text = format.format(durationParts(ms));
      words.set(minutes, text);
    }
    return text;
  };
}

/** Minutes under an hour, hours and minutes under two days, then days and hours. */
function durationParts(ms: number): Partial<Record<Intl.DurationFormatUnit, number>> {
  const minutes = wholeMinutes(ms);
  if (minutes < 60) return { minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { hours, minutes: minutes % 60 };
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/** Durations are worded to the minute, and never as "0 min". */
function wholeMinutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}
