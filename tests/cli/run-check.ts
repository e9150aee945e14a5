import { execFile } from 'node:child_process';
import { CANDOR_BIN } from '../candor-bin.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `candor check` as a real child process in `cwd`, with the clock pinned. */
export function runCheck(
  cwd: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CANDOR_BIN, 'check', ...args],
      // A check that hangs is killed rather than left running after the test gives up.
      { cwd, env: { ...process.env, CANDOR_NOW: '2026-11-23T12:00:00Z', ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
