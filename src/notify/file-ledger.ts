import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lockFile, type LockOptions } from './file-lock.ts';
import {
  ledgerHas,
  LedgerError,
  parseLedger,
  serialiseLedger,
  withRecords,
  type Ledger,
  type LedgerEntry,
  type LedgerSnapshot,
} from './ledger.ts';

/**
 * The ledger as a JSON file. Each `record` rewrites the file through a temporary file and a rename,
 * so a crash leaves either the old or the new ledger, never half of one. Records are applied one
 * after another even when channels deliver concurrently.
 */
export class FileLedger implements Ledger {
  readonly path: string;
  #snapshot: Promise<LedgerSnapshot | undefined> | undefined;
  #writes: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  lock(options: LockOptions): Promise<() => Promise<void>> {
    return lockFile(this.path, options);
  }

  list(): Promise<LedgerSnapshot | undefined> {
    this.#snapshot ??= this.#read();
    return this.#snapshot;
  }

  async has(channelId: string, noticeId: string): Promise<boolean> {
    return ledgerHas(await this.list(), channelId, noticeId);
  }

  record(
    channelId: string,
    entries: readonly { noticeId: string; entry: LedgerEntry }[],
  ): Promise<void> {
    const write = this.#writes.then(async () => {
      const next = withRecords(await this.list(), channelId, entries);
      try {
        await mkdir(dirname(this.path), { recursive: true });
        const temporary = `${this.path}.${process.pid}.tmp`;
        await writeFile(temporary, serialiseLedger(next));
        await rename(temporary, this.path);
      } catch (cause) {
        throw new LedgerError(
          `The ledger ${this.path} cannot be written: ${(cause as Error).message}`,
        );
      }
      this.#snapshot = Promise.resolve(next);
    });
    // A failed write fails its caller; later writes still run against the last good state.
    this.#writes = write.catch(() => undefined);
    return write;
  }

  async #read(): Promise<LedgerSnapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new LedgerError(`The ledger ${this.path} cannot be read: ${(cause as Error).message}`);
    }
    return parseLedger(text, `The ledger ${this.path}`);
  }
}
