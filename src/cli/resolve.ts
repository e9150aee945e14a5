import { parseArgs } from 'node:util';
import { runCommand } from './run-command.ts';
import { postUpdate } from '../authoring/post-update.ts';
import type { Io } from '../shared/io.ts';
import { UsageError } from '../core/errors.ts';

const USAGE = 'npm run resolve -- <incident id> ["message"] [--at "<time>"]';

/** `npm run resolve -- <id> ["message"]`: Resolved for an incident, Completed for a maintenance. */
export async function runResolve(argv: string[], io: Io): Promise<number> {
  return runCommand('resolve', io, USAGE, async () => {
    const { values, positionals } = parseArgs({ args: argv, options: { at: { type: 'string' } }, allowPositionals: true, strict: true });
    const [id, message, ...extra] = positionals;
    if (!id) throw new UsageError('give the id of the incident to resolve, e.g. `npm run resolve -- 2026-11-22-api-errors`.');
    if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}": put the message in quotes.`);
    return postUpdate({ id, status: 'end', ...(message ? { message } : {}), ...values }, io);
  });
}
