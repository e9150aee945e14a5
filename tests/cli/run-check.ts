import { execFile } from 'node:child_process';
import { main } from '../../src/cli/main.ts';
import { CANDOR_BIN } from '../candor-bin.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const PINNED_CLOCK = { CANDOR_NOW: '2026-11-23T12:00:00Z' };

/**
 * `candor check` in `cwd` with the clock pinned, called in this process through the bin's own
 * entry (`main`), its output collected line by line as the bin writes it. For what a test asks of
 * the command's logic; `runCheckProcess` is for what only a real process shows.
 */
export async function runCheck(
  cwd: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const line = (to: string[]) => (text: string) => {
    to.push(text.endsWith('\n') ? text : `${text}\n`);
  };
  const code = await main(['check', ...args], {
    cwd,
    env: { ...process.env, ...PINNED_CLOCK, ...env },
    stdout: line(stdout),
    stderr: line(stderr),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
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
