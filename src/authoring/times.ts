import { UsageError } from '../core/errors.ts';
import { parseTimestamp } from '../core/timestamp.ts';

const DELAY = /^\+(\d+)\s*(m|min|h|d)$/i;
const UNIT_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 1440 };

/** What a time option accepts, for its error message. */
const FORMS = '"2026-11-22 14:45 UTC", "2026-11-22 14:45:30 UTC" or "2026-11-22 15:45 +01:00"';

/**
 * A time given on the command line: a timestamp with its zone (`2026-11-22 14:03 UTC`, seconds
 * allowed), or for promises such as `--next` and `--eta`, a delay from `now` (`+30m`, `+2h`, `+1d`).
 */
export function readTimeOption(
  option: string,
  text: string,
  now: Date,
  options: { delay?: boolean } = {},
): Date {
  const delay = DELAY.exec(text.trim());
  if (delay && options.delay !== false) {
    return new Date(
      now.getTime() + Number(delay[1]) * UNIT_MINUTES[delay[2]!.toLowerCase()]! * 60_000,
    );
  }
  const parsed = parseTimestamp(text);
  if (!parsed.ok) {
    const forms = options.delay === false ? FORMS : `${FORMS}, or a delay from now: +30m, +2h, +1d`;
    throw new UsageError(`${option} "${text}": ${parsed.message} Write ${forms}.`);
  }
  return parsed.date;
}

/**
 * When an update posted now is headed: to the minute, which reads best, unless the last update
 * already has that minute; then to the second, so two updates in one minute keep their order.
 */
export function updateTime(now: Date, last?: Date): Date {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return !last || minute > last ? minute : new Date(Math.floor(now.getTime() / 1000) * 1000);
}
