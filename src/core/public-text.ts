import type { Token } from 'markdown-it';
import { stripInternalBlocks } from './internal-blocks.ts';
import { lineSpans, markdownTokens, type InlineHtmlMeta } from './markdown-tokens.ts';

/**
 * Markdown as the public may read it: without internal blocks, and without HTML comments, which
 * are notes for whoever edits the file (`<!-- don't name the vendor -->`). Pages hid comments
 * already; the API, feeds and notices carried them verbatim. Comments inside code stay: there
 * they are the text being shown.
 */
export function publicMarkdown(markdown: string): string {
  const text = stripInternalBlocks(markdown);
  if (!text.includes('<!--')) return text;
  let out = text;
  for (const [start, end] of mergedRanges(commentRanges(text)).reverse())
    out = out.slice(0, start) + out.slice(end);
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Range = [number, number];
type Line = { start: number; end: number };

/**
 * The comments in a text's raw HTML, blocks and inline, where the renderer's parser finds raw HTML
 * (so not in code). A block's lines come with its token; inline HTML is placed through its offset in
 * the inline content, whose lines are each a part of one source line. Should a line not be found
 * (never seen, but the cost of a mistake is a published note), every comment on the lines of that
 * content is cut.
 */
function commentRanges(text: string): Range[] {
  const lines = lineSpans(text);
  const span = ([first, next]: [number, number]): Range => [
    lines[first]!.start,
    lines[next - 1]!.end,
  ];
  const cuts: Range[] = [];
  // Table cells have no lines of their own: they are on their row's line, one after another.
  let lastMap: [number, number] | undefined;
  const usedUpTo = new Map<number, number>();
  for (const token of markdownTokens(text)) {
    if (token.map) lastMap = token.map;
    if (token.type === 'html_block' && token.map) {
      cuts.push(...commentsIn(text, ...span(token.map)));
      continue;
    }
    const map = token.map ?? lastMap;
    if (token.type !== 'inline' || !map) continue;
    const place = placer(text, lines, token.content, map[0], usedUpTo);
    for (const html of token.children ?? []) {
      if (html.type !== 'html_inline') continue;
      const offset = (html.meta as Partial<InlineHtmlMeta> | null)?.contentOffset;
      const from = offset === undefined ? undefined : place(offset);
      const to = offset === undefined ? undefined : place(offset + html.content.length);
      const found =
        from !== undefined && to !== undefined && text.startsWith(firstLine(html), from);
      cuts.push(...(found ? commentsIn(text, from, to) : commentsIn(text, ...span(map))));
    }
  }
  return cuts;
}

function firstLine(token: Token): string {
  return token.content.split('\n', 1)[0]!;
}

/** Maps an offset in an inline token's content to an offset in the source text. */
function placer(
  text: string,
  lines: Line[],
  content: string,
  firstLineIndex: number,
  usedUpTo: Map<number, number>,
): (offset: number) => number | undefined {
  const starts: (number | undefined)[] = content.split('\n').map((part, k) => {
    const line = lines[firstLineIndex + k];
    if (!line) return undefined;
    const trimmed = part.trimStart();
    const from = usedUpTo.get(firstLineIndex + k) ?? 0;
    const at = trimmed ? text.slice(line.start, line.end).indexOf(trimmed, from) : -1;
    if (at < 0) return undefined;
    usedUpTo.set(firstLineIndex + k, at + trimmed.length);
    // Where the content line's first character would be (before any whitespace it starts with).
    return line.start + at - (part.length - trimmed.length);
  });
  return (offset) => {
    const k = content.slice(0, offset).split('\n').length - 1;
    const lineStart = content.lastIndexOf('\n', offset - 1) + 1;
    const start = starts[k];
    return start === undefined ? undefined : start + offset - lineStart;
  };
}

/** Sorted ranges with overlapping ones joined, so that cutting them one by one is safe. */
function mergedRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The comments between two offsets, as [start, end) ranges; one left open runs to the end of the HTML. */
function commentsIn(text: string, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  for (
    let start = text.indexOf('<!--', from);
    start >= 0 && start < to;
    start = text.indexOf('<!--', start + 1)
  ) {
    const close = text.indexOf('-->', start + 4);
    const end = close < 0 || close + 3 > to ? to : close + 3;
    ranges.push([start, end]);
    start = end - 1;
  }
  return ranges;
}
