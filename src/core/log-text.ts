/**
 * User content (names, titles, ids, file paths) made safe to print in a terminal or an Actions log.
 * A line break inside it could begin a line of its own, which Actions reads as a workflow command
 * (`::error ...`); escape sequences could rewrite what the terminal shows. Every such character is
 * written as its escape instead (`\n`, `\x1b`, `\u2028`), so the text stays readable and inert.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

export function logText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return (
      NAMED[c] ??
      (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`)
    );
  });
}

/**
 * A block of user text (a notice preview) kept line by line. Actions reads a line as a command
 * when it starts with `::` after any indentation, so such a line is shown as `\::`.
 */
export function logLines(text: string): string {
  return text
    .split('\n')
    .map((line) => logText(line).replace(/^(\s*)::/, '$1\\::'))
    .join('\n');
}
