import type { Diagnostic } from './diagnostics.ts';
import { logText } from './log-text.ts';

export type DiagnosticFormat = 'pretty' | 'github' | 'json';

/** `incidents/x.md:12:3 error message [code]` then an indented hint, like a compiler. */
export function formatPretty(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${logText(d.file)}:${d.line}:${d.column} ${d.severity} ${logText(d.message)} [${d.code}]${d.hint ? `\n    hint: ${logText(d.hint)}` : ''}`,
    )
    .join('\n');
}

/** "1 incident", "2 incidents": a count with an English noun that takes -s. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One summary line: "2 errors, 1 warning in 14 files". */
export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')} checked.`;
}

const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands, so each diagnostic becomes an annotation on its line. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = `file=${escapeProperty(logText(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(`Candor: ${d.code}`)}`;
      // The line break between message and hint is Candor's own; only the texts are escaped.
      const text = d.hint ? `${logText(d.message)}\n${logText(d.hint)}` : logText(d.message);
      return `::${d.severity} ${props}::${escapeData(text)}`;
    })
    .join('\n');
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2);
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
): string {
  return format === 'github'
    ? formatGithub(diagnostics)
    : format === 'json'
      ? formatJson(diagnostics)
      : formatPretty(diagnostics);
}
