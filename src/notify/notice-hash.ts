import { createHash } from 'node:crypto';

/** A hash of a channel and a notice: stable across runs, unique per channel, and it reveals neither. */
export function noticeHash(channelId: string, noticeId: string, length: number): string {
  return createHash('sha256')
    .update(`${channelId}\n${noticeId}`)
    .digest('base64url')
    .slice(0, length);
}
