/**
 * Edits work on text with `\n` line ends and no byte-order mark; the file keeps the line ends
 * (CRLF from Windows editors) and the mark it had, so a command changes only what it adds.
 */
export function keepTextStyle(original: string, edit: (text: string) => string): string {
  const bom = original.startsWith('\uFEFF');
  const crlf = original.includes('\r\n');
  const edited = edit(original.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  return `${bom ? '\uFEFF' : ''}${crlf ? edited.replace(/\n/g, '\r\n') : edited}`;
}
