import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CHECK_SCRIPT = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run check`'s script as a real child process in `cwd`, with the clock pinned. */
export function runCheck(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CHECK_SCRIPT, ...args],
      // A check that hangs is killed rather than left running after the test gives up.
      { cwd, env: { ...process.env, CANDOR_NOW: '2026-11-23T12:00:00Z', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
