import { error, type Diagnostic } from './diagnostics.ts';
import { markdownTokens } from './markdown-tokens.ts';

/**
 * The limits every file is held to before anything else reads it, so that whatever passes `check`
 * builds in linear time and without exhausting the stack: no real status update comes near them.
 */
export const INPUT_BOUNDS = {
  /** Characters in one line of any file. */
  lineChars: 10_000,
  /** Characters in a `#` heading line. */
  headingChars: 300,
  /** Blockquotes and lists inside one another. */
  blockNesting: 16,
  /** Emphasis, links and strikethrough inside one another, and `[` brackets open at once. */
  inlineNesting: 16,
  /** Keys in one YAML mapping. */
  mappingKeys: 1_000,
  /** Characters in one YAML value. */
  valueChars: 20_000,
} as const;

/** More than this many findings of one kind in a file says the same thing again. */
const MAX_REPORTED = 5;

/**
 * C0 and C1 control characters other than tab and newline (and the two non-characters XML refuses):
 * they make feeds and badges ill-formed XML, reach calendars raw and rewrite terminal output.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'null',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
};

/** `U+001B (escape)`: how a character nobody can see is named in a message. */
function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return CONTROL_NAMES[code] ? `${hex} (${CONTROL_NAMES[code]})` : hex;
}

/** Lines too long and control characters, with their line and column, in a file's decoded text. */
export function checkTextBounds(path: string, text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let longLines = 0;
  let controls = 0;
  const hasControl = CONTROL.test(text);
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > INPUT_BOUNDS.lineChars && longLines++ < MAX_REPORTED) {
      diagnostics.push(
        error(
          path,
          { line, column: INPUT_BOUNDS.lineChars + 1 },
          'line-too-long',
          `This line has ${end - start} characters; the limit is ${INPUT_BOUNDS.lineChars}.`,
          'Break the text into lines or paragraphs; link to long logs or documents instead of pasting them.',
        ),
      );
    }
    if (hasControl) {
      const found = CONTROL.exec(text.slice(start, end));
      if (found && controls++ < MAX_REPORTED) {
        const code = found[0].charCodeAt(0);
        diagnostics.push(
          error(
            path,
            { line, column: found.index + 1 },
            'control-character',
            `This line contains the invisible control character ${describeCharacter(code)}, which breaks feeds, calendars and badges.`,
            code === 0x1b
              ? 'Delete it: a log pasted with its colours carries escape codes; copy it again without colours.'
              : 'Delete the character (retyping the line in a plain text editor removes it).',
          ),
        );
      }
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return diagnostics;
}

/** Characters that can open a container (blockquote, list) at the start of a line. */
const CONTAINER_PREFIX = new Set([
  ' ',
  '\t',
  '>',
  '-',
  '*',
  '+',
  '.',
  ')',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
]);
const INLINE_DELIMITERS = new Set(['*', '_', '~', '[']);

/**
 * Markdown nested deeper than the renderers can follow: blockquotes and lists, emphasis and links,
 * and headings too long. Each container needs at least one character of a line's prefix and each
 * inline level a delimiter, so text that cannot reach the limits is not parsed here.
 */
export function checkMarkdownBounds(
  path: string,
  markdown: string,
  firstLine: number,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let deepestPrefix = 0;
  let delimiters = 0;
  let line = firstLine;
  for (let start = 0; start <= markdown.length; line++) {
    const newline = markdown.indexOf('\n', start);
    const end = newline < 0 ? markdown.length : newline;
    let prefix = start;
    while (prefix < end && CONTAINER_PREFIX.has(markdown[prefix]!)) prefix++;
    deepestPrefix = Math.max(deepestPrefix, prefix - start);
    if (
      end - start > INPUT_BOUNDS.headingChars &&
      /^#{1,6}(?:[ \t]|$)/.test(markdown.slice(prefix, prefix + 7))
    ) {
      diagnostics.push(
        error(
          path,
          { line, column: 1 },
          'heading-too-long',
          `This heading has ${end - start} characters; the limit is ${INPUT_BOUNDS.headingChars}.`,
          'Keep a heading to a few words and put the rest in the text under it.',
        ),
      );
    }
    let open = 0;
    for (let i = prefix; i < end; i++) {
      const c = markdown[i]!;
      if (INLINE_DELIMITERS.has(c)) delimiters++;
      if (c === '\\') i++;
      else if (c === '[') open++;
      else if (c === ']') open = Math.max(0, open - 1);
      if (open > INPUT_BOUNDS.inlineNesting) {
        diagnostics.push(tooDeep(path, { line, column: i + 1 - start }, 'brackets'));
        break;
      }
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  if (deepestPrefix < INPUT_BOUNDS.blockNesting && delimiters < 2 * INPUT_BOUNDS.inlineNesting)
    return diagnostics;
  return [...diagnostics, ...nestingInTokens(path, markdown, firstLine)];
}

/** The exact depths, from the renderer's own parse: the first block and the first line too deep. */
function nestingInTokens(path: string, markdown: string, firstLine: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let blocks = 0;
  let reportedBlock = false;
  for (const token of markdownTokens(markdown)) {
    const line = firstLine + (token.map?.[0] ?? 0);
    if (/^(blockquote|bullet_list|ordered_list)_open$/.test(token.type)) {
      blocks++;
      if (blocks > INPUT_BOUNDS.blockNesting && !reportedBlock) {
        reportedBlock = true;
        diagnostics.push(tooDeep(path, { line, column: 1 }, 'blocks'));
      }
    } else if (/^(blockquote|bullet_list|ordered_list)_close$/.test(token.type)) {
      blocks--;
    } else if (token.type === 'inline') {
      let depth = 0;
      for (const child of token.children ?? []) {
        depth += child.nesting;
        if (depth > INPUT_BOUNDS.inlineNesting) {
          diagnostics.push(tooDeep(path, { line, column: 1 }, 'inline'));
          break;
        }
      }
    }
  }
  return diagnostics;
}

function tooDeep(
  path: string,
  at: { line: number; column: number },
  what: 'blocks' | 'inline' | 'brackets',
): Diagnostic {
  const limit = what === 'blocks' ? INPUT_BOUNDS.blockNesting : INPUT_BOUNDS.inlineNesting;
  const texts: Record<typeof what, [string, string]> = {
    blocks: [
      `Quotes and lists here are nested more than ${limit} deep.`,
      'Flatten the structure: a status update reads best with at most two or three levels.',
    ],
    inline: [
      `Emphasis and links here are nested more than ${limit} deep.`,
      'Remove the extra `*`, `_`, `~` or `[`: nested emphasis reads no stronger.',
    ],
    brackets: [
      `More than ${limit} \`[\` brackets are open at once on this line.`,
      'Close each `[` before opening the next, or escape a literal bracket as `\\[`.',
    ],
  };
  const [message, hint] = texts[what];
  return error(path, at, 'nesting-too-deep', message, hint);
}
