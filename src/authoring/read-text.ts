import { formatPretty } from '../core/format-diagnostics.ts';
import { readSourceFile } from '../core/read-source-file.ts';
import { ContentError } from '../core/errors.ts';

/**
 * A file of the repository as text, exactly as written (line ends included, so an edit keeps them).
 * A missing file stops the command with `whenMissing`; a link, a folder or a device with its one line.
 */
export async function readRepositoryText(
  root: string,
  path: string,
  whenMissing = `${path} has gone missing since it was checked: run the command again.`,
): Promise<string> {
  const result = await readSourceFile(root, path);
  if ('missing' in result) throw new ContentError(whenMissing);
  if ('refused' in result) throw new ContentError(formatPretty([result.refused]));
  // ignoreBOM keeps a byte-order mark in the text, so the file is written back with it.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.file.bytes);
}
