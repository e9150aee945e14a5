import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../../core/markdown-syntax.ts';

/**
 * How one chat service writes Markdown. Every piece of user text goes through `text`, which escapes
 * what the service would otherwise read as markup or as a mention.
 */
export interface Dialect {
  text(value: string): string;
  strong(inner: string): string;
  emphasis(inner: string): string;
  strike(inner: string): string;
  inlineCode(value: string): string;
  codeBlock(value: string): string;
  link(inner: string, url: string): string;
  heading(inner: string): string;
  bullet: string;
}

/** `@everyone`, `@here`, `@channel`: a word joiner after the `@` keeps them readable and stops every service from pinging. */
export function defuseMentions(value: string): string {
  return value.replace(/@(everyone|here|channel|all)\b/gi, '@\u2060$1');
}

/** Text shown as-is (Slack plain_text): `<!channel>`, `<@U1>` are never parsed there, and a word joiner after `<` keeps it so if pasted on. */
export function defusePlain(value: string): string {
  return defuseMentions(value).replace(/<([!@#])/g, '<\u2060$1');
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

/** Slack mrkdwn: &, < and > are the only characters Slack asks to escape; `<!channel>` becomes harmless text. */
export const slackDialect: Dialect = {
  text: (v) => defuseMentions(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  strong: (s) => `*${s}*`,
  emphasis: (s) => `_${s}_`,
  strike: (s) => `~${s}~`,
  inlineCode: (v) => `\`${slackDialect.text(v).replace(/`/g, 'ˋ')}\``,
  codeBlock: (v) => `\`\`\`\n${slackDialect.text(v).replace(/```/g, 'ˋˋˋ')}\n\`\`\``,
  link: (s, url) => `<${url.replace(/[|<>]/g, encodeURIComponent)}|${s.replace(/\|/g, '¦')}>`,
  heading: (s) => `*${s}*`,
  bullet: '•',
};

/** Backslash-escapes the characters a service reads as Markdown, and the list (and other) markers it reads at the start of a line. */
function backslashEscape(value: string, characters: RegExp, lineStart: RegExp): string {
  return defuseMentions(value)
    .replace(characters, '\\$&')
    .replace(lineStart, '\\$1')
    .replace(/^(\d+)\./gm, '$1\\.');
}

/** Discord Markdown (embeds). `<` is escaped too, so `<@id>` and `<#id>` are not mentions. */
export const discordDialect: Dialect = {
  text: (v) => backslashEscape(v, /[\\*_~`|[\]()<>]/g, /^([#>+-])/gm),
  strong: (s) => `**${s}**`,
  emphasis: (s) => `*${s}*`,
  strike: (s) => `~~${s}~~`,
  inlineCode: (v) => `\`${defuseMentions(v).replace(/`/g, 'ˋ')}\``,
  codeBlock: (v) => `\`\`\`\n${defuseMentions(v).replace(/```/g, 'ˋˋˋ')}\n\`\`\``,
  link: (s, url) => `[${s}](<${url.replace(/[<>()]/g, encodeURIComponent)}>)`,
  heading: (s) => `**${s}**`,
  bullet: '•',
};

/**
 * The Markdown subset of Adaptive Card TextBlocks: bold, italic, lists, links; no code, no HTML, no
 * mentions without entities. Only what that subset reads is escaped: Teams shows other escapes as typed.
 */
export const teamsDialect: Dialect = {
  text: (v) => backslashEscape(v, /[\\*_[\]]/g, /^([+-])/gm),
  strong: (s) => `**${s}**`,
  emphasis: (s) => `_${s}_`,
  strike: (s) => s,
  inlineCode: (v) => teamsDialect.text(v),
  codeBlock: (v) => teamsDialect.text(v),
  link: (s, url) => `[${s}](${url.replace(/[()]/g, encodeURIComponent)})`,
  heading: (s) => `**${s}**`,
  bullet: '-',
};

/** Plain text with no markup at all: fallbacks, notification previews, truncation. */
export const plainDialect: Dialect = {
  text: (v) => defuseMentions(v),
  strong: (s) => s,
  emphasis: (s) => s,
  strike: (s) => s,
  inlineCode: (v) => defuseMentions(v),
  codeBlock: (v) => defuseMentions(v),
  link: (s, url) => (s === url ? s : `${s} (${url})`),
  heading: (s) => s,
  bullet: '•',
};

/** Markdown (the one pipeline's syntax tree) in a chat service's dialect. */
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
    case 'html':
      return indent + d.text(node.value);
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
      return d.text(node.value);
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
