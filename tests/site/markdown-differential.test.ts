import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generateRepository } from '../../bench/generate.ts';
import { renderMarkdown, SANITIZE_SCHEMA } from '../../src/core/markdown.ts';

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

const root = new URL('../../', import.meta.url).pathname;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** What the loader hands the renderer: decoded text without a BOM, with LF line ends. */
const asLoaded = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** Each file whole, and cut at its `## ` headings as the loader cuts incidents into texts. */
function textsOf(file: string): string[] {
  const text = asLoaded(file);
  return [text, ...text.split(/^(?=## )/m)];
}

const repositoryFiles = [
  ...['tests/fixtures', 'incidents', 'docs', 'templates'].flatMap((dir) => {
    try {
      return markdownFiles(join(root, dir));
    } catch {
      return [];
    }
  }),
  join(root, 'README.md'),
].map((path) => readFileSync(path, 'utf8'));
const generated = generateRepository({ incidents: 400, seed: 42 }).map((file) => file.content);

/** Constructs the corpus may miss: every block and inline kind, GFM extensions, hostile links. */
const constructs = [
  '- [ ] todo\n- [x] done',
  '1. a\n2. b\n\n   c\n3. d',
  '5. five\n6. six',
  '- a\n  - b\n    - c\n- d',
  '- a\n\n- b',
  '> quote\n> - list\n>\n> para',
  '| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| 4 |',
  '![alt *text*](https://x.test/i.png "T")',
  'Visit www.example.com or https://example.com/path?x=1. Mail ops@example.com.',
  'www.commonmark.org/a.b.',
  'x https://a.test/b?c=d&e=f.',
  '[l](https://x.test "title") [r][ref]\n\n[ref]: https://r.test',
  'a  \nb\\\nc',
  'Setext\n===',
  '    indented\n    code',
  '```js title\nlet x;\n```',
  '`code\nspan`',
  '&amp; &copy; &#35; &nbsp;',
  '<div>\nblock html\n</div>\n\nafter',
  'in <span>line</span> html <!-- note -->',
  '[x](javascript:alert(1)) [y](data:text/html,hi) [z](ftp://f.test) [w](/rel) [v](#frag) ![i](javascript:x)',
  '[bücher](https://bücher.de/ä?q=ö ü)',
  '<https://auto.test> <mailto:a@b.test> <a@b.test>',
  '***strong em*** __strong__ _em_',
  '* * *',
  '# H1\n## H2 ##\n###### H6',
  '\\*not em\\*',
  'http://example.com/a_b_c_(d)',
  '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
];

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
    const texts = [...repositoryFiles, ...generated].flatMap(textsOf);
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
