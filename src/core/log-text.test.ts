import { describe, expect, it } from 'vitest';
import { logLines, logText } from './log-text.ts';

describe('log text', () => {
  it('writes line breaks, C0/C1 controls and line separators in one-line text as visible escapes', () => {
    expect(logText('Acme\n::error::x\r\u001b[31m\u0085\u2028')).toBe(
      'Acme\\n::error::x\\r\\x1b[31m\\x85\\u2028',
    );
    expect(logText('100% plain, tab\tkept')).toBe('100% plain, tab\tkept');
  });

  it('keeps the lines of a block but no line of it can start a workflow command', () => {
    const out = logLines('Title\n  ::error file=a::forged\n::warning::x\r\n\u001b[2J');
    expect(out.split('\n').some((line) => line.trimStart().startsWith('::'))).toBe(false);
    expect(out).toBe('Title\n  \\::error file=a::forged\n\\::warning::x\\r\n\\x1b[2J');
  });
});
