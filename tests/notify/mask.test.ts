import { describe, expect, it } from 'vitest';
import { maskUrl, secretMasker } from '../../src/notify/mask.ts';

describe('secret masking', () => {
  it('shows a webhook URL as scheme and host only', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/abcdef?x=1')).toBe('https://hooks.slack.com/…');
    expect(maskUrl('not a url')).toBe('(not a URL)');
  });

  it('replaces every secret in a text, also percent-encoded or JSON-escaped', () => {
    const url = 'https://discord.com/api/webhooks/123/to"ken/x';
    const mask = secretMasker([url, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']);
    const text = `posted to ${url}, ${encodeURIComponent(url)} and ${JSON.stringify(url)} with whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`;
    expect(mask(text)).toBe('posted to https://discord.com/…, https://discord.com/… and "https://discord.com/…" with [secret]');
  });
});
