import { parseArgs } from 'node:util';
import { hasErrors } from '../core/diagnostics.ts';
import { UsageError } from '../core/errors.ts';
import { formatDiagnostics, formatSummary } from '../core/format-diagnostics.ts';
import { currentTime } from '../shared/clock.ts';
import type { Io } from '../shared/io.ts';
import { runCommand } from './run-command.ts';
import { validateRepository } from './validate.ts';

/** `candor check [--format pretty|github|json]`: exit 0 when there is no error, 1 otherwise, 2 on misuse. */
export function runCheck(argv: string[], io: Io): Promise<number> {
  return runCommand('check', io, undefined, async () => {
    const { values } = parseArgs({
      args: argv,
      options: { format: { type: 'string', default: 'pretty' } },
      strict: true,
    });
    const format = values.format;
    if (format !== 'pretty' && format !== 'github' && format !== 'json') {
      throw new UsageError(`--format must be pretty, github or json, not "${format}".`);
    }
    const result = await validateRepository(io.cwd, currentTime(io.env));
    const output = formatDiagnostics(result.diagnostics, format);
    if (format === 'json') io.stdout(output);
    else {
      if (output) io.stdout(output);
      io.stdout(formatSummary(result.diagnostics, result.fileCount));
    }
    return hasErrors(result.diagnostics) ? 1 : 0;
  });
}
