import MarkdownIt, { type StateBlock, type Token } from 'markdown-it';
import { normalizeUri } from 'micromark-util-sanitize-uri';

/**
 * The Markdown parser: CommonMark with GFM tables, strikethrough and autolinks, in a
 * fraction of micromark's time. The renderer and the nesting bounds both read its tokens, so what
 * `check` measures is what the build renders. Raw HTML is parsed (so it ends where CommonMark says)
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

/** The tokens of a text. */
export function markdownTokens(markdown: string): Token[] {
  return parser.parse(markdown, {});
}

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
  // markdown-it's Ruler has no getter for a rule, so the original is taken from its list of rules.
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] })
    .__rules__;
  const original = rules.find((rule) => rule.name === 'reference')!.fn;
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
