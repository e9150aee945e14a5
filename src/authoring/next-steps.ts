import type { Diagnostic } from '../core/diagnostics.ts';
import { formatPretty } from '../core/format-diagnostics.ts';

/** Quotes a value for a POSIX shell command the user copies. */
function shellQuote(text: string): string {
  return /^[\w./@:=+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * What a command prints after writing: what it did, any warnings, then exactly what to run next
 * to publish it (commit, push, open a pull request).
 */
export function nextSteps(options: {
  done: string;
  paths: readonly string[];
  commitMessage: string;
  review?: string;
  warnings?: readonly Diagnostic[];
}): string {
  const paths = options.paths.map(shellQuote).join(' ');
  const lines = [options.done];
  if (options.warnings && options.warnings.length > 0)
    lines.push('', formatPretty(options.warnings));
  const steps = [
    ...(options.review ? [options.review] : []),
    `git add ${paths} && git commit -m ${shellQuote(options.commitMessage)}`,
    'git push, then open a pull request: the check marks any problem on its line, and merging publishes it.',
  ];
  lines.push('', 'Next:', ...steps.map((step, i) => `  ${i + 1}. ${step}`));
  return lines.join('\n');
}
