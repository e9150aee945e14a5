import type { StatusModel } from '../core/model.ts';
import { openEmailChannel } from './channels/email/send.ts';
import type { EmailNotice } from './channels/email/render.ts';
import type { Channel, NotifyConfig } from './config-schema.ts';
import { deliver, deliveryPolicy, type DeliveryOutcome, type DeliveryPolicy } from './deliver.ts';
import { LedgerError, type Ledger } from './ledger.ts';
import { maskUrl } from './mask.ts';
import { planNotices, type ChannelPlan, type NoticePlan, type PlannedNotice } from './plan.ts';
import { standardWebhookHeaders } from './signing.ts';
import { channelSetupProblem } from './channel-setup.ts';
import { wireJson } from './wire.ts';

type ChannelOutcome =
  /** Every notice for it is delivered (or there was nothing to send). */
  | 'delivered'
  /** First run for this channel: history recorded, nothing sent. */
  | 'bootstrapped'
  /** Its environment variable is unset: nothing sent, reported by name. */
  | 'unset'
  /** 410 Gone: disabled for the rest of the run. */
  | 'gone'
  /** A notice could not be delivered; it and the ones after it wait for the next run. */
  | 'failed';

interface ChannelReport {
  channelId: string;
  type: Channel['type'];
  /** Scheme and host only. */
  target?: string;
  outcome: ChannelOutcome;
  sent: string[];
  /** Notice ids the receiver refused for good: set aside (recorded as rejected), never retried. */
  rejected: string[];
  /** Notice ids left for a later run. */
  pending: string[];
  /** Recorded without sending (bootstrap or expired). */
  recorded: number;
  message?: string;
}

export interface RunReport {
  plan: NoticePlan;
  channels: ChannelReport[];
  /** Set when the run refused to send anything, e.g. past max_per_run. */
  refused?: string;
  /** True when nothing is left undelivered and nothing was refused. */
  ok: boolean;
}

interface RunOptions {
  model: StatusModel;
  config: NotifyConfig;
  ledger: Ledger;
  now: Date;
  /** Where channel URLs and secrets are looked up by name. */
  env: Readonly<Record<string, string | undefined>>;
  /** The repository, where an email channel's `to_file` is read. */
  root?: string;
  /** Progress lines; the caller masks secrets before printing. */
  log?: (line: string) => void;
}

/**
 * Sends what the plan says, writing each success to the ledger as soon as it happens: a crash loses
 * nothing, and repeats at most the one notice per channel that was accepted but not yet recorded. Channels are served concurrently (up to `delivery.concurrency`), each
 * one request at a time and in order; a failing channel stops only itself.
 */
export async function runNotices(options: RunOptions): Promise<RunReport> {
  const { config, ledger, now, env } = options;
  const log = options.log ?? (() => {});
  const plan = planNotices(options.model, config, await ledger.list(), now);
  if (plan.total > plan.maxPerRun) {
    const refused =
      `This run would send ${plan.total} notices, more than max_per_run (${plan.maxPerRun}); it sent none. ` +
      'If the ledger was lost, restore it; if these notices are wanted, raise max_per_run in notify.yaml for one run.';
    const untouched = (c: ChannelPlan) =>
      c.send.length
        ? report(c, 'failed', { pending: c.send.map((n) => n.event.id), recorded: 0 })
        : report(c, 'delivered', { recorded: 0 });
    return { plan, channels: plan.channels.map(untouched), refused, ok: false };
  }
  const at = now.toISOString();
  for (const channelPlan of plan.channels) {
    if (channelPlan.bootstrap || channelPlan.record.length > 0) {
      await ledger.record(
        channelPlan.channel.id,
        channelPlan.record.map(({ noticeId, via }) => ({ noticeId, entry: { at, via } })),
      );
    }
  }
  const policy = deliveryPolicy(config.delivery);
  const reports = new Map<string, ChannelReport>();
  const work = plan.channels.filter((c) => c.send.length > 0);
  for (const c of plan.channels) {
    const url = c.channel.url_env === undefined ? undefined : env[c.channel.url_env];
    if (c.send.length === 0)
      reports.set(
        c.channel.id,
        report(c, c.bootstrap ? 'bootstrapped' : 'delivered', url ? { target: maskUrl(url) } : {}),
      );
  }
  // A ledger that cannot be written stops every channel: sending on would send what a later run repeats.
  let ledgerFailure: LedgerError | undefined;
  const record: Ledger['record'] = async (channelId, entries) => {
    try {
      await ledger.record(channelId, entries);
    } catch (cause) {
      ledgerFailure ??=
        cause instanceof LedgerError
          ? cause
          : new LedgerError(`The ledger cannot be written: ${(cause as Error).message}`);
      throw ledgerFailure;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < work.length && !ledgerFailure) {
      const channelPlan = work[next++]!;
      const served = await serveChannel(channelPlan, {
        record,
        stopped: () => ledgerFailure !== undefined,
        env,
        root: options.root,
        policy,
        at,
        log,
      }).catch((cause: unknown) => {
        if (cause !== ledgerFailure) throw cause;
        return undefined;
      });
      if (served) reports.set(channelPlan.channel.id, served);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(config.delivery.concurrency, work.length) }, worker),
  );
  if (ledgerFailure) throw ledgerFailure;
  const channels = plan.channels.map((c) => reports.get(c.channel.id)!);
  return {
    plan,
    channels,
    ok: channels.every((c) => c.pending.length === 0 && c.rejected.length === 0),
  };
}

function report(
  plan: ChannelPlan,
  outcome: ChannelOutcome,
  extra: Partial<ChannelReport>,
): ChannelReport {
  return {
    channelId: plan.channel.id,
    type: plan.channel.type,
    outcome,
    sent: [],
    rejected: [],
    pending: [],
    recorded: plan.record.length,
    ...extra,
  };
}

/** Refusals of the endpoint itself (credentials, a wrong or deleted URL): every notice would meet them, so the channel stops instead. */
const ENDPOINT_REFUSALS = new Set([401, 403, 404]);

/** A 4xx about this one notice (its size, its content): retrying cannot help, and waiting would block every notice after it. */
function refusedForGood(
  outcome: DeliveryOutcome,
): outcome is Extract<DeliveryOutcome, { ok: false }> & { status: number } {
  return (
    !outcome.ok &&
    outcome.reason === 'rejected' &&
    outcome.status !== undefined &&
    !ENDPOINT_REFUSALS.has(outcome.status)
  );
}

interface ServeContext {
  record: Ledger['record'];
  stopped: () => boolean;
  env: RunOptions['env'];
  root: string | undefined;
  policy: DeliveryPolicy;
  at: string;
  log: (line: string) => void;
}

async function serveChannel(plan: ChannelPlan, context: ServeContext): Promise<ChannelReport> {
  const { channel } = plan;
  const all = plan.send.map((n) => n.event.id);
  if (channel.type === 'email') {
    const mail = await openEmailChannel(channel, context.env, context.root, context.policy);
    if (!mail.ok)
      return report(plan, mail.outcome, {
        pending: all,
        message: mail.message,
        ...(mail.target ? { target: mail.target } : {}),
      });
    try {
      return await sendInOrder(
        plan,
        mail.target,
        (notice) => mail.send(notice.body as EmailNotice),
        context,
      );
    } finally {
      mail.close();
    }
  }
  const url = channel.url_env === undefined ? undefined : context.env[channel.url_env];
  if (!url)
    return report(plan, 'unset', {
      pending: all,
      message: `${channel.url_env} is not set; set it to the channel's webhook URL.`,
    });
  const problem = channelSetupProblem(channel, context.env);
  if (problem)
    return report(plan, 'failed', { pending: all, message: `${problem.message} ${problem.hint}` });
  const target = maskUrl(url);
  const secret = channel.secret_env === undefined ? undefined : context.env[channel.secret_env];
  if (channel.secret_env !== undefined && !secret) {
    return report(plan, 'unset', {
      target,
      pending: all,
      message: `${channel.secret_env} is not set; set it to the signing secret (whsec_...).`,
    });
  }
  return sendInOrder(
    plan,
    target,
    (notice) => {
      const body = wireJson(notice.body);
      return deliver(
        {
          url,
          body,
          headers: (time) =>
            channel.type === 'webhook'
              ? standardWebhookHeaders(secret, notice.webhookId, time, body)
              : {},
        },
        context.policy,
      );
    },
    context,
  );
}

/** Each notice in order, each recorded as soon as it is accepted; the first that fails stops the channel for this run. */
async function sendInOrder(
  plan: ChannelPlan,
  target: string,
  send: (notice: PlannedNotice) => Promise<DeliveryOutcome>,
  context: ServeContext,
): Promise<ChannelReport> {
  const { channel } = plan;
  const all = plan.send.map((n) => n.event.id);
  const sent: string[] = [];
  const rejected: string[] = [];
  for (const [i, notice] of plan.send.entries()) {
    if (context.stopped())
      return report(plan, 'failed', {
        target,
        sent,
        rejected,
        pending: all.slice(i),
        message: 'Stopped: the ledger cannot be written.',
      });
    const outcome = await send(notice);
    const tries = outcome.attempts.length > 1 ? ` (${outcome.attempts.length} tries)` : '';
    if (outcome.ok) {
      context.log(
        `${channel.id}: sent ${notice.event.id} (${notice.event.kind}) to ${target}, ${channel.type === 'email' ? 'SMTP' : 'HTTP'} ${outcome.status}${tries}`,
      );
      try {
        await context.record(channel.id, [
          { noticeId: notice.event.id, entry: { at: context.at, via: 'sent' } },
        ]);
      } catch (cause) {
        context.log(
          `${channel.id}: ${notice.event.id} was delivered but could not be recorded; a later run may send it again.`,
        );
        throw cause;
      }
      sent.push(notice.event.id);
      continue;
    }
    if (refusedForGood(outcome)) {
      context.log(
        `${channel.id}: the receiver refused ${notice.event.id} for good (${outcome.message}); it is set aside (recorded as rejected, never retried) and the channel goes on with the next notice.`,
      );
      await context.record(channel.id, [
        {
          noticeId: notice.event.id,
          entry: { at: context.at, via: 'rejected', status: outcome.status },
        },
      ]);
      rejected.push(notice.event.id);
      continue;
    }
    context.log(
      `${channel.id}: could not deliver ${notice.event.id} to ${target}: ${outcome.message}`,
    );
    return report(plan, outcome.reason === 'gone' ? 'gone' : 'failed', {
      target,
      sent,
      rejected,
      pending: all.slice(i),
      message:
        outcome.reason === 'gone'
          ? `${outcome.message}. The channel is disabled for this run: replace the URL in ${channel.url_env} or remove the channel.`
          : outcome.message,
    });
  }
  return report(plan, 'delivered', { target, sent, rejected });
}
