import { httpStatus, type Octokit } from './octokit.ts';

/** One file on a branch that holds data rather than code (e.g. the notice ledger). */
export interface BranchFile {
  owner: string;
  repo: string;
  branch: string;
  path: string;
}

/** A file's text and the blob SHA the next write must name, so a concurrent write is refused, not lost. */
export interface FileVersion {
  text: string;
  sha: string;
}

/** Someone else wrote the file (or created the branch) between our read and our write. */
export class WriteConflict extends Error {}

/** The file as it is now on its branch, or undefined when the branch or the file does not exist yet. */
export async function readBranchFile(
  octokit: Octokit,
  file: BranchFile,
): Promise<FileVersion | undefined> {
  const { owner, repo, branch, path } = file;
  let data;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: branch }));
  } catch (cause) {
    if (httpStatus(cause) === 404) return undefined;
    throw cause;
  }
  if (Array.isArray(data) || data.type !== 'file')
    throw new Error(`${path} on branch ${branch} is not a file.`);
  // The contents API leaves `content` empty above 1 MB; the blob API serves up to 100 MB.
  if (data.encoding === 'base64' && (data.content || data.size === 0))
    return { text: decode(data.content), sha: data.sha };
  const { data: blob } = await octokit.rest.git.getBlob({ owner, repo, file_sha: data.sha });
  return { text: decode(blob.content), sha: data.sha };
}

/**
 * Writes `text` over the version `previous` (undefined: the file must not exist yet) and returns the
 * new blob SHA. Throws WriteConflict when the file moved on since `previous` was read.
 */
async function writeBranchFile(
  octokit: Octokit,
  file: BranchFile,
  text: string,
  previous: string | undefined,
  message: string,
): Promise<string> {
  const { owner, repo, branch, path } = file;
  if (previous === undefined && !(await branchExists(octokit, file)))
    return createBranchWithFile(octokit, file, text, message);
  try {
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path,
      branch,
      message,
      content: Buffer.from(text, 'utf8').toString('base64'),
      ...(previous === undefined ? {} : { sha: previous }),
    });
    const sha = data.content?.sha;
    if (!sha) throw new Error(`GitHub did not return the new SHA of ${path}.`);
    return sha;
  } catch (cause) {
    // 409: the SHA we named is no longer the file's; 422: the file appeared although we named none.
    const status = httpStatus(cause);
    if (status === 409 || status === 422)
      throw new WriteConflict(`${path} on branch ${branch} changed while we were writing it.`, {
        cause,
      });
    throw cause;
  }
}

interface UpdateOptions {
  message: string;
  /** Read-modify-write rounds before giving up on a file that keeps changing under us. */
  attempts?: number;
  /**
   * The version this writer last read or wrote (`version: undefined`: the file did not exist). The
   * first round starts from it instead of reading again, which saves a request per write and never
   * starts from a read that lags behind our own last write; a conflict still sends it to a fresh read.
   */
  lastKnown?: { version: FileVersion | undefined };
}

/**
 * Read-modify-write with optimistic concurrency: `change` gets the current text (undefined when there
 * is none) and returns the new text, or undefined to leave the file as it is. On a conflict the file
 * is read again and `change` applied to the fresh text, so concurrent writers never lose each other's data.
 */
export async function updateBranchFile(
  octokit: Octokit,
  file: BranchFile,
  change: (current: string | undefined) => string | undefined,
  options: UpdateOptions,
): Promise<FileVersion | undefined> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const current =
      attempt === 1 && options.lastKnown
        ? options.lastKnown.version
        : await readBranchFile(octokit, file);
    const next = change(current?.text);
    if (next === undefined || next === current?.text) return current;
    try {
      return {
        text: next,
        sha: await writeBranchFile(octokit, file, next, current?.sha, options.message),
      };
    } catch (cause) {
      if (!(cause instanceof WriteConflict) || attempt >= attempts) throw cause;
    }
  }
}

async function branchExists(
  octokit: Octokit,
  { owner, repo, branch }: BranchFile,
): Promise<boolean> {
  try {
    await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return true;
  } catch (cause) {
    if (httpStatus(cause) === 404) return false;
    throw cause;
  }
}

/** A branch with no history but this one file: data branches share nothing with the code. */
async function createBranchWithFile(
  octokit: Octokit,
  file: BranchFile,
  text: string,
  message: string,
): Promise<string> {
  const { owner, repo, branch, path } = file;
  const { data: tree } = await octokit.rest.git.createTree({
    owner,
    repo,
    tree: [{ path, mode: '100644', type: 'blob', content: text }],
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message,
    tree: tree.sha,
    parents: [],
  });
  try {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  } catch (cause) {
    if (httpStatus(cause) === 422)
      throw new WriteConflict(`Branch ${branch} was created by someone else meanwhile.`, { cause });
    throw cause;
  }
  const blob = tree.tree.find((entry) => entry.path === path)?.sha;
  if (!blob) throw new Error(`GitHub did not return the SHA of ${path} in the new tree.`);
  return blob;
}

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
