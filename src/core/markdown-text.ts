import type { Token } from 'markdown-it';
import { inlineText, markdownTokens, TASK_BOX } from './markdown-tokens.ts';

/**
 * Markdown as text without HTML: plain text, or the Markdown dialect of a chat service. One walk
 * over the tokens of the one Markdown parser (the page's), so every output reads a text as the
 * page does; a dialect says only how each piece is written.
 */
export interface Dialect {
  /** Every piece of user text goes through here: a dialect escapes what it would read as markup. */
  text(value: string): string;
  strong(inner: string): string;
  emphasis(inner: string): string;
  strike(inner: string): string;
  inlineCode(value: string): string;
  codeBlock(value: string): string;
  link(inner: string, url: string): string;
  heading(inner: string): string;
  /** Raw HTML the author wrote (comments included). */
  html(value: string): string;
  bullet: string;
}

/** Only these schemes become links; anything else (javascript:, data:) stays as its text. */
function safeUrl(url: string | number | null): string | undefined {
  if (url === null) return undefined;
  try {
    const parsed = new URL(String(url));
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Plain text: no markup at all, and nothing lost that the page shows. Bullets are `-` (the text
 * still reads as Markdown wherever it is shown), nested lists are indented, a link keeps its
 * address after its words, raw HTML is dropped as the page drops it (so an internal block's
 * markers never show).
 */
const plainTextDialect: Dialect = {
  text: (v) => v,
  strong: (s) => s,
  emphasis: (s) => s,
  strike: (s) => s,
  inlineCode: (v) => v,
  codeBlock: (v) => v,
  link: (s, url) => (s === url ? s : `${s} (${url})`),
  heading: (s) => s,
  html: () => '',
  bullet: '-',
};

/** Markdown as plain text: calendar descriptions, page descriptions, mail text, notice previews. */
export function plainText(markdown: string): string {
  return toDialect(markdown, plainTextDialect);
}

/** Markdown (the one parser's tokens) in a dialect. */
export function toDialect(markdown: string, dialect: Dialect): string {
  return blocks(blockTree(markdownTokens(markdown)), dialect, '').trim();
}

/** A block token with the tokens between it and its closing token (none for a leaf). */
interface Block {
  token: Token;
  children: Block[];
}

/** markdown-it's flat block stream (`nesting` 1 opens, -1 closes) as a tree. */
function blockTree(tokens: Token[]): Block[] {
  const root: Block[] = [];
  const stack = [root];
  for (const token of tokens) {
    if (token.nesting === -1) {
      stack.pop();
      continue;
    }
    const node: Block = { token, children: [] };
    stack.at(-1)!.push(node);
    if (token.nesting === 1) stack.push(node.children);
  }
  return root;
}

function blocks(nodes: Block[], d: Dialect, indent: string): string {
  return nodes
    .map((node) => block(node, d, indent))
    .filter((s) => s !== '')
    .join('\n\n');
}

/** The text of a block holding one inline token (paragraph, heading, table cell). */
function inlineOf(node: Block | undefined, d: Dialect, task = false): string {
  return inline(node?.children[0]?.token.children ?? [], d, task);
}

function block(node: Block, d: Dialect, indent: string, task = false): string {
  const { token } = node;
  switch (token.type) {
    case 'paragraph_open':
      return indent + inlineOf(node, d, task).replace(/\n/g, `\n${indent}`);
    case 'heading_open':
      return indent + d.heading(inlineOf(node, d));
    case 'blockquote_open':
      return blocks(node.children, d, indent)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'bullet_list_open':
    case 'ordered_list_open': {
      const start = Number(token.attrGet('start') ?? 1);
      return node.children
        .map((item, i) => {
          const marker = token.type === 'ordered_list_open' ? `${start + i}.` : d.bullet;
          const body = item.children
            .map((child, j) => block(child, d, `${indent}  `, j === 0))
            .join('\n')
            .trimStart();
          return `${indent}${marker} ${body}`;
        })
        .join('\n');
    }
    case 'fence':
    case 'code_block':
      return d.codeBlock(token.content.replace(/\n$/, ''));
    case 'hr':
      return '———';
    case 'table_open':
      // Header and body rows alike, one line each.
      return node.children
        .flatMap((section) => section.children)
        .map((row) => indent + row.children.map((cell) => inlineOf(cell, d)).join(' | '))
        .join('\n');
    case 'html_block': {
      const html = d.html(token.content.replace(/\n$/, ''));
      return html && indent + html;
    }
    default:
      return '';
  }
}

/**
 * Inline tokens in a dialect. Text runs, with their soft line breaks, reach the dialect whole, so
 * an escape that looks at the start of a line sees each line start. The first paragraph of a list
 * item (`task`) loses its GFM task box, as the page shows a checkbox instead.
 */
function inline(tokens: Token[], d: Dialect, task: boolean): string {
  const stack: { open?: Token; out: string }[] = [{ out: '' }];
  let run = '';
  const flush = () => {
    if (run === '') return;
    if (task) run = run.replace(TASK_BOX, '');
    task = false;
    stack.at(-1)!.out += d.text(run);
    run = '';
  };
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special') {
      run += token.content;
      continue;
    }
    if (token.type === 'softbreak') {
      run += '\n';
      continue;
    }
    flush();
    task = false;
    const top = stack.at(-1)!;
    if (token.type === 'hardbreak') top.out += '\n';
    else if (token.type === 'code_inline') top.out += d.inlineCode(token.content);
    else if (token.type === 'html_inline') top.out += d.html(token.content);
    else if (token.type === 'image') {
      const url = safeUrl(token.attrGet('src'));
      const alt = d.text(inlineText(token.children ?? []) || 'image');
      top.out += url ? d.link(alt, url) : alt;
    } else if (token.nesting === 1) stack.push({ open: token, out: '' });
    else if (token.nesting === -1 && stack.length > 1) {
      const { open, out } = stack.pop()!;
      stack.at(-1)!.out += closed(open!, out, d);
    }
  }
  flush();
  return stack[0]!.out;
}

/** An inline element's text in a dialect, from its opening token and its inner text. */
function closed(open: Token, inner: string, d: Dialect): string {
  switch (open.type) {
    case 'strong_open':
      return d.strong(inner);
    case 'em_open':
      return d.emphasis(inner);
    case 's_open':
      return d.strike(inner);
    case 'link_open': {
      const url = safeUrl(open.attrGet('href'));
      return url ? d.link(inner || d.text(url), url) : inner;
    }
    default:
      return inner;
  }
}
