import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '../core/diagnostics.ts';
import { repositoryLedger } from '../github/github-ledger.ts';
import { noticePreviews } from '../github/notice-previews.ts';
import { githubTargetFromEnv, type GitHubTarget } from '../github/octokit.ts';
import { PR_REPORT_FILE, type NoticeState, type PrReport } from '../github/pr-report.ts';
import { blobUrl, buildJobSummary } from '../github/report-markdown.ts';
import { NOTIFY_FILE } from '../notify/load-config.ts';
import { secretMasker } from '../notify/mask.ts';
import type { Io } from '../shared/io.ts';
import { validateRepository } from './validate.ts';
import { currentTime } from '../shared/clock.ts';
import { UsageError } from '../core/errors.ts';
import { runCommand } from './run-command.ts';
import { secretsOf } from './notify.ts';

/**
 * `npx candor github pr-report --out DIR`, in the pull-request check job (read-only token, no
 * secrets): validates the merged content, previews every notice the merge would send against the
 * ledger branch, writes the job summary and DIR/candor-pr-report.json for the comment workflow.
 * It exits 0 whatever the content holds: the check step before it already failed the job on errors.
 *
 * Environment: GITHUB_TOKEN, GITHUB_REPOSITORY, PR_NUMBER, HEAD_SHA, GITHUB_STEP_SUMMARY (optional:
 * without it the summary is printed), CANDOR_LEDGER_BRANCH (optional, default candor-ledger).
 */
export function runPrReport(argv: string[], io: Io): Promise<number> {
  return runCommand('github pr-report', io, undefined, async () => {
    const { values } = parseArgs({
      args: argv,
      options: { out: { type: 'string' } },
      strict: true,
    });
    if (!values.out)
      throw new UsageError('--out DIR is required: where to write candor-pr-report.json.');
    const pullRequest = Number(io.env.PR_NUMBER);
    if (!Number.isInteger(pullRequest) || pullRequest < 1)
      throw new UsageError(
        'PR_NUMBER must be the pull request number: set it to ${{ github.event.pull_request.number }}.',
      );
    const headSha = io.env.HEAD_SHA ?? '';
    if (!/^[0-9a-f]{40}$/.test(headSha))
      throw new UsageError(
        'HEAD_SHA must be the pull request head: set it to ${{ github.event.pull_request.head.sha }}.',
      );
    const target = githubTargetFromEnv(io.env);
    const now = currentTime(io.env);

    const result = await validateRepository(io.cwd, now);
    const report: PrReport = {
      version: 1,
      pullRequest,
      headSha,
      filesChecked: result.fileCount,
      diagnostics: result.diagnostics,
      notices: await noticeState(result, io, target, now),
    };

    const out = resolve(io.cwd, values.out);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, PR_REPORT_FILE), `${JSON.stringify(report)}\n`);
    const summary = buildJobSummary(report, {
      blobUrl: blobUrl(target.serverUrl, target.owner, target.repo, headSha),
    });
    if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, `${summary}\n`);
    else io.stdout(summary);
    io.stdout(
      `Wrote ${join(values.out, PR_REPORT_FILE)}: ${result.diagnostics.length} diagnostics, notices ${report.notices.kind}.`,
    );
    return 0;
  });
}

/** The notice preview, or why there is none; a ledger GitHub will not serve is a reason, not a failure. */
async function noticeState(
  result: Awaited<ReturnType<typeof validateRepository>>,
  io: Io,
  target: GitHubTarget,
  now: Date,
): Promise<NoticeState> {
  if (hasErrors(result.diagnostics) || !result.model)
    return {
      kind: 'unavailable',
      reason: 'the content has errors: fix them to see what the merge would send.',
    };
  const config = result.notifyConfig;
  if (!config)
    return { kind: 'unavailable', reason: `there is no ${NOTIFY_FILE}, so no notices are sent.` };
  const ledger = repositoryLedger(target, io.env);
  let snapshot;
  try {
    snapshot = await ledger.list();
  } catch (cause) {
    return { kind: 'unavailable', reason: (cause as Error).message };
  }
  return noticePreviews(
    result.model,
    config,
    snapshot,
    now,
    secretMasker(secretsOf(config, io.env)),
  );
}
