import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildableRepoDir, runBuildCommand } from '../candor-bin.ts';
import { forAudience } from '../../src/core/audience.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import type { StatusModel } from '../../src/core/model.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const NOW = new Date('2026-11-23T12:00:00Z');

export const CONFIG = `
page: { name: Test Cloud, url: "https://example.github.io/status/", timezone: Europe/Berlin, description: Test page. }
groups:
  - { id: core, name: Core platform }
components:
  - { id: api, name: REST API, group: core, description: api.example.dev, since: 2025-01-01 }
  - { id: web, name: Website }
  - { id: auth, name: Sign-in, group: core }
`;

export type Files = Record<string, string>;

/** The public view of a repository given as `path -> text`, loaded exactly as a build loads it; refuses files with errors. */
export function publicModel(files: Files, now = NOW): StatusModel {
  const encode = (path: string) => ({ path, bytes: new TextEncoder().encode(files[path]) });
  const paths = Object.keys(files);
  const { model, diagnostics } = loadRepository(
    { ...(files['components.yaml'] ? { config: encode('components.yaml') } : {}), incidents: paths.filter((p) => p.startsWith('incidents/')).map(encode) },
    { now },
  );
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!model || errors.length > 0) throw new Error(`test fixture has errors: ${JSON.stringify(errors)}`);
  return forAudience(model, 'public');
}

/** A content repository on disk. */
export async function writeRepository(files: Files): Promise<string> {
  const root = await buildableRepoDir('feeds-');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** Runs the real `candor build` on the repository at `repo`, as a user would. */
export async function buildSite(repo: string, now: Date = NOW): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'candor-feeds-dist-'));
  await runBuildCommand(repo, ['--out', out], { CANDOR_NOW: now.toISOString() });
  return out;
}

/** An incident file with the given frontmatter lines and updates. */
export function incidentFile(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n${body.trim()}\n`;
}
