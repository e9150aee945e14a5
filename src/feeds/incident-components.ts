import type { Incident } from '../core/model.ts';
import { endedAt, publishedUpdates, startedAt } from '../core/status.ts';

/**
 * The moments at `now` when the incident changed what readers see: each published update and,
 * for a maintenance that follows the clock, its start and end once they have passed. Feeds and the
 * API derive their "last updated" times from these, never from the build clock, so a rebuild
 * without a change is byte-identical.
 */
export function changeMoments(incident: Incident, now: Date): Date[] {
  const moments = publishedUpdates(incident, now).map((u) => u.at);
  if (moments.length === 0) return moments;
  if (incident.kind === 'maintenance') {
    for (const moment of [startedAt(incident, now), endedAt(incident, now)]) {
      if (moment && moment <= now) moments.push(moment);
    }
  }
  return moments;
}

/** The latest of `dates`, or undefined when there is none. */
export function latest(dates: Iterable<Date>): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) if (!best || date > best) best = date;
  return best;
}
