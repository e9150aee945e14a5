import { open, realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Channel } from '../../config-schema.ts';

/** Where recipients come from, as a sentence for a message: never the addresses themselves. */
export type Recipients =
  { ok: true; addresses: string[] } | { ok: false; outcome: 'unset' | 'failed'; message: string };

// Domain labels exclude the dot that separates them, so matching stays linear.
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:".]+(?:\.[^\s@<>(),;:".]+)+$/;
/** A recipient list is text a person keeps: far below this. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * The channel's recipients, from the variable `to_env` names (separated by commas, semicolons or
 * line breaks) or from the file `to_file` inside the repository (one a line, `#` starts a comment).
 * A bad entry is reported by its position, never by its text: the list is private.
 */
export async function readRecipients(
  channel: Pick<Channel, 'to_env' | 'to_file'>,
  env: Readonly<Record<string, string | undefined>>,
  root: string | undefined,
): Promise<Recipients> {
  if (channel.to_env !== undefined) {
    const value = env[channel.to_env];
    if (!value?.trim())
      return {
        ok: false,
        outcome: 'unset',
        message: `${channel.to_env} is not set; set it to the recipients' addresses, separated by commas.`,
      };
    return checked(value.split(/[,;\n]/), channel.to_env);
  }
  if (channel.to_file === undefined)
    return {
      ok: false,
      outcome: 'failed',
      message: 'The channel names no recipients: add to_env or to_file.',
    };
  if (root === undefined)
    return {
      ok: false,
      outcome: 'failed',
      message: `${channel.to_file} cannot be read here: this run has no repository.`,
    };
  const text = await readInside(root, channel.to_file);
  if (typeof text !== 'string')
    return { ok: false, outcome: 'failed', message: `${channel.to_file} ${text.problem}` };
  return checked(
    text.split('\n').map((line) => line.replace(/#.*/, '')),
    channel.to_file,
  );
}

function checked(entries: string[], source: string): Recipients {
  const addresses: string[] = [];
  const bad: number[] = [];
  entries.forEach((entry, i) => {
    const address = entry.trim();
    if (address === '') return;
    if (ADDRESS.test(address)) addresses.push(address);
    else bad.push(i + 1);
  });
  if (bad.length > 0) {
    return {
      ok: false,
      outcome: 'failed',
      message: `${source}: entry ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''} is not an email address; write one plain address (name@example.com) per entry.`,
    };
  }
  if (addresses.length === 0)
    return {
      ok: false,
      outcome: 'failed',
      message: `${source} holds no address; write at least one (name@example.com).`,
    };
  return { ok: true, addresses: [...new Set(addresses)] };
}

/** A file under `root`, refusing any path (or symbolic link) that leads outside it, and anything too big for a list. */
async function readInside(root: string, path: string): Promise<string | { problem: string }> {
  let real: string;
  try {
    real = await realpath(resolve(root, path));
  } catch {
    return {
      problem:
        'does not exist in the repository; create it with one address per line, or fix to_file in notify.yaml.',
    };
  }
  const fromRoot = relative(await realpath(root), real);
  if (
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${sep}`) ||
    resolve(fromRoot) === fromRoot
  ) {
    return {
      problem: 'leads outside the repository; keep the recipient list in a file inside it.',
    };
  }
  const handle = await open(real, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return { problem: 'is not a file; write one address per line in a text file.' };
    if (info.size > MAX_FILE_BYTES)
      return {
        problem: `is larger than ${MAX_FILE_BYTES / 1_000_000} MB; a recipient list is one address per line.`,
      };
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
