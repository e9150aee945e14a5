import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

/** A signing secret that cannot be used; the message never contains the secret. */
export class SecretError extends Error {}

/** `whsec_` + base64 bytes, as the Standard Webhooks specification writes secrets. */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(PREFIX))
    throw new SecretError(
      'The signing secret must start with "whsec_" followed by base64 (Standard Webhooks format).',
    );
  const base64 = secret.slice(PREFIX.length);
  const key = Buffer.from(base64, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || key.length < 24) {
    throw new SecretError(
      'The signing secret after "whsec_" must be base64 of at least 24 random bytes, e.g. `openssl rand -base64 32`.',
    );
  }
  return key;
}

/** Standard Webhooks: `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`. */
export function signWebhook(
  secret: string,
  webhookId: string,
  timestampSeconds: number,
  body: string,
): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${webhookId}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The three headers a Standard Webhooks receiver checks, for one attempt at `now`. */
export function standardWebhookHeaders(
  secret: string | undefined,
  webhookId: string,
  now: Date,
  body: string,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    ...(secret === undefined
      ? {}
      : { 'webhook-signature': signWebhook(secret, webhookId, timestamp, body) }),
  };
}
