import { httpStatus } from '../github/octokit.ts';
import type { Io } from './check.ts';
import { UsageError } from './clock.ts';

/** A problem the user can fix (a broken report, a missing variable): one line, exit 1, no stack. */
export class CommandError extends Error {}

/**
 * Runs a GitHub command and turns the failures people meet into one line each: misuse exits 2,
 * GitHub's refusals and CommandErrors exit 1. Only the status and GitHub's message are printed:
 * Octokit's errors also carry the request, whose headers hold the token.
 */
export async function runGitHubCommand(name: string, io: Io, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (cause) {
    const message = (cause as Error).message;
    if (cause instanceof UsageError || (cause as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`candor ${name}: ${message}`);
      return 2;
    }
    const status = httpStatus(cause);
    if (status !== undefined) {
      io.stderr(`candor ${name}: GitHub answered ${status}: ${message}${permissionHint(status)}`);
      return 1;
    }
    if (cause instanceof CommandError) {
      io.stderr(`candor ${name}: ${message}`);
      return 1;
    }
    throw cause;
  }
}

function permissionHint(status: number): string {
  if (status === 401) return ' (is GITHUB_TOKEN set to the workflow token?)';
  if (status === 403) return " (does the job's `permissions:` grant what this step needs?)";
  return '';
}
