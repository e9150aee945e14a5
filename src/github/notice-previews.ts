import type { StatusModel } from '../core/model.ts';
import type { NotifyConfig } from '../notify/config-schema.ts';
import type { LedgerSnapshot } from '../notify/ledger.ts';
import { planNotices } from '../notify/plan.ts';
import { previewBody } from '../notify/preview-body.ts';
import { headline, noticeContent } from '../notify/render/notice-content.ts';
import type { NoticeState } from './pr-report.ts';

/**
 * What merging would send, per channel, as each channel will receive it: the same plan `npx candor
 * notify` follows, against the real ledger. A ledger that does not exist yet means the first run
 * bootstraps and sends nothing. `mask` hides any secret in every payload.
 */
export function noticePreviews(
  model: StatusModel,
  config: NotifyConfig,
  ledger: LedgerSnapshot | undefined,
  now: Date,
  mask: (text: string) => string,
): NoticeState {
  if (ledger === undefined) return { kind: 'bootstrap' };
  const plan = planNotices(model, config, ledger, now);
  const previews = plan.channels.flatMap(({ channel, send }) =>
    send.map((notice) => {
      const shown = previewBody(channel, notice.body);
      return {
        channel: channel.id,
        type:
          channel.format === 'statuspage' ? `${channel.type} (Statuspage envelope)` : channel.type,
        event: notice.event.kind,
        id: notice.event.id,
        title: mask(headline(noticeContent(notice.event))),
        payload: mask(shown.text),
        language: shown.language,
      };
    }),
  );
  const refused =
    plan.total > plan.maxPerRun
      ? `This merge would send ${plan.total} notices, more than max_per_run (${plan.maxPerRun}) in notify.yaml: the run will refuse to send any of them.`
      : undefined;
  // A channel the ledger has never seen sends nothing on its first run; say so, or its silence looks like a fault.
  const fresh = plan.channels.filter((c) => c.bootstrap).map((c) => c.channel.id);
  const bootstrapping = fresh.length
    ? `New channel${fresh.length === 1 ? '' : 's'} ${fresh.map((id) => `"${id}"`).join(', ')}: the first run after the merge records every existing notice as sent and announces none of them; later notices go out as usual.`
    : undefined;
  const warning = [refused, bootstrapping].filter(Boolean).join(' ');
  return { kind: 'planned', previews, ...(warning ? { warning } : {}) };
}
