import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// remark's syntax tree (CommonMark and GFM), for tests that check the Markdown Candor writes
// (reports, comments) with a parser other than the one that renders it.
const toMdast = unified().use(remarkParse).use(remarkGfm);

/** Markdown as remark's syntax tree. */
export function parseMarkdown(markdown: string): MdastRoot {
  return toMdast.runSync(toMdast.parse(markdown)) as MdastRoot;
}
