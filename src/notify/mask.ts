/** A webhook URL down to its scheme and host: `https://hooks.slack.com/…`. The path and query are the secret. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(not a URL)';
  }
}

/**
 * Replaces every secret in a text with its masked form, also when it appears percent-encoded or
 * JSON-escaped. Everything the notify command prints goes through one of these.
 */
export function secretMasker(secrets: Iterable<string>): (text: string) => string {
  const replacements: [string, string][] = [];
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    const masked = /^https?:\/\//i.test(secret) ? maskUrl(secret) : '[secret]';
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) replacements.push([form, masked]);
  }
  // Longer first, so a secret that contains another is replaced whole.
  replacements.sort((a, b) => b[0].length - a[0].length);
  return (text) => replacements.reduce((out, [secret, masked]) => out.split(secret).join(masked), text);
}
