import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { error, type Diagnostic } from './diagnostics.ts';
import { MAX_FILE_BYTES, type SourceFile } from './source-text.ts';

/**
 * The one way Candor reads a file of a repository (components.yaml, notify.yaml, incidents,
 * templates). Content arrives by pull request, so a file may be a symbolic link to a key or to
 * /proc/self/environ, a device that never ends, a pipe that never answers, or a folder: only a
 * regular file, reached through no symbolic link, is read, and never more than the size limit
 * needs. Everything else becomes a diagnostic on the path, never an exception.
 */
type ReadResult = { file: SourceFile } | { missing: true } | { refused: Diagnostic };

/** O_NONBLOCK: opening a named pipe would otherwise wait for a writer forever. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

const at = { line: 1, column: 1 };

function refused(path: string, message: string, hint: string): { refused: Diagnostic } {
  return { refused: error(path, at, 'unreadable-file', message, hint) };
}

const SYMLINK_HINT =
  'Candor reads only files inside the repository: replace the link with the file or folder itself (`git rm` the link, then add the real one).';

function refusedLink(path: string, what = 'file'): { refused: Diagnostic } {
  return refused(
    path,
    `${path} is a symbolic link; Candor does not follow links, so this ${what} is not read.`,
    SYMLINK_HINT,
  );
}

function notRegular(path: string): { refused: Diagnostic } {
  return refused(
    path,
    `${path} is not a regular file (a device, a pipe or a socket); Candor does not read it.`,
    `Commit ${path} as an ordinary text file.`,
  );
}

/** What an error from the file system means for the path, in words. */
function refusedFor(path: string, cause: unknown): { refused: Diagnostic } {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return refusedLink(path);
  if (code === 'EACCES' || code === 'EPERM')
    return refused(
      path,
      `${path} cannot be read: permission denied.`,
      'Make the file readable by the user running Candor.',
    );
  return refused(
    path,
    `${path} cannot be read (${code ?? 'unknown error'}).`,
    'Check that it is an ordinary file committed to the repository.',
  );
}

/** A folder on the way to `path` (templates/, incidents/2026/) that is a symbolic link would lead outside the repository. */
function linkOnTheWay(root: string, path: string): string | undefined {
  const parts = path.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    const stats = lstatOrUndefined(join(root, folder));
    if (stats?.isSymbolicLink()) return folder;
  }
  return undefined;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Reads `path` (relative to `root`, with forward slashes). A file larger than `maxBytes` is read
 * only up to one byte more, which is enough for the size check to refuse it.
 */
export async function readSourceFile(
  root: string,
  path: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<ReadResult> {
  return readSourceFileSync(root, path, maxBytes);
}

/**
 * readSourceFile without the event loop: files are small and local, and one synchronous read
 * costs a fifth of the CPU of an asynchronous one (BENCHMARKS.md). Nothing here can wait
 * forever: a pipe is opened without blocking and refused before any read.
 */
export function readSourceFileSync(
  root: string,
  path: string,
  maxBytes = MAX_FILE_BYTES,
): ReadResult {
  const link = linkOnTheWay(root, path);
  if (link) return refusedLink(link, 'folder');
  let fd;
  try {
    fd = openSync(join(root, path), OPEN_FLAGS);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return refusedFor(path, cause);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      return refused(
        path,
        `${path} is a folder, not a file.`,
        `Remove the folder (\`git rm -r ${path}\`) and commit ${path} as a file.`,
      );
    }
    if (!stats.isFile()) return notRegular(path);
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    // A file may grow while it is read: stop one byte past the limit whatever its size said.
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { file: { path, bytes: buffer.subarray(0, length) } };
  } catch (cause) {
    return refusedFor(path, cause);
  } finally {
    closeSync(fd);
  }
}

/**
 * The files under `folder` (relative to `root`) at any depth that `wanted` accepts, relative to
 * `root`, sorted. A symbolic link anywhere in the folder is refused, not silently skipped; the
 * folder itself being a link or a file is refused too.
 */
export async function listFolder(
  root: string,
  folder: string,
  wanted: (name: string) => boolean,
): Promise<{ paths: string[]; refused: Diagnostic[] }> {
  let stats;
  try {
    stats = await lstat(join(root, folder));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { paths: [], refused: [] };
    return { paths: [], refused: [refusedFor(folder, cause).refused] };
  }
  if (stats.isSymbolicLink())
    return { paths: [], refused: [refusedLink(folder, 'folder').refused] };
  if (!stats.isDirectory()) {
    return {
      paths: [],
      refused: [
        refused(
          folder,
          `${folder} is a file, not a folder.`,
          `Make ${folder}/ a folder holding one Markdown file per incident.`,
        ).refused,
      ],
    };
  }
  let entries;
  try {
    // Recursive listing reports links as links and does not descend into them.
    entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  } catch (cause) {
    return { paths: [], refused: [refusedFor(folder, cause).refused] };
  }
  const paths: string[] = [];
  const problems: Diagnostic[] = [];
  for (const entry of entries) {
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (entry.isSymbolicLink()) problems.push(refusedLink(path, 'entry').refused);
    else if (entry.isFile() && wanted(entry.name)) paths.push(path);
    else if (!entry.isFile() && !entry.isDirectory() && wanted(entry.name)) {
      problems.push(notRegular(path).refused);
    }
  }
  return { paths: paths.sort(), refused: problems };
}
