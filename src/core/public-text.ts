import type { Nodes } from 'mdast';
import { stripInternalBlocks } from './internal-blocks.ts';
import { parseMarkdown } from './markdown-syntax.ts';

/**
 * Markdown as the public may read it: without internal blocks, and without HTML comments, which
 * are notes for whoever edits the file (`<!-- don't name the vendor -->`). Pages hid comments
 * already; the API, feeds and notices carried them verbatim. Comments inside code stay: there
 * they are the text being shown.
 */
export function publicMarkdown(markdown: string): string {
  const text = stripInternalBlocks(markdown);
  if (!text.includes('<!--')) return text;
  const cuts: [number, number][] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html' && node.position)
      cuts.push(...commentsIn(text, node.position.start.offset!, node.position.end.offset!));
    if ('children' in node) node.children.forEach(visit);
  };
  visit(parseMarkdown(text));
  let out = text;
  for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The comments between two offsets, as [start, end) ranges; one left open runs to the end of the HTML. */
function commentsIn(text: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
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
