/**
 * Text from a pull request (file names, messages quoting the author's YAML, notice payloads) goes into
 * GitHub-flavoured Markdown that GitHub renders under the bot's name. Nothing in it may become markup,
 * a table cell break, a link, an image or a mention.
 */

// Numeric references are always literal text in CommonMark, inside raw HTML too, and they survive
// the table-cell split, which a backslash escape inside <code> would not.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '#': '&#35;',
  '!': '&#33;',
  '~': '&#126;',
  $: '&#36;',
  ':': '&#58;',
};

const ESCAPED = /[&<>"'|\\`*_[\]()#!~$:]/g;

/** One line of literal text: every Markdown and HTML special character neutralised, newlines as <br>. */
export function literal(text: string): string {
  return (
    text
      .replace(ESCAPED, (c) => ENTITIES[c]!)
      // GitHub finds mentions and bare URLs in the decoded text, after entities: a zero-width space
      // stops `@team` from notifying anyone and `https://…` or `www.…` from becoming a link.
      .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
      .replace(/&#58;\/\//g, '&#58;\u200b//')
      .replace(/\b(www)\./gi, '$1\u200b.')
      .replace(/\r\n?|\n/g, '<br>')
  );
}

/** Literal text inside <code>; mentions are not linked in code, so @ stays as typed. */
export function literalCode(text: string): string {
  return `<code>${text.replace(ESCAPED, (c) => ENTITIES[c]!).replace(/\r\n?|\n/g, '<br>')}</code>`;
}

/**
 * A diagnostic message, whose `backticked` words are meant as code: those become <code>, the rest
 * literal text. An unpaired backtick is shown as it is.
 */
export function messageText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? literalCode(part.slice(1, -1)) : literal(part)))
    .join('');
}

/** A fenced code block that `content` cannot close early, however many backticks it holds. */
export function codeBlock(content: string, language = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${content.replace(/\r\n?/g, '\n')}\n${fence}`;
}
