import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression in src/ runs on text from users' files, so each must match in linear
 * time: a super-linear one turns a long run of spaces into a build that never ends. recheck decides
 * it for each pattern (by automaton analysis, or by fuzzing when a pattern has backreferences).
 */
const root = new URL('../../', import.meta.url).pathname;
const src = join(root, 'src');

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The code of a file: a .astro file's script is the part between its `---` fences. */
function scriptOf(path: string): { code: string; lineOffset: number } {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return { code: text, lineOffset: 0 };
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { code: '', lineOffset: 0 };
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  return { code: lines.slice(1, close).join('\n'), lineOffset: 1 };
}

function regexesIn(path: string): Found[] {
  const { code, lineOffset } = scriptOf(path);
  const ast = parse(code, { sourceType: 'module', plugins: ['typescript'], errorRecovery: false });
  const found: Found[] = [];
  const where = (node: Record<string, unknown>) =>
    `${relative(root, path)}:${((node.loc as { start: { line: number } } | undefined)?.start.line ?? 0) + lineOffset}`;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === 'RegExpLiteral')
      found.push({ where: where(n), source: n.pattern as string, flags: n.flags as string });
    if (
      (n.type === 'NewExpression' || n.type === 'CallExpression') &&
      (n.callee as { name?: string }).name === 'RegExp'
    ) {
      const [pattern, flags] = n.arguments as { type: string; value?: string }[];
      // A pattern built at run time cannot be analysed here: it fails until written as a literal.
      found.push({
        where: where(n),
        source: pattern?.type === 'StringLiteral' ? pattern.value! : '<dynamic>',
        flags: flags?.type === 'StringLiteral' ? flags.value! : '',
      });
    }
    for (const [key, value] of Object.entries(n))
      if (key !== 'loc' && key !== 'start' && key !== 'end') visit(value);
  };
  visit(ast.program);
  return found;
}

const regexes = sourceFiles(src).flatMap(regexesIn);

/** Patterns built at run time, each with why it is linear; checked here on a pattern of its shape. */
const BUILT_AT_RUN_TIME: Record<string, { why: string; example: string }> = {
  'src/notify/mask.ts': {
    why: 'an alternation of escaped literal secrets',
    example: String.raw`https://hooks\.slack\.com/services/T0/B0/x|T0/B0/x|\[secret\]`,
  },
};

/**
 * The patterns recheck has found linear, with its version: a pattern in this list is not checked
 * again (recheck takes seconds a pattern, and its fuzzing can give another verdict under load).
 * A new or changed pattern is checked; once linear, `npx vitest run <this file> -u` records it.
 */
const VERIFIED = fileURLToPath(new URL('linear-regexes.txt', import.meta.url));
const RECHECK_VERSION: string = createRequire(import.meta.url)('recheck/package.json').version;

function verifiedBefore(): Set<string> {
  const [version, ...patterns] = existsSync(VERIFIED)
    ? readFileSync(VERIFIED, 'utf8').split('\n')
    : [];
  return new Set(version === `recheck ${RECHECK_VERSION}` ? patterns : []);
}

/** What recheck finds wrong with each pattern, if anything. */
async function notLinear(found: Found[]): Promise<string[]> {
  // Imported only when a pattern needs it: loading recheck alone takes seconds.
  const { checkSync } = await import('recheck');
  return found.flatMap((r) => {
    if (r.source === '<dynamic>')
      return [`${r.where}: a RegExp built at run time cannot be checked`];
    const result = checkSync(r.source, r.flags, { timeout: 60_000 });
    if (result.status === 'safe') return [];
    const detail =
      result.status === 'vulnerable'
        ? `${result.complexity.summary}, e.g. ${JSON.stringify(result.attack.pattern)}`
        : result.error.kind;
    return [`${r.where}: /${r.source}/${r.flags} is ${result.status} (${detail})`];
  });
}

describe('regular expressions in src/', () => {
  it('are found (the scan sees the code)', () => {
    expect(regexes.length).toBeGreaterThan(50);
    expect(regexes.some((r) => r.where.startsWith('src/core/incident-body.ts'))).toBe(true);
  });

  it('all match in linear time', async () => {
    const verified = verifiedBefore();
    const checked = regexes.map((r) => {
      const builtAtRunTime = BUILT_AT_RUN_TIME[r.where.replace(/:\d+$/, '')];
      const source = builtAtRunTime?.example ?? r.source;
      return { ...r, source, key: JSON.stringify(`/${source}/${r.flags}`) };
    });
    const unchecked = checked.filter((r) => !verified.has(r.key));
    const unsafe = unchecked.length > 0 ? await notLinear(unchecked) : [];
    expect(unsafe).toEqual([]);
    const patterns = [...new Set(checked.map((r) => r.key))].sort();
    await expect(
      [`recheck ${RECHECK_VERSION}`, ...patterns].join('\n'),
      'a pattern was added, changed or removed: `npx vitest run tests/validation/linear-regexes.test.ts -u` records it',
    ).toMatchFileSnapshot(VERIFIED);
  }, 600_000);
});
