import * as z from 'zod';
import { idSchema, impactSchema } from '../core/schema/common.ts';
import { emailChannelFields } from './channels/email/schema.ts';

/** Every kind of notice the content can give rise to. */
export const eventKindSchema = z
  .enum([
    'incident.created',
    'incident.updated',
    'incident.resolved',
    'incident.postmortem',
    'maintenance.scheduled',
    'maintenance.started',
    'maintenance.updated',
    'maintenance.completed',
    'component.updated',
  ])
  .describe(
    'A kind of notice: incident.created | incident.updated | incident.resolved | incident.postmortem | maintenance.scheduled | maintenance.started | maintenance.updated | maintenance.completed | component.updated.',
  );
export type EventKind = z.infer<typeof eventKindSchema>;

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** The name of an environment variable: the secret itself never appears in notify.yaml. */
const envNameSchema = z
  .string()
  .check((ctx) => {
    if (ENV_NAME.test(ctx.value)) return;
    const looksSecret = /^[a-z]+:\/\//i.test(ctx.value) || ctx.value.startsWith('whsec_');
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: looksSecret
        ? 'this is a secret itself; notify.yaml must only name the environment variable that holds it.'
        : `"${ctx.value}" is not an environment variable name (upper-case letters, digits and "_").`,
      params: {
        rule: looksSecret ? 'secret-in-config' : 'invalid-env-name',
        hint: looksSecret
          ? 'Remove it from the file (and rotate it if it was committed), store it as a secret such as SLACK_WEBHOOK_URL, and write that name here.'
          : "Write the variable's name, e.g. SLACK_WEBHOOK_URL.",
      },
    });
  })
  // The same rule for editors: the check above is code, which JSON Schema cannot carry.
  .meta({ pattern: ENV_NAME.source })
  .describe(
    'The name of the environment variable that holds the secret, e.g. SLACK_WEBHOOK_URL. Never the secret itself.',
  );

const channelSchema = z.strictObject({
  id: idSchema.describe(
    'A stable id for this channel: the ledger remembers what was sent to it by this id.',
  ),
  type: z
    .enum(['slack', 'discord', 'teams', 'webhook', 'email'])
    .describe(
      'slack (incoming webhook, Block Kit) | discord (webhook, embed) | teams (Workflows webhook, Adaptive Card) | webhook (JSON signed per Standard Webhooks) | email (SMTP, one thread per incident).',
    ),
  url_env: envNameSchema
    .optional()
    .describe(
      'Every type but email: the name of the environment variable that holds the webhook URL, e.g. SLACK_WEBHOOK_URL.',
    ),
  secret_env: envNameSchema
    .optional()
    .describe(
      'webhook only: the name of the environment variable holding the signing secret (whsec_...). Without it, requests are not signed.',
    ),
  format: z
    .enum(['candor', 'statuspage'])
    .optional()
    .describe(
      "webhook only: `candor` (default) sends {type, timestamp, data}; `statuspage` sends Atlassian Statuspage's webhook envelope so existing receivers work unchanged.",
    ),
  ...emailChannelFields(envNameSchema),
  audience: z
    .enum(['public', 'internal'])
    .default('public')
    .describe(
      '`public` (default) sends only what the public page shows; `internal` includes internal incidents and blocks.',
    ),
  components: z
    .array(idSchema)
    .min(1)
    .optional()
    .describe('Only notices about these component ids (default: all).'),
  min_impact: impactSchema
    .optional()
    .describe(
      'Only incidents with at least this impact: none | minor | major | critical (maintenance is not filtered by impact).',
    ),
  events: z
    .array(eventKindSchema)
    .min(1)
    .optional()
    .describe(
      'Only these kinds of notice (default: all except component.updated, which only Statuspage-format webhooks get by default).',
    ),
});
export type Channel = z.infer<typeof channelSchema>;

const seconds = (fallback: number, text: string) =>
  z.number().positive().max(3600).default(fallback).describe(text);

const deliverySchema = z.strictObject({
  timeout_seconds: seconds(
    10,
    'How long one request may take before it is abandoned and retried (default 10).',
  ),
  attempts: z
    .number()
    .int()
    .min(1)
    .max(10)
    .default(4)
    .describe('Tries per notice, including the first (default 4).'),
  backoff_seconds: seconds(
    1,
    'The first retry waits up to this long; each later one up to twice as long, with full jitter (default 1).',
  ),
  max_backoff_seconds: seconds(
    30,
    'The longest wait between tries, also the longest Retry-After honoured; a longer one leaves the notice for the next run (default 30).',
  ),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(32)
    .default(4)
    .describe(
      'Channels served at the same time; each channel gets one request at a time (default 4).',
    ),
});
export type DeliverySettings = z.infer<typeof deliverySchema>;

/** notify.yaml: where notices go. */
export const notifyConfigSchema = z.strictObject({
  max_age_hours: z
    .number()
    .positive()
    .default(24)
    .describe(
      'Never send a notice older than this many hours (default 24); older ones are recorded as expired.',
    ),
  max_per_run: z
    .number()
    .int()
    .positive()
    .default(20)
    .describe(
      'If one run would send more notices than this, it sends none and fails: a guard against a lost ledger (default 20).',
    ),
  delivery: deliverySchema.prefault({}).describe('Timeouts, retries and concurrency.'),
  channels: z.array(channelSchema).describe('Where notices go.'),
});
export type NotifyConfig = z.infer<typeof notifyConfigSchema>;
