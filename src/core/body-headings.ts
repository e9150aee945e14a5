import { commonMarkBlocks, lineSpans } from './markdown-tokens.ts';

/** A level-2 heading at the top level of a Markdown body (lines and columns 1-based, offsets 0-based). */
export interface HeadingSpan {
  line: number;
  column: number;
  /** Where the heading starts: its first `#`, or the first character of a setext heading's text. */
  startOffset: number;
  /** The end of the heading's last line. */
  endOffset: number;
  endLine: number;
}

/**
 * Lines that can hide a `##` line at the start of a line from the top level, or make a heading
 * another way: code fences, HTML blocks, `-`/`=` underlines, and `##` indented by one to three
 * spaces (which may belong to a list item). Lists and quotes need no parsing: a `##` at the very
 * start of a line always ends them. A body without such lines is read by a line scan, which finds
 * exactly the headings CommonMark does (a property test holds the two to that) and is many times
 * faster; any other body is parsed as CommonMark by markdown-it (block structure only: inline content cannot
 * make or hide a heading).
 */
const MAY_HIDE_OR_MAKE_HEADINGS = /^(?: {0,3}(?:```|~~~|<|[-=]+[ \t]*$)| {1,3}##(?:[ \t]|$))/m;
const ATX_LEVEL_2 = /^( {0,3})##(?:[ \t]|$)/;

/** The level-2 headings of a body: `## ` (ATX) ones, and those made by a `---` or `===` line under text (setext). */
export function level2Headings(body: string): { atx: HeadingSpan[]; setext: HeadingSpan[] } {
  return MAY_HIDE_OR_MAKE_HEADINGS.test(body)
    ? parsedHeadings(body)
    : { atx: scannedHeadings(body), setext: [] };
}

function scannedHeadings(body: string): HeadingSpan[] {
  const headings: HeadingSpan[] = [];
  let offset = 0;
  body.split('\n').forEach((text, i) => {
    const match = ATX_LEVEL_2.exec(text);
    if (match) {
      const indent = match[1]!.length;
      headings.push({
        line: i + 1,
        column: indent + 1,
        startOffset: offset + indent,
        endOffset: offset + text.length,
        endLine: i + 1,
      });
    }
    offset += text.length + 1;
  });
  return headings;
}

function parsedHeadings(body: string): { atx: HeadingSpan[]; setext: HeadingSpan[] } {
  const atx: HeadingSpan[] = [];
  const setext: HeadingSpan[] = [];
  const lines = lineSpans(body);
  for (const token of commonMarkBlocks(body)) {
    if (token.type !== 'heading_open' || token.tag !== 'h2' || token.level !== 0 || !token.map)
      continue;
    const [first, next] = token.map;
    const { start, end } = lines[first]!;
    // At the top level a heading is indented by at most three spaces (a tab would make it code).
    const indent = /^ */.exec(body.slice(start, end))![0].length;
    const span = {
      line: first + 1,
      column: indent + 1,
      startOffset: start + indent,
      endOffset: lines[next - 1]!.end,
      endLine: next,
    };
    (body.startsWith('#', span.startOffset) ? atx : setext).push(span);
  }
  return { atx, setext };
}
