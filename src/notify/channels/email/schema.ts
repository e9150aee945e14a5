import * as z from 'zod';
import { error, type Diagnostic } from '../../../core/diagnostics.ts';
import type { YamlSource } from '../../../core/yaml-source.ts';

function staysInside(path: string): boolean {
  return !/^[\\/]/.test(path) && !/^[A-Za-z]:/.test(path) && !path.split(/[\\/]/).includes('..');
}

/** A file the team keeps in the repository: relative, inside it, and never a path that climbs out. */
const repositoryPathSchema = z
  .string()
  .trim()
  .min(1)
  .refine(
    staysInside,
    'must be a path relative to the repository root that stays inside it (no leading "/", no "..")',
  )
  .describe('A path relative to the repository root, e.g. `notify/recipients.txt`.');

/**
 * The keys only an `email` channel has. They are part of the one channel shape in notify.yaml (so an
 * editor completes them and a typo gets a suggestion); which of them a type needs is checked by
 * `emailChannelDiagnostics`, with the line it concerns. `envName` is notify.yaml's rule for a variable name.
 */
export const emailChannelFields = (envName: z.ZodType<string>) => ({
  smtp_url_env: envName
    .optional()
    .describe(
      'email only: the name of the environment variable holding the SMTP server as a URL, smtps://USER:PASSWORD@HOST:465 or smtp://USER:PASSWORD@HOST:587 (STARTTLS required; add ?tls=off only for a relay on a trusted network).',
    ),
  from: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>@\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      'must be an address, e.g. `Acme status <status@acme.dev>` or `status@acme.dev`',
    )
    .optional()
    .describe(
      'email only: the sender, e.g. `Acme status <status@acme.dev>`. The server must allow sending as this address.',
    ),
  to_env: envName
    .optional()
    .describe(
      'email only: the name of the environment variable holding the recipients, separated by commas (often one mailing-list address).',
    ),
  to_file: repositoryPathSchema
    .optional()
    .describe(
      'email only: a file in the repository with one recipient per line (`#` starts a comment). Use either to_env or to_file.',
    ),
  subject_tag: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe(
      'email only: the tag in brackets before every subject (default: the page name and "status", e.g. "[Acme Cloud status]").',
    ),
  unsubscribe_url: z
    .string()
    .regex(/^(https:\/\/|mailto:)\S+$/, 'must start with https:// or mailto:')
    .optional()
    .describe(
      'email only: where a reader unsubscribes (an https:// page or a mailto: address); sent as List-Unsubscribe.',
    ),
});

const EMAIL_KEYS = Object.keys(emailChannelFields(z.string())) as (keyof ReturnType<
  typeof emailChannelFields
>)[];

/**
 * What notify.yaml's shape cannot say: an email channel needs an SMTP server, a sender and exactly
 * one source of recipients, and takes no webhook URL; the other types take none of the email keys.
 */
export function emailChannelDiagnostics(
  path: string,
  source: YamlSource,
  index: number,
  channel: Record<string, unknown>,
): Diagnostic[] {
  if (typeof channel.type !== 'string') return [];
  const key = (name: string) => source.locate(['channels', index, name], { key: true });
  const whole = source.locate(['channels', index]);
  if (channel.type !== 'email') {
    const needsUrl =
      channel.url_env === undefined
        ? [
            error(
              path,
              whole,
              'missing-key',
              `A ${channel.type} channel needs \`url_env\`.`,
              'Add `url_env: NAME`, the environment variable that holds the webhook URL.',
            ),
          ]
        : [];
    return needsUrl.concat(
      EMAIL_KEYS.filter((name) => channel[name] !== undefined).map((name) =>
        error(
          path,
          key(name),
          'email-only',
          `\`${name}\` only applies to channels of type email, not ${channel.type}.`,
          `Remove \`${name}\` from this channel.`,
        ),
      ),
    );
  }
  const diagnostics: Diagnostic[] = [];
  const missing = (name: string, hint: string) =>
    diagnostics.push(
      error(path, whole, 'missing-key', `An email channel needs \`${name}\`.`, hint),
    );
  if (channel.smtp_url_env === undefined)
    missing(
      'smtp_url_env',
      'Add `smtp_url_env: SMTP_URL` and store smtps://USER:PASSWORD@HOST:465 in that secret.',
    );
  if (channel.from === undefined)
    missing(
      'from',
      'Add `from: "Acme status <status@acme.dev>"`, an address the SMTP server lets you send as.',
    );
  if (channel.to_env === undefined && channel.to_file === undefined) {
    missing(
      'to_env',
      'Add `to_env: STATUS_MAIL_TO` (a variable holding the addresses, separated by commas) or `to_file: notify/recipients.txt`.',
    );
  }
  if (channel.to_env !== undefined && channel.to_file !== undefined) {
    diagnostics.push(
      error(
        path,
        key('to_file'),
        'conflicting-keys',
        'An email channel takes its recipients from `to_env` or from `to_file`, not both.',
        'Keep one of them.',
      ),
    );
  }
  if (channel.url_env !== undefined) {
    diagnostics.push(
      error(
        path,
        key('url_env'),
        'not-for-email',
        '`url_env` is for webhooks; an email channel names its SMTP server in `smtp_url_env`.',
        'Rename `url_env` to `smtp_url_env`.',
      ),
    );
  }
  return diagnostics;
}
