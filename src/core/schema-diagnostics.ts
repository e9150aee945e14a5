import type * as z from 'zod';
import { error, suggest, type Diagnostic } from './diagnostics.ts';
import type { YamlPath, YamlSource } from './yaml-source.ts';

/** The one place where schema issues become messages a person can act on. */
export function schemaDiagnostics(
  file: string,
  schema: z.ZodType,
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
): Diagnostic[] {
  return issues.flatMap((issue) => describeIssue(file, schema, source, issue));
}

function describeIssue(file: string, schema: z.ZodType, source: YamlSource, issue: z.core.$ZodIssue): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const name = pathName(path);
  const value = valueAt(source.value, path);
  const at = source.locate(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path);
      return issue.keys.map((key) =>
        error(file, source.locate([...path, key], { key: true }), 'unknown-key',
          `Unknown key "${key}"${path.length ? ` in ${name}` : ''}.`,
          suggest(key, allowed, 'one of the keys')),
      );
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [error(file, at, 'invalid-value', `${JSON.stringify(value)} is not a valid value for ${name}.`, suggest(String(value), allowed))];
    }
    case 'invalid_type': {
      if (value === undefined) {
        const key = path.at(-1);
        return [error(file, source.locate(path.slice(0, -1)), 'missing-key', `Missing required key "${String(key)}"${path.length > 1 ? ` in ${pathName(path.slice(0, -1))}` : ''}.`,
          `Add \`${String(key)}:\` with ${article(issue.expected)}.`)];
      }
      return [error(file, at, 'invalid-type', `${name} must be ${article(issue.expected)}, not ${describe(value)}.`, `Write ${article(issue.expected)} here.`)];
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return [error(file, at, 'empty-value', `${name} is empty.`, `Write a value for ${name}.`)];
      }
      return [error(file, at, 'too-small', `${name} needs at least ${issue.minimum} ${issue.origin === 'array' ? 'entries' : ''}`.trim() + '.', `Add to ${name}.`)];
    case 'too_big':
      return [error(file, at, 'too-big', `${name} is too long (at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}).`, 'Shorten it.')];
    case 'invalid_format':
      return [error(file, at, 'invalid-format', `${name} ${issue.message.startsWith('must') ? issue.message : `is not a valid ${issue.format}`}: ${JSON.stringify(value)}.`,
        issue.format === 'url' ? 'Write a full URL starting with https://.' : `Fix ${name}.`)];
    case 'invalid_union': {
      // Report the branch that matches the kind of value written (a mapping, a list), not all branches.
      const branch = issue.errors.find((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (branch) return branch.flatMap((sub) => describeIssue(file, schema, source, { ...sub, path: [...issue.path, ...sub.path] } as z.core.$ZodIssue));
      return [error(file, at, 'invalid-type', `${name} has the wrong shape (${describe(value)}).`, unionHint(path))];
    }
    case 'custom': {
      const params = (issue.params ?? {}) as { rule?: string; hint?: string };
      return [error(file, at, params.rule ?? 'invalid-value', params.rule ? issue.message : `${name} ${issue.message}.`, params.hint ?? `Fix ${name}.`)];
    }
    default:
      return [error(file, at, 'invalid-value', `${name}: ${issue.message}.`, `Fix ${name}.`)];
  }
}

function unionHint(path: YamlPath): string {
  return path.at(-1) === 'components'
    ? 'Map each affected component id to its status, e.g. `api: partial_outage`.'
    : 'Check the value against the documented format.';
}

function pathName(path: YamlPath): string {
  if (path.length === 0) return 'the file';
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const p of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = { object: 'a mapping (key: value lines)', array: 'a list', record: 'a mapping (key: value lines)' };
  return words[expected] ?? (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);
}

/** The keys an object schema allows at a path, for did-you-mean hints. */
function keysAt(schema: z.ZodType, path: YamlPath): string[] {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = (n: z.core.$ZodType | undefined): z.core.$ZodType | undefined => {
    while (n) {
      const def = n._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') n = def.innerType as z.core.$ZodType;
      else if (def.type === 'pipe') n = def.in as z.core.$ZodType;
      else return n;
    }
    return n;
  };
  for (const segment of path) {
    node = unwrap(node);
    const def = node?._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def?.type === 'object') node = (def.shape as Record<string, z.core.$ZodType>)[String(segment)];
    else if (def?.type === 'array') node = def.element as z.core.$ZodType;
    else return [];
  }
  const def = unwrap(node)?._zod.def as unknown as { type: string; shape?: Record<string, unknown> };
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
