import {
  readBranchFile,
  updateBranchFile,
  type BranchFile,
  type FileVersion,
} from './branch-file.ts';
import type { Octokit } from './octokit.ts';

/** How a value is kept as text; `parse` throws a message a user can act on (naming the file) when the text is not valid. */
interface TextCodec<T> {
  parse: (text: string) => T;
  serialise: (value: T) => string;
}

/** A JSON document kept in one file on a data branch, updated with optimistic concurrency. */
export interface JsonBranchStore<T> {
  read: () => Promise<T | undefined>;
  /** Applies `change` to the freshest value (again after each conflict); undefined leaves it as it is. */
  update: (
    change: (current: T | undefined) => T | undefined,
    message: string,
  ) => Promise<T | undefined>;
}

export function jsonBranchStore<T>(
  octokit: Octokit,
  file: BranchFile,
  codec: TextCodec<T>,
): JsonBranchStore<T> {
  const { parse } = codec;
  // What this store last read or wrote: the next update starts from it rather than reading again.
  let lastKnown: { version: FileVersion | undefined } | undefined;
  return {
    read: async () => {
      const version = await readBranchFile(octokit, file);
      lastKnown = { version };
      return version === undefined ? undefined : parse(version.text);
    },
    update: async (change, message) => {
      const version = await updateBranchFile(
        octokit,
        file,
        (text) => {
          const next = change(text === undefined ? undefined : parse(text));
          return next === undefined ? undefined : codec.serialise(next);
        },
        { message, ...(lastKnown ? { lastKnown } : {}) },
      );
      lastKnown = { version };
      return version === undefined ? undefined : parse(version.text);
    },
  };
}
