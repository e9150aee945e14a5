import { makeBadge } from 'badge-maker';
import type { Component, ComponentStatus, StatusModel } from '../core/model.ts';
import { describeOverall, localeOf } from '../core/page-locale.ts';
import { componentStatuses, pageStatus, type Indicator } from '../core/status.ts';

/**
 * Colours with at least 4.5:1 contrast for the badge's white text (WCAG AA), in the order of
 * shields.io's green, yellow, orange, red and blue, so a badge reads as people expect.
 */
const GREEN = '#1a7f37',
  AMBER = '#9a6700',
  ORANGE = '#bc4c00',
  RED = '#cf222e',
  BLUE = '#0969da';

const INDICATOR_COLOURS: Record<Indicator, string> = {
  none: GREEN,
  minor: AMBER,
  major: ORANGE,
  critical: RED,
  maintenance: BLUE,
};

const COMPONENT_COLOURS: Record<ComponentStatus, string> = {
  operational: GREEN,
  degraded_performance: AMBER,
  partial_outage: ORANGE,
  major_outage: RED,
  under_maintenance: BLUE,
};

/** A shields.io-style SVG of the page's overall status, with a `<title>` for screen readers. */
export function pageBadge(model: StatusModel, now: Date): string {
  const status = pageStatus(model, now);
  return makeBadge({
    label: model.page.name,
    message: describeOverall(localeOf(model), status),
    color: INDICATOR_COLOURS[status.indicator],
    labelColor: '#555',
  });
}

/** A shields.io-style SVG of one component's current status. */
export function componentBadge(model: StatusModel, now: Date, component: Component): string {
  const status = componentStatuses(model, now).get(component.id) ?? 'operational';
  const message = localeOf(model).t(`component_status.${status}`);
  return makeBadge({
    label: component.name,
    message,
    color: COMPONENT_COLOURS[status],
    labelColor: '#555',
  });
}
