import { error, warning, type Diagnostic } from './diagnostics.ts';

/**
 * Internal blocks inside a summary, an update, a postmortem or a workaround:
 *
 *     <!-- internal -->
 *     Ticket OPS-1234; the database team is on it.
 *     <!-- /internal -->
 *
 * GitHub's Markdown preview hides the two comment lines and shows the text, so the file reads
 * naturally in a pull request; the public build drops everything between them. A marker is a line
 * holding nothing else: any other comment that mentions "internal" hides nothing, and is warned about.
 */
const OPEN = /^[ \t]*<!--[ \t]*internal[ \t]*-->[ \t]*$/i;
const CLOSE = /^[ \t]*<!--[ \t]*(?:\/|end[ \t]+)internal[ \t]*-->[ \t]*$/i;

/** A block's marker lines, 0-based; `close` is undefined when the block is never closed. */
interface InternalBlock {
  open: number;
  close?: number;
}

/** The blocks of a text and the problems with their markers (an opening without a closing, a closing without an opening, nesting). */
export function findInternalBlocks(markdown: string): {
  blocks: InternalBlock[];
  problems: { line: number; code: string }[];
} {
  const blocks: InternalBlock[] = [];
  const problems: { line: number; code: string }[] = [];
  let current: InternalBlock | undefined;
  markdown.split('\n').forEach((line, i) => {
    if (OPEN.test(line)) {
      if (current) problems.push({ line: i, code: 'internal-block-nested' });
      else blocks.push((current = { open: i }));
    } else if (CLOSE.test(line)) {
      if (current) current.close = i;
      else problems.push({ line: i, code: 'internal-block-unopened' });
      current = undefined;
    }
  });
  if (current) problems.push({ line: current.open, code: 'internal-block-unterminated' });
  return { blocks, problems };
}

/** Whether a 0-based line lies between the markers of a closed block. */
export function insideInternalBlock(
  blocks: readonly InternalBlock[],
  line: number,
): InternalBlock | undefined {
  return blocks.find((b) => b.close !== undefined && b.open < line && line < b.close);
}

const MESSAGES: Record<string, (openLine: number) => [string, string]> = {
  'internal-block-nested': (openLine) => [
    `An internal block opens here while the one from line ${openLine} is still open.`,
    'Close the first block with `<!-- /internal -->` before opening another.',
  ],
  'internal-block-unopened': () => [
    'This `<!-- /internal -->` closes no internal block.',
    'Add `<!-- internal -->` on its own line where the internal text starts, or remove this line.',
  ],
  'internal-block-unterminated': () => [
    'This internal block is never closed, so everything after it would be hidden from the public page.',
    'Add a line `<!-- /internal -->` where the internal text ends.',
  ],
};

/**
 * Problems with the markers of a text that starts on `firstLine` of `file`, and comments that look
 * like markers but are not: GitHub's preview hides them as it hides a marker, so the author believes
 * the text after them is internal while the public build publishes it.
 */
export function checkInternalBlocks(
  file: string,
  markdown: string,
  firstLine: number,
): Diagnostic[] {
  const { blocks, problems } = findInternalBlocks(markdown);
  const diagnostics = problems.map(({ line, code }) => {
    const openLine = [...blocks].reverse().find((b) => b.open < line)?.open;
    const [message, hint] = MESSAGES[code]!((openLine ?? 0) + firstLine);
    return error(file, { line: firstLine + line, column: 1 }, code, message, hint);
  });
  for (const at of nearMissMarkers(markdown)) {
    diagnostics.push(
      warning(
        file,
        { line: firstLine + at.line, column: at.column },
        'internal-marker-near-miss',
        'This comment mentions "internal" but is not an internal-block marker: the text after it is public, though GitHub\'s preview hides the comment.',
        'Put `<!-- internal -->` and `<!-- /internal -->` each alone on its own line (not in a quote or a list item, nothing else in the comment); or reword the comment.',
      ),
    );
  }
  return diagnostics;
}

/** Every HTML comment that mentions "internal" and is not a marker line, 0-based line and 1-based column. */
function nearMissMarkers(markdown: string): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  let from: number;
  // Lines are counted as the scan goes, so many comments cost one pass over the text.
  let line = 0;
  let counted = 0;
  for (let start = markdown.indexOf('<!--'); start >= 0; start = markdown.indexOf('<!--', from)) {
    const end = markdown.indexOf('-->', start + 4);
    from = end < 0 ? markdown.length : end + 3;
    if (!/internal/i.test(markdown.slice(start + 4, end < 0 ? undefined : end))) continue;
    const lineStart = markdown.lastIndexOf('\n', start) + 1;
    const lineEnd = markdown.indexOf('\n', start);
    const text = markdown.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    if (OPEN.test(text) || CLOSE.test(text)) continue;
    for (
      let i = markdown.indexOf('\n', counted);
      i >= 0 && i < start;
      i = markdown.indexOf('\n', i + 1)
    )
      line++;
    counted = lineStart;
    found.push({ line, column: start - lineStart + 1 });
  }
  return found;
}

/** The Markdown without its internal blocks (markers included), for the public audience. */
export function stripInternalBlocks(markdown: string): string {
  if (!markdown.includes('<!--')) return markdown;
  const kept: string[] = [];
  let inside = false;
  for (const line of markdown.split('\n')) {
    if (!inside && OPEN.test(line)) inside = true;
    else if (inside && CLOSE.test(line)) inside = false;
    else if (!inside) kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
