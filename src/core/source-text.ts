import { error, type Diagnostic } from './diagnostics.ts';
import { checkTextBounds } from './input-bounds.ts';

/** Larger files are refused before parsing: no status update needs them, and they slow every build. */
export const MAX_FILE_BYTES = 512 * 1024;

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

type DecodedText = { text: string; diagnostics: Diagnostic[] };

/**
 * Turns a file's bytes into text for the parsers: refuses oversized files and invalid UTF-8 (with the
 * line of the first bad byte), drops a BOM, normalises CRLF to LF so lines and columns stay true, and
 * refuses lines too long and control characters (see input-bounds.ts).
 */
export function decodeSource(
  file: SourceFile,
): DecodedText | { text: undefined; diagnostics: Diagnostic[] } {
  const { path, bytes } = file;
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      text: undefined,
      diagnostics: [
        error(
          path,
          { line: 1, column: 1 },
          'file-too-large',
          `The file is ${Math.ceil(bytes.byteLength / 1024)} KiB; the limit is ${MAX_FILE_BYTES / 1024} KiB.`,
          'Keep an incident to its summary, updates and postmortem; link to long documents instead of pasting them.',
        ),
      ],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      text: undefined,
      diagnostics: [
        error(
          path,
          at,
          'invalid-utf8',
          'The file is not valid UTF-8.',
          'Save the file as UTF-8 (most editors offer this under "Save with encoding").',
        ),
      ],
    };
  }
  text = text.replace(/\r\n?/g, '\n');
  // A line too long or a control character is refused before any parser sees the text.
  const outOfBounds = checkTextBounds(path, text);
  if (outOfBounds.length > 0) return { text: undefined, diagnostics: outOfBounds };
  return { text, diagnostics: [] };
}

/** Where the first bad byte is, counting lines as the decoded text will (CRLF, CR or LF) and skipping a BOM. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return { line, column };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return { line, column };
    }
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if (b !== 0x0d) column++;
    i += length;
  }
  return { line, column };
}
