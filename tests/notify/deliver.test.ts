import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliver, parseRetryAfter, type DeliveryPolicy } from '../../src/notify/deliver.ts';
import { Receiver } from './receiver.ts';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await new Receiver().start();
});
afterEach(() => receiver.stop());

/** Short waits by configuration; `random` pinned so the jittered waits are known. */
const policy: DeliveryPolicy = {
  timeoutMs: 1000,
  attempts: 4,
  backoffMs: 10,
  maxBackoffMs: 2000,
  random: () => 0.5,
};
const send = (path: string, overrides: Partial<DeliveryPolicy> = {}) =>
  deliver(
    { url: receiver.url(path), body: '{"n":1}', headers: () => ({ 'webhook-id': 'msg_1' }) },
    { ...policy, ...overrides },
  );

describe('deliver', () => {
  it('retries a 500 and succeeds on the 200, sending the same body and id each time', async () => {
    receiver.script('/a', [{ status: 500 }, { status: 200 }]);
    const outcome = await send('/a');
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(receiver.on('/a').map((r) => [r.body, r.headers['webhook-id']])).toEqual([
      ['{"n":1}', 'msg_1'],
      ['{"n":1}', 'msg_1'],
    ]);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    receiver.script('/a', [{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
    const waited: number[] = [];
    const outcome = await send('/a', { backoff: async (ms) => void waited.push(ms) });
    expect(outcome.ok).toBe(true);
    expect(outcome.attempts.map((a) => [a.status, a.waitMs])).toEqual([
      [429, 1000],
      [200, undefined],
    ]);
    expect(waited).toEqual([1000]);
    expect(receiver.on('/a')).toHaveLength(2);
  });

  it('leaves a notice for the next run when Retry-After asks for longer than max_backoff_seconds', async () => {
    receiver.script('/a', [{ status: 429, headers: { 'retry-after': '3600' } }]);
    const outcome = await send('/a');
    expect(outcome).toMatchObject({ ok: false, reason: 'gave-up' });
    expect(receiver.on('/a')).toHaveLength(1);
    expect(outcome.ok || outcome.message).toMatch(/retry after 3600 s/);
  });

  it('abandons a request that hangs past the timeout and retries it', async () => {
    receiver.script('/a', ['hang', { status: 200 }]);
    const outcome = await send('/a');
    expect(outcome.ok).toBe(true);
    expect(outcome.attempts[0]).toMatchObject({ error: 'no answer within 1 s' });
    expect(receiver.on('/a')).toHaveLength(2);
  });

  it('retries after a connection reset', async () => {
    receiver.script('/a', ['reset', { status: 204 }]);
    const outcome = await send('/a');
    expect(outcome).toMatchObject({ ok: true, status: 204 });
    expect(outcome.attempts[0]!.error).toMatch(/^network error/);
    expect(receiver.on('/a')).toHaveLength(2);
  });

  it('treats 410 as gone, without retrying', async () => {
    receiver.script('/a', [{ status: 410, body: 'webhook deleted' }]);
    expect(await send('/a')).toMatchObject({
      ok: false,
      reason: 'gone',
      message: 'HTTP 410 Gone: the webhook no longer exists: webhook deleted',
    });
    expect(receiver.on('/a')).toHaveLength(1);
  });

  it('never follows a redirect', async () => {
    receiver.script('/a', [{ status: 302, headers: { location: receiver.url('/elsewhere') } }]);
    const outcome = await send('/a');
    expect(outcome).toMatchObject({ ok: false, reason: 'redirect' });
    expect(outcome.ok || outcome.message).toBe(
      'HTTP 302 redirect to 127.0.0.1:' +
        new URL(receiver.url('/')).port +
        ', not followed: configure the final URL',
    );
    expect(receiver.on('/elsewhere')).toHaveLength(0);
    expect(receiver.on('/a')).toHaveLength(1);
  });

  it('does not retry other 4xx, and reports what the receiver said', async () => {
    receiver.script('/a', [{ status: 400, body: 'invalid_payload' }]);
    expect(await send('/a')).toMatchObject({
      ok: false,
      reason: 'rejected',
      message: 'HTTP 400: invalid_payload',
    });
    expect(receiver.on('/a')).toHaveLength(1);
  });

  it('retries 408 and 425 like 5xx', async () => {
    receiver.script('/a', [{ status: 408 }, { status: 425 }, { status: 200 }]);
    expect((await send('/a')).ok).toBe(true);
    expect(receiver.on('/a')).toHaveLength(3);
  });

  it('gives up after the configured attempts, with exponential backoff and full jitter between them', async () => {
    receiver.script('/a', [], { status: 503 });
    const outcome = await send('/a', { attempts: 4, backoffMs: 10, maxBackoffMs: 30 });
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'gave-up',
      message: 'HTTP 503 after 4 tries',
    });
    // random() = 0.5 of the cap: 10, 20, 40 capped at 30.
    expect(outcome.attempts.map((a) => a.waitMs)).toEqual([5, 10, 15, undefined]);
    expect(receiver.on('/a')).toHaveLength(4);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('deliver, once accepted', () => {
  it('counts a 2xx as delivered even when its body never finishes, so it is not sent twice', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('o');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const outcome = await deliver(
        { url: `http://127.0.0.1:${port}/`, body: '{}', headers: () => ({}) },
        policy,
      );
      expect(outcome).toMatchObject({ ok: true, status: 200 });
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('deliver, answered late', () => {
  it('counts a 2xx that arrives after the timeout, before the retry, as delivered and does not send it again', async () => {
    // The receiver accepts, but its answer takes 1.5 timeouts; a backoff shorter than that must not resend.
    receiver.script('/a', [{ status: 202, delayMs: 1500 }], { status: 200 });
    const outcome = await send('/a', { timeoutMs: 1000, backoffMs: 10 });
    expect(outcome).toMatchObject({ ok: true, status: 202 });
    expect(outcome.attempts[0]).toMatchObject({ error: 'no answer within 1 s', status: 202 });
    expect(receiver.on('/a')).toHaveLength(1);
  });

  it('still retries a request that never answers, once it has had a second timeout to do so', async () => {
    receiver.script('/a', ['hang', { status: 200 }]);
    const outcome = await send('/a', { timeoutMs: 300 });
    expect(outcome.ok).toBe(true);
    const [first, second] = receiver.on('/a');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(550);
  });
});
