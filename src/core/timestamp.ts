/**
 * Timestamps as authors write them: `2026-11-22 14:03 UTC`, `2026-11-22T14:03:00Z`,
 * `2026-11-22 15:03 +01:00`. A zone is required: a naive time is refused, never guessed.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?[ \t]*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NAMED_ZONE = /[ \t]([A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_]+)$/;

type TimestampResult =
  | { ok: true; date: Date }
  | { ok: false; reason: 'no-zone' | 'invalid' | 'out-of-range'; message: string; hint: string };

/**
 * The years a time may fall in. Before 1970 nothing Candor shows happened; `Date.UTC` reads years
 * 0-99 as 1900-1999, and beyond 9999 ISO strings gain a sign (`+010000-…`) that feeds and the API
 * cannot carry.
 */
const EARLIEST = Date.UTC(1970, 0, 1);
const AFTER_LATEST = Date.UTC(10000, 0, 1);

const EXAMPLE = '`2026-11-22 14:03 UTC` or `2026-11-22T15:03+01:00`';

export function parseTimestamp(input: string): TimestampResult {
  const text = input.trim();
  const match = TIMESTAMP.exec(text);
  if (!match) {
    if (DATE_ONLY.test(text)) {
      return {
        ok: false,
        reason: 'no-zone',
        message: `"${text}" is a date without a time and zone.`,
        hint: `Write a time and zone, e.g. ${EXAMPLE}.`,
      };
    }
    const named = NAMED_ZONE.exec(text);
    if (named && TIMESTAMP.test(text.slice(0, named.index))) {
      return {
        ok: false,
        reason: 'invalid',
        message: `"${named[1]}" is not a zone Candor accepts: abbreviations such as CET or PST are ambiguous.`,
        hint: `Write UTC, Z or a numeric offset, e.g. ${EXAMPLE}.`,
      };
    }
    return {
      ok: false,
      reason: 'invalid',
      message: `"${text}" is not a timestamp.`,
      hint: `Write it as ${EXAMPLE}.`,
    };
  }
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = match;
  if (!zone) {
    return {
      ok: false,
      reason: 'no-zone',
      message: `"${text}" has no time zone, so readers in other zones would see the wrong time.`,
      hint: `Add the zone: \`${text} UTC\` or a numeric offset such as \`${text} +01:00\`.`,
    };
  }
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  const outOfRange = {
    ok: false as const,
    reason: 'out-of-range' as const,
    message: `"${text}" is outside the years 1970 to 9999 that Candor accepts.`,
    hint: `Check the year, e.g. ${EXAMPLE}.`,
  };
  if (year < 1970) return outOfRange;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return {
      ok: false,
      reason: 'invalid',
      message: `"${text}" is not a real date and time.`,
      hint: `Check the month, day, hour and minute, e.g. ${EXAMPLE}.`,
    };
  }
  let offsetMinutes = 0;
  if (/^[+-]/.test(zone)) {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const oh = Number(digits.slice(1, 3)),
      om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) {
      return {
        ok: false,
        reason: 'invalid',
        message: `"${zone}" is not a valid UTC offset.`,
        hint: `Offsets run from -12:00 to +14:00, e.g. ${EXAMPLE}.`,
      };
    }
    offsetMinutes = sign * (oh * 60 + om);
  }
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  if (epoch < EARLIEST || epoch >= AFTER_LATEST) return outOfRange;
  return { ok: true, date: new Date(epoch) };
}

/** `2026-11-22 14:03 UTC`, the canonical form written by Candor's own commands. */
export function formatTimestampUtc(date: Date): string {
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** A time for a message to a person: the canonical form, with seconds only when they matter (or when asked for). */
export function describeTime(date: Date, options: { seconds?: boolean } = {}): string {
  const seconds = date.getUTCSeconds();
  return seconds === 0 && !options.seconds
    ? formatTimestampUtc(date)
    : formatTimestampUtc(date).replace(' UTC', `:${String(seconds).padStart(2, '0')} UTC`);
}
