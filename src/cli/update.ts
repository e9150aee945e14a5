import { parseArgs } from 'node:util';
import { runCommand } from './run-command.ts';
import { postUpdate } from '../authoring/post-update.ts';
import type { Io } from '../shared/io.ts';
import { UsageError } from '../core/errors.ts';

const USAGE =
  'npx candor update <incident id> [<status> ["message"]] [--components api:operational,...] [--next "<time>"|+30m|none] [--eta "<time>"|+2h|none] [--workaround "..."|none] [--summary "..."] [--at "<time>"]';

const EDITS = ['next', 'eta', 'workaround', 'summary'] as const;

/** `npx candor update <id> <status> ["message"]`, or `npx candor update <id> --eta ...` to only edit. */
export async function runUpdate(argv: string[], io: Io): Promise<number> {
  return runCommand('update', io, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        components: { type: 'string' },
        next: { type: 'string' },
        at: { type: 'string' },
        eta: { type: 'string' },
        workaround: { type: 'string' },
        summary: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [id, status, message, ...extra] = positionals;
    const editing = EDITS.some((key) => values[key] !== undefined);
    if (!id || (!status && !editing))
      throw new UsageError(
        'give the incident id and the new status, e.g. `npx candor update 2026-11-22-api-errors identified "We found ..."`, or only --eta, --next, --workaround or --summary to change those.',
      );
    if (extra.length > 0)
      throw new UsageError(`unexpected "${extra[0]}": put the message in quotes.`);
    if (!status && values.components)
      throw new UsageError(
        "--components changes statuses from an update on: give the update's status too.",
      );
    return postUpdate(
      { id, ...(status ? { status } : {}), ...(message ? { message } : {}), ...values },
      io,
    );
  });
}
