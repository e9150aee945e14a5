import { parseArgs } from 'node:util';
import { runCommand } from './run-command.ts';
import { postUpdate } from '../authoring/post-update.ts';
import { terminalPrompter, type Terminal } from '../authoring/prompt.ts';
import { UsageError } from '../core/errors.ts';
import type { Io } from '../shared/io.ts';

const USAGE = 'npx candor resolve <incident id> ["message"] [--summary "..."] [--at "<time>"]';

/**
 * `npx candor resolve <id> ["message"]`: Resolved for an incident, Completed for a maintenance. On
 * a terminal it offers to rewrite a summary that still reads as ongoing.
 */
export async function runResolve(argv: string[], io: Io, terminal?: Terminal): Promise<number> {
  return runCommand('resolve', io, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { at: { type: 'string' }, summary: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [id, message, ...extra] = positionals;
    if (!id)
      throw new UsageError(
        'give the id of the incident to resolve, e.g. `npx candor resolve 2026-11-22-api-errors`.',
      );
    if (extra.length > 0)
      throw new UsageError(`unexpected "${extra[0]}": put the message in quotes.`);
    const prompter = terminal ? terminalPrompter(terminal) : undefined;
    try {
      return await postUpdate(
        { id, status: 'end', ...(message ? { message } : {}), ...values },
        io,
        prompter,
      );
    } finally {
      prompter?.close();
    }
  });
}
