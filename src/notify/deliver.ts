import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliverySettings } from './config-schema.ts';
import { revealsUrl } from './mask.ts';

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
  /** The wait between tries, ended early by `signal`; a real timer unless a test records the waits instead. */
  backoff?: (ms: number, signal: AbortSignal) => Promise<void>;
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
      /** rejected: the receiver's status. */
      status?: number;
      message: string;
      attempts: Attempt[];
    };

interface DeliveryRequest {
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
 *
 * A request that times out is not abandoned: it stays open until the retry is due, which after a
 * timeout is at least one more timeout away, and if it is accepted late (2xx) the notice counts as
 * delivered and is not sent again. Only when a receiver answers later than that, or accepts both,
 * does it get the notice twice (with the same webhook-id).
 */
export async function deliver(
  request: DeliveryRequest,
  policy: DeliveryPolicy,
): Promise<DeliveryOutcome> {
  const attempts: Attempt[] = [];
  // Ends every request and timer still open when the outcome is known, so nothing outlives the call.
  const done = new AbortController();
  const wait = (ms: number) => sleep(ms, undefined, { signal: done.signal }).catch(() => undefined);
  const backoff = policy.backoff
    ? (ms: number) => policy.backoff!(ms, done.signal).catch(() => undefined)
    : wait;
  let acceptLate!: (status: number) => void;
  const acceptedLate = new Promise<number>((resolve) => (acceptLate = resolve));
  const late = (status: number): DeliveryOutcome => ({ ok: true, status, attempts });
  try {
    for (let n = 1; ; n++) {
      let retryAfterMs: number | undefined;
      const attempt: Attempt = {};
      attempts.push(attempt);
      const sending = fetch(request.url, {
        method: 'POST',
        body: request.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Candor-Notify/1',
          ...request.headers(new Date()),
        },
        redirect: 'manual',
        signal: done.signal,
      });
      const first = await Promise.race([
        sending.then(
          (response) => ({ response }),
          (cause: unknown) => ({ cause }),
        ),
        wait(policy.timeoutMs).then(() => ({ timedOut: true as const })),
        acceptedLate.then((status) => ({ lateStatus: status })),
      ]);
      if ('lateStatus' in first) return late(first.lateStatus);
      if ('timedOut' in first) {
        attempt.error = `no answer within ${policy.timeoutMs / 1000} s`;
        // Still listening: a late 2xx means the receiver has it.
        void sending.then(
          async (response) => {
            attempt.status = response.status;
            await response.body?.cancel().catch(() => undefined);
            if (accepted(response.status)) acceptLate(response.status);
          },
          () => undefined,
        );
      } else if ('cause' in first) {
        attempt.error = describeNetworkError(first.cause);
      } else {
        const { response } = first;
        attempt.status = response.status;
        // Accepted once the status says so: a body that is slow to arrive must not turn it into a retry (a duplicate).
        if (accepted(response.status)) {
          await response.body?.cancel().catch(() => undefined);
          return { ok: true, status: response.status, attempts };
        }
        const said = describeAnswer(await response.text().catch(() => ''), request.url);
        if (response.status === 410)
          return {
            ok: false,
            reason: 'gone',
            message: `HTTP 410 Gone: the webhook no longer exists${said}`,
            attempts,
          };
        if (response.status >= 300 && response.status < 400) {
          const to = hostOf(response.headers.get('location'));
          return {
            ok: false,
            reason: 'redirect',
            message: `HTTP ${response.status} redirect${to ? ` to ${to}` : ''}, not followed: configure the final URL`,
            attempts,
          };
        }
        if (!RETRYABLE.has(response.status) && response.status < 500)
          return {
            ok: false,
            reason: 'rejected',
            status: response.status,
            message: `HTTP ${response.status}${said}`,
            attempts,
          };
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      }
      const last = attempt.status !== undefined ? `HTTP ${attempt.status}` : attempt.error!;
      if (n >= policy.attempts) {
        // The last request may still be accepted within one more timeout.
        if ('timedOut' in first) {
          const status = await Promise.race([acceptedLate, wait(policy.timeoutMs)]);
          if (status !== undefined) return late(status);
        }
        return {
          ok: false,
          reason: 'gave-up',
          message: `${last} after ${n} ${n === 1 ? 'try' : 'tries'}`,
          attempts,
        };
      }
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxBackoffMs) {
        return {
          ok: false,
          reason: 'gave-up',
          message: `${last}, asked to retry after ${Math.ceil(retryAfterMs / 1000)} s (more than max_backoff_seconds); left for the next run`,
          attempts,
        };
      }
      attempt.waitMs = Math.max(
        retryAfterMs ?? 0,
        backoffWait(policy, n),
        'timedOut' in first ? policy.timeoutMs : 0,
      );
      const status = await Promise.race([acceptedLate, backoff(attempt.waitMs)]);
      if (status !== undefined) return late(status);
    }
  } finally {
    done.abort();
  }
}

function accepted(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * What a receiver said, for the report: a short, one-line excerpt, or nothing at all when it repeats
 * any part of the secret URL (`Cannot POST /hooks/T0…/secretpath`): logs are often public.
 */
function describeAnswer(text: string, url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters of an answer become spaces
  const said = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  if (!said) return '';
  if (revealsUrl(said, url)) return ' (its answer is not shown: it repeats part of the secret URL)';
  return `: ${said.slice(0, 200)}`;
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
function describeNetworkError(cause: unknown): string {
  const error = cause as { cause?: { code?: string; name?: string } };
  const code = error.cause?.code ?? error.cause?.name;
  return code ? `network error ${code}` : 'network error';
}
