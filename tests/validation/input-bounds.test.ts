import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from '../../src/core/input-bounds.ts';
import { loadIncident } from '../../src/core/load-incident.ts';
import { loadPageConfig } from '../../src/core/load-page-config.ts';
import { renderMarkdown } from '../../src/core/markdown.ts';
import { parseMarkdown } from '../../src/core/markdown-syntax.ts';
import { plainText } from '../../src/core/markdown-text.ts';
import { VALID_CONFIG } from './temp-repository.ts';

/**
 * What `check` accepts must build: every input is bounded (line length, Markdown nesting, keys per
 * mapping, value length) with an error on the exact line, and text at the bounds renders through
 * every renderer (HTML, the syntax tree of the chat dialects, plain text) without a stack overflow.
 */
const encoder = new TextEncoder();
const HEAD =
  '---\ntitle: Bounds\nimpact: minor\ncomponents:\n  api: partial_outage\n---\nSummary.\n\n## 2026-11-20 14:03 UTC · Investigating\n';
/** The line the first line of an update's text is on, in a file starting with HEAD. */
const FIRST_TEXT_LINE = HEAD.split('\n').length;

const incident = (text: string) =>
  loadIncident({ path: 'incidents/bounds.md', bytes: encoder.encode(text) });
const errorsOf = (text: string) =>
  incident(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(({ line, column, code }) => ({ line, column, code }));

const nestedQuotes = (depth: number) => `${'>'.repeat(depth)} deep`;
const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
const nestedLinks = (depth: number) => `${'['.repeat(depth)}a${'](https://x.test)'.repeat(depth)}`;
const nestedEmphasis = (depth: number) => `${'*a '.repeat(depth)}b${' c*'.repeat(depth)}`;
/** `**…**a**…**`: two `*` per level of strong emphasis. */
const strongRun = (depth: number) => `${'**'.repeat(depth)}a${'**'.repeat(depth)}`;

describe('Markdown nesting', () => {
  const cases: [string, (depth: number) => string][] = [
    ['blockquotes', nestedQuotes],
    ['lists', nestedList],
    ['links', nestedLinks],
    ['emphasis', nestedEmphasis],
    ['runs of *', strongRun],
  ];

  it.each(cases)('%s beyond the bound are refused on their line', (_, nested) => {
    for (const depth of [INPUT_BOUNDS.blockNesting + 1, 500]) {
      const errors = errorsOf(`${HEAD}Before.\n\n${nested(depth)}\n`);
      expect(errors.map((e) => e.code)).toContain('nesting-too-deep');
      const line = errors.find((e) => e.code === 'nesting-too-deep')!.line;
      expect(line).toBeGreaterThanOrEqual(FIRST_TEXT_LINE + 2);
      expect(line).toBeLessThanOrEqual(FIRST_TEXT_LINE + 2 + INPUT_BOUNDS.blockNesting);
    }
  });

  it.each(cases)('%s at the bound pass check and render everywhere', (kind, nested) => {
    const loaded = incident(
      `${HEAD}${nested(kind === 'blockquotes' || kind === 'lists' ? INPUT_BOUNDS.blockNesting : INPUT_BOUNDS.inlineNesting)}\n`,
    );
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const body = loaded.incident!.updates[0]!.body;
    expect(() => [renderMarkdown(body), parseMarkdown(body), plainText(body)]).not.toThrow();
  });

  it('is bounded in the workaround too', () => {
    const text = HEAD.replace(
      'impact: minor\n',
      `impact: minor\nworkaround: "${'>'.repeat(40)} x"\n`,
    );
    expect(errorsOf(text)).toContainEqual({ line: 4, column: 1, code: 'nesting-too-deep' });
  });
});

describe('line and heading length', () => {
  it('refuses a line longer than the bound, naming its line', () => {
    const long = `## a${' '.repeat(40_000)}b`;
    expect(errorsOf(`${HEAD}Fine.\n${long}\n`)).toEqual([
      { line: FIRST_TEXT_LINE + 1, column: INPUT_BOUNDS.lineChars + 1, code: 'line-too-long' },
    ]);
  });

  it('refuses a heading longer than the bound', () => {
    const heading = `## 2026-11-20 15:03 UTC ·${' '.repeat(INPUT_BOUNDS.headingChars)}Resolved`;
    expect(errorsOf(`${HEAD}Text.\n\n${heading}\nDone.\n`)).toContainEqual({
      line: FIRST_TEXT_LINE + 2,
      column: 1,
      code: 'heading-too-long',
    });
  });

  it('accepts a long paragraph line under the bound', () => {
    expect(errorsOf(`${HEAD}${'word '.repeat(INPUT_BOUNDS.lineChars / 5 - 1)}\n`)).toEqual([]);
  });
});

describe('YAML keys and values', () => {
  it('refuses a mapping with more keys than the bound, once, at the mapping', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `unknown_key_${i}: x`).join('\n');
    const errors = errorsOf(
      `---\ntitle: Keys\nimpact: minor\n${keys}\n---\n## 2026-11-20 14:03 UTC · Investigating\nText.\n`,
    );
    expect(errors).toEqual([{ line: 2, column: 1, code: 'too-many-keys' }]);
  });

  it('still reports a key written twice, at the second one', () => {
    expect(
      errorsOf(
        '---\ntitle: A\nimpact: minor\ntitle: B\n---\n## 2026-11-20 14:03 UTC · Investigating\nText.\n',
      ),
    ).toContainEqual({ line: 4, column: 1, code: 'duplicate-key' });
  });

  it('refuses a value longer than the bound', async () => {
    const lines = `    ${'a.'.repeat(50)}\n`.repeat(INPUT_BOUNDS.valueChars / 100 + 1);
    const config = (await readFile(VALID_CONFIG, 'utf8')).replace(
      /^page:\n/m,
      `page:\n  contact: >\n${lines}`,
    );
    const diagnostics = loadPageConfig({
      path: 'components.yaml',
      bytes: encoder.encode(config),
    }).diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('value-too-long');
  });
});

describe('control characters', () => {
  it('are refused at their line and column, in incidents and in components.yaml', async () => {
    expect(errorsOf(`${HEAD}Log:\n\n\`\`\`\n\u001b[31mERROR\u001b[0m disk full\n\`\`\`\n`)).toEqual(
      [{ line: FIRST_TEXT_LINE + 3, column: 1, code: 'control-character' }],
    );
    const config = (await readFile(VALID_CONFIG, 'utf8')).replace(
      /name: REST API/,
      'name: REST\u0001API',
    );
    const line = config.split('\n').findIndex((l) => l.includes('\u0001')) + 1;
    const diagnostics = loadPageConfig({
      path: 'components.yaml',
      bytes: encoder.encode(config),
    }).diagnostics;
    expect(diagnostics.map(({ line, code }) => ({ line, code }))).toEqual([
      { line, code: 'control-character' },
    ]);
    expect(diagnostics[0]!.message).toContain('U+0001');
  });

  it('are refused across C0 and C1, except tab and newline', () => {
    for (const code of [0x00, 0x07, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9b, 0x9f]) {
      expect(
        errorsOf(`${HEAD}a${String.fromCharCode(code)}b\n`).map((e) => e.code),
        code.toString(16),
      ).toEqual(['control-character']);
    }
    expect(errorsOf(`${HEAD}a\tb é 💥\n`)).toEqual([]);
  });
});
