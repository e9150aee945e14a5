import { execFile } from 'node:child_process';
import { runCandor, type CliResult } from '../support/run-candor.ts';
import { CANDOR_BIN } from '../candor-bin.ts';

export type { CliResult };

const PINNED_CLOCK = { CANDOR_NOW: '2026-11-23T12:00:00Z' };

/** `candor check` in `cwd` with the clock pinned, in this process (see `runCandor`). */
export function runCheck(
  cwd: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return runCandor(cwd, ['check', ...args], { ...process.env, ...PINNED_CLOCK, ...env });
}

/** Runs `candor check` as a real child process in `cwd`, with the clock pinned: the bin, its exit code and streams. */
export function runCheckProcess(
  cwd: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CANDOR_BIN, 'check', ...args],
      // A check that hangs is killed rather than left running after the test gives up.
      { cwd, env: { ...process.env, ...PINNED_CLOCK, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
