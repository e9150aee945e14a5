import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** A fresh folder for this run's built sites (see built-sites.ts), removed when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'candor-built-sites-'));
  project.provide('builtSites', folder);
  return () => rm(folder, { recursive: true, force: true });
}
