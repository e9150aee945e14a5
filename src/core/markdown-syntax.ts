import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// Apart from the HTML renderer (markdown.ts) so that validation, which only reads the tree, does
// not load the renderer and its sanitiser at every command's start.
const toMdast = unified().use(remarkParse).use(remarkGfm);

/** Markdown as a syntax tree, for renderers of other dialects (Slack mrkdwn, Discord, plain text). */
export function parseMarkdown(markdown: string): MdastRoot {
  return toMdast.runSync(toMdast.parse(markdown)) as MdastRoot;
}
