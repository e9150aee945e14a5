/**
 * Statuspage update bodies are plain text with some HTML (`<br />`, links, bold, lists). This turns
 * them into the Markdown Candor renders, keeping every word, and names the tags it had to drop.
 */
interface ConvertedBody {
  markdown: string;
  /** Tags that have no Markdown form; their text is kept, the tag is not. */
  droppedTags: string[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const KNOWN = new Set([
  'br',
  'p',
  'div',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'ul',
  'ol',
  'li',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'span',
]);

/**
 * Lines that Markdown would read as structure the author never meant: a `## ` heading would start
 * a new update, a `---` under text makes a heading, and a first line `Components:` changes statuses.
 */
function escapeStructure(markdown: string): string {
  return (
    markdown
      .split('\n')
      .map((line, i) => {
        if (/^\s{0,3}#{1,6}(\s|$)/.test(line)) return line.replace('#', '\\#');
        if (/^\s{0,3}(-{2,}|={2,})\s*$/.test(line)) return `\\${line.trimStart()}`;
        if (i === 0 && /^components?:/i.test(line)) return line.replace(':', '\\:');
        return line;
      })
      // Text such as "<none>" would otherwise be read as an HTML tag, which Candor never renders.
      .map((line) => line.replace(/<(?=[A-Za-z/!?])/g, '\\<'))
      .join('\n')
  );
}

/**
 * `<a href="...">label</a>` as `[label](href)` (http, https and mailto only; other links keep their
 * label). The text is cut at each `</a>` and the first link with an `href` opened in a piece runs to its end: one
 * pass, where a pattern searching for the closing tag from every `<a` would be quadratic.
 */
function linksToMarkdown(text: string): string {
  const pieces = text.split(/(<\/a\s*>)/i);
  for (let i = 0; i + 1 < pieces.length; i += 2) {
    const [open, href] =
      [...pieces[i]!.matchAll(/<a\b[^<>]*>/gi)]
        .map((tag) => [tag, /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag[0])] as const)
        .find(([, h]) => h) ?? [];
    if (!open || !href) continue;
    const target = decodeEntities(href[1] ?? href[2] ?? '');
    const inner = pieces[i]!.slice(open.index + open[0].length)
      .replace(/<[^<>]*>/g, '')
      .trim();
    pieces[i] =
      pieces[i]!.slice(0, open.index) +
      (/^(https?:|mailto:)/i.test(target) ? `[${inner || target}](${target})` : inner);
    pieces[i + 1] = '';
  }
  return pieces.join('');
}

export function htmlToMarkdown(body: string): ConvertedBody {
  const dropped = new Set<string>();
  let text = body.replace(/\r\n?/g, '\n');
  text = linksToMarkdown(text);
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div)\b[^<>]*>/gi, '\n\n')
    .replace(/<\/?(strong|b)\b[^<>]*>/gi, '**')
    .replace(/<\/?(em|i)\b[^<>]*>/gi, '*')
    .replace(/<\/?code\b[^<>]*>/gi, '`')
    .replace(/<h[1-6]\b[^<>]*>([^<]*)<\/h[1-6]\s*>/gi, '\n\n**$1**\n\n')
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/?(ul|ol)\b[^<>]*>/gi, '\n\n');
  text = text.replace(/<\/?([a-z][a-z0-9-]*)(?![a-z0-9-])[^<>]*>/gi, (_, tag: string) => {
    if (!KNOWN.has(tag.toLowerCase())) dropped.add(tag.toLowerCase());
    return '';
  });
  text = decodeEntities(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown: escapeStructure(text), droppedTags: [...dropped] };
}
