import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LedgerError } from './ledger.ts';

/** Who holds a lock: written into the lock file so another run can tell a live holder from a dead one. */
interface Holder {
  pid: number;
  host: string;
  since: string;
}

export interface LockOptions {
  /** How long to wait for a live holder before refusing. */
  waitMs: number;
  /** Progress for the person waiting. */
  log: (line: string) => void;
  pollMs?: number;
}

/**
 * An exclusive lock next to a file, as `<file>.lock` created with O_EXCL: two runs on one ledger would
 * both read it, both find the same notices missing and both send them. A lock whose holder (on this
 * machine) is no longer running is removed; a live holder is waited for, then refused with its name.
 * Resolves to the function that releases the lock.
 */
export async function lockFile(path: string, options: LockOptions): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + options.waitMs;
  let announced = false;
  for (;;) {
    try {
      await mkdir(dirname(lockPath), { recursive: true });
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      return () => rm(lockPath, { force: true });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new LedgerError(
          `The ledger lock ${lockPath} cannot be created: ${(cause as Error).message}`,
        );
    }
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder && holder.host === me.host && !isRunning(holder.pid)) {
      if (await removeStale(lockPath, holder))
        options.log(
          `Removed a stale ledger lock left by process ${holder.pid}, which is no longer running.`,
        );
      continue;
    }
    const who = holder
      ? `process ${holder.pid} on ${holder.host}, since ${holder.since}`
      : 'holder unknown';
    if (Date.now() >= deadline) {
      throw new LedgerError(
        `Another notify run (${who}) is using the ledger ${path}. Wait for it to finish and run again; ` +
          `if no such run is alive (e.g. it ran on another machine), remove ${lockPath}.`,
      );
    }
    if (!announced && holder)
      options.log(
        `Waiting for another notify run (process ${holder.pid}) to finish with the ledger…`,
      );
    announced = true;
    await sleep(options.pollMs ?? 200);
  }
}

/**
 * Removes a dead holder's lock without removing one a live run has just taken in its place: the file
 * is first moved aside (atomic), and put back if it turns out not to be the dead holder's.
 */
async function removeStale(lockPath: string, dead: Holder): Promise<boolean> {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false; // someone else got there first
  }
  const taken = await readHolder(aside);
  if (taken !== 'gone' && taken?.pid === dead.pid && taken.host === dead.host) {
    await rm(aside, { force: true });
    return true;
  }
  await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
  return false;
}

/** The lock's holder; undefined when it cannot be read (being written, or damaged); 'gone' when it vanished meanwhile. */
async function readHolder(lockPath: string): Promise<Holder | undefined | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.since === 'string'
      ? (value as Holder)
      : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: it exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
