import { describe, expect, it } from 'vitest';
import { maskUrl, revealsUrl, secretMasker, secretUrlParts } from '../../src/notify/mask.ts';

describe('secret masking', () => {
  it('shows a webhook URL as scheme and host only', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/abcdef?x=1')).toBe(
      'https://hooks.slack.com/…',
    );
    expect(maskUrl('not a url')).toBe('(not a URL)');
  });

  it('replaces every secret in a text, also percent-encoded or JSON-escaped', () => {
    const url = 'https://discord.com/api/webhooks/123/to"ken/x';
    const mask = secretMasker([url, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']);
    const text = `posted to ${url}, ${encodeURIComponent(url)} and ${JSON.stringify(url)} with whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`;
    expect(mask(text)).toBe(
      'posted to https://discord.com/…, https://discord.com/… and "https://discord.com/…" with [secret]',
    );
  });
});

describe('the one masking rule: every part of a secret URL', () => {
  const url = 'https://hooks.example.com/hooks/T0ABCDEF/secretpath?sig=s1gnature%2Fvalue&sv=1.0';
  const mask = secretMasker([url]);

  it('hides each path segment and query value on its own, as written and decoded, but not the host', () => {
    const said =
      'HTTP 404: Cannot POST /hooks/T0ABCDEF/secretpath (sig s1gnature/value, s1gnature%2Fvalue)';
    const masked = mask(said);
    for (const part of ['T0ABCDEF', 'secretpath', 's1gnature']) expect(masked).not.toContain(part);
    expect(mask(`sent to ${url}`)).toBe('sent to https://hooks.example.com/…');
  });

  it('lists the parts, leaving out short structure and what the host already shows', () => {
    expect(secretUrlParts(url).sort()).toEqual(
      ['T0ABCDEF', 's1gnature%2Fvalue', 's1gnature/value', 'secretpath'].sort(),
    );
    expect(secretUrlParts('https://user:pa55word@example.com/x')).toEqual(['user', 'pa55word']);
  });

  it("knows when a text repeats any part, so a receiver's answer can be left out whole", () => {
    expect(revealsUrl('no such hook: secretpath', url)).toBe(true);
    expect(revealsUrl('invalid_payload', url)).toBe(false);
  });
});
