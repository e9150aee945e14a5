import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { level2Headings, type HeadingSpan } from '../../src/core/body-headings.ts';

/** The reference: plain remark, everything parsed, the top-level level-2 headings it finds. */
function remarkHeadings(body: string): { atx: HeadingSpan[]; setext: HeadingSpan[] } {
  const atx: HeadingSpan[] = [];
  const setext: HeadingSpan[] = [];
  for (const node of unified().use(remarkParse).parse(body).children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const { start, end } = node.position!;
    const span = {
      line: start.line,
      column: start.column,
      startOffset: start.offset!,
      endOffset: end.offset!,
      endLine: end.line,
    };
    (body.startsWith('#', span.startOffset) ? atx : setext).push(span);
  }
  return { atx, setext };
}

/**
 * Inline text, as it may follow a heading marker or fill a paragraph. Control characters (form feed,
 * vertical tab, NUL) are left out: the loader refuses them before a body is read for headings.
 */
const inline = fc.constantFrom(
  ' ',
  'text',
  '2026-11-20 14:03 UTC · Resolved',
  ' ##',
  '#',
  '`',
  '``',
  '*',
  '**',
  '_',
  '\\',
  '[a](b)',
  '[a]: /url',
  'x<b>',
  '|',
  '!',
  'é',
  '💥',
  '\u00a0',
);
/** How a line may start: heading markers with up to three spaces of indent, or nothing special. */
const lineStart = fc.constantFrom(
  '',
  '',
  '## ',
  '##',
  '##\t',
  ' ## ',
  '   ## ',
  '### ',
  '# ',
  '##x',
  ' ',
  'text ',
  '\u00a0## ',
);
/** Lines of plain text and headings only: bodies the line scan reads. */
const plainLine = fc
  .tuple(lineStart, fc.array(inline, { maxLength: 6 }))
  .map(([start, rest]) => start + rest.join(''));
/** Everything that makes Markdown nest or underline: bodies remark must parse. */
const structuralLine = fc.constantFrom(
  '---',
  '===',
  '--',
  '- ',
  '-',
  '- item',
  '* item',
  '+ item',
  '1. item',
  '2) item',
  '10) x',
  '  continued',
  '   - nested',
  '  ## in item',
  '- ## item heading',
  '- ```',
  '> ```',
  '- <div>',
  '> quote',
  '>',
  '> ## quoted',
  '>## quoted',
  '```',
  '~~~',
  '```js',
  '    code',
  '\t## tab',
  '\t- tab item',
  ' \t## x',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<p>',
  '***',
  '* * *',
  '___',
  '   ',
  '',
);
const body = (line: fc.Arbitrary<string>) =>
  fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

/**
 * Where micromark (remark's parser) and markdown-it (Candor's) read a body differently; such bodies
 * are compared in tests of their own. micromark reads an empty list item, or one numbered from
 * other than 1, after indented code (blank lines between or not) as paragraph text, as if it could
 * not interrupt the code; so a `---` under it makes a heading (CommonMark: a list item, then a
 * rule). After a link reference definition (in a list or quote too), micromark starts a heading at the definition's line
 * and keeps `2) item` in it, also when the next line starts with other white space; markdown-it
 * ends the definition at its line, as the page renders it. A tab-indented line under a list item
 * whose text starts past column 4 (`   - item`, `10) item`), right under it or under its lazy
 * continuation lines, continues the item for micromark and is indented code for markdown-it.
 */
const PARSERS_DIFFER = [
  /^(?: {0,3}\t| {4}).*\n(?:[^\S\n]*\n)* {0,3}(?:(?:[-*+]|\d+[.)])[ \t]*(?:\n|$)|(?!1[.)])\d+[.)])/m,
  /^[ \t]*(?:(?:[-*+>]|\d+[.)])[ \t]*)*\[[^\]]*\]:.*\n[^\S\n]*\S/m,
  /^(?: {1,3}(?:[-*+]|\d+[.)])|\d{2,}[.)])[ \t].*\n(?:[ \t]*[^ \t\n].*\n)* {0,3}\t/m,
];

describe('level-2 headings of an incident body', () => {
  it('are exactly the ones remark finds, for bodies of plain lines and headings (the line scan)', () => {
    fc.assert(
      fc.property(body(plainLine), (text) => {
        expect(level2Headings(text)).toEqual(remarkHeadings(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('are exactly the ones remark finds, for bodies with lists, quotes, code, HTML and underlines', () => {
    fc.assert(
      fc.property(body(fc.oneof(plainLine, structuralLine)), (text) => {
        fc.pre(!PARSERS_DIFFER.some((differ) => differ.test(text)));
        expect(level2Headings(text)).toEqual(remarkHeadings(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('tell `##` headings from underlined text, and skip those inside code or quotes', () => {
    const text =
      'Summary\n---\n\n## 2026-11-20 14:03 UTC · Investigating\n```\n## not a heading\n```\n> ## quoted\n\n  ## indented two\n    ## code\n';
    const { atx, setext } = level2Headings(text);
    expect(atx.map((h) => [h.line, h.column])).toEqual([
      [4, 1],
      [10, 3],
    ]);
    expect(setext.map((h) => [h.line, h.endLine])).toEqual([[1, 2]]);
  });

  it('follow CommonMark where micromark does not: an empty list item after indented code is no heading', () => {
    for (const text of ['\t## tab\n- \n---', ' \t## x\n-\n---', '    code\n1.\n---']) {
      expect(level2Headings(text)).toEqual({ atx: [], setext: [] });
    }
    expect(level2Headings('    code\n2) item\n   ## x')).toEqual({ atx: [], setext: [] });
    // An item with text, numbered from 1 or bulleted, is a list item to both.
    expect(level2Headings('    code\n- a\n---')).toEqual(remarkHeadings('    code\n- a\n---'));
  });

  it('start a heading after a link reference definition at its own line, as the page shows it', () => {
    expect(level2Headings('[a]: /url\ntext\n---').setext.map((h) => [h.line, h.endLine])).toEqual([
      [2, 3],
    ]);
    expect(level2Headings('[a]: /url\n2) item\n---')).toEqual({ atx: [], setext: [] });
  });
});
