import type { Nodes, Root, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { parseMarkdown } from '../support/markdown-syntax.ts';
import { codeBlock } from '../../src/github/markdown-escape.ts';
import type { NoticePreview, PrReport } from '../../src/github/pr-report.ts';
import {
  blobUrl,
  buildJobSummary,
  buildPrComment,
  COMMENT_MAX_BYTES,
  PR_COMMENT_MARKER,
} from '../../src/github/report-markdown.ts';

const sha = 'a'.repeat(40);
const report = (
  diagnostics: Diagnostic[],
  notices: PrReport['notices'] = { kind: 'planned', previews: [] },
): PrReport => ({
  version: 1,
  pullRequest: 7,
  headSha: sha,
  filesChecked: 3,
  diagnostics,
  notices,
});
const diagnostic = (message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'incidents/2026-11-22-api.md',
  line: 12,
  column: 3,
  severity: 'error',
  code: 'unknown-key',
  message,
  ...extra,
});

/** What a reader sees: text, with entity references decoded, and the raw HTML we emitted. */
function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}
const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
function visibleText(node: Nodes): string {
  let text = '';
  walk(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') text += n.value;
    if (n.type === 'html') text += n.value.startsWith('<br') ? '\n' : decode(n.value);
  });
  return text;
}
const ALLOWED_HTML =
  /^(<code>|<\/code>|<br>|<sub>[^<]*<\/sub>|<sub>|<\/sub>|<details>|<\/details>|<summary>|<\/summary>|<!-- candor:pr-report -->)$/;

function table(markdown: string): Table {
  const tables: Table[] = [];
  walk(parseMarkdown(markdown) as Root, (n) => n.type === 'table' && tables.push(n));
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe('diagnostics in the job summary and the PR comment', () => {
  const hostile = [
    'Progress 100% done, %0A is not a newline, %25 stays',
    'first line\nsecond line',
    'use `api` not ``, and a stray ` backtick',
    '<script>alert(1)</script> <img src=x onerror=alert(1)> &amp;',
    'a | pipe, *stars*, _under_, [link](https://evil.example), ![img](https://evil.example/x.png), ~~del~~, $x$',
    'ping @acme/oncall and #1, see https://evil.example or www.evil.example or me@evil.example',
  ];
  const asShown = (m: string) =>
    m
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/@/g, '@\u200b')
      .replace(/:\/\//g, ':\u200b//')
      .replace(/www\./g, 'www\u200b.');

  for (const build of [buildJobSummary, (r: PrReport) => buildPrComment(r)]) {
    it(`${build === buildJobSummary ? 'summary' : 'comment'}: every message is one table row, shown literally, with no markup of its own`, () => {
      const markdown = build(report(hostile.map((m) => diagnostic(m, { hint: `hint for: ${m}` }))));
      const rows = table(markdown).children.slice(1);
      expect(rows).toHaveLength(hostile.length);
      rows.forEach((row, i) => {
        expect(row.children).toHaveLength(3);
        const problem = row.children[2]!;
        walk(problem, (n) => {
          expect(['tableCell', 'text', 'html', 'strong']).toContain(n.type);
          if (n.type === 'html') expect(n.value).toMatch(ALLOWED_HTML);
        });
        const text = visibleText(problem);
        const shown = asShown(hostile[i]!);
        expect(text).toBe(`${shown}\nHint: hint for: ${shown} unknown-key`);
        expect(visibleText(row.children[1]!)).toBe('incidents/2026-11-22-api.md:12:3');
      });
    });
  }

  it('keeps `%` as typed, unlike workflow commands which encode it', () => {
    expect(buildJobSummary(report([diagnostic('100% of %0A')]))).toContain('100% of %0A');
  });

  it('neutralises the file name and code too', () => {
    const md = buildJobSummary(
      report([diagnostic('x', { file: 'incidents/a|b<i>.md', code: '<b>' })]),
    );
    const row = table(md).children[1]!;
    expect(row.children).toHaveLength(3);
    expect(visibleText(row.children[1]!)).toBe('incidents/a|b<i>.md:12:3');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<i>');
  });

  it('links each location to its line in the checked commit, whatever the file is called', () => {
    const base = blobUrl('https://github.com', 'acme', 'status', sha);
    expect(base).toBe(`https://github.com/acme/status/blob/${sha}/`);
    const md = buildPrComment(
      report([diagnostic('x', { file: 'incidents/a b)|<x>.md', line: 4 })]),
      { blobUrl: base },
    );
    const row = table(md).children[1]!;
    expect(row.children).toHaveLength(3);
    const links: string[] = [];
    walk(row, (n) => n.type === 'link' && links.push(n.url));
    expect(links).toEqual([`${base}incidents/a%20b)%7C%3Cx%3E.md#L4`]);
    expect(visibleText(row.children[1]!)).toBe('incidents/a b)|<x>.md:4:3');
  });

  it('says so plainly when all is well', () => {
    const md = buildJobSummary(report([]));
    expect(md).toContain('✅ Candor: ready to merge');
    expect(md).toContain('0 errors, 0 warnings in 3 files checked.');
    expect(md).not.toContain('| Where |');
  });

  it('tells warnings from errors in the headline', () => {
    expect(buildJobSummary(report([diagnostic('w', { severity: 'warning' })]))).toContain(
      'with warnings',
    );
    expect(buildJobSummary(report([diagnostic('e')]))).toContain('❌ Candor found problems');
  });
});

describe('notice previews', () => {
  const preview = (payload: string, extra: Partial<NoticePreview> = {}): NoticePreview => ({
    channel: 'ops-slack',
    type: 'slack',
    event: 'incident.created',
    id: 'inc@2026-11-22T14:03:00Z',
    title: 'Elevated API error rates',
    payload,
    language: 'json',
    ...extra,
  });

  it('shows each payload exactly, in a code block its backticks cannot close', () => {
    const payloads = [
      '{"text":"```\\nnot code```"}',
      'line ````` five\n</details>\n<script>x</script>',
      '{"text":"@here *now*"}',
    ];
    const md = buildPrComment(
      report([], { kind: 'planned', previews: payloads.map((p) => preview(p)) }),
    );
    const code: string[] = [];
    walk(parseMarkdown(md) as Root, (n) => n.type === 'code' && code.push(n.value));
    expect(code).toEqual(payloads);
    expect(md).toContain('Notices this merge will send (3)');
  });

  it('neutralises the channel name and title in the summary line', () => {
    const md = buildJobSummary(
      report([], {
        kind: 'planned',
        previews: [preview('{}', { title: '<img src=x> @all', channel: 'a`b' })],
      }),
    );
    expect(md).toContain('&lt;img src=x&gt; @\u200ball');
    expect(md).toContain('<code>a&#96;b</code>');
  });

  it('explains the first run and a missing preview', () => {
    expect(buildJobSummary(report([], { kind: 'bootstrap' }))).toContain('no notice ledger yet');
    expect(
      buildJobSummary(report([], { kind: 'unavailable', reason: 'notify.yaml <missing>' })),
    ).toContain('No preview: notify.yaml &lt;missing&gt;');
    expect(buildJobSummary(report([]))).toContain('This merge sends no notice.');
  });
});

describe('size limits', () => {
  const many = Array.from({ length: 1_000 }, (_, i) =>
    diagnostic(`problem number ${i} ${'x'.repeat(40)}`),
  );

  it('keeps the comment under GitHub’s limit, with the marker, and counts what it left out', () => {
    const md = buildPrComment(report(many), {
      runUrl: 'https://github.com/acme/status/actions/runs/1',
    });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_MAX_BYTES);
    expect(md.startsWith(PR_COMMENT_MARKER)).toBe(true);
    const shown = table(md).children.length - 1;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(
      `…and ${many.length - shown} more diagnostics, not shown here: see the check run.`,
    );
    expect(md).toContain('(<https://github.com/acme/status/actions/runs/1>)');
  });

  it('keeps previews under the limit after diagnostics', () => {
    const previews = Array.from({ length: 50 }, (_, i) => ({
      channel: 'c',
      type: 'slack',
      event: 'e',
      id: `n${i}`,
      title: `t${i}`,
      payload: 'p'.repeat(5_000),
      language: 'json',
    }));
    const md = buildPrComment(report(many.slice(0, 10), { kind: 'planned', previews }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_MAX_BYTES);
    expect(table(md).children).toHaveLength(11);
    expect(md).toMatch(/…and \d+ more notices/);
  });

  it('puts everything in the job summary when it fits', () => {
    const md = buildJobSummary(report(many));
    expect(table(md).children).toHaveLength(many.length + 1);
    expect(md).not.toContain('more diagnostics');
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any run of backticks inside', () => {
    expect(codeBlock('a ```` b', 'json')).toBe('`````json\na ```` b\n`````');
    expect(codeBlock('plain')).toBe('```\nplain\n```');
  });
});
