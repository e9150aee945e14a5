import * as z from 'zod';
import {
  didYouMean,
  error,
  excerpt,
  suggest,
  type Diagnostic,
  type Position,
} from './diagnostics.ts';
import { ID_PATTERN } from './schema/common.ts';
import { slugify } from './slug.ts';
import type { YamlPath, YamlSource } from './yaml-source.ts';

/** The one place where schema issues become messages a person can act on. */
export function schemaDiagnostics(
  file: string,
  schema: z.ZodType,
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
): Diagnostic[] {
  // A misspelt required key is one mistake, not two: "titel" is reported as unknown (with its
  // did-you-mean), and the "missing title" that follows from it is not reported again.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = keysAt(schema, cleanPath(issue.path));
    for (const key of issue.keys) {
      const close = didYouMean(key, allowed);
      if (close) misspelt.add(pathName([...cleanPath(issue.path), close]));
    }
  }
  return issues
    .filter(
      (issue) => !(issue.code === 'invalid_type' && misspelt.has(pathName(cleanPath(issue.path)))),
    )
    .flatMap((issue) => describeIssue(file, schema, source, issue));
}

function cleanPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== 'symbol');
}

function describeIssue(
  file: string,
  schema: z.ZodType,
  source: YamlSource,
  issue: z.core.$ZodIssue,
): Diagnostic[] {
  const path = cleanPath(issue.path);
  const name = pathName(path);
  const value = valueAt(source.value, path);
  const at = source.locate(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path);
      return issue.keys.map((key) =>
        error(
          file,
          source.locate([...path, key], { key: true }),
          'unknown-key',
          `Unknown key ${excerpt(key)}${path.length ? ` in ${name}` : ''}.`,
          suggest(key, allowed, 'one of the keys') || 'Remove this key.',
        ),
      );
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [
        error(
          file,
          at,
          'invalid-value',
          `${quoted(value)} is not a valid value for ${name}; it must be one of ${allowed.join(', ')}.`,
          suggest(String(value), allowed),
        ),
      ];
    }
    case 'invalid_type': {
      if (value === undefined) {
        const key = path.at(-1);
        const parent = path.slice(0, -1);
        const about = describedAs(fieldAt(schema, path));
        return [
          error(
            file,
            source.locate(parent),
            'missing-key',
            `Missing required key "${String(key)}"${parent.length ? ` in ${pathName(parent)}` : ''}.`,
            `Add \`${String(key)}:\` with ${article(issue.expected)}${about ? `: ${about}` : '.'}`,
          ),
        ];
      }
      const about = describedAs(fieldAt(schema, path));
      const hint =
        issue.expected === 'array' && value !== null && typeof value === 'object'
          ? `Start each entry of ${name} with \`- \` on its own line, as in the README.`
          : `Write ${article(issue.expected)}${typeof path.at(-1) === 'string' ? ` after \`${String(path.at(-1))}:\`` : ' here'}${about ? `: ${about}` : '.'}`;
      if (value === null)
        return [error(file, at, 'empty-value', `${capitalise(name)} has no value.`, hint)];
      return [
        error(
          file,
          at,
          'invalid-type',
          `${capitalise(name)} must be ${article(issue.expected)}, not ${describe(value)}.`,
          hint,
        ),
      ];
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return [
          error(
            file,
            at,
            'empty-value',
            `${capitalise(name)} is empty.`,
            `Write a value for ${name}.`,
          ),
        ];
      }
      if (issue.origin === 'number') return [outOfRange(file, at, name, fieldAt(schema, path))];
      return [
        error(
          file,
          at,
          'too-small',
          `${capitalise(name)} needs at least ${issue.minimum === 1 ? 'one' : String(issue.minimum)}${issue.origin === 'array' ? (issue.minimum === 1 ? ' entry' : ' entries') : ''}.`,
          `Add ${issue.origin === 'array' ? 'an entry' : 'more'} to ${name}.`,
        ),
      ];
    case 'too_big':
      if (issue.origin === 'number') return [outOfRange(file, at, name, fieldAt(schema, path))];
      return [
        error(
          file,
          at,
          'too-big',
          `${capitalise(name)} is too long (at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ' entries'}).`,
          `Shorten it to at most ${issue.maximum}${issue.origin === 'string' ? ' characters; details belong in the text below the frontmatter' : ' entries'}.`,
        ),
      ];
    case 'invalid_format':
      return [
        error(
          file,
          at,
          'invalid-format',
          `${capitalise(name)} ${issue.message.startsWith('must') ? issue.message : `is not a valid ${issue.format}`}: ${quoted(value)}.`,
          formatHint(issue, value, name),
        ),
      ];
    case 'invalid_union': {
      if (
        path.at(-1) === 'components' &&
        Array.isArray(value) &&
        value.some((item) => item !== null && typeof item === 'object')
      ) {
        return [
          error(
            file,
            at,
            'invalid-type',
            '`components` is a list of mappings; it must be one mapping of component ids to statuses.',
            'Remove the `- ` before each component, e.g. `  api: partial_outage` under `components:`.',
          ),
        ];
      }
      // Report the branch that matches the kind of value written (a mapping, a list), not all branches.
      const branch = issue.errors.find(
        (errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
      );
      if (branch)
        return branch.flatMap((sub) =>
          describeIssue(file, schema, source, {
            ...sub,
            path: [...issue.path, ...sub.path],
          } as z.core.$ZodIssue),
        );
      return [
        error(
          file,
          at,
          'invalid-type',
          `${capitalise(name)} has the wrong shape (${describe(value)}).`,
          unionHint(path),
        ),
      ];
    }
    case 'custom': {
      const params = (issue.params ?? {}) as { rule?: string; hint?: string };
      return [
        error(
          file,
          at,
          params.rule ?? 'invalid-value',
          params.rule
            ? `${capitalise(name)}: ${issue.message}`
            : `${capitalise(name)} ${issue.message}.`,
          params.hint ?? `Fix ${name}.`,
        ),
      ];
    }
    default:
      return [
        error(file, at, 'invalid-value', `${capitalise(name)}: ${issue.message}.`, `Fix ${name}.`),
      ];
  }
}

/** A number outside its bounds, with both bounds in the message. */
function outOfRange(
  file: string,
  at: Position,
  name: string,
  field: z.core.$ZodType | undefined,
): Diagnostic {
  const number = unwrap(field) as unknown as
    { minValue?: number | null; maxValue?: number | null } | undefined;
  const finite = (n: number | null | undefined) =>
    typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  const min = finite(number?.minValue);
  const max = finite(number?.maxValue);
  const range =
    min !== undefined && max !== undefined
      ? `from ${min} to ${max}`
      : min !== undefined
        ? `of at least ${min}`
        : `of at most ${max}`;
  return error(
    file,
    at,
    'out-of-range',
    `${capitalise(name)} must be a number ${range}.`,
    `Write a number ${range}.`,
  );
}

function formatHint(
  issue: z.core.$ZodIssueInvalidStringFormat,
  value: unknown,
  name: string,
): string {
  if (issue.format === 'url')
    return 'Write a full URL starting with https://, e.g. `https://status.example.com`.';
  if (
    issue.format === 'regex' &&
    issue.pattern === ID_PATTERN.toString() &&
    typeof value === 'string'
  ) {
    return `Write \`${slugify(value)}\` instead.`;
  }
  if (issue.format === 'regex' && /YYYY-MM-DD/.test(issue.message))
    return 'Write the day as YYYY-MM-DD, e.g. `2026-01-15`.';
  return `Fix ${name}.`;
}

function unionHint(path: YamlPath): string {
  return path.at(-1) === 'components'
    ? 'Map each affected component id to its status, e.g. `api: partial_outage`.'
    : 'Check the value against the documented format.';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `components.api`, `components[0].id`, in backticks as written in the file; the whole document is "the file". */
function pathName(path: YamlPath): string {
  if (path.length === 0) return 'the file';
  const written = path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p),
    '',
  );
  // Keys come from the file: a long or odd one is shown as an excerpt.
  return /^[\w.[\]-]{1,60}$/.test(written) ? `\`${written}\`` : excerpt(written);
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const p of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}

/** A scalar from the file as a message shows it: strings as an excerpt, numbers and booleans as written. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? excerpt(value) : String(value);
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${quoted(value)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    object: 'a mapping (key: value lines)',
    array: 'a list',
    record: 'a mapping (key: value lines)',
  };
  return words[expected] ?? (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);
}

/** The schema of the field at a path (through optional, default and pipe wrappers), if the path names one. */
function fieldAt(schema: z.ZodType, path: YamlPath): z.core.$ZodType | undefined {
  let node: z.core.$ZodType | undefined = schema;
  for (const segment of path) {
    const def = unwrap(node)?._zod.def as unknown as
      (Record<string, unknown> & { type: string }) | undefined;
    if (def?.type === 'object')
      node = (def.shape as Record<string, z.core.$ZodType>)[String(segment)];
    else if (def?.type === 'array') node = def.element as z.core.$ZodType;
    else return undefined;
  }
  return node;
}

/** The `.describe()` text of a field or of the schema it wraps, e.g. an optional's inner type. */
function describedAs(node: z.core.$ZodType | undefined): string | undefined {
  for (let n = node; n; n = (n._zod.def as unknown as { innerType?: z.core.$ZodType }).innerType) {
    const description = z.globalRegistry.get(n)?.description;
    if (description) return description;
  }
  return undefined;
}

function unwrap(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  while (node) {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'prefault' ||
      def.type === 'nullable'
    )
      node = def.innerType as z.core.$ZodType;
    else if (def.type === 'pipe') node = def.in as z.core.$ZodType;
    else return node;
  }
  return node;
}

/** The keys an object schema allows at a path, for did-you-mean hints. */
function keysAt(schema: z.ZodType, path: YamlPath): string[] {
  const def = unwrap(fieldAt(schema, path))?._zod.def as unknown as
    { type: string; shape?: Record<string, unknown>; keyType?: z.core.$ZodType } | undefined;
  if (def?.type === 'object' && def.shape) return Object.keys(def.shape);
  // A record whose keys are an enum, such as `severity:` keyed by impact.
  const keys =
    def?.type === 'record'
      ? (def.keyType?._zod.def as unknown as { type: string; entries?: Record<string, string> })
      : undefined;
  return keys?.type === 'enum' && keys.entries ? Object.values(keys.entries) : [];
}
