import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliverySettings } from './config-schema.ts';

export interface DeliveryPolicy {
  timeoutMs: number;
  /** Tries including the first. */
  attempts: number;
  /** The cap of the first backoff; doubled for each later one (full jitter: a uniform wait below the cap). */
  backoffMs: number;
  /** The largest wait; a Retry-After beyond it leaves the notice for the next run. */
  maxBackoffMs: number;
  /** A number in [0, 1); Math.random unless a test pins it. */
  random?: () => number;
}

export function deliveryPolicy(settings: DeliverySettings): DeliveryPolicy {
  return {
    timeoutMs: settings.timeout_seconds * 1000,
    attempts: settings.attempts,
    backoffMs: settings.backoff_seconds * 1000,
    maxBackoffMs: settings.max_backoff_seconds * 1000,
  };
}

export interface Attempt {
  /** The HTTP status, when the receiver answered. */
  status?: number;
  /** What went wrong on the way, when it did not (timeout, connection reset, ...). */
  error?: string;
  /** How long the run waited after this attempt before the next. */
  waitMs?: number;
}

export type DeliveryOutcome =
  | { ok: true; status: number; attempts: Attempt[] }
  | {
      ok: false;
      /** gone: 410, the webhook was deleted; rejected: another 4xx; redirect: a 3xx (never followed); gave-up: retries used up. */
      reason: 'gone' | 'rejected' | 'redirect' | 'gave-up';
      message: string;
      attempts: Attempt[];
    };

export interface DeliveryRequest {
  url: string;
  body: string;
  /** Headers for one attempt; called again for each retry so a signature carries a fresh timestamp. */
  headers: (now: Date) => Record<string, string>;
}

const RETRYABLE = new Set([408, 425, 429]);

/**
 * One notice to one receiver: POST with a per-request timeout, retried on network errors, 408, 425,
 * 429 and 5xx with exponential backoff and full jitter, honouring Retry-After. Redirects are not
 * followed (a webhook that moved must be reconfigured, and following could leak the body).
 */
export async function deliver(request: DeliveryRequest, policy: DeliveryPolicy): Promise<DeliveryOutcome> {
  const attempts: Attempt[] = [];
  for (let n = 1; ; n++) {
    let retryAfterMs: number | undefined;
    const attempt: Attempt = {};
    attempts.push(attempt);
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        body: request.body,
        headers: { 'content-type': 'application/json', 'user-agent': 'Candor-Notify/1', ...request.headers(new Date()) },
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      attempt.status = response.status;
      // Accepted once the status says so: a body that is slow to arrive must not turn it into a retry (a duplicate).
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: true, status: response.status, attempts };
      }
      const text = await response.text().catch(() => '');
      const said = text.trim() ? `: ${text.trim().replace(/\s+/g, ' ').slice(0, 200)}` : '';
      if (response.status === 410) return { ok: false, reason: 'gone', message: `HTTP 410 Gone: the webhook no longer exists${said}`, attempts };
      if (response.status >= 300 && response.status < 400) {
        const to = hostOf(response.headers.get('location'));
        return { ok: false, reason: 'redirect', message: `HTTP ${response.status} redirect${to ? ` to ${to}` : ''}, not followed: configure the final URL`, attempts };
      }
      if (!RETRYABLE.has(response.status) && response.status < 500) return { ok: false, reason: 'rejected', message: `HTTP ${response.status}${said}`, attempts };
      retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    } catch (cause) {
      attempt.error = describeNetworkError(cause, policy.timeoutMs);
    }
    const last = attempt.status !== undefined ? `HTTP ${attempt.status}` : attempt.error!;
    if (n >= policy.attempts) return { ok: false, reason: 'gave-up', message: `${last} after ${n} ${n === 1 ? 'try' : 'tries'}`, attempts };
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxBackoffMs) {
      return { ok: false, reason: 'gave-up', message: `${last}, asked to retry after ${Math.ceil(retryAfterMs / 1000)} s (more than max_backoff_seconds); left for the next run`, attempts };
    }
    attempt.waitMs = Math.max(retryAfterMs ?? 0, backoffWait(policy, n));
    await sleep(attempt.waitMs);
  }
}

/** How long to wait after failed try number `n` (from 1): up to the first backoff, doubled each time, capped, with full jitter. */
export function backoffWait(policy: DeliveryPolicy, n: number): number {
  const cap = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (n - 1));
  return Math.floor((policy.random ?? Math.random)() * cap);
}

/** Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function hostOf(location: string | null): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location).host;
  } catch {
    return undefined;
  }
}

/** A short reason without the URL: undici's messages can carry it, and URLs are secrets. */
function describeNetworkError(cause: unknown, timeoutMs: number): string {
  const error = cause as { name?: string; cause?: { code?: string; name?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = error.cause?.code ?? error.cause?.name;
  return code ? `network error ${code}` : 'network error';
}
