import MarkdownIt, { type StateBlock, type StateInline, type Token } from 'markdown-it';
import { normalizeUri } from 'micromark-util-sanitize-uri';

/**
 * The Markdown parser: CommonMark with GFM tables, strikethrough and autolinks, in a
 * fraction of micromark's time. The renderer, the plain text and chat dialects (markdown-text.ts)
 * and the nesting bounds all read its tokens, so what `check` measures is what the build renders
 * and what a notice says. Raw HTML is parsed (so it ends where CommonMark says)
 * and dropped by the renderer.
 */
const parser = new MarkdownIt('default', { html: true, linkify: true, typographer: false });
// URLs are percent-encoded as remark encoded them.
parser.normalizeLink = normalizeUri;
/**
 * Every URL reaches the sanitiser, which keeps the element and drops a forbidden `href` or `src`
 * (markdown-it's own check would print `[label](javascript:...)` as text). One exception: GFM links
 * bare addresses only when they start with `www.` (and e-mail addresses), where linkify-it's fuzzy
 * matching would also link "shields.io" in a sentence; such a match gets a URL that is refused,
 * which leaves it as text.
 */
const NOT_A_LINK = 'candor:not-a-link';
parser.validateLink = (url) => url !== NOT_A_LINK;
parser.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
const normalizeMatch = parser.linkify.normalize.bind(parser.linkify);
parser.linkify.normalize = (match) => {
  normalizeMatch(match);
  if (match.schema === '' && !/^www\./i.test(match.text)) match.url = NOT_A_LINK;
};

ignoreFootnoteDefinitions(parser);
recordInlineHtmlOffsets(parser);

/** The tokens of a text. */
export function markdownTokens(markdown: string): Token[] {
  return parser.parse(markdown, {});
}

/**
 * Plain CommonMark (no GFM tables), for validation that must find blocks exactly where CommonMark
 * does: a `---` line under `a | b` is a heading to CommonMark, as it was to the validator before.
 */
let commonMark: InstanceType<typeof MarkdownIt> | undefined;

/**
 * The CommonMark block tokens of a text (headings, lists, quotes, code, HTML blocks with their
 * lines), inline content left unparsed: where blocks are is all some callers need, at a fraction
 * of the cost. Line endings and NUL are normalised as a full parse does, keeping every line in place.
 */
export function commonMarkBlocks(markdown: string): Token[] {
  const tokens: Token[] = [];
  const source = markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  // Made on first use: most bodies never need it (body-headings.ts reads them by a line scan).
  commonMark ??= new MarkdownIt('commonmark');
  commonMark.block.parse(source, commonMark, {}, tokens);
  return tokens;
}

/** Where each line starts and ends (before its line ending), as Markdown counts lines: `\r\n`, `\r` or `\n`. */
export function lineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const ending = /\r\n?|\n/g;
  let start = 0;
  for (let match = ending.exec(text); match; match = ending.exec(text)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** The box that starts a GFM task list item's text: `[ ] ` or `[x] `. */
export const TASK_BOX = /^\[([ xX])\][ \t]+(?=\S)/;

/** Inline tokens as their plain text (an image's alt text). */
export function inlineText(tokens: Token[]): string {
  return parser.renderer.renderInlineAsText(tokens, parser.options, {});
}

/**
 * `[^1]: note` is a GFM footnote, which Candor does not render: without this markdown-it would read
 * it as a link definition and turn `[^1]` into a link to "note". Both stay text, as written.
 */
function ignoreFootnoteDefinitions(md: typeof parser): void {
  type BlockRule = (
    state: StateBlock,
    startLine: number,
    endLine: number,
    silent: boolean,
  ) => boolean;
  const original = ruleOf<BlockRule>(md.block.ruler, 'reference');
  md.block.ruler.at(
    'reference',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const start = state.bMarks[startLine]! + state.tShift[startLine]!;
      if (state.src.startsWith('[^', start)) return false;
      return original(state, startLine, endLine, silent);
    },
    { alt: ['paragraph', 'reference'] },
  );
}

/** markdown-it's Ruler has no getter for a rule, so the original is taken from its list of rules. */
function ruleOf<Rule>(ruler: unknown, name: string): Rule {
  const rules = (ruler as { __rules__: { name: string; fn: Rule }[] }).__rules__;
  return rules.find((rule) => rule.name === name)!.fn;
}

/** Where an `html_inline` token starts in its inline token's `content`, kept in its `meta`. */
export interface InlineHtmlMeta {
  contentOffset: number;
}

/**
 * Inline tokens carry no positions; public-text.ts needs to know where raw HTML (a comment) starts,
 * to cut it from the source. The offset is into the parent inline token's `content`.
 */
function recordInlineHtmlOffsets(md: typeof parser): void {
  type InlineRule = (state: StateInline, silent: boolean) => boolean;
  const original = ruleOf<InlineRule>(md.inline.ruler, 'html_inline');
  md.inline.ruler.at('html_inline', (state: StateInline, silent: boolean) => {
    const contentOffset = state.pos;
    const found = original(state, silent);
    if (found && !silent) state.tokens.at(-1)!.meta = { contentOffset } satisfies InlineHtmlMeta;
    return found;
  });
}
