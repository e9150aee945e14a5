/** A webhook URL down to its scheme and host: `https://hooks.slack.com/…`. The path and query are the secret. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(not a URL)';
  }
}

/** Shorter parts are structure ("api", "v1") that says nothing about the secret and is too common to hide. */
const MIN_PART = 4;

/**
 * Every piece of a secret URL that must never be printed on its own: each path segment and each query
 * key and value, as written and decoded. A receiver's error body that echoes `/hooks/T0…/secretpath`
 * carries one of these, never the whole URL, so masking the whole URL alone would print it.
 */
export function secretUrlParts(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const parts = new Set<string>();
  // The host is shown (it says where notices go), so a segment that is part of it hides nothing.
  const add = (raw: string) => {
    for (const form of [raw, safeDecode(raw)])
      if (form.length >= MIN_PART && !parsed.host.includes(form)) parts.add(form);
  };
  for (const segment of parsed.pathname.split('/')) add(segment);
  for (const pair of parsed.search.slice(1).split('&'))
    for (const piece of pair.split('=')) add(piece);
  if (parsed.username) add(parsed.username);
  if (parsed.password) add(parsed.password);
  return [...parts];
}

/** Whether a text (e.g. a receiver's answer) repeats any part of a secret URL, and so must not be shown at all. */
export function revealsUrl(text: string, url: string): boolean {
  return secretUrlParts(url).some((part) => text.includes(part));
}

/**
 * The one masking rule: replaces every secret in a text with its masked form, also when it appears
 * percent-encoded or JSON-escaped, and every part of a secret URL's path and query with `…`.
 * Everything the notify commands print (progress, summaries, errors, previews) goes through one of these.
 */
export function secretMasker(secrets: Iterable<string>): (text: string) => string {
  const replacements: [string, string][] = [];
  const add = (secret: string, masked: string) => {
    for (const form of new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ]))
      replacements.push([form, masked]);
  };
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    const isUrl = /^https?:\/\//i.test(secret);
    add(secret, isUrl ? maskUrl(secret) : '[secret]');
    if (isUrl) for (const part of secretUrlParts(secret)) add(part, '…');
  }
  if (replacements.length === 0) return (text) => text;
  // One pass, longer first, so a secret that contains another is replaced whole and a masked form is never masked again.
  replacements.sort((a, b) => b[0].length - a[0].length);
  const masked = new Map(replacements);
  const pattern = new RegExp([...masked.keys()].map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, (found) => masked.get(found)!);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
