import type { Token } from 'markdown-it';
import { inlineText, markdownTokens, TASK_BOX } from '../core/markdown-tokens.ts';

/**
 * Markdown as plain text, one paragraph per block, for formats that do not render HTML (calendar
 * descriptions). Raw HTML in user text is dropped, as the HTML pipeline drops it. Read with the
 * renderer's parser, so the text says what the page says.
 */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  let open: Token[] = [];
  let depth = 0;
  for (const token of markdownTokens(markdown)) {
    open.push(token);
    depth += token.nesting;
    if (depth > 0) continue;
    blocks.push(blockText(open));
    open = [];
  }
  return blocks.filter(Boolean).join('\n\n');
}

/** A top-level block's text; a list is one line per item, `- ` first. */
function blockText(tokens: Token[]): string {
  const first = tokens[0]!;
  if (first.type !== 'bullet_list_open' && first.type !== 'ordered_list_open')
    return textOf(tokens).trim();
  const items: string[] = [];
  let item: Token[] = [];
  for (const token of tokens.slice(1, -1)) {
    if (token.type === 'list_item_open' && token.level === first.level + 1) item = [];
    else if (token.type === 'list_item_close' && token.level === first.level + 1)
      items.push(`- ${textOf(item, true).trim()}`);
    else item.push(token);
  }
  return items.join('\n');
}

/** The text of every token, run together as a syntax tree's text is (no space between blocks). */
function textOf(tokens: Token[], taskItem = false): string {
  let text = '';
  tokens.forEach((token, i) => {
    if (token.type === 'fence' || token.type === 'code_block')
      text += token.content.replace(/\n$/, '');
    else if (token.type === 'inline') {
      const inline = inlineOnly(token.children ?? []);
      // A task list item's box is not text (the page shows a checkbox).
      text += taskItem && i === 1 ? inline.replace(TASK_BOX, '') : inline;
    }
  });
  return text;
}

function inlineOnly(children: Token[]): string {
  return children
    .map((child) =>
      child.type === 'text' || child.type === 'code_inline'
        ? child.content
        : child.type === 'softbreak'
          ? '\n'
          : child.type === 'image'
            ? inlineText(child.children ?? [])
            : '',
    )
    .join('');
}
