import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/feeds/plain-text.ts';
import { constructs, corpusTexts } from '../support/markdown-corpus.ts';

/**
 * The previous plain text: remark's syntax tree, each top-level block's text, a list item per line.
 * With `decided`, a line ending inside a code span is a space, as CommonMark and the page read it
 * (remark kept the line ending in the span's value).
 */
const toMdast = unified().use(remarkParse).use(remarkGfm);
function plainTextPreviously(markdown: string, decided = true): string {
  const spaced = (node: Nodes) => {
    if (decided && node.type === 'inlineCode') node.value = node.value.replace(/\n/g, ' ');
    if ('children' in node) node.children.forEach(spaced);
  };
  const text = (n: RootContent) => (spaced(n), toString(n, { includeHtml: false }).trim());
  return toMdast
    .parse(markdown)
    .children.map((node) =>
      node.type === 'list' ? node.children.map((item) => `- ${text(item)}`).join('\n') : text(node),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** Decided differences, as for the HTML (tests/site/markdown-differential.test.ts): the text follows the page. */
const DECIDED = [
  { markdown: '~one~ ~~two~~', previous: 'one two', now: '~one~ two' },
  {
    markdown: 'Text[^1]\n\n[^1]: Note.',
    previous: 'Text\n\nNote.',
    now: 'Text[^1]\n\n[^1]: Note.',
  },
];

describe('plain text (calendar descriptions) against the previous remark version', () => {
  it('is the same for every fixture, document and generated text', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((text) => plainText(text) !== plainTextPreviously(text))).toEqual([]);
  });

  it('is the same for every Markdown construct', () => {
    const different = constructs
      .filter((text) => plainText(text) !== plainTextPreviously(text))
      .map((text) => [text, plainTextPreviously(text), plainText(text)]);
    expect(different).toEqual([]);
  });

  it('differs only where decided', () => {
    for (const { markdown, previous, now } of DECIDED) {
      expect(plainTextPreviously(markdown, false)).toBe(previous);
      expect(plainText(markdown)).toBe(now);
    }
  });
});
