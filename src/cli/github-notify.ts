import { repositoryLedger } from '../github/github-ledger.ts';
import { githubTargetFromEnv } from '../github/octokit.ts';
import type { Io } from '../shared/io.ts';
import { UsageError } from '../core/errors.ts';
import { runCommand } from './run-command.ts';
import { notify } from './notify.ts';

/**
 * `npx candor github notify [--dry-run]`, in the publish workflow's notify job: `npx candor notify` with
 * the ledger on the candor-ledger branch instead of a file. Each delivered notice is committed to the
 * branch before the next is sent, so a job that dies halfway has recorded everything it delivered
 * (except, per channel, a notice accepted in the moment before its commit) and the next run (at most
 * 15 minutes later) sends only the rest.
 *
 * Environment: GITHUB_TOKEN (contents: write), GITHUB_REPOSITORY, the channels' secrets named in
 * notify.yaml, CANDOR_LEDGER_BRANCH (optional, default candor-ledger).
 */
export function runGitHubNotify(argv: string[], io: Io): Promise<number> {
  return runCommand('github notify', io, undefined, async () => {
    if (argv.some((arg) => arg.startsWith('--since-ledger')))
      throw new UsageError(
        '--since-ledger does not apply here: the ledger is ledger.json on the candor-ledger branch.',
      );
    const target = githubTargetFromEnv(io.env);
    const ledger = repositoryLedger(target, io.env);
    return notify(argv, io, ledger);
  });
}
