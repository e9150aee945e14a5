import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { error, excerpt, type Diagnostic, type Position } from './diagnostics.ts';
import { INPUT_BOUNDS } from './input-bounds.ts';

/** Beyond this many alias expansions a document is treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  /** The plain data, or undefined when the text could not be read as YAML. */
  value: unknown;
  /** Where a value (or, with `key: true`, its key) sits in the file; the nearest existing parent otherwise. */
  locate(path: YamlPath, options?: { key?: boolean }): Position;
  diagnostics: Diagnostic[];
}

const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'Indent nested keys consistently with spaces (two per level).',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  MISSING_CHAR: 'Check for an unclosed quote, bracket or brace.',
};

/** A parser's message, which may quote the file: control characters escaped, and short. */
function boundedMessage(message: string): string {
  const quoted = excerpt(message, 120);
  return quoted.slice(1, -1).replace(/\\"/g, '"');
}

/** A line short and plain enough to be repeated whole in a hint; any other is not echoed. */
// eslint-disable-next-line no-control-regex -- a line with a control character is never quoted
const QUOTABLE = /^[^\u0000-\u001f\u007f-\u009f]{0,80}$/;

/** `key: value` on one line, to suggest the corrected line. */
const KEY_VALUE = /^([ \t]*[\w-]+):(.*)$/;

/** What a YAML parser error means for someone writing a status file, and the line to write instead. */
function describeProblem(
  problem: YAMLError,
  lineText: string,
): { code: string; message: string; hint: string } {
  const match = KEY_VALUE.exec(lineText);
  const pair = match && [match[0], match[1]!, match[2]!.trim()];
  switch (problem.code) {
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        code: 'yaml-syntax',
        message:
          'This key runs on into the next line: a colon is probably missing the space after it.',
        hint:
          pair && pair[2] && QUOTABLE.test(lineText)
            ? `Write \`${pair[1]!.trim()}: ${pair[2]}\`.`
            : 'Put a space after the colon of each `key: value` line.',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        code: 'yaml-syntax',
        message: 'This value contains ": ", which YAML reads as the start of another key.',
        hint:
          pair && pair[2] && QUOTABLE.test(lineText)
            ? `Quote the value: \`${pair[1]!.trim()}: "${pair[2].replace(/"/g, '\\"')}"\`.`
            : 'Quote a value that contains ": ".',
      };
    case 'MULTIPLE_DOCS':
      return {
        code: 'yaml-syntax',
        message: 'A `---` line here starts a second YAML document; the file must hold one.',
        hint: 'Remove this `---` line, and join what follows it to the mapping above.',
      };
    default:
      return {
        code: 'yaml-syntax',
        // The parser's own words may quote the text (a tag, a token): never more than an excerpt of it.
        message: boundedMessage(
          problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        ),
        hint: YAML_HINTS[problem.code] ?? 'Fix the YAML syntax at this position.',
      };
  }
}

/**
 * Parses YAML 1.2 with the core schema (so `no` stays a string and `2026-11-22` is not turned into
 * a Date), unique keys and an alias limit. `lineOffset` places the text inside a larger file, e.g.
 * frontmatter that starts on line 2.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  // Filled from the text itself: the parser feeds a LineCounter only with the newlines it lexes as
  // such, and misses those inside tokens it could not place, which put later positions off the line.
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    lineCounter.addNewLine(i + 1);
  const doc = parseDocument(text, {
    // yaml compares each key with every earlier one; keysAndValues does it with a set, after the
    // mapping's size is bounded.
    uniqueKeys: false,
    schema: 'core',
    version: '1.2',
    merge: false,
    prettyErrors: false,
    strict: true,
  });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: line + lineOffset, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  const linesWithProblems = new Set<number>();
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const at = toPosition(problem.pos[0]);
    // After one syntax error the parser reports every later token of the line as unexpected: noise.
    if (linesWithProblems.has(at.line)) continue;
    linesWithProblems.add(at.line);
    const { code, message, hint } = describeProblem(problem, lines[at.line - lineOffset - 1] ?? '');
    diagnostics.push(error(file, at, code, message, hint));
  }

  const locate = (path: YamlPath, options: { key?: boolean } = {}): Position => {
    let node: unknown = doc.contents;
    let found: Node | null = doc.contents as Node | null;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (!pair) break;
        if (last && options.key) {
          found = pair.key as Node;
          break;
        }
        node = pair.value;
        found = (pair.value as Node | null) ?? (pair.key as Node);
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        found = node as Node;
      } else break;
    }
    const range = found?.range;
    return range ? toPosition(range[0]) : { line: 1 + lineOffset, column: 1 };
  };

  const firstAlias = (document: typeof doc): Position | undefined => {
    let at: Position | undefined;
    visit(document, {
      Alias(_, node) {
        if (node.range) at = toPosition(node.range[0]);
        return visit.BREAK;
      },
    });
    return at;
  };

  if (diagnostics.length === 0) diagnostics.push(...keysAndValues(file, doc, toPosition));
  if (diagnostics.length > 0) return { value: undefined, locate, diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locate, diagnostics };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (!/excessive alias count/i.test(message)) {
      // An alias to an anchor that does not exist, the only other way to fail here.
      diagnostics.push(
        error(
          file,
          firstAlias(doc) ?? { line: 1 + lineOffset, column: 1 },
          'yaml-syntax',
          message.split('\n')[0]!,
          'Write the value itself; status files need no anchors (&name) or aliases (*name).',
        ),
      );
      return { value: undefined, locate, diagnostics };
    }
    diagnostics.push(
      error(
        file,
        firstAlias(doc) ?? { line: 1 + lineOffset, column: 1 },
        'yaml-alias-limit',
        'These YAML aliases (*name) expand too far; the file is refused as a possible "billion laughs" attack.',
        'Write the values out instead of reusing anchors; a status page needs no anchors at all.',
      ),
    );
    return { value: undefined, locate, diagnostics };
  }
}

/** Mappings with too many keys or a key twice, and values too long: each at its line. */
function keysAndValues(
  file: string,
  doc: Document,
  toPosition: (offset: number) => Position,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(doc, {
    Map(_, map) {
      if (map.items.length > INPUT_BOUNDS.mappingKeys) {
        diagnostics.push(
          error(
            file,
            toPosition(map.range?.[0] ?? 0),
            'too-many-keys',
            `This mapping has ${map.items.length} keys; the limit is ${INPUT_BOUNDS.mappingKeys}.`,
            'A status file needs a few dozen keys at most: check that this part of the file is what you meant.',
          ),
        );
        return visit.SKIP;
      }
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) {
          diagnostics.push(
            error(
              file,
              toPosition(pair.key.range?.[0] ?? 0),
              'duplicate-key',
              `The key ${excerpt(key)} appears twice in the same mapping.`,
              'Each key may appear once in a mapping: remove or rename the repeated one.',
            ),
          );
        }
        seen.add(key);
      }
      return undefined;
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && scalar.value.length > INPUT_BOUNDS.valueChars) {
        diagnostics.push(
          error(
            file,
            toPosition(scalar.range?.[0] ?? 0),
            'value-too-long',
            `This value has ${scalar.value.length} characters; the limit is ${INPUT_BOUNDS.valueChars}.`,
            'Shorten it; put long explanations in the incident text and link to documents.',
          ),
        );
      }
    },
  });
  return diagnostics;
}
