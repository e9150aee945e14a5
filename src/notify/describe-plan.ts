import type { NotifyConfig } from './config-schema.ts';
import { logLines } from '../core/log-text.ts';
import { maskUrl } from './mask.ts';
import type { NoticePlan } from './plan.ts';
import { previewBody } from './preview-body.ts';

type Environment = Readonly<Record<string, string | undefined>>;

/** Where a channel's notices go, as it may be shown: scheme and host only, or the variable's name. */
function channelTarget(channel: NotifyConfig['channels'][number], env?: Environment): string {
  const name = channel.url_env ?? channel.smtp_url_env ?? '';
  if (env === undefined) return `$${name}`;
  const url = env[name];
  return url ? maskUrl(url) : `${name} is not set`;
}

/**
 * A plan as text: every notice as it would be sent, channel by channel, each body as the JSON the
 * channel receives (a mail as its headers and text part). Without `env` (a pull-request preview has
 * no secrets) channels are shown by the name of their variable. The caller still masks secrets before printing, as body text is the author's.
 */
export function describePlan(plan: NoticePlan, config: NotifyConfig, env?: Environment): string {
  const lines: string[] = [];
  for (const { channel, bootstrap, send, record } of plan.channels) {
    lines.push(
      `── ${channel.id} (${channel.type}${channel.format === 'statuspage' ? ', Statuspage envelope' : ''}, ${channel.audience}) → ${channelTarget(channel, env)}`,
    );
    if (bootstrap)
      lines.push(
        `   first run for this channel: ${record.length} existing notices would be recorded as sent, none sent.`,
      );
    else if (record.length)
      lines.push(
        `   ${record.length} notices older than ${config.max_age_hours} h would be recorded as expired, not sent.`,
      );
    if (!bootstrap && send.length === 0) lines.push('   nothing to send.');
    for (const notice of send) {
      // A mail is known by its Message-ID, shown with its headers below.
      lines.push(
        `   ▸ ${notice.event.kind} ${notice.event.id}${channel.type === 'email' ? '' : ` (webhook-id ${notice.webhookId})`}`,
      );
      lines.push(logLines(previewBody(channel, notice.body).text).replace(/^/gm, '     '));
    }
  }
  const over =
    plan.total > plan.maxPerRun
      ? ` That is more than max_per_run (${plan.maxPerRun}): the run would refuse to send any.`
      : '';
  lines.push(
    `Dry run: ${plan.total} notice${plan.total === 1 ? '' : 's'} would be sent.${over} Nothing was sent or recorded.`,
  );
  return lines.join('\n');
}
