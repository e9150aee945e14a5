import { UsageError } from '../core/errors.ts';
import { parseTimestamp } from '../core/timestamp.ts';

const RELATIVE = /^\+(\d+)\s*(m|min|h)$/i;

/**
 * A time given on the command line: a timestamp with its zone (`2026-11-22 14:03 UTC`), or for
 * promises such as `--next`, a delay from `now` (`+30m`, `+2h`).
 */
export function readTimeOption(option: string, text: string, now: Date): Date {
  const relative = RELATIVE.exec(text.trim());
  if (relative) {
    const minutes = Number(relative[1]) * (relative[2]!.toLowerCase() === 'h' ? 60 : 1);
    return new Date(now.getTime() + minutes * 60_000);
  }
  const parsed = parseTimestamp(text);
  if (!parsed.ok) throw new UsageError(`${option} "${text}": ${parsed.message} ${parsed.hint}`);
  return parsed.date;
}

/** The current minute: sections are headed to the minute, so seconds would only add noise. */
export function toMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}
