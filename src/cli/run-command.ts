import { relative } from 'node:path';
import { CandorError } from '../core/errors.ts';
import { httpStatus } from '../github/http-status.ts';
import type { Io } from '../shared/io.ts';

export type Command = (argv: string[], io: Io) => Promise<number>;

/** Exit codes: 0 done, 1 the content or a delivery failed, 2 the command was misused, 70 a bug in Candor. */
export const EXIT = { ok: 0, failed: 1, usage: 2, bug: 70 } as const;

/**
 * The one place where an error becomes what the user reads and an exit code, for every command.
 * Known failures are one line (after their details), never a stack trace; an unexpected error says
 * how to report it, with its stack only under `--debug`.
 */
export async function runCommand(
  name: string,
  io: Io,
  usage: string | undefined,
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run();
  } catch (cause) {
    const { message, lines, code, showUsage } = describeFailure(cause, io);
    if (lines) io.stderr(lines);
    io.stderr(`candor ${name}: ${message}${showUsage && usage ? ` Usage: ${usage}` : ''}`);
    if (code === EXIT.bug) {
      io.stderr(
        io.debug
          ? String((cause as Error)?.stack ?? cause)
          : `This is a bug in Candor, not a mistake in your files. Please report it (\`npm bugs candor-status\` opens the issue tracker) with the command you ran and what \`candor ${name} --debug\` prints.`,
      );
    }
    return code;
  }
}

function describeFailure(
  cause: unknown,
  io: Io,
): { message: string; lines?: string | undefined; code: number; showUsage?: boolean } {
  if (cause instanceof CandorError) {
    return {
      message: cause.message,
      lines: cause.details,
      code: cause.kind === 'usage' ? EXIT.usage : EXIT.failed,
    };
  }
  const { code, path, message } = (cause ?? {}) as NodeJS.ErrnoException;
  if (code?.startsWith('ERR_PARSE_ARGS')) {
    // node:util's own advice (about positionals after `--`) does not fit these commands: the usage line does.
    return { message: message.split(/(?<=\.) /)[0]!, code: EXIT.usage, showUsage: true };
  }
  const status = httpStatus(cause);
  // Only the status and GitHub's message: Octokit's errors also carry the request, whose headers hold the token.
  if (status !== undefined)
    return {
      message: `GitHub answered ${status}: ${message}${permissionHint(status)}`,
      code: EXIT.failed,
    };
  if (code && path) {
    // A file the repository lists but the system will not hand over (a folder named like a file, no permission).
    return {
      message: `cannot read ${relative(io.cwd, path) || path} (${code}).`,
      code: EXIT.usage,
    };
  }
  return { message: `unexpected error: ${message ?? String(cause)}`, code: EXIT.bug };
}

function permissionHint(status: number): string {
  if (status === 401) return ' (is GITHUB_TOKEN set to the workflow token?)';
  if (status === 403) return " (does the job's `permissions:` grant what this step needs?)";
  return '';
}
