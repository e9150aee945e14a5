import { describe, expect, it } from 'vitest';
import { didYouMean, error, sortDiagnostics, suggest, warning } from './diagnostics.ts';

describe('didYouMean', () => {
  const keys = ['title', 'impact', 'components', 'next_update', 'workaround'];
  it.each([
    ['titel', 'title'],
    ['tilte', 'title'],
    ['Title', 'title'],
    ['componets', 'components'],
    ['next-update', 'next_update'],
    ['workaroud', 'workaround'],
  ])('reads %s as %s', (word, expected) => {
    expect(didYouMean(word, keys)).toBe(expected);
  });

  it.each(['severity', 'x', 'status'])(
    'suggests nothing for %s, which is no plausible typo',
    (word) => {
      expect(didYouMean(word, keys)).toBeUndefined();
    },
  );
});

describe('suggest', () => {
  it('offers the close match, else the list of what is allowed', () => {
    expect(suggest('majr', ['minor', 'major'])).toBe('Did you mean `major`?');
    expect(suggest('huge', ['minor', 'major'], 'one of the keys')).toBe(
      'Use one of the keys: `minor`, `major`.',
    );
    expect(
      suggest(
        'x',
        Array.from({ length: 13 }, (_, i) => `key${i}`),
      ),
    ).toMatch(/`key11`, …\.$/);
    expect(suggest('x', [])).toBe('');
  });
});

describe('diagnostics', () => {
  it('leave out an empty hint, and sort by file, line, then column', () => {
    const a = error('b.md', { line: 2, column: 5 }, 'x', 'm');
    const b = warning('a.md', { line: 9, column: 1 }, 'y', 'm', 'h');
    const c = error('b.md', { line: 2, column: 1 }, 'z', 'm', '');
    expect('hint' in c).toBe(false);
    expect(sortDiagnostics([a, b, c]).map((d) => d.code)).toEqual(['y', 'z', 'x']);
  });
});
