import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A `candor` command run in this process through the bin's own entry (`main`), its output
 * collected line by line as the bin writes it: for tests of a command's logic, without the
 * half-second start of a process. What only a real process shows (the bin, exit status, streams,
 * signals, locks between processes) is tested with real ones.
 */
export async function runCandor(
  cwd: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const line = (to: string[]) => (text: string) => {
    to.push(text.endsWith('\n') ? text : `${text}\n`);
  };
  const code = await main(argv, { cwd, env, stdout: line(stdout), stderr: line(stderr) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}
