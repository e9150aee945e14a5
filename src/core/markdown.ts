import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Token } from 'markdown-it';
import { inlineText, markdownTokens, TASK_BOX } from './markdown-tokens.ts';

/**
 * The one Markdown renderer: pages, feeds, the API and notices all take their HTML from here.
 * markdown-it's tokens become a hast tree shaped as remark-rehype shapes it, which the same
 * sanitiser as before cleans (no raw HTML, scripts, event handlers or `javascript:` URLs) and
 * hast-util-to-html writes. Raw HTML in user text is dropped, not escaped.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  // GitHub's schema prefixes ids with "user-content-"; our fragments are short, so drop ids entirely.
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id'),
  },
};

/** A build renders the same texts for pages, feeds and the API: each is rendered once. */
const rendered = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** Markdown as sanitised HTML, safe to put in a page or a feed. */
export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = toHtml(sanitize(markdownToHast(markdown), SANITIZE_SCHEMA));
    if (rendered.size >= CACHE_LIMIT) rendered.clear();
    rendered.set(markdown, html);
  }
  return html;
}

/** Paragraphs markdown-it hides: their list is tight, so their text goes straight into the `li`. */
const tightParagraphs = new WeakSet<Element>();

/** markdown-it's tokens as the hast tree remark-rehype would build from the same text. */
export function markdownToHast(markdown: string): Root {
  const root: Element = element('root');
  const stack: Element[] = [root];
  for (const token of markdownTokens(markdown)) {
    const parent = stack.at(-1)!;
    if (token.nesting === 1) {
      const block = element(token.tag, blockProperties(token));
      if (token.type === 'paragraph_open' && token.hidden) tightParagraphs.add(block);
      parent.children.push(block);
      stack.push(block);
    } else if (token.nesting === -1) {
      const block = stack.pop()!;
      block.children = layout(block);
    } else if (token.type === 'inline') {
      parent.children.push(...inline(token.children ?? []));
    } else if (token.type === 'fence' || token.type === 'code_block') {
      const language = token.type === 'fence' ? token.info.trim().split(/\s+/)[0] : '';
      const code = element('code', language ? { className: [`language-${language}`] } : {}, [
        text(token.content),
      ]);
      parent.children.push(element('pre', {}, [code]));
    } else if (token.type === 'hr') {
      parent.children.push(element('hr'));
    }
    // html_block: raw HTML is dropped.
  }
  return {
    type: 'root',
    children: wrap(root.children as RootContent[] as ElementContent[], false) as RootContent[],
  };
}

/** An attribute markdown-it set, as a string. */
function attribute(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

function element(
  tagName: string,
  properties: Properties = {},
  children: ElementContent[] = [],
): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function blockProperties(token: Token): Properties {
  if (token.type === 'ordered_list_open') {
    const start = Number(attribute(token, 'start') ?? 1);
    return start !== 1 ? { start } : {};
  }
  if (token.type === 'th_open' || token.type === 'td_open') {
    const align = /text-align:(\w+)/.exec(attribute(token, 'style') ?? '')?.[1];
    return align ? { align } : {};
  }
  return {};
}

/** The newlines remark-rehype puts between and around block children, so the HTML is the same. */
function layout(node: Element): ElementContent[] {
  switch (node.tagName) {
    case 'ul':
    case 'ol':
      if (
        node.children.some(
          (item) =>
            item.type === 'element' &&
            (item.properties.className as string[] | undefined)?.includes('task-list-item'),
        )
      ) {
        node.properties.className = ['contains-task-list'];
      }
      return wrap(node.children, true);
    case 'blockquote':
    case 'table':
    case 'thead':
    case 'tbody':
    case 'tr':
      return wrap(node.children, true);
    case 'li':
      markTask(node);
      return listItem(node.children);
    default:
      return node.children;
  }
}

function wrap(nodes: ElementContent[], loose: boolean): ElementContent[] {
  const out: ElementContent[] = loose ? [text('\n')] : [];
  nodes.forEach((node, i) => {
    if (i > 0) out.push(text('\n'));
    out.push(node);
  });
  if (loose && nodes.length > 0) out.push(text('\n'));
  return out;
}

/** `- [ ] text` / `- [x] text`: a GFM task list item gets a disabled checkbox, as on GitHub. */
function markTask(item: Element): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'element' || paragraph.tagName !== 'p') return;
  const first = paragraph.children[0];
  const box = first?.type === 'text' ? TASK_BOX.exec(first.value) : null;
  if (!box || first?.type !== 'text') return;
  first.value = first.value.slice(box[0].length);
  paragraph.children.unshift(
    element('input', { type: 'checkbox', checked: box[1] !== ' ', disabled: true }),
    text(' '),
  );
  item.properties.className = ['task-list-item'];
}

/** A tight list item holds its paragraph's text directly; every other child sits on its own line. */
function listItem(children: ElementContent[]): ElementContent[] {
  const isParagraph = (node: ElementContent | undefined): node is Element =>
    node?.type === 'element' && node.tagName === 'p';
  const loose = children.some((child) => isParagraph(child) && !tightParagraphs.has(child));
  const out: ElementContent[] = [];
  children.forEach((child, i) => {
    if (loose || i !== 0 || !isParagraph(child)) out.push(text('\n'));
    if (isParagraph(child) && !loose) out.push(...child.children);
    else out.push(child);
  });
  const tail = children.at(-1);
  if (tail && (loose || !isParagraph(tail))) out.push(text('\n'));
  return out;
}

/** Inline tokens (text, emphasis, links, code, breaks) as hast. */
function inline(tokens: Token[]): ElementContent[] {
  const root = element('span');
  const stack: Element[] = [root];
  for (const token of tokens) {
    const parent = stack.at(-1)!;
    switch (token.type) {
      case 'text':
      case 'text_special':
        parent.children.push(text(token.content));
        break;
      case 'softbreak':
        parent.children.push(text('\n'));
        break;
      case 'hardbreak':
        parent.children.push(element('br'), text('\n'));
        break;
      case 'code_inline':
        parent.children.push(element('code', {}, [text(token.content)]));
        break;
      case 'image': {
        const title = attribute(token, 'title');
        const alt = inlineText(token.children ?? []);
        parent.children.push(
          element('img', {
            src: attribute(token, 'src') ?? '',
            alt,
            ...(title !== undefined ? { title } : {}),
          }),
        );
        break;
      }
      case 'html_inline':
        break;
      default:
        if (token.nesting === 1) {
          const title = attribute(token, 'title');
          const properties: Properties =
            token.type === 'link_open'
              ? { href: attribute(token, 'href') ?? '', ...(title !== undefined ? { title } : {}) }
              : {};
          const child = element(token.tag === 's' ? 'del' : token.tag, properties);
          parent.children.push(child);
          stack.push(child);
        } else if (token.nesting === -1 && stack.length > 1) {
          stack.pop();
        }
    }
  }
  return root.children;
}
