import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * The one Markdown pipeline: pages, feeds and notices all start here. Raw HTML in user text is
 * dropped, and what remains is sanitised (no scripts, event handlers or `javascript:` URLs).
 */
const toMdast = unified().use(remarkParse).use(remarkGfm);

/** What user HTML may contain, wherever it is rendered. */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  // GitHub's schema prefixes ids with "user-content-"; our fragments are short, so drop ids entirely.
  clobber: [],
  attributes: { ...defaultSchema.attributes, '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id') },
};

const toHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeStringify);

/** Markdown as a syntax tree, for renderers of other dialects (Slack mrkdwn, Discord, plain text). */
export function parseMarkdown(markdown: string): Root {
  return toMdast.runSync(toMdast.parse(markdown)) as Root;
}

/** Markdown as sanitised HTML, safe to put in a page or a feed. */
export function renderMarkdown(markdown: string): string {
  return String(toHtml.processSync(markdown));
}
