import { error, type Diagnostic } from './diagnostics.ts';

interface SplitFile {
  /** The YAML between the fences. */
  yaml: string;
  /** Lines before the YAML starts (the opening fence), to place YAML positions in the file. */
  yamlLineOffset: number;
  /** The Markdown after the closing fence. */
  body: string;
  /** Lines before the body starts. */
  bodyLineOffset: number;
}

const FENCE = /^---[ \t]*$/;
/** `---js`, `--- javascript`, `---yaml`: front-matter engines evaluate some of these, so none is accepted. */
const FENCE_WITH_LANGUAGE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;

/**
 * Splits `---` YAML frontmatter from the Markdown body. Only a bare `---` fence is accepted;
 * the text is never evaluated, whatever language a fence names.
 */
export function splitFrontmatter(
  path: string,
  text: string,
): { split?: SplitFile; diagnostics: Diagnostic[] } {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const language = FENCE_WITH_LANGUAGE.exec(first);
  if (language) {
    return {
      diagnostics: [
        error(
          path,
          { line: 1, column: first.indexOf(language[1]!) + 1 },
          'frontmatter-language',
          `Frontmatter fences may not name a language ("${language[1]}"); Candor reads YAML only and never runs code.`,
          'Start the file with a line containing just `---`.',
        ),
      ],
    };
  }
  if (!FENCE.test(first)) {
    return {
      diagnostics: [
        error(
          path,
          { line: 1, column: 1 },
          'frontmatter-missing',
          'The file does not start with YAML frontmatter.',
          'Start the file with `---`, then `title:`, `impact:` and `components:` lines, then `---`.',
        ),
      ],
    };
  }
  const close = lines.findIndex(
    (line, i) => i > 0 && (FENCE.test(line) || /^\.\.\.[ \t]*$/.test(line)),
  );
  if (close < 0) {
    return {
      diagnostics: [
        error(
          path,
          { line: 1, column: 1 },
          'frontmatter-unterminated',
          'The frontmatter opened on line 1 is never closed.',
          'Add a line containing just `---` after the last frontmatter key.',
        ),
      ],
    };
  }
  return {
    split: {
      yaml: lines.slice(1, close).join('\n'),
      yamlLineOffset: 1,
      body: lines.slice(close + 1).join('\n'),
      bodyLineOffset: close + 1,
    },
    diagnostics: [],
  };
}
