import { error, type Diagnostic } from './diagnostics.ts';

/**
 * Internal blocks inside a summary, an update or a postmortem:
 *
 *     <!-- internal -->
 *     Ticket OPS-1234; the database team is on it.
 *     <!-- /internal -->
 *
 * GitHub's Markdown preview hides the two comment lines and shows the text, so the file reads
 * naturally in a pull request; the public build drops everything between them.
 */
const OPEN = /^[ \t]*<!--[ \t]*internal[ \t]*-->[ \t]*$/i;
const CLOSE = /^[ \t]*<!--[ \t]*(?:\/|end[ \t]+)internal[ \t]*-->[ \t]*$/i;

/** Problems with the markers: an opening without a closing, a closing without an opening, nesting. */
export function checkInternalBlocks(file: string, markdown: string, firstLine: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let openLine: number | undefined;
  markdown.split('\n').forEach((line, i) => {
    const at = { line: firstLine + i, column: 1 };
    if (OPEN.test(line)) {
      if (openLine !== undefined) {
        diagnostics.push(error(file, at, 'internal-block-nested', `An internal block opens here while the one from line ${openLine} is still open.`,
          'Close the first block with `<!-- /internal -->` before opening another.'));
      }
      openLine = at.line;
    } else if (CLOSE.test(line)) {
      if (openLine === undefined) {
        diagnostics.push(error(file, at, 'internal-block-unopened', 'This `<!-- /internal -->` closes no internal block.',
          'Add `<!-- internal -->` on its own line where the internal text starts, or remove this line.'));
      }
      openLine = undefined;
    }
  });
  if (openLine !== undefined) {
    diagnostics.push(error(file, { line: openLine, column: 1 }, 'internal-block-unterminated', 'This internal block is never closed, so everything after it would be hidden from the public page.',
      'Add a line `<!-- /internal -->` where the internal text ends.'));
  }
  return diagnostics;
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
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
