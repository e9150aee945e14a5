import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, SANITIZE_SCHEMA } from '../../src/core/markdown.ts';
import { constructs, corpusTexts } from '../support/markdown-corpus.ts';

/**
 * The renderer (markdown-it) against the pipeline it replaced (remark + micromark + rehype-sanitize,
 * with the same sanitising schema): the same sanitised HTML, byte for byte, on every fixture, the
 * docs, the example incidents and the benchmark generator's texts. The differences that remain are
 * decided and listed below.
 */
const previous = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeStringify);
const renderPreviously = (markdown: string) => String(previous.processSync(markdown));

/** Decided differences: input, the previous HTML, the new HTML, and why the new one is kept. */
const DECIDED: { markdown: string; previous: string; now: string; why: string }[] = [
  {
    markdown: '~one~ ~~two~~',
    previous: '<p><del>one</del> <del>two</del></p>',
    now: '<p>~one~ <del>two</del></p>',
    why: 'strikethrough needs two tildes (a single tilde is common in times and ranges: "~5 minutes")',
  },
  {
    markdown: 'Text[^1]\n\n[^1]: Note.',
    previous:
      '<p>Text<sup><a href="#user-content-fn-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>\n<section data-footnotes class="footnotes"><h2 class="sr-only">Footnotes</h2>\n<ol>\n<li>\n<p>Note. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>',
    now: '<p>Text[^1]</p>\n<p>[^1]: Note.</p>',
    why: 'footnotes are not rendered: they stay as written (the previous output had an English heading on every page language)',
  },
];

describe('the Markdown renderer against the previous pipeline', () => {
  it('renders every fixture, document and generated text to the same sanitised HTML', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(1000);
    const different = texts.filter((text) => renderMarkdown(text) !== renderPreviously(text));
    expect(different).toEqual([]);
  });

  it('renders every Markdown construct the same way', () => {
    const different = constructs.filter((text) => renderMarkdown(text) !== renderPreviously(text));
    expect(different).toEqual([]);
  });

  it('differs only where decided', () => {
    for (const { markdown, previous: before, now } of DECIDED) {
      expect(renderPreviously(markdown)).toBe(before);
      expect(renderMarkdown(markdown)).toBe(now);
    }
  });
});
