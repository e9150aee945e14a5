import type { Octokit } from './octokit.ts';

/** The login GitHub shows for comments written with a workflow's `GITHUB_TOKEN`. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

interface StickyCommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden text that identifies our comment, e.g. `<!-- candor:pr-report -->`. */
  marker: string;
  /** Only a comment by this login is ours to edit: anyone can paste the marker into their own comment. */
  author: string;
}

type StickyResult = { action: 'created' | 'updated'; id: number; url: string };

/**
 * Posts `body` as the one comment carrying `marker`, or edits it in place, so a PR gets one report
 * that follows its pushes rather than a comment per push.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: StickyCommentTarget,
  body: string,
): Promise<StickyResult> {
  const { owner, repo, issueNumber, marker } = target;
  const text = body.includes(marker) ? body : `${marker}\n${body}`;
  const existing = await findStickyComment(octokit, target);
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing,
      body: text,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issueNumber,
    body: text,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** The id of our comment, looking through every page: a busy PR has more than one page of comments. */
async function findStickyComment(
  octokit: Octokit,
  target: StickyCommentTarget,
): Promise<number | undefined> {
  const { owner, repo, issueNumber, marker, author } = target;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  return comments.find((c) => c.user?.login === author && c.body?.includes(marker))?.id;
}
