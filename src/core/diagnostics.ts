/** One finding about a user's file, positioned so an editor, a terminal or GitHub can point at it. */
export interface Diagnostic {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: 'error' | 'warning';
  /** Stable machine-readable rule name, e.g. `unknown-key`. */
  code: string;
  /** What is wrong. */
  message: string;
  /** What to write instead. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

export function error(
  file: string,
  at: Position,
  code: string,
  message: string,
  hint?: string,
): Diagnostic {
  return { file, ...at, severity: 'error', code, message, ...(hint ? { hint } : {}) };
}

export function warning(
  file: string,
  at: Position,
  code: string,
  message: string,
  hint?: string,
): Diagnostic {
  return { file, ...at, severity: 'warning', code, message, ...(hint ? { hint } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, so output is stable whatever order rules ran in. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate to a misspelt word, if one is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(lower.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

/** "Did you mean `x`?" or a list of what is allowed, for hints. */
export function suggest(word: string, candidates: readonly string[], what = 'one of'): string {
  const close = didYouMean(word, candidates);
  if (close) return `Did you mean \`${close}\`?`;
  if (candidates.length === 0) return '';
  const shown = candidates.slice(0, 12).map((c) => `\`${c}\``);
  return `Use ${what}: ${shown.join(', ')}${candidates.length > 12 ? ', …' : ''}.`;
}

/**
 * Content of a user's file quoted in a message: in quotes, escaped (no control character reaches a
 * terminal or a CI log) and at most `max` characters, so a message never carries the file along
 * (a file that is someone's key or environment fails to parse as a whole).
 */
export function excerpt(text: string, max = 40): string {
  const chars = [...text];
  const short = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return JSON.stringify(short).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
