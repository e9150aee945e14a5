import { describe, expect, it } from 'vitest';
import { checkInternalBlocks, stripInternalBlocks } from '../../src/core/internal-blocks.ts';

const update = [
  'We are rolling back the release.',
  '',
  '<!-- internal -->',
  'Ticket OPS-4711; @db-oncall is on it.',
  '<!-- /internal -->',
  '',
  'Next update by 15:00 UTC.',
].join('\n');

describe('internal blocks', () => {
  it('are removed with their markers for the public', () => {
    expect(stripInternalBlocks(update)).toBe(
      'We are rolling back the release.\n\nNext update by 15:00 UTC.',
    );
  });

  it('accept `end internal`, spaces and any case in the markers', () => {
    expect(stripInternalBlocks('a\n  <!--Internal-->\nsecret\n<!-- END INTERNAL -->\nb')).toBe(
      'a\nb',
    );
  });

  it('hide everything after an unterminated marker rather than leak it', () => {
    expect(stripInternalBlocks('public\n<!-- internal -->\nsecret')).toBe('public');
  });

  it('leave other HTML comments alone', () => {
    expect(stripInternalBlocks('a <!-- note --> b')).toBe('a <!-- note --> b');
  });

  it('report an unterminated block at its opening line', () => {
    expect(checkInternalBlocks('incidents/x.md', 'a\n<!-- internal -->\nsecret', 10)).toEqual([
      expect.objectContaining({
        code: 'internal-block-unterminated',
        line: 11,
        column: 1,
        severity: 'error',
      }),
    ]);
  });

  it('report a closing marker without an opening one, and nesting', () => {
    const found = checkInternalBlocks(
      'x.md',
      '<!-- /internal -->\n<!-- internal -->\n<!-- internal -->\n<!-- /internal -->',
      1,
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ['internal-block-unopened', 1],
      ['internal-block-nested', 3],
    ]);
  });

  it('find nothing wrong in well-formed blocks', () => {
    expect(checkInternalBlocks('x.md', update, 1)).toEqual([]);
  });
});
