import { Octokit } from '@octokit/rest';
import { UsageError } from '../core/errors.ts';
import { httpStatus } from './http-status.ts';

export { httpStatus };

export type { Octokit };

/** Which repository a command acts on, and how to reach its API. */
export interface GitHubTarget {
  owner: string;
  repo: string;
  token: string;
  /** `https://api.github.com`, or a GitHub Enterprise Server's `/api/v3` URL. */
  baseUrl: string;
  /** Where people browse the repository: `https://github.com` or the Enterprise Server. */
  serverUrl: string;
}

/**
 * Reads the target from the variables GitHub Actions sets. A missing variable is a usage mistake:
 * one line saying what to set, never a stack trace.
 */
export function githubTargetFromEnv(env: NodeJS.ProcessEnv): GitHubTarget {
  const token = env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError(
      'GITHUB_TOKEN is not set: pass `env: GITHUB_TOKEN: ${{ github.token }}` to this step.',
    );
  const repository = env.GITHUB_REPOSITORY ?? '';
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) {
    throw new UsageError(
      repository
        ? `GITHUB_REPOSITORY="${repository}" is not of the form owner/name.`
        : 'GITHUB_REPOSITORY is not set: set it to owner/name (GitHub Actions sets it for you).',
    );
  }
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  if (!/^https?:\/\/[^\s/]+/.test(serverUrl))
    throw new UsageError(
      `GITHUB_SERVER_URL="${serverUrl}" is not a URL such as https://github.com.`,
    );
  return {
    owner: match[1]!,
    repo: match[2]!,
    token,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl,
  };
}

interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Waits before try `attempt` (2, 3, ...), at least `atLeastMs` (GitHub's Retry-After); tests pass one that does not wait. */
  wait: (attempt: number, atLeastMs: number) => Promise<void>;
}

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s. */
const backoff = (attempt: number, atLeastMs: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.max(atLeastMs, 2 ** (attempt - 2) * 1000 * (0.5 + Math.random()))),
  );

const defaultRetry: RetryPolicy = { attempts: 4, wait: backoff };

/** The longest Retry-After worth waiting for inside a job; beyond it the error is reported instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * An Octokit for `target` that retries what is worth retrying: GitHub's 5xx answers, failed
 * connections (the API has short outages) and rate limits with a short Retry-After. Other 4xx answers
 * are the caller's to handle, since a 409 on the ledger means "read again", not "send again".
 */
export function createOctokit(
  target: Pick<GitHubTarget, 'token' | 'baseUrl'>,
  retry: RetryPolicy = defaultRetry,
): Octokit {
  const octokit = new Octokit({
    auth: target.token,
    baseUrl: target.baseUrl,
    userAgent: 'candor-status-page',
    // Octokit's debug log prints request options, headers included: keep the token out of logs.
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => console.warn(message),
      error: () => {},
    },
  });
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (cause) {
        const delay = retryDelay(cause);
        if (attempt >= retry.attempts || delay === undefined) throw cause;
        await retry.wait(attempt + 1, delay);
      }
    }
  });
  return octokit;
}

/** How long GitHub asks us to wait before trying again, or undefined when trying again cannot help. */
function retryDelay(cause: unknown): number | undefined {
  const status = httpStatus(cause);
  // @octokit/request reports a failed connection as status 500 without a response.
  if (status !== undefined && status >= 500) return 0;
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(
    (cause as { response?: { headers?: Record<string, string> } }).response?.headers?.[
      'retry-after'
    ],
  );
  if (Number.isFinite(retryAfter) && retryAfter * 1000 <= MAX_RETRY_AFTER_MS)
    return retryAfter * 1000;
  return undefined;
}
