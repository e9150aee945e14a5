import type { Io } from '../cli/check.ts';
import { UsageError } from '../cli/clock.ts';

/** A command could not do what was asked for a reason the user can fix (printed as is, exit 1). */
export class CommandFailure extends Error {}

/**
 * Runs an authoring command: a wrong argument is one line saying what to type instead (exit 2), a
 * refusal is its message (exit 1); neither prints a stack trace.
 */
export async function runCommand(name: string, usage: string, io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.stderr(`candor ${name}: ${cause.message}`);
      return 2;
    }
    if ((cause as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // node:util's own advice (about positionals after `--`) does not fit these commands: show how to call them.
      const first = (cause as Error).message.split(/(?<=\.) /)[0];
      io.stderr(`candor ${name}: ${first} Usage: ${usage}`);
      return 2;
    }
    if (cause instanceof CommandFailure) {
      io.stderr(cause.message);
      return 1;
    }
    throw cause;
  }
}
