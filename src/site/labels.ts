import type { ComponentStatus, Impact, LifecycleStatus } from '../core/model.ts';
import { isEnded, type Indicator } from '../core/status.ts';

/**
 * How a status looks: every tone has its own colour and its own icon shape, and is always shown
 * with its words, so no reader depends on colour alone.
 */
export type Tone = 'ok' | 'mnt' | 'deg' | 'par' | 'maj' | 'nd';

export const COMPONENT_STATUS_TONES: Record<ComponentStatus, Tone> = {
  operational: 'ok',
  degraded_performance: 'deg',
  partial_outage: 'par',
  major_outage: 'maj',
  under_maintenance: 'mnt',
};

export const INDICATOR_TONES: Record<Indicator, Tone> = {
  none: 'ok',
  maintenance: 'mnt',
  minor: 'deg',
  major: 'par',
  critical: 'maj',
};

export const IMPACT_TONES: Record<Impact, Tone> = {
  none: 'nd',
  minor: 'deg',
  major: 'par',
  critical: 'maj',
};

/** The tone of an incident's current status: ended is calm, maintenance is blue, open takes the impact's. */
export function lifecycleTone(status: LifecycleStatus, impact: Impact): Tone {
  if (isEnded(status)) return 'ok';
  if (status === 'scheduled' || status === 'in_progress' || status === 'verifying') return 'mnt';
  return IMPACT_TONES[impact] === 'nd' ? 'deg' : IMPACT_TONES[impact];
}
