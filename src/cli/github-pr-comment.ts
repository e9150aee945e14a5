import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createOctokit, githubTargetFromEnv, httpStatus, type Octokit } from '../github/octokit.ts';
import { parsePrReport, PR_REPORT_MAX_BYTES, type PrReport } from '../github/pr-report.ts';
import { blobUrl, buildPrComment, PR_COMMENT_MARKER } from '../github/report-markdown.ts';
import { ACTIONS_BOT_LOGIN, upsertStickyComment } from '../github/sticky-comment.ts';
import type { Io } from '../shared/io.ts';
import { UsageError } from '../core/errors.ts';
import { ContentError } from '../core/errors.ts';
import { runCommand } from './run-command.ts';

/**
 * `npx candor github pr-comment --report FILE`, in the privileged `workflow_run` job: posts or updates
 * the PR's one Candor comment from the report the unprivileged check job uploaded. The report is
 * untrusted (a fork wrote it): it is size-capped, schema-checked, rendered by our own escaping
 * builder, and only accepted for the PR whose head is the commit GitHub says was checked.
 *
 * Environment: GITHUB_TOKEN, GITHUB_REPOSITORY, HEAD_SHA (github.event.workflow_run.head_sha),
 * optional RUN_URL (the check run's page) and CANDOR_COMMENT_AUTHOR (when commenting as an app).
 */
export function runPrComment(argv: string[], io: Io): Promise<number> {
  return runCommand('github pr-comment', io, undefined, async () => {
    const { values } = parseArgs({
      args: argv,
      options: { report: { type: 'string' } },
      strict: true,
    });
    if (!values.report)
      throw new UsageError(
        '--report FILE is required: the candor-pr-report.json the check job uploaded.',
      );
    const headSha = io.env.HEAD_SHA ?? '';
    if (!/^[0-9a-f]{40}$/.test(headSha))
      throw new UsageError(
        'HEAD_SHA must be the checked commit: set it to ${{ github.event.workflow_run.head_sha }}.',
      );
    const runUrl = io.env.RUN_URL?.startsWith('https://') ? io.env.RUN_URL : undefined;
    const target = githubTargetFromEnv(io.env);
    const report = await readReport(values.report);
    const octokit = createOctokit(target);
    const pr = report.pullRequest;
    if (report.headSha !== headSha || !(await pullRequestHeadIs(octokit, target, pr, headSha))) {
      io.stdout(
        `Not commenting: pull request #${pr} is not at the checked commit ${headSha.slice(0, 7)} (a newer push gets its own run).`,
      );
      return 0;
    }
    const result = await upsertStickyComment(
      octokit,
      {
        owner: target.owner,
        repo: target.repo,
        issueNumber: pr,
        marker: PR_COMMENT_MARKER,
        author: io.env.CANDOR_COMMENT_AUTHOR || ACTIONS_BOT_LOGIN,
      },
      buildPrComment(report, {
        blobUrl: blobUrl(target.serverUrl, target.owner, target.repo, headSha),
        ...(runUrl ? { runUrl } : {}),
      }),
    );
    io.stdout(
      `${result.action === 'created' ? 'Posted' : 'Updated'} the Candor comment on #${pr}: ${result.url}`,
    );
    return 0;
  });
}

async function readReport(path: string): Promise<PrReport> {
  let file;
  try {
    // Never through a symbolic link: the report is the only thing this job reads from the PR's side.
    file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ContentError(`the report ${path} is a symbolic link: refused.`);
    throw new ContentError(
      `cannot read the report ${path}: ${code ?? (cause as Error).message}. Did the check job upload it?`,
    );
  }
  try {
    if (!(await file.stat()).isFile())
      throw new ContentError(`the report ${path} is not a regular file: refused.`);
    // Read one byte past the cap, so an oversized file is refused without reading all of it.
    const buffer = Buffer.alloc(PR_REPORT_MAX_BYTES + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    if (bytesRead > PR_REPORT_MAX_BYTES)
      throw new ContentError(
        `the report ${path} is larger than ${PR_REPORT_MAX_BYTES} bytes: refused.`,
      );
    return parsePrReport(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch (cause) {
    throw cause instanceof ContentError ? cause : new ContentError((cause as Error).message);
  } finally {
    await file.close();
  }
}

async function pullRequestHeadIs(
  octokit: Octokit,
  target: { owner: string; repo: string },
  pullNumber: number,
  sha: string,
): Promise<boolean> {
  try {
    const { data } = await octokit.rest.pulls.get({
      owner: target.owner,
      repo: target.repo,
      pull_number: pullNumber,
    });
    return data.head.sha === sha;
  } catch (cause) {
    if (httpStatus(cause) === 404) return false;
    throw cause;
  }
}
