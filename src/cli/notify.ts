import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '../core/diagnostics.ts';
import { formatPretty, formatSummary } from '../core/format-diagnostics.ts';
import type { NotifyConfig } from '../notify/config-schema.ts';
import { FileLedger } from '../notify/file-ledger.ts';
import { LedgerError, type Ledger } from '../notify/ledger.ts';
import { setupDiagnostics } from '../notify/channel-setup.ts';
import { DeployedBuildError, deployedBuildTime } from '../notify/deployed-build.ts';
import { NOTIFY_FILE } from '../notify/load-config.ts';
import { secretMasker } from '../notify/mask.ts';
import { describePlan } from '../notify/describe-plan.ts';
import { planNotices } from '../notify/plan.ts';
import { runNotices, type RunReport } from '../notify/run.ts';
import type { Io } from '../shared/io.ts';
import { validateRepository } from './validate.ts';
import { UsageError } from '../core/errors.ts';
import { currentTime } from '../shared/clock.ts';
import { runCommand } from './run-command.ts';

/** Where the ledger lives unless `--since-ledger` says otherwise. */
const DEFAULT_LEDGER = '.candor/notify-ledger.json';

const USAGE =
  'candor notify [--dry-run] [--since-ledger FILE] [--lock-wait SECONDS] [--deployed DIR|FILE|URL]';

/** How long a run waits for another run's ledger lock by default. */
const LOCK_WAIT_SECONDS = 120;

/**
 * `npx candor notify`: sends every notice the content calls for that the ledger has not recorded.
 * Exit 0 when nothing is left undelivered, 1 when something is (or the repository has errors), 2 on misuse.
 */
export function runNotify(argv: string[], io: Io, store?: Ledger): Promise<number> {
  return runCommand('notify', io, USAGE, () => notify(argv, io, store));
}

/** The notify command itself; its failures are mapped by whichever command runs it. */
export async function notify(argv: string[], io: Io, store?: Ledger): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean' },
      'since-ledger': { type: 'string' },
      'lock-wait': { type: 'string' },
      deployed: { type: 'string' },
    },
    strict: true,
  });
  let now = currentTime(io.env);
  const lockWaitSeconds =
    values['lock-wait'] === undefined ? LOCK_WAIT_SECONDS : Number(values['lock-wait']);
  if (!Number.isFinite(lockWaitSeconds) || lockWaitSeconds < 0)
    throw new UsageError(`--lock-wait must be a number of seconds, not "${values['lock-wait']}".`);
  // The page readers see was rendered with its build's clock: notices follow that page, not the clock on the wall.
  if (values.deployed !== undefined) {
    try {
      now = await deployedBuildTime(values.deployed, io.cwd);
    } catch (cause) {
      if (!(cause instanceof DeployedBuildError)) throw cause;
      io.stderr(
        `candor notify: ${cause.message}\nNo notice was sent: notices wait until the deployed page can be read.`,
      );
      return 1;
    }
    io.stdout(`Planning with the clock of the deployed build: ${now.toISOString()}.`);
  }
  const result = await validateRepository(io.cwd, now);
  if (result.diagnostics.length > 0) io.stderr(formatPretty(result.diagnostics));
  if (hasErrors(result.diagnostics) || !result.model) {
    io.stderr(
      `${formatSummary(result.diagnostics, result.fileCount)}\nNo notice was sent: fix the errors above and run again.`,
    );
    return 1;
  }
  const config = result.notifyConfig;
  if (!config) {
    io.stdout(
      `There is no ${NOTIFY_FILE}, so there is nowhere to send notices. See docs/notices.md.`,
    );
    return 0;
  }
  // Values that can never work are configuration errors, reported on their notify.yaml line before anything is sent.
  const setup = result.notifyLocate ? setupDiagnostics(config, io.env, result.notifyLocate) : [];
  if (setup.length > 0) {
    io.stderr(
      `${formatPretty(setup)}\nNo notice was sent: fix the environment variables named above and run again.`,
    );
    return 1;
  }
  const mask = secretMasker(secretsOf(config, io.env));
  const out = (text: string) => io.stdout(mask(text));
  // `store`: a ledger kept elsewhere than a file, e.g. on a git branch by the GitHub workflow.
  const ledger = store ?? new FileLedger(resolve(io.cwd, values['since-ledger'] ?? DEFAULT_LEDGER));
  if (values['dry-run']) {
    try {
      out(
        describePlan(planNotices(result.model, config, await ledger.list(), now), config, io.env),
      );
      return 0;
    } catch (cause) {
      if (!(cause instanceof LedgerError)) throw cause;
      io.stderr(mask(`candor notify: ${cause.message}`));
      return 1;
    }
  }
  // One run at a time per ledger: two would both find the same notices missing and both send them.
  let release: (() => Promise<void>) | undefined;
  try {
    release = await ledger.lock?.({ waitMs: lockWaitSeconds * 1000, log: out });
  } catch (cause) {
    if (!(cause instanceof LedgerError)) throw cause;
    io.stderr(mask(`candor notify: ${cause.message}\nNothing was sent.`));
    return 1;
  }
  try {
    const report = await runNotices({
      model: result.model,
      config,
      ledger,
      now,
      env: io.env,
      root: io.cwd,
      log: out,
    });
    const summary = summarise(report);
    if (report.ok) out(summary);
    else io.stderr(mask(summary));
    return report.ok ? 0 : 1;
  } catch (cause) {
    if (cause instanceof LedgerError) {
      io.stderr(
        mask(
          `candor notify: ${cause.message}\nNothing more was sent (any notice listed above as sent was delivered). Restore or fix the ledger; if it is lost for good, remove it, and the next run records every existing notice as sent, without sending.\n${PROMISE}`,
        ),
      );
      return 1;
    }
    throw cause;
  } finally {
    await release?.();
  }
}

/** What a run promises, stated in every summary exactly as docs/notices.md states it. */
const PROMISE =
  "Delivery is at least once: nothing is lost, and a run that stops between a receiver's acceptance and the ledger write sends that one notice again (per channel) with the same webhook-id.";

/** The values of every secret notify.yaml names, for masking. */
export function secretsOf(config: NotifyConfig, env: Io['env']): string[] {
  return config.channels.flatMap((c) =>
    [c.url_env, c.secret_env, c.smtp_url_env].flatMap((name) =>
      name && env[name] ? [env[name]] : [],
    ),
  );
}

function summarise(report: RunReport): string {
  const lines = report.channels.map((c) => {
    const to = c.target ? ` → ${c.target}` : '';
    const parts = [
      c.sent.length ? `sent ${c.sent.length}` : '',
      c.rejected.length ? `${c.rejected.length} refused by the receiver and set aside` : '',
      c.recorded
        ? `recorded ${c.recorded} without sending (${c.outcome === 'bootstrapped' ? 'first run' : 'too old'})`
        : '',
      c.pending.length ? `${c.pending.length} left undelivered` : '',
    ].filter(Boolean);
    const status =
      c.outcome === 'unset'
        ? 'SKIPPED'
        : c.outcome === 'gone'
          ? 'DISABLED'
          : c.outcome === 'failed'
            ? 'FAILED'
            : 'ok';
    return `${c.channelId} (${c.type}${to}): ${status}${parts.length ? `, ${parts.join(', ')}` : ', nothing new'}${c.message ? `\n    ${c.message}` : ''}`;
  });
  const sent = report.channels.reduce((n, c) => n + c.sent.length, 0);
  const pending = report.channels.reduce((n, c) => n + c.pending.length, 0);
  const rejected = report.channels.reduce((n, c) => n + c.rejected.length, 0);
  const setAside = rejected
    ? ` ${rejected} refused for good by ${rejected === 1 ? 'its receiver' : 'their receivers'} and set aside (named above; never retried).`
    : '';
  lines.push(
    report.refused ??
      (pending
        ? `${sent} sent; ${pending} left undelivered.${setAside} Run \`npx candor notify\` again to deliver the rest; what is recorded as sent is not sent again.`
        : `${sent} sent; nothing left undelivered.${setAside}`),
  );
  lines.push(PROMISE);
  return lines.join('\n');
}
