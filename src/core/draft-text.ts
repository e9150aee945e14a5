import { error, warning, type Diagnostic } from './diagnostics.ts';

/**
 * Text a template drafted that still waits for the author. Templates mark what only the author
 * knows as `[[what users see]]`; the mark is the same in every language, only the words inside
 * change, so per-language templates are checked alike.
 */
export const PLACEHOLDER = /\[\[([^[\]\n]+)\]\]/g;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A diagnostic for each placeholder left in a file: a warning in the summary and the updates
 * (an engineer may publish a rough first update on purpose), an error in a public postmortem,
 * which is written after the fact and should never go out unfinished. Code blocks are left alone.
 */
export function placeholderDiagnostics(
  path: string,
  text: string,
  options: { postmortemLine?: number; isPublic: boolean },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Most files have none: validation of a large history stays a string search per file.
  if (!text.includes('[[')) return diagnostics;
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const opening = FENCE.exec(line)?.[1];
    if (opening && (!fence || opening.startsWith(fence))) {
      fence = fence ? undefined : opening;
      return;
    }
    if (fence) return;
    for (const match of line.matchAll(PLACEHOLDER)) {
      const lineNumber = index + 1;
      const at = { line: lineNumber, column: match.index + 1 };
      const inPostmortem =
        options.postmortemLine !== undefined && lineNumber > options.postmortemLine;
      const message = `A placeholder is left in the text: "${match[0]}".`;
      const hint = 'Replace it, brackets included, with the facts, or delete it.';
      diagnostics.push(
        inPostmortem && options.isPublic
          ? error(
              path,
              at,
              'placeholder-left',
              message,
              `${hint} A public postmortem is published as it is written.`,
            )
          : warning(path, at, 'placeholder-left', message, hint),
      );
    }
  });
  return diagnostics;
}

/**
 * Phrases that say the work is still going on. A resolved incident whose summary still says them
 * tells readers, who read the summary first, that it is not over.
 */
const ONGOING =
  /\b(?:we are|we're|we have been|we've been)\s+(?:still\s+|currently\s+|actively\s+)?(?:investigating|looking into|working on|seeing|aware of|monitoring)\b|\b(?:is|are)\s+(?:currently\s+|still\s+)?(?:ongoing|under investigation|being investigated)\b|\bwill update this page\b|\bmay (?:currently )?see\b/i;

/** The words of a summary that read as ongoing, or undefined. */
export function ongoingWording(summary: string): string | undefined {
  return ONGOING.exec(summary)?.[0];
}
