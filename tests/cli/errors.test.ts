import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { main } from '../../src/cli/main.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { ContentError, DeliveryError, UsageError } from '../../src/core/errors.ts';
import type { Io } from '../../src/shared/io.ts';
import { PROJECT_ROOT } from '../candor-bin.ts';

function captureIo(
  env: NodeJS.ProcessEnv = {},
  debug = false,
): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: PROJECT_ROOT,
    env,
    debug,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    out,
    err,
  };
}

describe('one mapping from errors to messages and exit codes', () => {
  it('gives each kind its exit code and one line, details first', async () => {
    const cases: [Error, number, string[]][] = [
      [new UsageError('give an id.'), 2, ['candor x: give an id.']],
      [
        new ContentError('nothing was written.', { details: 'a.md:1:1 error Broken' }),
        1,
        ['a.md:1:1 error Broken', 'candor x: nothing was written.'],
      ],
      [new DeliveryError('the ledger is locked.'), 1, ['candor x: the ledger is locked.']],
    ];
    for (const [error, code, lines] of cases) {
      const io = captureIo();
      expect(await runCommand('x', io, undefined, () => Promise.reject(error))).toBe(code);
      expect(io.err).toEqual(lines);
    }
  });

  it('says an unexpected error is a bug and how to report it, with the stack only under --debug', async () => {
    const plain = captureIo();
    expect(
      await runCommand('x', plain, undefined, () => Promise.reject(new TypeError('boom'))),
    ).toBe(70);
    expect(plain.err[0]).toBe('candor x: unexpected error: boom');
    expect(plain.err[1]).toMatch(/bug in Candor.*report it.*candor x --debug/);
    expect(plain.err.join('\n')).not.toMatch(/\n\s+at /);
    const debug = captureIo({}, true);
    await runCommand('x', debug, undefined, () => Promise.reject(new TypeError('boom')));
    expect(debug.err.join('\n')).toMatch(/TypeError: boom\n\s+at /);
  });

  it('answers CANDOR_NOW=garbage in build with one line, as in every command', async () => {
    for (const command of ['build', 'check']) {
      const io = captureIo({ CANDOR_NOW: 'garbage' });
      expect(await main([command], io)).toBe(2);
      expect(io.err).toEqual([
        `candor ${command}: CANDOR_NOW="garbage" is not an ISO time such as 2026-11-22T14:03:00Z.`,
      ]);
    }
    const io = captureIo({ CANDOR_NOW: 'garbage' });
    expect(await runBuild(['--audience', 'everyone'], io)).toBe(2);
    expect(io.err).toEqual([
      'candor build: --audience must be public or internal, not "everyone".',
    ]);
  });

  it('refuses a CANDOR_NOW outside the years 1970 to 9999 instead of shifting it', async () => {
    for (const pinned of [
      '0050-06-01T00:00:00Z',
      '1969-12-31T23:59:00Z',
      '9999-12-31T23:30:00-01:00',
    ]) {
      const io = captureIo({ CANDOR_NOW: pinned });
      expect(await main(['check'], io)).toBe(2);
      expect(io.err).toEqual([
        `candor check: CANDOR_NOW="${pinned}" is not an ISO time such as 2026-11-22T14:03:00Z: it is outside the years 1970 to 9999 that Candor accepts.`,
      ]);
    }
  });

  it('names an unknown command and lists the real ones', async () => {
    const io = captureIo();
    expect(await main(['deploy'], io)).toBe(2);
    expect(io.err[0]).toMatch(/^candor: there is no command "deploy"\.\nUsage: candor <command>/);
    expect(io.err[0]).toContain('github pr-report');
  });
});
