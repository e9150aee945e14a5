import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast, SANITIZE_SCHEMA } from '../../../core/markdown.ts';

/**
 * Mail clients drop <style> blocks and ignore classes, so each element carries its look inline;
 * sizes are in px because clients disagree about em.
 */
const INLINE_STYLES: Record<string, string> = {
  p: 'margin:0 0 12px',
  a: 'color:#0b57d0;text-decoration:underline',
  ul: 'margin:0 0 12px;padding-left:24px',
  ol: 'margin:0 0 12px;padding-left:24px',
  li: 'margin:0 0 4px',
  h1: 'font-size:17px;margin:16px 0 8px',
  h2: 'font-size:16px;margin:16px 0 8px',
  h3: 'font-size:15px;margin:16px 0 8px',
  h4: 'font-size:15px;margin:16px 0 8px',
  h5: 'font-size:15px;margin:16px 0 8px',
  h6: 'font-size:15px;margin:16px 0 8px',
  blockquote: 'margin:0 0 12px;padding:0 0 0 12px;border-left:3px solid #d0d7de;color:#4b5563',
  pre: 'margin:0 0 12px;padding:8px;background:#f6f8fa;white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:13px',
  code: 'font-family:Menlo,Consolas,monospace;font-size:13px;background:#f6f8fa',
  table: 'border-collapse:collapse;margin:0 0 12px',
  th: 'border:1px solid #d0d7de;padding:4px 8px;text-align:left',
  td: 'border:1px solid #d0d7de;padding:4px 8px;text-align:left',
  hr: 'border:0;border-top:1px solid #d0d7de;margin:16px 0',
};

/** An image would be fetched from elsewhere when the mail is opened (a tracking pixel, or a broken box): a link to it instead. */
function imagesAsLinks(node: Root | Element): void {
  node.children = node.children.map((child): typeof child => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '');
      const label = String(child.properties.alt ?? '') || src;
      return {
        type: 'element',
        tagName: 'a',
        properties: { href: src },
        children: [{ type: 'text', value: label }],
      } satisfies ElementContent;
    }
    imagesAsLinks(child);
    return child;
  }) as typeof node.children;
}

/** Every element gets its look inline. */
function inlineStyles(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const style = INLINE_STYLES[child.tagName];
    if (style) child.properties.style = style;
    inlineStyles(child);
  }
}

const MAIL_SCHEMA = {
  ...SANITIZE_SCHEMA,
  tagNames: (SANITIZE_SCHEMA.tagNames ?? []).filter((t) => t !== 'img'),
};

/** Author Markdown as HTML for a mail: sanitised as on the page, no images fetched, every element styled inline. */
export function markdownToMailHtml(markdown: string): string {
  const tree = markdownToHast(markdown);
  imagesAsLinks(tree);
  const clean = sanitize(tree, MAIL_SCHEMA) as Root;
  // After sanitising, which would strip `style`: these styles are ours, not the author's.
  inlineStyles(clean);
  return toHtml(clean);
}
