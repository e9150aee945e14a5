import { parseArgs } from 'node:util';
import { runCommand } from './run-command.ts';
import { postUpdate } from '../authoring/post-update.ts';
import { suggest } from '../core/diagnostics.ts';
import { readUpdateStatus, STATUS_LABELS } from '../core/schema/update-status.ts';
import type { Io } from '../shared/io.ts';
import { UsageError } from '../core/errors.ts';

const USAGE = 'npm run update -- <incident id> <status> ["message"] [--components api:operational,...] [--next "<time>"|+30m] [--at "<time>"]';

/** `npm run update -- <id> <status> ["message"]`. */
export async function runUpdate(argv: string[], io: Io): Promise<number> {
  return runCommand('update', io, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { components: { type: 'string' }, next: { type: 'string' }, at: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [id, statusText, message, ...extra] = positionals;
    if (!id || !statusText) throw new UsageError('give the incident id and the new status, e.g. `npm run update -- 2026-11-22-api-errors identified "We found ..."`.');
    if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}": put the message in quotes.`);
    const status = readUpdateStatus(statusText);
    if (!status) throw new UsageError(`"${statusText}" is not a status. ${suggest(statusText, Object.keys(STATUS_LABELS))}`);
    return postUpdate({ id, status, ...(message ? { message } : {}), ...values }, io);
  });
}
