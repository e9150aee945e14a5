import { parseArgs } from 'node:util';
import { hasErrors, sortDiagnostics } from '../core/diagnostics.ts';
import { formatDiagnostics, formatSummary, type DiagnosticFormat } from '../core/format-diagnostics.ts';
import { loadRepository, type LoadResult } from '../core/load-repository.ts';
import { readRepository } from '../core/read-repository.ts';
import type { NotifyConfig } from '../notify/config-schema.ts';
import type { LoadedNotifyConfig } from '../notify/load-config.ts';
import { readNotifyConfig } from '../notify/read-config.ts';
import { currentTime, UsageError } from './clock.ts';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Writes whole lines to a standard stream. A reader that stops early (`npm run check | head`)
 * closes the pipe: that is no failure of the command, so the rest of the output is dropped and
 * the process ends with its own exit code instead of a stack trace.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  stream.on('error', (cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'EPIPE' && cause.code !== 'ERR_STREAM_DESTROYED') throw cause;
  });
  return (text) => {
    if (!stream.destroyed) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

export const processIo: Io = {
  cwd: process.cwd(),
  env: process.env,
  stdout: lineWriter(process.stdout),
  stderr: lineWriter(process.stderr),
};

/** Loads and validates the repository at `root`, the first step of every command. */
export async function validateRepository(root: string, now: Date): Promise<LoadResult & { fileCount: number; notifyConfig?: NotifyConfig; notifyLocate?: LoadedNotifyConfig['locate'] }> {
  const files = await readRepository(root);
  const result = loadRepository(files, { now });
  // notify.yaml is optional; when present it is checked like the other files (its component ids against components.yaml).
  const notify = await readNotifyConfig(root, result.model?.components.map((c) => c.id) ?? []);
  const diagnostics = notify ? sortDiagnostics([...result.diagnostics, ...notify.diagnostics]) : result.diagnostics;
  return {
    ...result,
    diagnostics,
    fileCount: files.incidents.length + (files.config ? 1 : 0) + (notify ? 1 : 0),
    ...(notify?.config ? { notifyConfig: notify.config, notifyLocate: notify.locate } : {}),
  };
}

/** `npm run check [-- --format pretty|github|json]`: exit 0 when there is no error, 1 otherwise, 2 on misuse. */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  let format: DiagnosticFormat;
  try {
    const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'pretty' } }, strict: true });
    if (values.format !== 'pretty' && values.format !== 'github' && values.format !== 'json') {
      throw new UsageError(`--format must be pretty, github or json, not "${values.format}".`);
    }
    format = values.format;
    const result = await validateRepository(io.cwd, currentTime(io.env));
    const output = formatDiagnostics(result.diagnostics, format);
    if (format === 'json') io.stdout(output);
    else {
      if (output) io.stdout(output);
      io.stdout(formatSummary(result.diagnostics, result.fileCount));
    }
    return hasErrors(result.diagnostics) ? 1 : 0;
  } catch (cause) {
    if (cause instanceof UsageError || (cause as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`candor check: ${(cause as Error).message}`);
      return 2;
    }
    throw cause;
  }
}
