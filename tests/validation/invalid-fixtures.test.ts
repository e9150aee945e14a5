import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import { readRepository } from '../../src/core/read-repository.ts';
import { MAX_FILE_BYTES } from '../../src/core/source-text.ts';
import { FIXTURES, tempRepositories, VALID_CONFIG } from './temp-repository.ts';

const now = new Date('2026-11-23T12:00:00Z');
const repositories = tempRepositories();
afterAll(() => repositories.cleanup());

interface Expected {
  code: string;
  line: number;
  column: number;
  /** A fragment the message must contain. */
  message: string;
  /** A fragment the hint must contain. */
  hint?: string;
  severity?: 'error' | 'warning';
  /** For a folder fixture: the file the diagnostic is in. */
  file?: string;
}

/**
 * Every file or folder in tests/fixtures/invalid/ and exactly the diagnostics it must produce, in
 * order: no more, no fewer. A `.md` file is an incident checked against the valid components.yaml,
 * a `.yaml` file is a components.yaml, a folder is a repository.
 */
const EXPECTED: Record<string, Expected[]> = {
  'API-Outage.md': [
    {
      code: 'file-name',
      line: 1,
      column: 1,
      message: 'The file name "API-Outage" cannot be used as an id (it appears in URLs)',
    },
  ],
  'alias-bomb.md': [
    {
      code: 'yaml-alias-limit',
      line: 5,
      column: 8,
      message: 'These YAML aliases (*name) expand too far',
    },
  ],
  'bad-update-heading.md': [
    {
      code: 'update-heading',
      line: 9,
      column: 1,
      message: 'The update heading "2026-11-20 14:03 UTC Investigating" has no status.',
    },
  ],
  'bom-crlf.md': [
    {
      code: 'unknown-key',
      line: 4,
      column: 1,
      message: 'Unknown key "status".',
      hint: 'Use one of the keys: `id`, `title`, `kin',
    },
  ],
  'components-line.md': [
    {
      code: 'components-line',
      line: 10,
      column: 32,
      message: '"api: brokn" is not a component status change.',
      hint: 'Use one of: `operational`, `degraded_per',
    },
  ],
  'config-bad-id.yaml': [
    {
      code: 'invalid-format',
      line: 3,
      column: 11,
      message: '`components[0].id` must be lower-case letters',
      hint: 'Write `rest-api` instead.',
    },
  ],
  'config-bad-since.yaml': [
    { code: 'invalid-value', line: 3, column: 34, message: '"2026-02-30" is not a real date.' },
    {
      code: 'invalid-format',
      line: 4,
      column: 34,
      message: '`components[1].since` must be a date written as YYYY-MM-DD: "15.01.2024"',
    },
  ],
  'config-bad-timezone.yaml': [
    {
      code: 'invalid-value',
      line: 4,
      column: 13,
      message: '`page.timezone` is not an IANA time zone.',
      hint: 'Did you mean `Europe/Berlin`?',
    },
  ],
  'config-bad-url.yaml': [
    {
      code: 'invalid-format',
      line: 3,
      column: 8,
      message: '`page.url` is not a valid url: "status.acme.dev".',
      hint: 'https://',
    },
  ],
  'config-bad-weight.yaml': [
    {
      code: 'invalid-type',
      line: 6,
      column: 21,
      message: '`uptime.weights.partial_outage` must be a number, not string "half".',
    },
  ],
  'config-duplicate-component.yaml': [
    {
      code: 'duplicate-id',
      line: 5,
      column: 9,
      message: 'The component id "api" is already used on line 3.',
    },
  ],
  'config-group-component-same-id.yaml': [
    {
      code: 'duplicate-id',
      line: 5,
      column: 11,
      message: 'The component id "api" is already the id of a group (line 3).',
    },
  ],
  'config-empty.yaml': [
    { code: 'empty-file', line: 1, column: 1, message: 'components.yaml is empty.' },
  ],
  'config-missing-page.yaml': [
    { code: 'missing-key', line: 2, column: 1, message: 'Missing required key "page".' },
  ],
  'config-misspelt-key.yaml': [
    {
      code: 'unknown-key',
      line: 2,
      column: 1,
      message: 'Unknown key "componets".',
      hint: 'Did you mean `components`?',
    },
  ],
  'config-no-components.yaml': [
    { code: 'too-small', line: 2, column: 13, message: '`components` needs at least one entry.' },
  ],
  'config-weight-out-of-range.yaml': [
    {
      code: 'out-of-range',
      line: 6,
      column: 21,
      message: '`uptime.weights.partial_outage` must be a number from 0 to 1.',
    },
  ],
  'config-components-mapping.yaml': [
    {
      code: 'invalid-type',
      line: 3,
      column: 3,
      message: '`components` must be a list, not a mapping.',
      hint: 'with `- `',
    },
  ],
  'config-unknown-severity.yaml': [
    {
      code: 'unknown-key',
      line: 6,
      column: 3,
      message: 'Unknown key "huge" in `severity`.',
      hint: '`none`, `minor`, `major`, `critical`',
    },
  ],
  'config-two-documents.yaml': [
    {
      code: 'yaml-syntax',
      line: 5,
      column: 1,
      message: 'starts a second YAML document',
      hint: 'Remove this `---` line',
    },
  ],
  'config-unknown-group.yaml': [
    {
      code: 'unknown-group',
      line: 5,
      column: 34,
      message: 'Component "api" names the group "coer"',
      hint: 'Did you mean `core`?',
    },
  ],
  'duplicate-id': [
    {
      code: 'duplicate-id',
      line: 2,
      column: 5,
      message: 'The id "api-errors" is already used by incidents/2026/api-errors.md.',
      file: 'incidents/renamed.md',
    },
  ],
  'duplicate-update-time.md': [
    {
      code: 'duplicate-update-time',
      line: 12,
      column: 1,
      message: 'Two updates have the same time (2026-11-20 14:03 UTC).',
      hint: 'Times may have seconds: head this one `## 2026-11-20 14:03:30 UTC · ...` (on the command line, `--at "2026-11-20 14:03:30 UTC"`), or merge the two.',
    },
  ],
  'duplicate-yaml-key.md': [
    {
      code: 'duplicate-key',
      line: 6,
      column: 3,
      message: 'The key "api" appears twice in the same mapping.',
    },
  ],
  'empty-title.md': [{ code: 'empty-value', line: 2, column: 8, message: '`title` is empty.' }],
  'first-update-status.md': [
    { code: 'first-update-status', line: 9, column: 1, message: 'The first update says "Update"' },
  ],
  'frontmatter-language.md': [
    {
      code: 'frontmatter-language',
      line: 1,
      column: 4,
      message: 'Frontmatter fences may not name a language ("js")',
    },
  ],
  'frontmatter-not-a-mapping.md': [
    {
      code: 'invalid-type',
      line: 2,
      column: 1,
      message: 'The file must be a mapping (key: value lines), not a list.',
    },
  ],
  'incident-components-list.md': [
    {
      code: 'invalid-type',
      line: 4,
      column: 13,
      message: 'An incident must give each affected component its status.',
    },
  ],
  'incident-maintenance-status.md': [
    {
      code: 'status-wrong-kind',
      line: 12,
      column: 1,
      message: '"Completed" is a maintenance status; this file is an incident.',
      hint: 'Use one of: Investigating, Identified, M',
    },
  ],
  'invalid-component-status.md': [
    {
      code: 'invalid-value',
      line: 5,
      column: 8,
      message: '"broken" is not a valid value for `components.api`',
      hint: 'Use one of: `operational`, `degraded_per',
    },
  ],
  'invalid-impact.md': [
    {
      code: 'invalid-value',
      line: 3,
      column: 9,
      message: '"majr" is not a valid value for `impact`',
      hint: 'Did you mean `major`?',
    },
  ],
  'invalid-kind.md': [
    {
      code: 'invalid-value',
      line: 3,
      column: 7,
      message: '"outage" is not a valid value for `kind`',
      hint: 'Use one of: `incident`, `maintenance`.',
    },
  ],
  'invalid-utf8.md': [
    { code: 'invalid-utf8', line: 7, column: 11, message: 'The file is not valid UTF-8.' },
  ],
  'maintenance-incident-status.md': [
    {
      code: 'status-wrong-kind',
      line: 13,
      column: 1,
      message: '"Resolved" is an incident status; this file is a maintenance.',
      hint: 'Use one of: Scheduled, In progress, Veri',
    },
  ],
  'maintenance-missing-window.md': [
    { code: 'missing-key', line: 3, column: 1, message: 'A maintenance needs `scheduled_for`.' },
    { code: 'missing-key', line: 3, column: 1, message: 'A maintenance needs `scheduled_until`.' },
  ],
  'maintenance-only-key.md': [
    {
      code: 'maintenance-only-key',
      line: 4,
      column: 1,
      message: '`scheduled_for` is only for maintenance.',
    },
  ],
  'maintenance-window.md': [
    {
      code: 'maintenance-window',
      line: 5,
      column: 18,
      message: 'The maintenance window ends before it starts.',
    },
  ],
  'missing-impact.md': [
    { code: 'missing-key', line: 2, column: 1, message: 'Missing required key "impact".' },
  ],
  'missing-title.md': [
    {
      code: 'missing-key',
      line: 3,
      column: 1,
      message: 'Missing required key "title".',
      hint: 'The headline',
    },
  ],
  'misspelt-required-key.md': [
    {
      code: 'unknown-key',
      line: 2,
      column: 1,
      message: 'Unknown key "titel".',
      hint: 'Did you mean `title`?',
    },
  ],
  'next-update-overdue.md': [
    {
      code: 'next-update-overdue',
      line: 10,
      column: 1,
      message: 'The next update was promised for 2026-11-23 11:00 UTC and is late.',
      severity: 'warning',
    },
  ],
  'no-components.md': [
    {
      code: 'no-components',
      line: 2,
      column: 1,
      message: 'This open incident names no affected component',
      severity: 'warning',
    },
  ],
  'no-frontmatter.md': [
    {
      code: 'frontmatter-missing',
      line: 1,
      column: 1,
      message: 'The file does not start with YAML frontmatter.',
    },
  ],
  'no-updates-no-body.md': [
    { code: 'no-updates', line: 6, column: 1, message: 'This incident has no update.' },
  ],
  'no-updates.md': [
    { code: 'no-updates', line: 7, column: 1, message: 'This incident has no update.' },
  ],
  'null-title.md': [{ code: 'empty-value', line: 2, column: 7, message: '`title` has no value.' }],
  'open-too-long.md': [
    {
      code: 'open-too-long',
      line: 12,
      column: 1,
      message: 'This incident has been open since 2026-11-10, more than 7 days.',
      severity: 'warning',
    },
  ],
  'postmortem-not-last.md': [
    {
      code: 'postmortem-not-last',
      line: 15,
      column: 1,
      message: '"2026-11-20 15:00 UTC · Resolved" comes after the postmortem.',
    },
  ],
  'several-mistakes.md': [
    {
      code: 'invalid-value',
      line: 3,
      column: 9,
      message: '"majr" is not a valid value for `impact`',
      hint: 'Did you mean `major`?',
    },
    {
      code: 'timestamp-invalid',
      line: 4,
      column: 14,
      message: '`next_update`: "tomorrow" is not a timestamp.',
    },
    {
      code: 'unknown-component',
      line: 6,
      column: 3,
      message: 'There is no component "apii"',
      hint: 'Did you mean `api`?',
    },
    {
      code: 'update-order',
      line: 13,
      column: 1,
      message:
        'This update (2026-11-20 13:00 UTC) is earlier than the one above it (2026-11-20 14:03 UTC).',
    },
    {
      code: 'status-wrong-kind',
      line: 16,
      column: 1,
      message: '"Completed" is a maintenance status; this file is an incident.',
    },
  ],
  'yaml-missing-space.md': [
    {
      code: 'yaml-syntax',
      line: 2,
      column: 1,
      message: 'a colon is probably missing the space after it',
      hint: 'Write `title: API errors`.',
    },
  ],
  'yaml-colon-in-value.md': [
    {
      code: 'yaml-syntax',
      line: 2,
      column: 8,
      message: 'This value contains ": "',
      hint: 'Quote the value: `title: "API: errors"`.',
    },
  ],
  'yaml-unresolved-alias.md': [
    {
      code: 'yaml-syntax',
      line: 3,
      column: 9,
      message: 'Unresolved alias',
      hint: 'status files need no anchors',
    },
  ],
  'update-heading-level.md': [
    {
      code: 'update-heading-level',
      line: 9,
      column: 1,
      message: 'This looks like an update, but its heading starts with 3 `#`.',
      hint: 'exactly two',
    },
  ],
  'components-list-of-mappings.md': [
    {
      code: 'invalid-type',
      line: 5,
      column: 3,
      message: '`components` is a list of mappings',
      hint: 'Remove the `- `',
    },
  ],
  'started-after-update.md': [
    {
      code: 'started-after-update',
      line: 4,
      column: 10,
      message:
        '`started` (2026-11-20 14:30 UTC) is later than the first update (2026-11-20 14:03 UTC).',
    },
  ],
  'duplicate-postmortem.md': [
    {
      code: 'duplicate-postmortem',
      line: 16,
      column: 1,
      message: 'There is a second `## Postmortem` section.',
    },
  ],
  'empty-update.md': [
    {
      code: 'empty-update',
      line: 7,
      column: 1,
      message: 'This update has no text.',
      severity: 'warning',
    },
  ],
  'title-too-long.md': [
    {
      code: 'too-big',
      line: 2,
      column: 8,
      message: '`title` is too long (at most 200 characters).',
      hint: 'Shorten it to at most 200 characters',
    },
  ],
  'maintenance-overrun.md': [
    {
      code: 'maintenance-overrun',
      line: 13,
      column: 1,
      severity: 'warning',
      message:
        'The maintenance window ended at 2026-11-22 04:00 UTC, but the last update still says "In progress".',
    },
  ],
  'setext-heading.md': [
    {
      code: 'setext-heading',
      line: 10,
      column: 1,
      message: 'The `---` line under this text turns the text into a heading.',
    },
    {
      code: 'unknown-status',
      line: 13,
      column: 33,
      message: '"Resolvd" is not an update status.',
      hint: 'Did you mean `Resolved`?',
    },
  ],
  'timestamp-date-only.md': [
    {
      code: 'timestamp-no-zone',
      line: 6,
      column: 10,
      message: '`started`: "2026-11-20" is a date without a time and zone.',
    },
  ],
  'timestamp-impossible-date.md': [
    {
      code: 'timestamp-invalid',
      line: 9,
      column: 4,
      message: '"2026-02-30 14:03 UTC" is not a real date and time.',
    },
  ],
  'timestamp-no-zone-frontmatter.md': [
    {
      code: 'timestamp-no-zone',
      line: 6,
      column: 14,
      message: '`next_update`: "2026-11-20 15:00" has no time zone',
    },
  ],
  'timestamp-no-zone-heading.md': [
    {
      code: 'timestamp-no-zone',
      line: 9,
      column: 4,
      message: '"2026-11-20 14:03" has no time zone',
      hint: '`2026-11-20 14:03 UTC`',
    },
  ],
  'timestamp-out-of-range.md': [
    {
      code: 'timestamp-out-of-range',
      line: 4,
      column: 10,
      message: '`started`: "0099-11-20 14:00 UTC" is outside the years 1970 to 9999',
    },
    {
      code: 'timestamp-invalid',
      line: 7,
      column: 14,
      message: '`next_update`: "10000-01-01 00:00 UTC" is not a timestamp.',
    },
    {
      code: 'timestamp-out-of-range',
      line: 11,
      column: 4,
      message: '"0026-11-20 14:03 UTC" is outside the years 1970 to 9999',
      hint: 'Check the year',
    },
    {
      code: 'timestamp-out-of-range',
      line: 14,
      column: 4,
      message: '"9999-12-31 23:00 -14:00" is outside the years 1970 to 9999',
    },
  ],
  'timestamp-unparseable.md': [
    {
      code: 'timestamp-invalid',
      line: 12,
      column: 4,
      message: '"yesterday afternoon" is not a timestamp.',
    },
  ],
  'timestamp-zone-abbreviation.md': [
    {
      code: 'timestamp-invalid',
      line: 6,
      column: 6,
      message:
        '`eta`: "CET" is not a zone Candor accepts: abbreviations such as CET or PST are ambiguous',
    },
  ],
  'unknown-component-despite-invalid-frontmatter.md': [
    {
      code: 'invalid-value',
      line: 3,
      column: 9,
      message: '"majr" is not a valid value for `impact`',
      hint: 'Did you mean `major`?',
    },
    {
      code: 'unknown-component',
      line: 5,
      column: 3,
      message: 'There is no component "apii" in components.yaml.',
      hint: 'Did you mean `api`?',
    },
  ],
  'unknown-component-in-update.md': [
    {
      code: 'unknown-component',
      line: 10,
      column: 32,
      message: 'There is no component "dashbord" in components.yaml.',
      hint: 'Did you mean `dashboard`?',
    },
  ],
  'unknown-component.md': [
    {
      code: 'unknown-component',
      line: 5,
      column: 3,
      message: 'There is no component "apii" in components.yaml.',
      hint: 'Did you mean `api`?',
    },
  ],
  'unknown-key-no-suggestion.md': [
    {
      code: 'unknown-key',
      line: 4,
      column: 1,
      message: 'Unknown key "severity".',
      hint: 'Use one of the keys: `id`, `title`, `kin',
    },
  ],
  'unknown-key.md': [
    {
      code: 'unknown-key',
      line: 4,
      column: 1,
      message: 'Unknown key "workaroud".',
      hint: 'Did you mean `workaround`?',
    },
  ],
  'unknown-section.md': [
    {
      code: 'unknown-section',
      line: 15,
      column: 1,
      message: '"## Timeline" is neither an update nor the postmortem.',
    },
  ],
  'unknown-status.md': [
    {
      code: 'unknown-status',
      line: 9,
      column: 27,
      message: '"Investigatin" is not an update status.',
      hint: 'Did you mean `Investigating`?',
    },
  ],
  'unterminated-frontmatter.md': [
    {
      code: 'frontmatter-unterminated',
      line: 1,
      column: 1,
      message: 'The frontmatter opened on line 1 is never closed.',
    },
  ],
  'update-after-resolved.md': [
    {
      code: 'update-after-resolved',
      line: 15,
      column: 1,
      message: 'An update follows "Resolved".',
    },
  ],
  'update-in-future.md': [
    {
      code: 'update-in-future',
      line: 12,
      column: 1,
      message: 'This update is dated 2026-11-23 14:00 UTC, in the future',
      severity: 'warning',
    },
  ],
  'update-order.md': [
    {
      code: 'update-order',
      line: 12,
      column: 1,
      message:
        'This update (2026-11-20 13:50 UTC) is earlier than the one above it (2026-11-20 14:03 UTC)',
    },
  ],
  'wrong-type-components.md': [
    {
      code: 'invalid-type',
      line: 4,
      column: 13,
      message: '`components` has the wrong shape (number 3).',
    },
  ],
  'wrong-type-title.md': [
    { code: 'invalid-type', line: 2, column: 8, message: '`title` must be a string, not a list.' },
  ],
  'yaml-syntax.md': [
    { code: 'yaml-syntax', line: 3, column: 14, message: 'Missing closing "quote' },
  ],
  'yaml-tab-indent.md': [
    { code: 'yaml-syntax', line: 5, column: 1, message: 'Tabs are not allowed as indentation' },
  ],
};

async function diagnosticsOf(root: string): Promise<Diagnostic[]> {
  return loadRepository(await readRepository(root), { now }).diagnostics;
}

function expectDiagnostics(actual: Diagnostic[], expected: Expected[], file: string) {
  expect(
    actual.map(({ file, code, line, column, severity }) => ({
      file,
      code,
      line,
      column,
      severity,
    })),
  ).toEqual(
    expected.map((e) => ({
      file: e.file ?? file,
      code: e.code,
      line: e.line,
      column: e.column,
      severity: e.severity ?? 'error',
    })),
  );
  actual.forEach((diagnostic, i) => {
    expect(diagnostic.message).toContain(expected[i]!.message);
    // Every diagnostic says what to write instead.
    expect(diagnostic.hint, `${diagnostic.code} has a hint`).toBeTruthy();
    if (expected[i]!.hint) expect(diagnostic.hint).toContain(expected[i]!.hint);
  });
}

describe('each invalid fixture produces exactly its diagnostics', () => {
  it('lists every fixture in the table, and every table entry is a fixture', async () => {
    expect((await readdir(join(FIXTURES, 'invalid'))).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const file = name.endsWith('.yaml') ? 'components.yaml' : `incidents/${name}`;
    expectDiagnostics(await diagnosticsOf(await repositories.fromFixture(name)), expected, file);
  });
});

describe('file encodings', () => {
  it('reads a BOM and CRLF line ends as ordinary text, with true lines and columns', async () => {
    const bytes = await readFile(join(FIXTURES, 'invalid', 'bom-crlf.md'));
    // Guards the fixture itself: a checkout that converted line ends would make this test pass vacuously.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    const plain = bytes.subarray(3).toString('utf8').replace(/\r\n/g, '\n');
    const root = await repositories.create({
      'components.yaml': await readFile(VALID_CONFIG),
      'incidents/bom-crlf.md': plain,
    });
    expect(await diagnosticsOf(root)).toEqual(
      await diagnosticsOf(await repositories.fromFixture('bom-crlf.md')),
    );
  });

  it('reads a lone CR line end as a line end', async () => {
    const text = (await readFile(join(FIXTURES, 'invalid', 'unknown-key.md'), 'utf8')).replace(
      /\n/g,
      '\r',
    );
    const root = await repositories.create({
      'components.yaml': await readFile(VALID_CONFIG),
      'incidents/unknown-key.md': text,
    });
    expectDiagnostics(
      await diagnosticsOf(root),
      EXPECTED['unknown-key.md']!,
      'incidents/unknown-key.md',
    );
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const text = `---\ntitle: Big\nimpact: minor\n---\n${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const root = await repositories.create({
      'components.yaml': await readFile(VALID_CONFIG),
      'incidents/big.md': text,
    });
    expectDiagnostics(
      await diagnosticsOf(root),
      [{ code: 'file-too-large', line: 1, column: 1, message: 'the limit is 512 KiB' }],
      'incidents/big.md',
    );
  });

  it('accepts a file exactly at the size limit', async () => {
    const head = `---\ntitle: Big\nimpact: minor\ncomponents:\n  api: partial_outage\n---\n## 2026-11-20 14:03 UTC · Resolved\n`;
    // Lines of 99 characters, as the line length is bounded too.
    const text =
      head +
      `${'x'.repeat(99)}\n`
        .repeat(MAX_FILE_BYTES)
        .slice(0, MAX_FILE_BYTES - Buffer.byteLength(head));
    const root = await repositories.create({
      'components.yaml': await readFile(VALID_CONFIG),
      'incidents/big.md': text,
    });
    expect(await diagnosticsOf(root)).toEqual([]);
  });
});

describe('the valid fixtures', () => {
  it('load without a diagnostic, keeping YAML 1.2 core-schema strings as strings', async () => {
    const { model, diagnostics } = loadRepository(await readRepository(join(FIXTURES, 'valid')), {
      now,
    });
    expect(diagnostics).toEqual([]);
    // `name: no` stays a string (YAML 1.1 would read false); `since: 2024-01-15` is not turned into a Date.
    expect(model!.page.name).toBe('no');
    expect(model!.components[0]!.since).toBe('2024-01-15');
    const api = model!.incidents.find((i) => i.id === '2026-11-20-api-errors')!;
    expect(api.updates.map((u) => [u.at.toISOString(), u.written, u.status])).toEqual([
      ['2026-11-20T14:03:00.000Z', 'investigating', 'investigating'],
      ['2026-11-20T14:40:00.000Z', 'identified', 'identified'],
      ['2026-11-20T14:50:00.000Z', 'update', 'identified'],
      ['2026-11-20T15:20:00.000Z', 'resolved', 'resolved'],
    ]);
    expect(api.updates[1]!.components).toEqual({
      api: 'degraded_performance',
      dashboard: 'operational',
    });
    expect(api.updates[3]!.components).toEqual({ api: 'operational', dashboard: 'operational' });
    expect(api.postmortem?.body).toBe('What happened and what we change.');
    expect(model!.incidents.find((i) => i.id === 'dashboard-slow')?.file).toBe(
      'incidents/2026-11-23-open.md',
    );
  });
});
