import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BUILD_MANIFEST, buildManifestSchema } from '../core/build-manifest.ts';
import { readSourceFile } from '../core/read-source-file.ts';

/** The deployed build cannot be read: notices wait rather than run ahead of a page nobody can vouch for. */
export class DeployedBuildError extends Error {}

/** A manifest is a few dozen bytes; anything much larger is not one. */
const MAX_BYTES = 4096;
const TIMEOUT_MS = 10_000;

/**
 * When the deployed site was built, from its candor-build.json: `where` is the site's URL (read as
 * a reader would, past any cache), its output folder, or the manifest file itself. A site's cached
 * copy can only be older than the deploy, which delays a notice and never sends one early.
 */
export async function deployedBuildTime(where: string, cwd: string): Promise<Date> {
  const text = /^https?:\/\//i.test(where)
    ? await fetchManifest(where)
    : await readManifest(resolve(cwd, where));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DeployedBuildError(`The ${BUILD_MANIFEST} of the deployed build is not JSON.`);
  }
  const parsed = buildManifestSchema.safeParse(json);
  if (!parsed.success)
    throw new DeployedBuildError(
      `The ${BUILD_MANIFEST} of the deployed build has no valid built_at; rebuild the site with this version of Candor.`,
    );
  return new Date(parsed.data.built_at);
}

async function readManifest(path: string): Promise<string> {
  const file = (await stat(path).catch(() => undefined))?.isDirectory()
    ? join(path, BUILD_MANIFEST)
    : path;
  const result = await readSourceFile(dirname(file), basename(file), MAX_BYTES);
  if ('missing' in result)
    throw new DeployedBuildError(
      `There is no ${file}: point --deployed at the folder the site was built into (e.g. dist), its ${BUILD_MANIFEST}, or the site's URL.`,
    );
  if ('refused' in result) throw new DeployedBuildError(result.refused.message);
  if (result.file.bytes.length > MAX_BYTES)
    throw new DeployedBuildError(`${file} is too large to be a ${BUILD_MANIFEST}.`);
  return new TextDecoder().decode(result.file.bytes);
}

async function fetchManifest(site: string): Promise<string> {
  const url = new URL(BUILD_MANIFEST, site.endsWith('/') ? site : `${site}/`);
  // A query of its own gets past caches (GitHub Pages serves files with max-age=600).
  url.searchParams.set('candor', String(Date.now()));
  const shown = `${url.origin}${url.pathname}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new DeployedBuildError(
      `${shown} could not be fetched (no answer within ${TIMEOUT_MS / 1000} s, or a network error).`,
    );
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new DeployedBuildError(
      `${shown} answered HTTP ${response.status}; the site may not be deployed yet, or was built by an older Candor.`,
    );
  }
  const text = await response.text();
  if (text.length > MAX_BYTES)
    throw new DeployedBuildError(`${shown} is too large to be a ${BUILD_MANIFEST}.`);
  return text;
}
