import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from './markdown-syntax.ts';

/**
 * Markdown as text without HTML: plain text, or the Markdown dialect of a chat service. One walk
 * over the syntax tree of the one Markdown parser, so every output reads a text the same way;
 * a dialect says only how each piece is written.
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
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
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

/** Markdown (the one pipeline's syntax tree) in a dialect. */
export function toDialect(markdown: string, dialect: Dialect): string {
  return blocks(parseMarkdown(markdown), dialect).trim();
}

function blocks(
  root: Root | Extract<Nodes, { children: unknown }>,
  d: Dialect,
  indent = '',
): string {
  return (root.children as Nodes[])
    .map((child) => block(child, d, indent))
    .filter((s) => s !== '')
    .join('\n\n');
}

function block(node: Nodes, d: Dialect, indent: string): string {
  switch (node.type) {
    case 'paragraph':
      return indent + inline(node, d).replace(/\n/g, `\n${indent}`);
    case 'heading':
      return indent + d.heading(inline(node, d));
    case 'blockquote':
      return blocks(node, d, indent)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}.` : d.bullet;
          const body = item.children
            .map((c) => block(c, d, `${indent}  `))
            .join('\n')
            .trimStart();
          return `${indent}${marker} ${body}`;
        })
        .join('\n');
    case 'code':
      return d.codeBlock(node.value);
    case 'thematicBreak':
      return '———';
    case 'table':
      return node.children
        .map((row) => indent + row.children.map((cell) => inline(cell, d)).join(' | '))
        .join('\n');
    case 'html': {
      const html = d.html(node.value);
      return html && indent + html;
    }
    case 'definition':
    case 'footnoteDefinition':
      return '';
    default:
      return indent + inline(node, d);
  }
}

function inline(node: Nodes, d: Dialect): string {
  switch (node.type) {
    case 'text':
      return d.text(node.value);
    case 'html':
      return d.html(node.value);
    case 'strong':
      return d.strong(children(node, d));
    case 'emphasis':
      return d.emphasis(children(node, d));
    case 'delete':
      return d.strike(children(node, d));
    case 'inlineCode':
      return d.inlineCode(node.value);
    case 'break':
      return '\n';
    case 'link': {
      const url = safeUrl(node.url);
      const inner = children(node, d);
      return url ? d.link(inner || d.text(url), url) : inner;
    }
    case 'image': {
      const url = safeUrl(node.url);
      const alt = d.text(node.alt || 'image');
      return url ? d.link(alt, url) : alt;
    }
    default:
      return 'children' in node
        ? children(node, d)
        : 'value' in node
          ? d.text(String(node.value))
          : '';
  }
}

function children(node: Extract<Nodes, { children: unknown }>, d: Dialect): string {
  return (node.children as Nodes[]).map((c) => inline(c, d)).join('');
}
