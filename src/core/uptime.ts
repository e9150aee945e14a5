import type { Locale } from '../i18n/locale.ts';
import { addDays, localDay, startOfLocalDay, type LocalDay } from './local-day.ts';
import type { ComponentStatus, Incident, UptimeWeights } from './model.ts';
import {
  COMPONENT_STATUS_RANK,
  isPublished,
  statusSegments,
  type StatusSegment,
} from './status.ts';

/** A period in which one incident gave one component a non-operational status. */
interface UptimeSegment extends StatusSegment {
  incident: string;
}

/**
 * Every published incident's status segments, by component, computed once so each component's
 * uptime reads only its own. Incidents that ended before `notBefore` are skipped.
 */
export function segmentsByComponent(
  incidents: readonly Incident[],
  now: Date,
  notBefore: Date,
): Map<string, UptimeSegment[]> {
  const byComponent = new Map<string, UptimeSegment[]>();
  for (const incident of incidents) {
    if (!isPublished(incident, now)) continue;
    for (const segment of statusSegments(incident, now)) {
      if (segment.to <= notBefore) continue;
      const list = byComponent.get(segment.component) ?? [];
      list.push({ ...segment, incident: incident.id });
      byComponent.set(segment.component, list);
    }
  }
  return byComponent;
}

interface UptimeDay {
  day: LocalDay;
  /** The worst status of the day; undefined before the component existed (no data). */
  status: ComponentStatus | undefined;
  /** Ids of the incidents that affected the component that day, in the order they started. */
  incidents: string[];
}

export interface ComponentUptime {
  /** Oldest first; the last is today. */
  days: UptimeDay[];
  /** Up time over observed time, from 0 to 1; undefined when nothing was observed yet. */
  ratio: number | undefined;
}

interface UptimeOptions {
  now: Date;
  timezone: string;
  weights: UptimeWeights;
  /** The component's `since` day: earlier days have no data. */
  since?: string | undefined;
  days?: number;
}

/**
 * A component's uptime over the last `days` days (today included) in the page's zone. Each moment
 * counts as down by the weight of the worst-weighted status any incident gave the component then,
 * so overlapping incidents are never counted twice. Time after `now` and before `since` is not
 * observed and counts neither way.
 */
export function componentUptime(
  segments: readonly UptimeSegment[],
  options: UptimeOptions,
): ComponentUptime {
  const { now, timezone, weights } = options;
  const count = options.days ?? 90;
  const today = localDay(now, timezone);
  const observedFrom = options.since
    ? startOfLocalDay(options.since, timezone).getTime()
    : -Infinity;
  const sorted = [...segments].sort((a, b) => a.from.getTime() - b.from.getTime());
  const days: UptimeDay[] = [];
  let observed = 0;
  let down = 0;
  let next = startOfLocalDay(addDays(today, 1 - count), timezone).getTime();
  for (let i = count - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    const start = next;
    next = i === 0 ? now.getTime() : startOfLocalDay(addDays(day, 1), timezone).getTime();
    const from = Math.max(start, observedFrom);
    const to = Math.min(next, now.getTime());
    if (to <= from) {
      days.push({ day, status: undefined, incidents: [] });
      continue;
    }
    const overlapping = sorted.filter((s) => s.from.getTime() < to && s.to.getTime() > from);
    let status: ComponentStatus = 'operational';
    const incidents: string[] = [];
    for (const s of overlapping) {
      if (COMPONENT_STATUS_RANK[s.status] > COMPONENT_STATUS_RANK[status]) status = s.status;
      if (!incidents.includes(s.incident)) incidents.push(s.incident);
    }
    observed += to - from;
    down += weightedDowntime(overlapping, from, to, weights);
    days.push({ day, status, incidents });
  }
  return { days, ratio: observed > 0 ? 1 - down / observed : undefined };
}

/** Downtime within [from, to): at each moment the highest weight of the statuses in force. */
function weightedDowntime(
  segments: readonly UptimeSegment[],
  from: number,
  to: number,
  weights: UptimeWeights,
): number {
  const cuts = new Set<number>([from, to]);
  for (const s of segments) {
    cuts.add(Math.max(from, s.from.getTime()));
    cuts.add(Math.min(to, s.to.getTime()));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!,
      b = points[i + 1]!;
    let weight = 0;
    for (const s of segments) {
      if (s.from.getTime() <= a && s.to.getTime() >= b)
        weight = Math.max(weight, statusWeight(s.status, weights));
    }
    total += weight * (b - a);
  }
  return total;
}

function statusWeight(status: ComponentStatus, weights: UptimeWeights): number {
  return status === 'operational' ? 0 : weights[status];
}

/** "99.87%", "99,87 %": truncated, not rounded, so any downtime at all never shows as 100 %. */
export function formatUptime(ratio: number | undefined, locale: Locale): string {
  if (ratio === undefined) return locale.t('uptime.no_data');
  // The epsilon keeps 0.9987 (stored as 0.99869999...) from showing as 99.86.
  return locale.percent(Math.floor(ratio * 10_000 + 1e-6) / 10_000);
}
