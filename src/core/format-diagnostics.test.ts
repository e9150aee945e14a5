import { describe, expect, it } from 'vitest';
import { error, warning } from './diagnostics.ts';
import {
  formatGithub,
  formatJson,
  formatPretty,
  formatSummary,
  plural,
} from './format-diagnostics.ts';

const diagnostics = [
  error(
    'incidents/a,b:c.md',
    { line: 3, column: 9 },
    'invalid-value',
    '100% wrong:\r\nreally',
    'Write `major`, or `minor`.',
  ),
  warning('components.yaml', { line: 1, column: 1 }, 'no-hint', 'Plain.'),
];

describe('formatting diagnostics', () => {
  it('counts in the singular for one, as the build line does ("1 incident")', () => {
    expect([0, 1, 2].map((n) => plural(n, 'incident'))).toEqual([
      '0 incidents',
      '1 incident',
      '2 incidents',
    ]);
  });

  it('pretty: file:line:col severity message [code], the hint indented below', () => {
    expect(formatPretty(diagnostics)).toBe(
      'incidents/a,b:c.md:3:9 error 100% wrong:\\r\\nreally [invalid-value]\n    hint: Write `major`, or `minor`.\ncomponents.yaml:1:1 warning Plain. [no-hint]',
    );
  });

  it('github: escapes %, CR and LF in the message (line breaks in user text as visible escapes), and also : and , in properties', () => {
    expect(formatGithub(diagnostics).split('\n')).toEqual([
      '::error file=incidents/a%2Cb%3Ac.md,line=3,col=9,title=Candor%3A invalid-value::100%25 wrong:\\r\\nreally%0AWrite `major`, or `minor`.',
      '::warning file=components.yaml,line=1,col=1,title=Candor%3A no-hint::Plain.',
    ]);
  });

  it('json: the diagnostics themselves', () => {
    expect(JSON.parse(formatJson(diagnostics))).toEqual(diagnostics);
  });

  it('summary: counts with plurals', () => {
    expect(formatSummary(diagnostics, 1)).toBe('1 error, 1 warning in 1 file checked.');
    expect(formatSummary([], 2)).toBe('0 errors, 0 warnings in 2 files checked.');
  });
});
