import {
  ledgerHas,
  LedgerError,
  parseLedger,
  serialiseLedger,
  withRecords,
  type Ledger,
  type LedgerEntry,
  type LedgerSnapshot,
} from '../notify/ledger.ts';
import type { BranchFile } from './branch-file.ts';
import { jsonBranchStore, type JsonBranchStore } from './json-branch-store.ts';
import { createOctokit, httpStatus, type GitHubTarget, type Octokit } from './octokit.ts';

const LEDGER_BRANCH = 'candor-ledger';
const LEDGER_PATH = 'ledger.json';

/** Where the notice ledger lives in a repository: `ledger.json` on a branch of its own. */
export function ledgerFile(owner: string, repo: string, branch = LEDGER_BRANCH): BranchFile {
  return { owner, repo, branch, path: LEDGER_PATH };
}

/** The ledger of the repository a workflow runs in; CANDOR_LEDGER_BRANCH overrides the branch. */
export function repositoryLedger(target: GitHubTarget, env: NodeJS.ProcessEnv): GitHubLedger {
  return new GitHubLedger(
    createOctokit(target),
    ledgerFile(target.owner, target.repo, env.CANDOR_LEDGER_BRANCH || undefined),
  );
}

/**
 * The notice ledger as a JSON file on a data branch. Every `record` is one commit through the
 * contents API, made before it resolves, so a notice is on record the moment after it is delivered
 * and a crashed or cancelled job sends again at most the notice accepted just before its commit.
 * Writes name the SHA they read; when another run wrote in between, the entries are merged into the
 * fresh ledger and written again.
 */
export class GitHubLedger implements Ledger {
  readonly #store: JsonBranchStore<LedgerSnapshot>;
  readonly #source: string;
  #snapshot: Promise<LedgerSnapshot | undefined> | undefined;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(octokit: Octokit, file: BranchFile) {
    this.#source = `The ledger ${file.path} on branch ${file.branch}`;
    this.#store = jsonBranchStore(octokit, file, {
      parse: (text) => parseLedger(text, this.#source),
      serialise: serialiseLedger,
    });
  }

  list(): Promise<LedgerSnapshot | undefined> {
    this.#snapshot ??= this.#store.read().catch((cause: unknown) => {
      throw this.#failure(cause, 'read');
    });
    return this.#snapshot;
  }

  async has(channelId: string, noticeId: string): Promise<boolean> {
    return ledgerHas(await this.list(), channelId, noticeId);
  }

  record(
    channelId: string,
    entries: readonly { noticeId: string; entry: LedgerEntry }[],
  ): Promise<void> {
    // One write at a time: channels deliver concurrently, and parallel writes would only conflict.
    const write = this.#writes.then(async () => {
      const next = await this.#store.update(
        (current) => withRecords(current, channelId, entries),
        `Candor: record ${describe(channelId, entries)}`,
      );
      this.#snapshot = Promise.resolve(next);
    });
    this.#writes = write.catch(() => undefined);
    return write.catch((cause: unknown) => {
      throw this.#failure(cause, 'written');
    });
  }

  #failure(cause: unknown, what: 'read' | 'written'): LedgerError {
    if (cause instanceof LedgerError) return cause;
    const status = httpStatus(cause);
    return new LedgerError(
      `${this.#source} could not be ${what}: ${status === undefined ? '' : `GitHub answered ${status}: `}${(cause as Error).message}`,
    );
  }
}

function describe(
  channelId: string,
  entries: readonly { noticeId: string; entry: LedgerEntry }[],
): string {
  if (entries.length === 0) return `${channelId} as known`;
  if (entries.length === 1)
    return `${entries[0]!.entry.via} ${entries[0]!.noticeId} on ${channelId}`;
  return `${entries.length} notices on ${channelId}`;
}
