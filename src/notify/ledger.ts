import type { LockOptions } from './file-lock.ts';
import { ownValue } from '../core/own.ts';
import * as z from 'zod';

/**
 * How a notice left the queue: `sent` (delivered, the receiver answered 2xx), `bootstrap` (recorded
 * without sending on a channel's first run, so history is not announced), `expired` (older than
 * max_age_hours when first seen, so never sent), `rejected` (the receiver refused this notice for
 * good with a 4xx, `status`, so it is set aside rather than blocking the channel).
 */
const ledgerEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  via: z.enum(['sent', 'bootstrap', 'expired', 'rejected']),
  status: z.number().int().optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

const ledgerSnapshotSchema = z.strictObject({
  version: z.literal(1),
  /** Channel id -> notice id -> entry. A channel present here is past its bootstrap. */
  channels: z.record(z.string(), z.record(z.string(), ledgerEntrySchema)),
});
/** What was delivered to each channel: plain JSON, the same in a file or on a git branch. */
export type LedgerSnapshot = z.infer<typeof ledgerSnapshotSchema>;

/**
 * Where the record of delivered notices lives. `record` must be durable when it resolves: the run
 * calls it after every single success, so a crash loses nothing and can repeat only the one notice
 * per channel accepted in the moment before the record.
 */
export interface Ledger {
  /** The whole ledger as it is now; undefined when there is none yet (the first run bootstraps). */
  list(): Promise<LedgerSnapshot | undefined>;
  has(channelId: string, noticeId: string): Promise<boolean>;
  /** Adds entries; a channel with an empty list is marked as known (bootstrapped) with nothing in it. */
  record(
    channelId: string,
    entries: readonly { noticeId: string; entry: LedgerEntry }[],
  ): Promise<void>;
  /**
   * Keeps other runs out until the returned function is called, for stores where two runs could
   * otherwise both read the same ledger and send the same notices. Called before `list`.
   */
  lock?(options: LockOptions): Promise<() => Promise<void>>;
}

export function emptyLedger(): LedgerSnapshot {
  return { version: 1, channels: {} };
}

/** Stable JSON with channels and notices sorted, so the same ledger always serialises the same way and diffs read well. */
export function serialiseLedger(snapshot: LedgerSnapshot): string {
  const sortedKeys = <T>(record: Record<string, T>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]!]),
    );
  const channels = Object.fromEntries(
    Object.keys(snapshot.channels)
      .sort()
      .map((id) => [id, sortedKeys(snapshot.channels[id]!)]),
  );
  return `${JSON.stringify({ version: 1, channels }, null, 2)}\n`;
}

/** Parses ledger JSON; a damaged ledger is an error to fix, never silently treated as empty (that would re-send). */
export function parseLedger(text: string, source = 'the ledger'): LedgerSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new LedgerError(`${source} is not valid JSON (${(cause as Error).message}).`);
  }
  const parsed = ledgerSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LedgerError(
      `${source} is not a Candor ledger: ${issue.path.join('.') || 'the top level'}: ${issue.message}.`,
    );
  }
  return parsed.data;
}

export function ledgerHas(
  snapshot: LedgerSnapshot | undefined,
  channelId: string,
  noticeId: string,
): boolean {
  return ownValue(ownValue(snapshot?.channels, channelId), noticeId) !== undefined;
}

/** A copy of `snapshot` with the entries added: the one merge rule every store uses. */
export function withRecords(
  snapshot: LedgerSnapshot | undefined,
  channelId: string,
  entries: readonly { noticeId: string; entry: LedgerEntry }[],
): LedgerSnapshot {
  const base = snapshot ?? emptyLedger();
  const notices = { ...ownValue(base.channels, channelId) };
  for (const { noticeId, entry } of entries)
    if (!Object.hasOwn(notices, noticeId)) notices[noticeId] = entry;
  return { version: 1, channels: { ...base.channels, [channelId]: notices } };
}

/** The ledger file or store cannot be read or written; the run stops before sending anything more. */
export class LedgerError extends Error {}
