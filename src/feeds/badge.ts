import { makeBadge } from 'badge-maker';
import type { Component, ComponentStatus, StatusModel } from '../core/model.ts';
import { componentStatuses, pageStatus, type Indicator } from '../core/status.ts';

/**
 * Colours with at least 4.5:1 contrast for the badge's white text (WCAG AA), in the order of
 * shields.io's green, yellow, orange, red and blue, so a badge reads as people expect.
 */
const GREEN = '#1a7f37', AMBER = '#9a6700', ORANGE = '#bc4c00', RED = '#cf222e', BLUE = '#0969da';

const INDICATOR_COLOURS: Record<Indicator, string> = { none: GREEN, minor: AMBER, major: ORANGE, critical: RED, maintenance: BLUE };

const COMPONENT_STATUS: Record<ComponentStatus, { message: string; colour: string }> = {
  operational: { message: 'operational', colour: GREEN },
  degraded_performance: { message: 'degraded performance', colour: AMBER },
  partial_outage: { message: 'partial outage', colour: ORANGE },
  major_outage: { message: 'major outage', colour: RED },
  under_maintenance: { message: 'under maintenance', colour: BLUE },
};

/** A shields.io-style SVG of the page's overall status, with a `<title>` for screen readers. */
export function pageBadge(model: StatusModel, now: Date): string {
  const status = pageStatus(model, now);
  return makeBadge({ label: model.page.name, message: status.description.toLowerCase(), color: INDICATOR_COLOURS[status.indicator], labelColor: '#555' });
}

/** A shields.io-style SVG of one component's current status. */
export function componentBadge(model: StatusModel, now: Date, component: Component): string {
  const { message, colour } = COMPONENT_STATUS[componentStatuses(model, now).get(component.id) ?? 'operational'];
  return makeBadge({ label: component.name, message, color: colour, labelColor: '#555' });
}
