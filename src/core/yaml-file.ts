import { error, type Diagnostic } from './diagnostics.ts';
import { decodeSource, type SourceFile } from './source-text.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/**
 * The first steps of every YAML configuration file (components.yaml, notify.yaml): decode, parse
 * with positions, and refuse an empty file (or one of comments only, which reads as null).
 */
export function readYamlFile(
  file: SourceFile,
  emptyHint: string,
):
  | { source: YamlSource; diagnostics?: undefined }
  | { source?: undefined; diagnostics: Diagnostic[] } {
  const decoded = decodeSource(file);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const source = parseYamlSource(file.path, decoded.text);
  if (source.diagnostics.length > 0) return { diagnostics: source.diagnostics };
  if (source.value === undefined || source.value === null) {
    return {
      diagnostics: [
        error(file.path, { line: 1, column: 1 }, 'empty-file', `${file.path} is empty.`, emptyHint),
      ],
    };
  }
  return { source };
}
