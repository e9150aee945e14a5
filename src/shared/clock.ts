import { UsageError } from '../core/errors.ts';
import { parseTimestamp } from '../core/timestamp.ts';

/**
 * The one place the commands read the clock. `CANDOR_NOW` pins it (an ISO time), so builds,
 * previews and tests are reproducible.
 */
export function currentTime(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.CANDOR_NOW;
  if (!pinned) return new Date();
  // The rules of the files: a time without a zone would depend on the machine's zone, so it is refused.
  const parsed = parseTimestamp(pinned);
  if (parsed.ok) return parsed.date;
  const example = `CANDOR_NOW="${pinned}" is not an ISO time such as 2026-11-22T14:03:00Z`;
  throw new UsageError(
    parsed.reason === 'out-of-range'
      ? `${example}: it is outside the years 1970 to 9999 that Candor accepts.`
      : `${example}.`,
  );
}
