import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport, type Transporter } from 'nodemailer';
import type { Channel } from '../../config-schema.ts';
import {
  backoffWait,
  type Attempt,
  type DeliveryOutcome,
  type DeliveryPolicy,
} from '../../deliver.ts';
import type { EmailNotice } from './render.ts';
import { readRecipients } from './recipients.ts';

interface EmailSender {
  /** The server as it may be shown: scheme, host and port, never the user or password. */
  target: string;
  send(mail: EmailNotice): Promise<DeliveryOutcome>;
  close(): void;
}

type OpenedEmailChannel =
  | ({ ok: true } & EmailSender)
  | { ok: false; outcome: 'unset' | 'failed'; message: string; target?: string };

interface SmtpServer {
  host: string;
  port: number;
  /** smtps: TLS from the first byte; smtp: STARTTLS, required unless the URL says tls=off. */
  secure: boolean;
  requireTls: boolean;
  user?: string;
  password?: string;
}

/** smtps://USER:PASSWORD@HOST[:465] or smtp://USER:PASSWORD@HOST[:587][?tls=off]; undefined when it is neither. */
function parseSmtpUrl(value: string): SmtpServer | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) return undefined;
  const secure = url.protocol === 'smtps:';
  const tls = url.searchParams.get('tls');
  if (tls !== null && tls !== 'off') return undefined;
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTls: !secure && tls !== 'off',
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/**
 * The SMTP server and the recipients of an email channel, ready to send: or why not, in words that
 * name the variable or file to fix and never its value.
 */
export async function openEmailChannel(
  channel: Pick<Channel, 'smtp_url_env' | 'to_env' | 'to_file'>,
  env: Readonly<Record<string, string | undefined>>,
  root: string | undefined,
  policy: DeliveryPolicy,
): Promise<OpenedEmailChannel> {
  const name = channel.smtp_url_env ?? 'smtp_url_env';
  const value = channel.smtp_url_env === undefined ? undefined : env[channel.smtp_url_env];
  if (!value)
    return {
      ok: false,
      outcome: 'unset',
      message: `${name} is not set; set it to the SMTP server, e.g. smtps://USER:PASSWORD@smtp.example.com:465.`,
    };
  const server = parseSmtpUrl(value);
  if (!server)
    return {
      ok: false,
      outcome: 'failed',
      message: `${name} does not hold an SMTP URL; write smtps://USER:PASSWORD@HOST:465 or smtp://USER:PASSWORD@HOST:587 (and ?tls=off only for a relay on a trusted network).`,
    };
  const target = `${server.secure ? 'smtps' : 'smtp'}://${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}`;
  const recipients = await readRecipients(channel, env, root);
  if (!recipients.ok) return { ...recipients, target };
  const transport = createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTls,
    ignoreTLS: !server.secure && !server.requireTls,
    ...(server.user ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
    connectionTimeout: policy.timeoutMs,
    greetingTimeout: policy.timeoutMs,
    socketTimeout: policy.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const hide = hider([
    ...(server.password ? [server.password, encodeURIComponent(server.password)] : []),
    ...recipients.addresses,
  ]);
  // One address is a list or a person and goes in To; several go in Bcc, so no one sees the others.
  const [only, ...more] = recipients.addresses;
  const to = more.length === 0 ? { to: only! } : { bcc: recipients.addresses };
  return {
    ok: true,
    target,
    send: (mail) => sendWithRetries(transport, mail, to, policy, hide),
    close: () => transport.close(),
  };
}

function hider(secrets: string[]): (text: string) => string {
  const sorted = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) =>
    sorted.reduce(
      (out, secret) => out.split(secret).join(secret.includes('@') ? '[recipient]' : '[secret]'),
      text,
    );
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * One mail, tried up to `policy.attempts` times: a temporary refusal (4xx) or a broken connection is
 * tried again after a backoff; a permanent one (5xx) fails the notice at once with the server's reply.
 */
async function sendWithRetries(
  transport: Transporter,
  mail: EmailNotice,
  to: { to: string } | { bcc: string[] },
  policy: DeliveryPolicy,
  hide: (text: string) => string,
): Promise<DeliveryOutcome> {
  const attempts: Attempt[] = [];
  for (let n = 1; ; n++) {
    const attempt: Attempt = {};
    attempts.push(attempt);
    let said: string;
    try {
      const info = await transport.sendMail({
        from: mail.from,
        ...to,
        subject: mail.subject,
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.references } : {}),
        headers: mail.headers,
        text: mail.text,
        html: mail.html,
      });
      const status = Number(/^\d{3}/.exec(String(info.response))?.[0] ?? 250);
      attempt.status = status;
      return { ok: true, status, attempts };
    } catch (cause) {
      const error = cause as SmtpError;
      const reply = error.response
        ? hide(error.response.replace(/\s+/g, ' ').trim()).slice(0, 300)
        : undefined;
      if (error.responseCode !== undefined) attempt.status = error.responseCode;
      else attempt.error = error.code ? `SMTP error ${error.code}` : 'SMTP error';
      said = reply ? `SMTP ${reply}` : (attempt.error ?? `SMTP ${error.responseCode}`);
      if (error.code === 'ETLS') {
        return {
          ok: false,
          reason: 'rejected',
          message: `${said}: the server offers no TLS; use smtps:// or a server with STARTTLS, or add ?tls=off to the URL for a relay on a trusted network`,
          attempts,
        };
      }
      if (error.responseCode !== undefined && error.responseCode >= 500)
        return { ok: false, reason: 'rejected', message: said, attempts };
    }
    if (n >= policy.attempts)
      return {
        ok: false,
        reason: 'gave-up',
        message: `${said} after ${n} ${n === 1 ? 'try' : 'tries'}`,
        attempts,
      };
    attempt.waitMs = backoffWait(policy, n);
    await sleep(attempt.waitMs);
  }
}
