import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../core/markdown-syntax.ts';

/**
 * Markdown as plain text, one paragraph per block, for formats that do not render HTML (calendar
 * descriptions). Raw HTML in user text is dropped, as the HTML pipeline drops it.
 */
export function plainText(markdown: string): string {
  return parseMarkdown(markdown).children.map(blockText).filter(Boolean).join('\n\n');
}

function blockText(node: RootContent): string {
  const text = (n: RootContent) => toString(n, { includeHtml: false }).trim();
  return node.type === 'list'
    ? node.children.map((item) => `- ${text(item)}`).join('\n')
    : text(node);
}
