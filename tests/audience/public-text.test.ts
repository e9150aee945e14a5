import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { stripInternalBlocks } from '../../src/core/internal-blocks.ts';
import { publicMarkdown } from '../../src/core/public-text.ts';

/** The reference: comments cut where remark (micromark with GFM) finds raw HTML, as Candor did before. */
function remarkPublicMarkdown(markdown: string): string {
  const text = stripInternalBlocks(markdown);
  if (!text.includes('<!--')) return text;
  const cuts: [number, number][] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html' && node.position) {
      const to = node.position.end.offset!;
      for (
        let start = text.indexOf('<!--', node.position.start.offset!);
        start >= 0 && start < to;
        start = text.indexOf('<!--', start + 1)
      ) {
        const close = text.indexOf('-->', start + 4);
        const end = close < 0 || close + 3 > to ? to : close + 3;
        cuts.push([start, end]);
        start = end - 1;
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(unified().use(remarkParse).use(remarkGfm).parse(text));
  let out = text;
  for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const piece = fc.constantFrom(
  'text',
  ' ',
  '<!-- note -->',
  '<!--note-->',
  '<!-- two\nlines -->',
  '<!--',
  '-->',
  '`<!-- code -->`',
  '``a <!-- b --> c``',
  '\\<!-- escaped -->',
  '<b>',
  '</b>',
  '<a title="<!-- x -->">',
  '*',
  '[link <!-- x -->](/url)',
  '|',
  '💥',
);
const lineStart = fc.constantFrom(
  '',
  '',
  '',
  '> ',
  '- ',
  '1. ',
  '  ',
  '    ',
  '## ',
  '| ',
  '```\n',
  '<div>\n',
  '---\n',
  '|---|---|\n',
);
const line = fc
  .tuple(lineStart, fc.array(piece, { maxLength: 5 }))
  .map(([start, rest]) => start + rest.join(''));
const body = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));

/**
 * Where markdown-it, which renders the page, and remark read a body differently; the public text
 * follows the page. Tables are where they differ most: markdown-it takes a table before an HTML
 * block or a heading (`<!-- a -->|b` or `## a|b` over `|---|---|`), reads a bare `---` under a
 * line with a pipe as a one-column table (remark: a heading), and ends a table elsewhere. HTML on a
 * line that continues a list item or a quote lazily (right after it or after more lazy lines) is inline HTML in a paragraph to markdown-it
 * (as CommonMark says: it cannot interrupt one) and an HTML block to remark; a comment never closed
 * ends, for remark, after the line ending of its list item. markdown-it follows CommonMark 0.31 on
 * comments (`<!-- a -- b -->` is one) where remark does not. Such bodies are left to the next tests.
 */
const PARSERS_DIFFER = [
  /^[^\n]*\|[^\n]*\n *-+ *$/m,
  /\|---/,
  /<!--(?![^]*-->)/,
  /^(?:>|-|1\.)[^\n]*(?:\n(?![ \t]*$)[^\n]*)*\n *[<\\]/m,
  /^(?:>|-|1\.) *<!--/m,
  /<!--(?:(?!-->)[^])*--[^>]/,
];

describe('Markdown for the public', () => {
  it('drops HTML comments exactly where remark found raw HTML, on bodies of text, code, lists, quotes and tables', () => {
    fc.assert(
      fc.property(body, (text) => {
        fc.pre(!PARSERS_DIFFER.some((differ) => differ.test(text)));
        expect(publicMarkdown(text)).toEqual(remarkPublicMarkdown(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps comments that are code, and drops those in headings, table cells, quotes and list items', () => {
    const text = [
      '## Update <!-- who --> ##',
      '',
      '| a <!-- x --> | `<!-- x -->` |',
      '|---|---|',
      '| `<!-- y -->` | <!-- y --> b |',
      '',
      '> quoted <!-- q\n> across --> end',
      '',
      '- item <!-- i --> text',
      '',
      '```',
      '<!-- in a fence -->',
      '```',
    ].join('\n');
    expect(publicMarkdown(text)).toBe(
      [
        '## Update  ##',
        '',
        '| a  | `<!-- x -->` |',
        '|---|---|',
        '| `<!-- y -->` |  b |',
        '',
        '> quoted  end',
        '',
        '- item  text',
        '',
        '```',
        '<!-- in a fence -->',
        '```',
      ].join('\n'),
    );
  });

  it('drops a comment never closed up to the end of its HTML, as the page does', () => {
    expect(publicMarkdown('Text\n\n<!-- open\nstill hidden\n\nnot shown either')).toBe('Text');
    expect(publicMarkdown('- <!--\n- next')).toBe('-\n- next');
    // A table header is a table to the page, so its text stays.
    expect(publicMarkdown('<!--|text\n|---|---|')).toBe('<!--|text\n|---|---|');
  });

  it('drops a comment with `--` inside, as CommonMark 0.31 and the page read it', () => {
    expect(publicMarkdown('a <!-- one -- two --> b')).toBe('a  b');
  });
});
