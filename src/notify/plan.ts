import { forAudience, type Audience } from '../core/audience.ts';
import { ownValue } from '../core/own.ts';
import type { StatusModel } from '../core/model.ts';
import { affectedComponentIds, IMPACT_RANK } from '../core/status.ts';
import {
  eventKindSchema,
  type Channel,
  type EventKind,
  type NotifyConfig,
} from './config-schema.ts';
import { noticeEvents, type NoticeEvent } from './events.ts';
import { ledgerHas, type LedgerSnapshot } from './ledger.ts';
import { noticeHash } from './notice-hash.ts';
import { renderNotice } from './render/render-notice.ts';

export interface PlannedNotice {
  event: NoticeEvent;
  /** The Standard Webhooks `webhook-id`: the same for every attempt and every run, so receivers can drop duplicates. */
  webhookId: string;
  /** The JSON body the channel receives. */
  body: object;
}

export interface ChannelPlan {
  channel: Channel;
  /** The ledger has never seen this channel: everything below goes to `record` as bootstrap, nothing is sent. */
  bootstrap: boolean;
  /** To send, oldest first. */
  send: PlannedNotice[];
  /** Notice ids to record without sending: `bootstrap` on a first run, `expired` when older than max_age_hours. */
  record: { noticeId: string; via: 'bootstrap' | 'expired' }[];
}

export interface NoticePlan {
  channels: ChannelPlan[];
  /** Notices to send in this run, all channels together. */
  total: number;
  maxPerRun: number;
}

interface PlanOptions {
  /** Overrides notify.yaml's max_age_hours, e.g. for a preview. */
  maxAgeMs?: number;
}

const DEFAULT_KINDS = eventKindSchema.options.filter((k) => k !== 'component.updated');

/**
 * Exactly what a run would do, per channel, given what the ledger says was already delivered: the
 * one computation behind `npx candor notify`, its `--dry-run`, and the pull-request preview. Pure.
 */
export function planNotices(
  model: StatusModel,
  config: NotifyConfig,
  ledger: LedgerSnapshot | undefined,
  now: Date,
  options: PlanOptions = {},
): NoticePlan {
  const maxAgeMs = options.maxAgeMs ?? config.max_age_hours * 3_600_000;
  const views = new Map<Audience, { view: StatusModel; events: NoticeEvent[] }>();
  const channels = config.channels.map((channel): ChannelPlan => {
    let audience = views.get(channel.audience);
    if (!audience) {
      const view = forAudience(model, channel.audience);
      audience = { view, events: noticeEvents(view, now) };
      views.set(channel.audience, audience);
    }
    const { view, events } = audience;
    const wanted = events.filter(
      (e) => matches(channel, e, now) && !ledgerHas(ledger, channel.id, e.id),
    );
    const bootstrap = ownValue(ledger?.channels, channel.id) === undefined;
    if (bootstrap)
      return {
        channel,
        bootstrap,
        send: [],
        record: wanted.map((e) => ({ noticeId: e.id, via: 'bootstrap' })),
      };
    const expired = (e: NoticeEvent) =>
      e.kind !== 'incident.postmortem' && now.getTime() - e.at.getTime() > maxAgeMs;
    return {
      channel,
      bootstrap,
      send: wanted
        .filter((e) => !expired(e))
        .map((event) => ({
          event,
          webhookId: webhookId(channel.id, event.id),
          body: renderNotice(event, channel, view),
        })),
      record: wanted.filter(expired).map((e) => ({ noticeId: e.id, via: 'expired' })),
    };
  });
  return {
    channels,
    total: channels.reduce((n, c) => n + c.send.length, 0),
    maxPerRun: config.max_per_run,
  };
}

/** Whether a channel's filters let an event through. Maintenance is not filtered by impact. */
function matches(channel: Channel, event: NoticeEvent, now: Date): boolean {
  const kinds: readonly EventKind[] =
    channel.events ?? (channel.format === 'statuspage' ? eventKindSchema.options : DEFAULT_KINDS);
  if (!kinds.includes(event.kind)) return false;
  if (
    channel.min_impact &&
    event.incident.kind === 'incident' &&
    IMPACT_RANK[event.incident.impact] < IMPACT_RANK[channel.min_impact]
  )
    return false;
  if (channel.components) {
    const touched = event.change
      ? [event.change.id]
      : [...affectedComponentIds(event.incident, now)];
    if (!touched.some((id) => channel.components!.includes(id))) return false;
  }
  return true;
}

/** `msg_` and a hash of channel and notice: stable, unique per channel, and it reveals neither. */
export function webhookId(channelId: string, noticeId: string): string {
  return `msg_${noticeHash(channelId, noticeId, 27)}`;
}
