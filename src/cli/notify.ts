import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '../core/diagnostics.ts';
import { formatPretty, formatSummary } from '../core/format-diagnostics.ts';
import type { NotifyConfig } from '../notify/config-schema.ts';
import { FileLedger } from '../notify/file-ledger.ts';
import { LedgerError, type Ledger } from '../notify/ledger.ts';
import { setupDiagnostics } from '../notify/channel-setup.ts';
import { NOTIFY_FILE } from '../notify/load-config.ts';
import { secretMasker } from '../notify/mask.ts';
import { describePlan } from '../notify/describe-plan.ts';
import { planNotices } from '../notify/plan.ts';
import { runNotices, type RunReport } from '../notify/run.ts';
import type { Io } from '../shared/io.ts';
import { validateRepository } from './validate.ts';
import { DeliveryError } from '../core/errors.ts';
import { currentTime } from '../shared/clock.ts';
import { runCommand } from './run-command.ts';

/** Where the ledger lives unless `--since-ledger` says otherwise. */
export const DEFAULT_LEDGER = '.candor/notify-ledger.json';

const USAGE = 'candor notify [--dry-run] [--since-ledger FILE]';

/**
 * `npm run notify`: sends every notice the content calls for that the ledger has not recorded.
 * Exit 0 when nothing is left undelivered, 1 when something is (or the repository has errors), 2 on misuse.
 */
export function runNotify(argv: string[], io: Io, store?: Ledger): Promise<number> {
  return runCommand('notify', io, USAGE, () => notify(argv, io, store));
}

/** The notify command itself; its failures are mapped by whichever command runs it. */
export async function notify(argv: string[], io: Io, store?: Ledger): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' }, 'since-ledger': { type: 'string' } }, strict: true });
  const now = currentTime(io.env);
  const result = await validateRepository(io.cwd, now);
  if (result.diagnostics.length > 0) io.stderr(formatPretty(result.diagnostics));
  if (hasErrors(result.diagnostics) || !result.model) {
    io.stderr(`${formatSummary(result.diagnostics, result.fileCount)}\nNo notice was sent: fix the errors above and run again.`);
    return 1;
  }
  const config = result.notifyConfig;
  if (!config) {
    io.stdout(`There is no ${NOTIFY_FILE}, so there is nowhere to send notices. See docs/notices.md.`);
    return 0;
  }
  // Values that can never work are configuration errors, reported on their notify.yaml line before anything is sent.
  const setup = result.notifyLocate ? setupDiagnostics(config, io.env, result.notifyLocate) : [];
  if (setup.length > 0) {
    io.stderr(`${formatPretty(setup)}\nNo notice was sent: fix the environment variables named above and run again.`);
    return 1;
  }
  const mask = secretMasker(secretsOf(config, io.env));
  const out = (text: string) => io.stdout(mask(text));
  // `store`: a ledger kept elsewhere than a file, e.g. on a git branch by the GitHub workflow.
  const ledger = store ?? new FileLedger(resolve(io.cwd, values['since-ledger'] ?? DEFAULT_LEDGER));
  try {
    if (values['dry-run']) {
      out(describePlan(planNotices(result.model, config, await ledger.list(), now), config, io.env));
      return 0;
    }
    const report = await runNotices({ model: result.model, config, ledger, now, env: io.env, log: out });
    const summary = summarise(report);
    if (report.ok) out(summary);
    else io.stderr(mask(summary));
    return report.ok ? 0 : 1;
  } catch (cause) {
    if (cause instanceof LedgerError) {
      throw new DeliveryError(mask(`${cause.message}\nNothing more was sent (any notice listed above as sent was delivered). Restore or fix the ledger; if it is lost for good, remove it, and the next run records every existing notice as sent, without sending.`));
    }
    throw cause;
  }
}

/** The values of every secret notify.yaml names, for masking. */
export function secretsOf(config: NotifyConfig, env: Io['env']): string[] {
  return config.channels.flatMap((c) => [c.url_env, c.secret_env].flatMap((name) => (name && env[name] ? [env[name]] : [])));
}

function summarise(report: RunReport): string {
  const lines = report.channels.map((c) => {
    const to = c.target ? ` → ${c.target}` : '';
    const parts = [
      c.sent.length ? `sent ${c.sent.length}` : '',
      c.recorded ? `recorded ${c.recorded} without sending (${c.outcome === 'bootstrapped' ? 'first run' : 'too old'})` : '',
      c.pending.length ? `${c.pending.length} left undelivered` : '',
    ].filter(Boolean);
    const status = c.outcome === 'unset' ? 'SKIPPED' : c.outcome === 'gone' ? 'DISABLED' : c.outcome === 'failed' ? 'FAILED' : 'ok';
    return `${c.channelId} (${c.type}${to}): ${status}${parts.length ? `, ${parts.join(', ')}` : ', nothing new'}${c.message ? `\n    ${c.message}` : ''}`;
  });
  const sent = report.channels.reduce((n, c) => n + c.sent.length, 0);
  const pending = report.channels.reduce((n, c) => n + c.pending.length, 0);
  lines.push(report.refused ?? (pending
    ? `${sent} sent; ${pending} left undelivered. Run \`npm run notify\` again to deliver the rest; nothing already sent is sent twice.`
    : `${sent} sent; nothing left undelivered.`));
  return lines.join('\n');
}
