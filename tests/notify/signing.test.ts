import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/notify/deliver.ts';
import { SecretError, signWebhook, standardWebhookHeaders } from '../../src/notify/signing.ts';

const policy = { timeoutMs: 2000, attempts: 3, backoffMs: 5, maxBackoffMs: 20 };

describe('Standard Webhooks signatures', () => {
  it("reproduce the specification's test vector", () => {
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('refuse a secret that is not whsec_ + base64, without repeating it', () => {
    for (const secret of [
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_short',
      'whsec_not base64 at all!!',
    ]) {
      expect(() => signWebhook(secret, 'msg_1', 1, '{}')).toThrow(SecretError);
      try {
        signWebhook(secret, 'msg_1', 1, '{}');
      } catch (cause) {
        expect((cause as Error).message).not.toContain(secret);
      }
    }
  });

  it('are accepted by a receiver built on the reference standardwebhooks package, on every retry, with one webhook-id', async () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const verifier = new Webhook(secret);
    const seen: { id: string; timestamp: string; verified: unknown }[] = [];
    let calls = 0;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [k, String(v)]),
        );
        try {
          seen.push({
            id: headers['webhook-id']!,
            timestamp: headers['webhook-timestamp']!,
            verified: verifier.verify(body, headers),
          });
        } catch (cause) {
          response.writeHead(401).end(String(cause));
          return;
        }
        // The first delivery fails as a busy receiver would; the retry must verify too.
        response.writeHead(++calls === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const body = JSON.stringify({
        type: 'incident.created',
        data: { text: 'ünïcode & "quotes"' },
      });
      const outcome = await deliver(
        { url, body, headers: (now) => standardWebhookHeaders(secret, 'msg_stable', now, body) },
        policy,
      );
      expect(outcome.ok).toBe(true);
      expect(seen).toHaveLength(2);
      expect(seen.map((s) => s.id)).toEqual(['msg_stable', 'msg_stable']);
      expect(seen[1]!.verified).toEqual(JSON.parse(body));

      const forged = await deliver(
        {
          url,
          body,
          headers: (now) =>
            standardWebhookHeaders(
              `whsec_${randomBytes(32).toString('base64')}`,
              'msg_x',
              now,
              body,
            ),
        },
        policy,
      );
      expect(forged).toMatchObject({ ok: false, reason: 'rejected' });
    } finally {
      server.close();
    }
  });
});
